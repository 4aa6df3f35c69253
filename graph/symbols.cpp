#include "graph/symbols.hpp"

#include "graph/heap_bytes.hpp"

namespace kith {

SymbolId SymbolTable::intern(std::string_view text) {
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  auto id = static_cast<SymbolId>(names_.size());
  const std::string& stored = names_.emplace_back(text);
  ids_.emplace(std::string_view(stored), id);
  return id;
}

std::optional<SymbolId> SymbolTable::find(std::string_view text) const {
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  return std::nullopt;
}

std::size_t SymbolTable::memory_bytes() const {
  // libstdc++'s deque allocates 512-byte blocks and a map of pointers to them.
  constexpr std::size_t kBlock = 512;
  constexpr std::size_t kPerBlock = kBlock / sizeof(std::string);
  const std::size_t blocks = names_.size() / kPerBlock + 1;
  std::size_t bytes = blocks * heap_block(kBlock) + heap_block((blocks + 2) * sizeof(void*));
  for (const std::string& name : names_)
    bytes += heap_bytes(name);
  bytes += ids_.size() * hash_node_bytes(sizeof(decltype(ids_)::value_type));
  bytes += heap_block(ids_.bucket_count() * sizeof(void*));
  return bytes;
}

}  // namespace kith
