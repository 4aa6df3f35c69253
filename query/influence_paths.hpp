// Who influences a person, and through whom: the best chain of INFLUENCES edges from each
// person to the target, scored as the product of the edge weights (docs/influence.md says why).
#pragma once

#include <optional>
#include <vector>

#include "graph/graph.hpp"

namespace kith::query {

struct InfluenceSearch {
  int max_hops = 3;
  double min_weight = 0.0;  // edges weighing less are not followed
  bool paths = true;        // false: InfluencePath::path is left empty
  // Only the first `limit` people of the order below; none of the others' paths is built.
  std::optional<std::size_t> limit = std::nullopt;
};

struct InfluencePath {
  NodeId person = 0;
  int hops = 0;
  Path path;  // person -> ... -> target, along INFLUENCES edges (when asked for)
  double score = 0.0;
};

// One path per person that reaches `target` within max_hops: the one with the highest product
// of weights (each clamped to [0, 1]; an edge without a numeric weight is not followed), the
// shorter on ties. The target is never on a path but at its end, and the chosen paths are
// simple. Sorted by score descending, then hops, then the person's id.
std::vector<InfluencePath> best_influence_paths(const Graph& graph, NodeId target,
                                                const InfluenceSearch& search);

}  // namespace kith::query
