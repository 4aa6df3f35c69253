// A vault read from disk and the graph built from it: what every query-running command starts
// from, and what :reload refreshes in place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "loaders/build_report.hpp"
#include "loaders/vault.hpp"

namespace kith::repl {

struct FileStamp {
  std::uintmax_t size = 0;
  std::filesystem::file_time_type modified;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

struct LoadedVault {
  loaders::Vault vault;
  Graph graph;
  loaders::BuildReport build;
  // Every file of the last read, with its size and modification time when known to match what
  // was read (nullopt: it changed while being read, so the next reload reads it again).
  std::map<std::string, std::optional<FileStamp>> stamps;
};

// Builds the graph of `loaded.vault`, already read, and stamps its files. `read_started` is
// when the reading began: a file modified since may have been read before the change.
void build_loaded_vault(LoadedVault& loaded, std::filesystem::file_time_type read_started);

struct ReloadSummary {
  std::vector<std::string> changed;  // re-read: size or modification time differ
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::size_t unchanged = 0;  // documents reused as they were
};

// Lists the vault again (kith.yaml re-read), reads only the files that are new or changed,
// keeps the documents of the others, and builds the graph again in place: references to
// loaded.graph, loaded.vault and loaded.build stay valid.
ReloadSummary reload_vault(LoadedVault& loaded);

}  // namespace kith::repl
