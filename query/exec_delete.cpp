// DELETE and DETACH DELETE. The targets of every row are gathered first and relationships
// deleted before nodes, so `MATCH (a)-[r]->(b) DELETE r, a, b` works row by row as it does in a
// transaction; a node that still has relationships after that is an error unless DETACH.
#include <fmt/format.h>

#include <set>

#include "query/exec_expression.hpp"
#include "query/plan.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

class DeleteOperator : public Operator {
 public:
  explicit DeleteOperator(const ast::Delete& d) : delete_(d) {}
  std::vector<std::string> explain(Scope&, ExecContext&) const override {
    return {delete_.detach ? "DetachDelete" : "Delete"};
  }

  void run(Table& table, ExecContext& ctx) const override {
    std::set<NodeId> nodes;
    std::set<RelId> rels;
    for (Row& row : table.rows) {
      ctx.tick();
      Evaluator ev(row, table.scope, ctx);
      for (const auto& target : delete_.targets) {
        const Value v = ev.eval(*target);
        if (v.is_null()) continue;
        if (v.is<NodeRef>()) {
          nodes.insert(v.as<NodeRef>().id);
        } else if (v.is<RelRef>()) {
          rels.insert(v.as<RelRef>().id);
        } else if (v.is<Path>()) {
          nodes.insert(v.as<Path>().nodes.begin(), v.as<Path>().nodes.end());
          rels.insert(v.as<Path>().rels.begin(), v.as<Path>().rels.end());
        } else {
          throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                           fmt::format("DELETE expects a node, relationship or path, got {}",
                                       type_name(v.type())));
        }
      }
    }
    Graph& g = ctx.graph;
    // The TCK counts the properties a deleted entity held as removed; deleting what this
    // statement created takes the creation back instead.
    auto count = [&](bool created, std::int64_t props, std::int64_t& created_count,
                     std::int64_t& deleted_count) {
      if (created) {
        --created_count;
        ctx.effects.properties_set -= props;
      } else {
        ++deleted_count;
        ctx.effects.properties_removed += props;
      }
    };
    auto delete_rel = [&](RelId r) {
      if (!g.relationship_exists(r)) return;
      const auto props = static_cast<std::int64_t>(g.rel_properties(r).size());
      if (g.delete_relationship(r)) {
        count(ctx.created_rels.contains(r), props, ctx.effects.relationships_created,
              ctx.effects.relationships_deleted);
        ctx.deleted_rels.insert(r);
      }
    };
    for (RelId r : rels)
      delete_rel(r);
    for (NodeId n : nodes) {
      if (!g.node_exists(n)) continue;
      if (!delete_.detach && g.degree(n, Direction::Both) > 0) {
        throw QueryError(ErrorPhase::Runtime, "ConstraintVerificationFailed", "DeleteConnectedNode",
                         "cannot delete a node that still has relationships; use DETACH DELETE");
      }
      std::vector<RelId> attached;
      g.for_each_relationship(n, Direction::Both, {},
                              [&](RelId r, NodeId) { attached.push_back(r); });
      for (RelId r : attached)
        delete_rel(r);
      const auto props = static_cast<std::int64_t>(g.node_properties(n).size());
      if (g.delete_node(n, delete_.detach) == Graph::DeleteResult::Deleted) {
        count(ctx.created_nodes.contains(n), props, ctx.effects.nodes_created,
              ctx.effects.nodes_deleted);
        ctx.deleted_nodes.insert(n);
      }
    }
  }

 private:
  const ast::Delete& delete_;
};

}  // namespace

OperatorPtr make_delete(const ast::Delete& del) {
  return std::make_unique<DeleteOperator>(del);
}

}  // namespace kith::query
