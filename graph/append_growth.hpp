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

// The capacity a full container of `size` elements of `element_size` bytes grows to.
inline std::size_t grown_capacity(std::size_t size, std::size_t element_size) {
  const std::size_t wanted = size + std::max<std::size_t>(size / 8, 1);
  const std::size_t usable = (heap_block(wanted * element_size) - kHeapChunkHeader) / element_size;
  return std::max(wanted, usable);
}

// Makes room for one more element, growing as described above.
template <class T>
void reserve_for_append(std::vector<T>& v) {
  if (v.size() == v.capacity()) v.reserve(grown_capacity(v.size(), sizeof(T)));
}

}  // namespace kith
