// Which files of a vault are notes: a recursive walk that skips what Obsidian and the user
// keep out (.obsidian/, .git/, .trash/, hidden folders, kith.yaml `ignore:` globs), survives
// symlink loops and unreadable folders, and never leaves the vault through a symlink.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "loaders/document.hpp"
#include "loaders/vault_config.hpp"

namespace kith::loaders {

enum class FileFormat : std::uint8_t { Markdown, Eml };

struct VaultFile {
  std::string path;  // relative to the vault root, '/' separators
  std::filesystem::path absolute;
  std::uint64_t size = 0;
  FileFormat format = FileFormat::Markdown;
};

// Every note file under root, sorted by relative path (so ids do not depend on the order the
// file system lists entries). Files over config.max_file_bytes, symlink loops, symlinks out of
// the vault and unreadable folders are left out with a warning each.
std::vector<VaultFile> list_vault_files(const std::filesystem::path& root,
                                        const VaultConfig& config,
                                        std::vector<doc::Warning>& warnings);

// True when `relative` (a '/'-separated path) matches one of the ignore globs. A glob without
// '/' matches any single path component ("*.tmp.md", "Templates"); a glob with '/' matches the
// whole path from the root, where '*' stays within a component and '**' crosses components;
// a trailing '/' matches a folder and everything in it.
bool is_ignored(std::string_view relative, const std::vector<std::string>& globs);

}  // namespace kith::loaders
