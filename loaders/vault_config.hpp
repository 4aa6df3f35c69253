// kith.yaml: optional settings at the root of a vault.
//
//   owner: Mira Okafor                 # who "@Myself" is
//   aliases:                           # canonical name -> other spellings
//     Mira Okafor: [Mira, M. Okafor]
//   domains:                           # email domain -> company
//     kestrel.io: Kestrel Systems
//   ignore: [Templates/, "*.excalidraw.md", Archive/**]
//   max_file_mb: 16                    # files larger than this are skipped with a warning
//   names:                             # how alike two spellings must be to be one person
//     typo: 0.90                       #   (loaders/name_similarity.hpp, docs/schema.md)
//     report: 0.85
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "loaders/document.hpp"
#include "loaders/name_similarity.hpp"

namespace kith::loaders {

struct VaultConfig {
  std::string owner;
  std::map<std::string, std::vector<std::string>> aliases;
  std::map<std::string, std::string> domains;  // keys lower-cased
  std::vector<std::string> ignore;
  std::uint64_t max_file_bytes = 16ull << 20;
  // Given when kith.yaml has a names: section; the graph build uses it over its own options.
  std::optional<NameMatchOptions> names;
  bool present = false;  // a kith.yaml was found and read
};

// Reads <root>/kith.yaml if there is one. A malformed file or a field of the wrong shape gives
// a warning (kith.yaml:line) and the defaults for what could not be read.
VaultConfig read_vault_config(const std::filesystem::path& root,
                              std::vector<doc::Warning>& warnings);

// Parses the text of a kith.yaml (for tests and for read_vault_config).
VaultConfig parse_vault_config(std::string_view text, std::vector<doc::Warning>& warnings);

}  // namespace kith::loaders
