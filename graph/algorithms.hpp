// Graph algorithms over a TraversalFilter's view of the graph. Boost.Graph's implementations
// are used where it has them (Dijkstra, Brandes betweenness, components); BFS variants and
// PageRank are written against the CSR view directly because Boost has no weighted or
// personalised PageRank and its BFS visitor adds nothing to a frontier loop.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "graph/csr_view.hpp"
#include "graph/graph.hpp"

namespace kith {

struct Hop {
  NodeId node;
  int depth;  // 0 for the start node
  friend bool operator==(const Hop&, const Hop&) = default;
};
// Nodes reachable from `start` in at most `max_depth` hops (the start included, depth 0),
// in BFS order (by depth, then in the order first reached).
std::vector<Hop> k_hop(const Graph& g, NodeId start, int max_depth, const TraversalFilter& f);

// One shortest path by hop count (BFS, bidirectional when direction allows), or nullopt.
// max_depth < 0 means unbounded.
std::optional<Path> shortest_path(const Graph& g, NodeId from, NodeId to, const TraversalFilter& f,
                                  int max_depth = -1);
// Every shortest path by hop count, each once, in a deterministic order; at most `limit`.
std::vector<Path> all_shortest_paths(const Graph& g, NodeId from, NodeId to,
                                     const TraversalFilter& f, int max_depth = -1,
                                     std::size_t limit = 10000);

struct WeightedPath {
  Path path;
  double cost = 0;
};
// Dijkstra over the numeric relationship property `weight_key`; a relationship without it
// (or with a non-numeric value) weighs `default_weight`. Negative weights are treated as 0.
std::optional<WeightedPath> weighted_shortest_path(const Graph& g, NodeId from, NodeId to,
                                                   const TraversalFilter& f, SymbolId weight_key,
                                                   double default_weight = 1.0);

struct NodeScore {
  NodeId node;
  double score;
};

struct PageRankOptions {
  double damping = 0.85;
  int max_iterations = 20;
  double tolerance = 1e-7;                             // stop when the L1 change falls below it
  std::optional<SymbolId> weight_key;                  // weighted PageRank when set
  std::unordered_map<NodeId, double> personalization;  // empty: uniform teleport
};
// Scores of every included node, summing to 1, sorted by score descending then id.
std::vector<NodeScore> page_rank(const Graph& g, const TraversalFilter& f,
                                 const PageRankOptions& options = {});

// Brandes betweenness centrality (unweighted), over the view's direction (Both = undirected).
// normalized divides by (n-1)(n-2) (directed) or (n-1)(n-2)/2 (undirected).
std::vector<NodeScore> betweenness(const Graph& g, const TraversalFilter& f,
                                   bool normalized = false);

struct Component {
  NodeId node;
  NodeId component;  // the smallest node id in the node's component
};
// Weakly connected components (direction ignored), in node id order.
std::vector<Component> weakly_connected_components(const Graph& g, const TraversalFilter& f);

}  // namespace kith
