// Betweenness centrality with boost::brandes_betweenness_centrality, run on a compact simple
// copy of the view: one vertex per node in the view and one edge per walkable (from, to)
// pair. Parallel relationships and self-loops are dropped so that, as in networkx, they add no
// shortest paths; with Both the copy holds each pair both ways, i.e. the undirected graph.
// Brandes costs O(nodes * edges), so the O(edges) copy is noise.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "graph/algorithms.hpp"

namespace kith {

std::vector<NodeScore> betweenness(const Graph& g, const TraversalFilter& f, bool normalized) {
  const auto view = g.csr(f);
  const std::uint32_t n = view->vertex_count();
  std::vector<std::uint32_t> node_of;  // compact vertex -> node id
  std::vector<std::uint32_t> compact(n, std::numeric_limits<std::uint32_t>::max());
  for (std::uint32_t v = 0; v < n; ++v) {
    if (!view->includes(v)) continue;
    compact[v] = static_cast<std::uint32_t>(node_of.size());
    node_of.push_back(v);
  }
  const auto count = static_cast<std::uint32_t>(node_of.size());

  // Built in compact-vertex order with each vertex's targets sorted, so the edges are sorted.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<std::uint32_t> targets;
  for (std::uint32_t from = 0; from < count; ++from) {
    targets.clear();
    view->for_each_neighbour(node_of[from], [&](std::uint32_t w, std::uint32_t) {
      if (compact[w] != from) targets.push_back(compact[w]);
    });
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    for (std::uint32_t to : targets)
      edges.emplace_back(from, to);
  }
  using SimpleGraph =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                         boost::no_property, std::uint32_t, std::uint32_t>;
  const SimpleGraph simple(boost::edges_are_sorted, edges.begin(), edges.end(), count);

  std::vector<double> centrality(count, 0.0);
  boost::brandes_betweenness_centrality(
      simple,
      boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, simple)));

  // Brandes sums over ordered (source, target) pairs; an undirected graph counts each pair
  // twice. networkx halves that when not normalising, and divides by (n-1)(n-2) when it does.
  double scale = 1.0;
  if (normalized) {
    if (count > 2) scale = 1.0 / ((count - 1.0) * (count - 2.0));
  } else if (view->direction() == Direction::Both) {
    scale = 0.5;
  }
  std::vector<NodeScore> scores;
  scores.reserve(count);
  for (std::uint32_t v = 0; v < count; ++v)
    scores.push_back(NodeScore{node_of[v], centrality[v] * scale});
  std::sort(scores.begin(), scores.end(), [](const NodeScore& a, const NodeScore& b) {
    return a.score != b.score ? a.score > b.score : a.node < b.node;
  });
  return scores;
}

}  // namespace kith
