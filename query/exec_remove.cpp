// REMOVE: properties and labels. Null targets (from OPTIONAL MATCH) are skipped.
#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/plan.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

class RemoveOperator : public Operator {
 public:
  explicit RemoveOperator(const ast::Remove& r) : remove_(r) {}
  std::vector<std::string> explain(Scope&, ExecContext&) const override { return {"Remove"}; }

  void run(Table& table, ExecContext& ctx) const override {
    Graph& g = ctx.graph;
    for (Row& row : table.rows) {
      ctx.tick();
      Evaluator ev(row, table.scope, ctx);
      for (const auto& item : remove_.items) {
        if (item.kind == ast::RemoveItem::Kind::Property) {
          const auto& access = item.target->as<ast::PropertyAccess>();
          const Value target = ev.eval(*access.object);
          const auto key = g.find_key(access.key);
          if (target.is_null() || !key) continue;
          bool removed = false;
          if (target.is<NodeRef>()) {
            if (g.node_exists(target.as<NodeRef>().id)) {
              removed = g.remove_node_property(target.as<NodeRef>().id, *key);
            }
          } else if (target.is<RelRef>()) {
            if (g.relationship_exists(target.as<RelRef>().id)) {
              removed = g.remove_rel_property(target.as<RelRef>().id, *key);
            }
          } else {
            throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                             "REMOVE expects a node or a relationship");
          }
          const bool created = target.is<NodeRef>()
                                   ? ctx.created_nodes.contains(target.as<NodeRef>().id)
                                   : ctx.created_rels.contains(target.as<RelRef>().id);
          // On an entity this statement created, the property's setting is taken back.
          if (removed && created) --ctx.effects.properties_set;
          if (removed && !created) ++ctx.effects.properties_removed;
        } else {
          const Value target = ev.eval(ast::Expr{item.pos, ast::Variable{item.variable}});
          if (target.is_null()) continue;
          if (!target.is<NodeRef>()) {
            throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                             "REMOVE of labels expects a node");
          }
          for (const auto& l : item.labels) {
            const auto label = g.find_label(l);
            if (label && g.remove_label(target.as<NodeRef>().id, *label)) {
              ++ctx.effects.labels_removed;
            }
          }
        }
      }
    }
  }

 private:
  const ast::Remove& remove_;
};

}  // namespace

OperatorPtr make_remove(const ast::Remove& remove) {
  return std::make_unique<RemoveOperator>(remove);
}

}  // namespace kith::query
