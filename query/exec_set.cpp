// SET: property assignment, replacing (=) or merging (+=) all properties, adding labels.
// Setting a property to null removes it. Null targets (from OPTIONAL MATCH) are skipped.
#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/exec_write.hpp"
#include "query/plan.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

[[noreturn]] void not_an_entity(const Value& v) {
  throw QueryError(
      ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
      fmt::format("SET expects a node or a relationship, got {}", type_name(v.type())));
}

// Sets one property of a node or relationship, counting what changed.
void set_property(const Value& target, const std::string& key, Value value, ExecContext& ctx) {
  Graph& g = ctx.graph;
  const SymbolId k = g.intern_key(key);
  const bool is_node = target.is<NodeRef>();
  if (!is_node && !target.is<RelRef>()) not_an_entity(target);
  const std::uint64_t id = is_node ? target.as<NodeRef>().id : target.as<RelRef>().id;
  if (is_node ? !g.node_exists(id) : !g.relationship_exists(id)) return;
  const Value* old = is_node ? g.node_property(id, k) : g.rel_property(id, k);
  const bool created = is_node ? ctx.created_nodes.contains(id) : ctx.created_rels.contains(id);
  if (value.is_null()) {
    // On an entity this statement created, the property's setting is taken back instead.
    if (old && created) --ctx.effects.properties_set;
    if (old && !created) ++ctx.effects.properties_removed;
  } else {
    if (value.is<List>()) {
      for (const Value& v : value.as<List>()) {
        if (v.is<List>() || v.is<Map>() || v.is<NodeRef>() || v.is<RelRef>() || v.is<Path>()) {
          throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidPropertyType",
                           "a property list may hold only simple values");
        }
      }
    } else if (value.is<Map>() || value.is<NodeRef>() || value.is<RelRef>() || value.is<Path>()) {
      throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidPropertyType",
                       fmt::format("a property cannot hold a {}", type_name(value.type())));
    }
    // The TCK counts an overwrite as the old value removed and the new one set, except on an
    // entity this statement created, where only the first setting counts.
    if (old && !created) ++ctx.effects.properties_removed;
    if (!old || !created) ++ctx.effects.properties_set;
  }
  if (is_node) {
    g.set_node_property(id, k, std::move(value));
  } else {
    g.set_rel_property(id, k, std::move(value));
  }
}

}  // namespace

void apply_set_item(const ast::SetItem& item, Row& row, const Scope& scope, ExecContext& ctx) {
  Evaluator ev(row, scope, ctx);
  Graph& g = ctx.graph;
  switch (item.kind) {
    case ast::SetItem::Kind::Property: {
      const auto& access = item.target->as<ast::PropertyAccess>();
      const Value target = ev.eval(*access.object);
      Value value = ev.eval(*item.value);
      if (target.is_null()) return;
      set_property(target, access.key, std::move(value), ctx);
      return;
    }
    case ast::SetItem::Kind::Replace:
    case ast::SetItem::Kind::Merge: {
      const Value target = ev.eval(ast::Expr{item.pos, ast::Variable{item.variable}});
      const Value value = ev.eval(*item.value);
      if (target.is_null()) return;
      if (!target.is<NodeRef>() && !target.is<RelRef>()) not_an_entity(target);
      const Map props = properties_value(value, ctx, "SET");
      if (item.kind == ast::SetItem::Kind::Replace) {
        // Remove what the new map does not mention.
        const bool is_node = target.is<NodeRef>();
        const std::uint64_t id = is_node ? target.as<NodeRef>().id : target.as<RelRef>().id;
        const PropertyList old = is_node ? g.node_properties(id) : g.rel_properties(id);
        for (const auto& [k, v] : old) {
          if (!props.contains(g.key_name(k))) set_property(target, g.key_name(k), Value(), ctx);
        }
      }
      for (const auto& [k, v] : props)
        set_property(target, k, v, ctx);
      return;
    }
    case ast::SetItem::Kind::AddLabels: {
      const Value target = ev.eval(ast::Expr{item.pos, ast::Variable{item.variable}});
      if (target.is_null()) return;
      if (!target.is<NodeRef>()) not_an_entity(target);
      for (const auto& l : item.labels) {
        if (g.add_label(target.as<NodeRef>().id, g.intern_label(l))) ++ctx.effects.labels_added;
      }
      return;
    }
  }
}

namespace {

class SetOperator : public Operator {
 public:
  explicit SetOperator(const ast::Set& s) : set_(s) {}
  std::vector<std::string> explain(Scope&, ExecContext&) const override {
    return {"SetProperties"};
  }
  void run(Table& table, ExecContext& ctx) const override {
    for (Row& row : table.rows) {
      ctx.tick();
      for (const auto& item : set_.items)
        apply_set_item(item, row, table.scope, ctx);
    }
  }

 private:
  const ast::Set& set_;
};

}  // namespace

OperatorPtr make_set(const ast::Set& set) {
  return std::make_unique<SetOperator>(set);
}

}  // namespace kith::query
