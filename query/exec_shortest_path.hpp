// shortestPath / allShortestPaths between two bound nodes: breadth-first search over the
// pattern's relationship types and direction, never path enumeration.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "graph/graph.hpp"
#include "query/exec_context.hpp"

namespace kith::query {

struct ShortestPathRequest {
  NodeId from = 0;
  NodeId to = 0;
  Direction direction = Direction::Out;  // as walked from `from`
  std::span<const SymbolId> types;       // empty: every type
  int min_hops = 1;                      // 0 lets from == to give the empty path
  int max_hops = 15;
  bool all = false;  // every shortest path rather than one
  // Extra test each relationship must pass (its pattern properties); null accepts all.
  const std::function<bool(RelId)>* accept = nullptr;
};

// The shortest paths, in a deterministic order; empty when `to` is not reachable within
// max_hops. A bidirectional layered BFS that stops at the first layer where the two searches
// meet; paths are then read back along parent links, so the cost is the search plus the paths
// returned.
std::vector<Path> find_shortest_paths(const ShortestPathRequest& request, ExecContext& ctx);

}  // namespace kith::query
