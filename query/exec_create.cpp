// CREATE: for each input row, the pattern's new nodes and relationships.
#include <algorithm>

#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/exec_pattern.hpp"
#include "query/exec_write.hpp"
#include "query/plan.hpp"
#include "query/query_error.hpp"

namespace kith::query {

Map properties_value(const Value& v, ExecContext& ctx, const char* what) {
  if (v.is_null()) return {};
  if (v.is<Map>()) return v.as<Map>();
  Graph& g = ctx.graph;
  const PropertyList* props = nullptr;
  if (v.is<NodeRef>() && g.node_exists(v.as<NodeRef>().id)) {
    props = &g.node_properties(v.as<NodeRef>().id);
  } else if (v.is<RelRef>() && g.relationship_exists(v.as<RelRef>().id)) {
    props = &g.rel_properties(v.as<RelRef>().id);
  }
  if (!props) {
    throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                     fmt::format("{} expects a MAP", what));
  }
  Map out;
  for (const auto& [k, val] : *props)
    out[g.key_name(k)] = val;
  return out;
}

namespace {

PropertyList property_list(const ast::Expr* e, const Row& row, const Scope& scope, ExecContext& ctx,
                           std::int64_t& count) {
  PropertyList out;
  if (!e) return out;
  Evaluator ev(row, scope, ctx);
  for (auto& [k, v] : properties_value(ev.eval(*e), ctx, "CREATE")) {
    if (v.is_null()) continue;
    out.emplace_back(ctx.graph.intern_key(k), std::move(v));
    ++count;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace

void add_pattern_slots(const std::vector<const ast::PatternPart*>& parts, Scope& scope) {
  for (const ast::PatternPart* p : parts) {
    scope.add(pattern_slot_name(p->start.variable, p->start.pos, 'n'));
    for (const auto& s : p->steps) {
      scope.add(pattern_slot_name(s.relationship.variable, s.relationship.pos, 'r'));
      scope.add(pattern_slot_name(s.node.variable, s.node.pos, 'n'));
    }
    if (p->path_variable) scope.add(*p->path_variable);
  }
}

void create_pattern(const std::vector<const ast::PatternPart*>& parts, Row& row, const Scope& scope,
                    ExecContext& ctx) {
  Graph& g = ctx.graph;
  // Slots this CREATE fills; a variable named twice in the pattern is created once.
  std::vector<bool> created(scope.size(), false);
  auto node = [&](const ast::NodePattern& n) -> NodeId {
    const int slot = scope.find(pattern_slot_name(n.variable, n.pos, 'n'));
    if (row[slot].is<NodeRef>()) return row[slot].as<NodeRef>().id;
    if (n.variable && !row[slot].is_null() && !created[slot]) {
      throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                       fmt::format("`{}` is not a node", *n.variable));
    }
    std::vector<SymbolId> labels;
    for (const auto& l : n.labels)
      labels.push_back(g.intern_label(l));
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    PropertyList props =
        property_list(n.properties.get(), row, scope, ctx, ctx.effects.properties_set);
    const NodeId id = g.create_node(labels, std::move(props));
    ++ctx.effects.nodes_created;
    ctx.created_nodes.insert(id);
    ctx.effects.labels_added += static_cast<std::int64_t>(labels.size());
    row[slot] = NodeRef{id};
    created[slot] = true;
    return id;
  };
  for (const ast::PatternPart* p : parts) {
    ctx.tick();
    NodeId left = node(p->start);
    Path path;
    path.nodes.push_back(left);
    for (const auto& s : p->steps) {
      const NodeId right = node(s.node);
      const auto& r = s.relationship;
      const SymbolId type = g.intern_type(r.types.at(0));
      PropertyList props =
          property_list(r.properties.get(), row, scope, ctx, ctx.effects.properties_set);
      const bool backwards = r.direction == ast::Direction::Left;
      const RelId rel = g.create_relationship(backwards ? right : left, backwards ? left : right,
                                              type, std::move(props));
      ++ctx.effects.relationships_created;
      ctx.created_rels.insert(rel);
      row[scope.find(pattern_slot_name(r.variable, r.pos, 'r'))] = RelRef{rel};
      path.rels.push_back(rel);
      path.nodes.push_back(right);
      left = right;
    }
    if (p->path_variable) row[scope.find(*p->path_variable)] = std::move(path);
  }
}

namespace {

class CreateOperator : public Operator {
 public:
  explicit CreateOperator(const ast::Create& c) : parts_(PatternMatcher::parts_of(c.pattern)) {}

  std::vector<std::string> explain(Scope& scope, ExecContext&) const override {
    add_pattern_slots(parts_, scope);
    return {"Create"};
  }

  void run(Table& table, ExecContext& ctx) const override {
    add_pattern_slots(parts_, table.scope);
    for (Row& row : table.rows) {
      row.resize(table.scope.size());
      create_pattern(parts_, row, table.scope, ctx);
    }
  }

 private:
  std::vector<const ast::PatternPart*> parts_;
};

}  // namespace

OperatorPtr make_create(const ast::Create& create) {
  return std::make_unique<CreateOperator>(create);
}

}  // namespace kith::query
