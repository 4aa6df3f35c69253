#include "repl/loaded_vault.hpp"

#include <chrono>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "loaders/document_reader.hpp"
#include "loaders/graph_builder.hpp"
#include "loaders/vault_config.hpp"
#include "loaders/vault_files.hpp"

namespace kith::repl {

namespace fs = std::filesystem;

namespace {

std::optional<FileStamp> stamp(const fs::path& file, fs::file_time_type read_started) {
  std::error_code ec;
  FileStamp s;
  s.modified = fs::last_write_time(file, ec);
  if (ec || s.modified >= read_started) return std::nullopt;
  s.size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  return s;
}

std::optional<doc::Document> read_one(const loaders::VaultFile& file,
                                      std::vector<doc::Warning>& warnings) {
  std::ifstream in(file.absolute, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    warnings.push_back(doc::Warning{file.path, 0, "cannot be read"});
    return std::nullopt;
  }
  try {
    return loaders::read_document(bytes.str(), file, warnings);
  } catch (const std::exception& e) {
    warnings.push_back(
        doc::Warning{file.path, 0, fmt::format("could not be parsed: {}", e.what())});
  }
  return std::nullopt;
}

void rebuild_graph(LoadedVault& loaded) {
  // A Graph can be neither copied nor moved, and sessions hold a reference to this one, so the
  // new graph is built in the same place: the references then name the new object.
  std::destroy_at(&loaded.graph);
  std::construct_at(&loaded.graph);
  loaded.build = loaders::build_graph(loaded.vault, loaded.graph);
}

}  // namespace

void build_loaded_vault(LoadedVault& loaded, fs::file_time_type read_started) {
  loaded.build = loaders::build_graph(loaded.vault, loaded.graph);
  loaded.stamps.clear();
  for (const doc::Document& d : loaded.vault.documents)
    loaded.stamps[d.path] = stamp(loaded.vault.root / d.path, read_started);
  // Files read without giving a document (binary, unreadable) are named by their warnings.
  for (const doc::Warning& w : loaded.vault.warnings) {
    if (!w.file.empty() && !loaded.stamps.count(w.file))
      loaded.stamps[w.file] = stamp(loaded.vault.root / w.file, read_started);
  }
}

ReloadSummary reload_vault(LoadedVault& loaded) {
  const auto started = fs::file_time_type::clock::now();
  const auto clock_started = std::chrono::steady_clock::now();
  loaders::Vault fresh;
  fresh.root = loaded.vault.root;
  fresh.config = loaders::read_vault_config(fresh.root, fresh.warnings);
  const auto files = loaders::list_vault_files(fresh.root, fresh.config, fresh.warnings);
  fresh.list_time = std::chrono::steady_clock::now() - clock_started;

  std::map<std::string, doc::Document*> kept;
  for (doc::Document& d : loaded.vault.documents)
    kept[d.path] = &d;
  ReloadSummary summary;
  std::map<std::string, std::optional<FileStamp>> stamps;
  std::set<std::string> listed;
  for (const loaders::VaultFile& file : files) {
    listed.insert(file.path);
    const auto now = stamp(file.absolute, started);
    const auto before = loaded.stamps.find(file.path);
    const bool known = before != loaded.stamps.end();
    const bool same = known && before->second && now && *before->second == *now;
    const auto old = kept.find(file.path);
    stamps[file.path] = now;
    if (same && old != kept.end()) {
      fresh.documents.push_back(std::move(*old->second));
      ++summary.unchanged;
      continue;
    }
    if (!known) {
      summary.added.push_back(file.path);
    } else if (!same) {
      summary.changed.push_back(file.path);
    }
    if (auto d = read_one(file, fresh.warnings)) fresh.documents.push_back(std::move(*d));
  }
  for (const auto& [path, s] : loaded.stamps) {
    if (!listed.count(path) && kept.count(path)) summary.removed.push_back(path);
  }
  fresh.parse_time = std::chrono::steady_clock::now() - clock_started - fresh.list_time;
  loaded.vault = std::move(fresh);
  loaded.stamps = std::move(stamps);
  rebuild_graph(loaded);
  return summary;
}

}  // namespace kith::repl
