// Interned strings: labels, relationship types, property keys and evidence files are stored
// once and referred to by a 32-bit id everywhere else.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kith {

using SymbolId = std::uint32_t;

class SymbolTable {
 public:
  SymbolId intern(std::string_view text);
  std::optional<SymbolId> find(std::string_view text) const;
  const std::string& name(SymbolId id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }
  // Heap bytes held: the strings, the deque's blocks and the lookup map.
  std::size_t memory_bytes() const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // A deque keeps every string at a stable address, so the map can key on views into it.
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, SymbolId, Hash, std::equal_to<>> ids_;
};

}  // namespace kith
