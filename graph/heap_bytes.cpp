#include "graph/heap_bytes.hpp"

#include <type_traits>
#include <variant>

namespace kith {

std::size_t heap_block(std::size_t requested) {
  if (requested == 0) return 0;
  constexpr std::size_t kMinChunk = 32;
  const std::size_t chunk = (requested + kHeapChunkHeader + 15) & ~std::size_t{15};
  return chunk < kMinChunk ? kMinChunk : chunk;
}

std::size_t heap_bytes(const std::string& s) {
  // libstdc++ keeps up to 15 characters inside the object.
  constexpr std::size_t kSmallCapacity = 15;
  return s.capacity() > kSmallCapacity ? heap_block(s.capacity() + 1) : 0;
}

std::size_t tree_node_bytes(std::size_t value_size) {
  return heap_block(4 * sizeof(void*) + value_size);
}

std::size_t hash_node_bytes(std::size_t value_size) {
  return heap_block(sizeof(void*) + value_size + sizeof(std::size_t));
}

std::size_t heap_bytes(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::size_t {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return heap_bytes(x);
        } else if constexpr (std::is_same_v<T, List>) {
          std::size_t bytes = heap_bytes(x);
          for (const Value& e : x)
            bytes += heap_bytes(e);
          return bytes;
        } else if constexpr (std::is_same_v<T, Map>) {
          std::size_t bytes = 0;
          for (const auto& [key, value] : x)
            bytes += tree_node_bytes(sizeof(Map::value_type)) + heap_bytes(key) + heap_bytes(value);
          return bytes;
        } else if constexpr (std::is_same_v<T, DateTime>) {
          return heap_bytes(x.zone);
        } else if constexpr (std::is_same_v<T, Path>) {
          return heap_bytes(x.nodes) + heap_bytes(x.rels);
        } else {
          return 0;
        }
      },
      v.v);
}

void shrink_to_fit(Value& v) {
  if (auto* s = std::get_if<std::string>(&v.v)) {
    s->shrink_to_fit();
  } else if (auto* list = std::get_if<List>(&v.v)) {
    list->shrink_to_fit();
    for (Value& e : *list)
      shrink_to_fit(e);
  } else if (auto* map = std::get_if<Map>(&v.v)) {
    for (auto& entry : *map)
      shrink_to_fit(entry.second);
  }
}

}  // namespace kith
