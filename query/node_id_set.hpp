// A set of node ids in one flat array (open addressing, linear probing). DISTINCT over nodes
// (count(DISTINCT x) over a neighbourhood of 100k+ nodes) spent most of its time allocating
// and freeing the nodes of a std::unordered_set<Value>; Boost 1.74, the oldest the build
// accepts, has no flat set either.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/value.hpp"

namespace kith::query {

class NodeIdSet {
 public:
  // True when `id` was not in the set (it is now).
  bool insert(NodeId id) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(id) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == kEmpty) {
        slots_[i] = id;
        ++size_;
        return true;
      }
      if (slots_[i] == id) return false;
    }
  }
  std::size_t size() const { return size_; }

 private:
  // No node has this id: the graph's ids are indexes into its node table.
  static constexpr NodeId kEmpty = ~NodeId{0};

  // Consecutive ids must not fill consecutive slots, or probes run long.
  static std::size_t mix(NodeId id) {
    id ^= id >> 33;
    id *= 0xff51afd7ed558ccdULL;
    id ^= id >> 33;
    return static_cast<std::size_t>(id);
  }

  void grow() {
    std::vector<NodeId> old(slots_.empty() ? 16 : slots_.size() * 2, kEmpty);
    old.swap(slots_);
    size_ = 0;
    for (NodeId id : old) {
      if (id != kEmpty) insert(id);
    }
  }

  std::vector<NodeId> slots_;
  std::size_t size_ = 0;
};

}  // namespace kith::query
