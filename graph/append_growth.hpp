// How the store's vectors grow when appended to. std::vector doubles, so a vector that stops
// growing holds up to twice what it needs; the store's vectors live as long as the graph and
// hold most of its memory (relationship records, adjacency lists, evidence), so they grow by an
// eighth instead (at most 12.5% slack, for about nine copies of each element over all growth
// instead of two) and take whatever else fits in the heap block malloc hands out anyway (a
// one-entry adjacency list gets room for six ids in the same 32 bytes).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "graph/heap_bytes.hpp"

namespace kith {

// Makes room for one more element, growing as described above.
template <class T>
void reserve_for_append(std::vector<T>& v) {
  if (v.size() < v.capacity()) return;
  const std::size_t wanted = v.size() + std::max<std::size_t>(v.size() / 8, 1);
  const std::size_t usable = (heap_block(wanted * sizeof(T)) - kHeapChunkHeader) / sizeof(T);
  v.reserve(std::max(wanted, usable));
}

}  // namespace kith
