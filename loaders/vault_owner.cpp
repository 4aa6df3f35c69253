#include "loaders/vault_owner.hpp"

#include <map>

namespace kith::loaders {

std::optional<InferredOwner> owner_from_path(std::string_view path) {
  std::string p(path);
  for (char& c : p)
    if (c == '\\') c = '/';
  std::size_t start = std::string::npos;
  for (std::string_view home : {"/Users/", "/home/"}) {
    const auto at = p.find(home);
    if (at != std::string::npos) {
      start = at + home.size();
      break;
    }
  }
  if (start == std::string::npos) return std::nullopt;
  const auto end = p.find('/', start);
  const std::string user =
      p.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::string name;
  std::size_t words = 0;
  bool new_word = true;
  for (char c : user) {
    if (c == '.' || c == '_' || c == '-') {
      new_word = true;
      continue;
    }
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) return std::nullopt;
    if (new_word) {
      if (!name.empty()) name += ' ';
      ++words;
      name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      new_word = false;
    } else {
      name += c;
    }
  }
  if (words < 2 || words > 3) return std::nullopt;
  return InferredOwner{name, p.substr(0, end), 1};
}

std::optional<InferredOwner> infer_owner(const std::vector<doc::Document>& documents) {
  std::map<std::string, InferredOwner> counts;
  for (const auto& d : documents) {
    const auto it = d.properties.find("source_ref");
    if (it == d.properties.end() || !it->second.is<std::string>()) continue;
    const auto owner = owner_from_path(it->second.as<std::string>());
    if (!owner) continue;
    auto [entry, inserted] = counts.try_emplace(owner->name, *owner);
    if (!inserted) ++entry->second.notes;
  }
  std::optional<InferredOwner> best;
  for (const auto& [name, owner] : counts)
    if (!best || owner.notes > best->notes) best = owner;
  return best;
}

}  // namespace kith::loaders
