#include "graph/symbols.hpp"

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

}  // namespace kith
