// The INFLUENCES edges kith.influencers can follow, with their weights, as flat arrays of
// in-edges per node. Built from the graph's cached CSR view of INFLUENCES and shared until
// that view is replaced (the graph changed): reading a weight from the store is a property
// lookup with several cache misses, and a central person's search reads most of them.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "graph/graph.hpp"

namespace kith::query {

struct InfluenceEdge {
  std::uint32_t from = 0;  // the influencer
  RelId rel = 0;
  double weight = 0.0;  // clamped to [0, 1]; edges without a positive numeric weight are left out
};

class InfluenceEdges {
 public:
  std::uint32_t node_count() const { return static_cast<std::uint32_t>(begin_.size() - 1); }
  // The edges into `node` (node < node_count()), in the view's order.
  std::span<const InfluenceEdge> into(std::uint32_t node) const {
    return {edges_.data() + begin_[node], edges_.data() + begin_[node + 1]};
  }

  // The arrays for `g` as it is now; null when it has no INFLUENCES type or weight key.
  static std::shared_ptr<const InfluenceEdges> of(const Graph& g);

 private:
  std::vector<std::uint32_t> begin_;  // node_count() + 1 offsets into edges_
  std::vector<InfluenceEdge> edges_;
};

}  // namespace kith::query
