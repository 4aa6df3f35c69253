// What a container or Value really costs on the heap: every allocation is counted as the chunk
// glibc's malloc hands out for it (the request plus its 8-byte header, rounded up to 16, at
// least 32 bytes), so many small allocations are not undercounted. Node-based containers are
// counted per node from libstdc++'s node layout. Used by the store's memory breakdown.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/value.hpp"

namespace kith {

// The chunk malloc hands out for a request of `requested` bytes (0 for no allocation); all of
// it but the header is usable.
inline constexpr std::size_t kHeapChunkHeader = 8;
std::size_t heap_block(std::size_t requested);

// Heap bytes a string owns beyond its own object (none while it fits the small-string buffer).
std::size_t heap_bytes(const std::string& s);

// Heap bytes a vector's buffer takes (by capacity), not counting what the elements own.
template <class T>
std::size_t heap_bytes(const std::vector<T>& v) {
  return heap_block(v.capacity() * sizeof(T));
}

// Heap bytes a Value owns beyond sizeof(Value): string and zone text, list and map storage,
// path vectors, recursively.
std::size_t heap_bytes(const Value& v);

// Gives back what strings and lists inside the value hold beyond their size (a list built by
// appending can hold twice its length), recursively. The store does this to what it keeps.
void shrink_to_fit(Value& v);

// A heap node of a libstdc++ std::map / std::set holding `value_size` bytes (colour, three
// links, then the value) and of an unordered container (a link, the value, a cached hash).
std::size_t tree_node_bytes(std::size_t value_size);
std::size_t hash_node_bytes(std::size_t value_size);

}  // namespace kith
