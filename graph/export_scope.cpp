#include "graph/export_scope.hpp"

#include <algorithm>

namespace kith {
namespace {

template <class Id>
void sort_unique(std::vector<Id>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

ExportScope resolve_export_scope(const Graph& g, const ExportSelection& sel) {
  ExportScope scope;
  if (sel.whole_graph()) {
    scope.nodes.reserve(g.node_count());
    scope.rels.reserve(g.relationship_count());
    g.for_each_node([&](NodeId n) { scope.nodes.push_back(n); });
    g.for_each_relationship([&](RelId r) { scope.rels.push_back(r); });
    return scope;
  }
  for (NodeId n : sel.nodes) {
    if (g.node_exists(n)) scope.nodes.push_back(n);
  }
  for (RelId r : sel.rels) {
    if (!g.relationship_exists(r)) continue;
    scope.rels.push_back(r);
    scope.nodes.push_back(g.source(r));
    scope.nodes.push_back(g.target(r));
  }
  sort_unique(scope.nodes);
  sort_unique(scope.rels);
  return scope;
}

}  // namespace kith
