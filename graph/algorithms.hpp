// Graph algorithms over a TraversalFilter's view of the graph (graph/csr_view.hpp): only
// relationships of the filter's types, between nodes carrying one of its labels, walked in its
// direction. Deleted nodes and relationships never appear. A start or end node outside the
// view (deleted, unknown, or without one of the labels) gives an empty result, not an error.
//
// Boost.Graph's implementations are used where it has them (Dijkstra, Brandes betweenness,
// disjoint sets); BFS variants and PageRank are written against the CSR view directly, because
// Boost has no weighted or personalised PageRank and its BFS visitor adds nothing to a frontier
// loop. Every function takes the cached view from Graph::csr(), so repeated calls between
// writes do not rebuild it.
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
// Nodes reachable from `start` in at most `max_depth` hops (max_depth < 0: unbounded, i.e. a
// full BFS), the start included at depth 0, in BFS order: by depth, then in the order first
// reached (a node's neighbours in the CSR view's edge order).
std::vector<Hop> k_hop(const Graph& g, NodeId start, int max_depth, const TraversalFilter& f);

// One shortest path by hop count, or nullopt when `to` is unreachable within max_depth hops
// (max_depth < 0: unbounded). from == to gives the zero-length path. The search is a
// bidirectional BFS (the view keeps both edge directions, so every direction allows it).
std::optional<Path> shortest_path(const Graph& g, NodeId from, NodeId to, const TraversalFilter& f,
                                  int max_depth = -1);
// Every shortest path by hop count, each once (parallel relationships give distinct paths), at
// most `limit` of them (the first ones in this order): compared step by step, by the id of the
// node reached, then of the relationship taken. Found by BFS layering and enumeration of the
// shortest-path DAG only, so the cost is the BFS plus the paths returned.
std::vector<Path> all_shortest_paths(const Graph& g, NodeId from, NodeId to,
                                     const TraversalFilter& f, int max_depth = -1,
                                     std::size_t limit = 10000);

// The weight weighted algorithms read from a relationship: its numeric property `weight_key`,
// `default_weight` when absent, non-numeric or NaN, and 0 when negative (or NaN by default).
double relationship_weight(const Graph& g, RelId rel, SymbolId weight_key, double default_weight);

struct WeightedPath {
  Path path;
  double cost = 0;
};
// Dijkstra over the numeric relationship property `weight_key`; a relationship without it
// (or with a non-numeric or NaN value) weighs `default_weight`. Negative weights are treated
// as 0; an infinite weight makes the relationship impassable.
std::optional<WeightedPath> weighted_shortest_path(const Graph& g, NodeId from, NodeId to,
                                                   const TraversalFilter& f, SymbolId weight_key,
                                                   double default_weight = 1.0);

struct NodeScore {
  NodeId node;
  double score;
  friend bool operator==(const NodeScore&, const NodeScore&) = default;
};

// networkx.pagerank's semantics and defaults: the view as a multigraph walked in its direction
// (Both: each relationship both ways, a self-loop once), parallel relationships' weights
// summed, a node's out-weight split in proportion to edge weight, and the rank of dangling
// nodes (no out-weight) redistributed along the teleport vector.
struct PageRankOptions {
  double damping = 0.85;
  int max_iterations = 100;  // the last iterate is returned if the tolerance is not reached
  double tolerance = 1e-6;   // stop when the L1 change is below tolerance * node count
  // Weighted PageRank when set: the numeric relationship property, 1 when absent, non-numeric
  // or NaN, 0 when negative.
  std::optional<SymbolId> weight_key;
  // Teleport weights (normalised to sum 1; nodes not listed get 0); empty means uniform.
  // Throws std::invalid_argument when a weight is negative or none of the listed nodes in the
  // view has a positive weight.
  std::unordered_map<NodeId, double> personalization;
};
// Scores of every node in the view, summing to 1, sorted by score descending then id.
std::vector<NodeScore> page_rank(const Graph& g, const TraversalFilter& f,
                                 const PageRankOptions& options = {});

// Brandes betweenness centrality (unweighted) of every node in the view, sorted by score
// descending then id, as networkx.betweenness_centrality computes it: over the view's
// direction (In gives the same scores as Out; Both treats the graph as undirected and counts
// each unordered pair once), on the simple graph (parallel relationships and self-loops do
// not add paths). `normalized` divides by (n-1)(n-2) (directed) or (n-1)(n-2)/2 (undirected),
// n being the number of nodes in the view; with n <= 2 nothing is divided. Costs
// O(nodes * edges): meant for views of up to some tens of thousands of nodes.
std::vector<NodeScore> betweenness(const Graph& g, const TraversalFilter& f,
                                   bool normalized = false);

struct Component {
  NodeId node;
  NodeId component;  // the smallest node id in the node's component
  friend bool operator==(const Component&, const Component&) = default;
};
// Weakly connected components of the view (direction ignored), one entry per node in the view,
// in node id order.
std::vector<Component> weakly_connected_components(const Graph& g, const TraversalFilter& f);

}  // namespace kith
