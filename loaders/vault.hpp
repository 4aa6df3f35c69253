// Reading a whole vault: list the note files, read and parse them in parallel, and keep the
// documents in path order so the result (and every id derived from it) is the same whatever
// the number of threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "loaders/document.hpp"
#include "loaders/vault_config.hpp"
#include "loaders/vault_files.hpp"

namespace kith::loaders {

struct LoadProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
};

struct LoadOptions {
  unsigned threads = 0;  // 0: one per core
  // Called from the loading threads, at most every few milliseconds; must be thread-safe.
  std::function<void(const LoadProgress&)> progress;
};

struct Vault {
  std::filesystem::path root;
  VaultConfig config;
  std::vector<doc::Document> documents;  // in path order
  // Warnings about the vault as a whole (kith.yaml, the walk, unreadable or binary files);
  // each document keeps its own in Document::warnings.
  std::vector<doc::Warning> warnings;
  std::chrono::duration<double> list_time{};
  std::chrono::duration<double> parse_time{};
  unsigned threads_used = 1;
};

Vault read_vault(const std::filesystem::path& root, const LoadOptions& options = {});

}  // namespace kith::loaders
