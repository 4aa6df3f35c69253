#include "loaders/vault_files.hpp"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "graph/utf8_repair.hpp"
#include "loaders/utf8_validate.hpp"

namespace kith::loaders {

namespace fs = std::filesystem;

namespace {

bool has_note_extension(const fs::path& p, FileFormat& format) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".md" || ext == ".markdown" || ext == ".txt") {
    format = FileFormat::Markdown;
    return true;
  }
  if (ext == ".eml") {
    format = FileFormat::Eml;
    return true;
  }
  return false;
}

// Folders Obsidian and version control keep their own state in, plus any hidden folder.
bool is_skipped_folder(const std::string& name) {
  return !name.empty() && name[0] == '.';
}

// The path of p below root, '/'-separated, as text: the walk lists entries as root/.../name, so
// cutting the root's text off is enough; lexically_relative, which splits both paths into
// components and costs more than the rest of listing a file, is the fallback. File names are
// bytes: invalid UTF-8 in one (a file from an old Latin-1 system) becomes U+FFFD here, once, so
// every warning, property and JSON report names the file in valid UTF-8. The absolute path
// keeps the bytes for reading.
std::string to_relative(const fs::path& root, const fs::path& p) {
  const std::string& root_text = root.native();
  const std::string& text = p.native();
  std::string relative;
  if (text.size() > root_text.size() + 1 && text.compare(0, root_text.size(), root_text) == 0 &&
      text[root_text.size()] == '/' && root_text.back() != '/') {
    relative = text.substr(root_text.size() + 1);
  } else {
    relative = p.lexically_relative(root).generic_string();
  }
  return is_valid_utf8(relative) ? relative : repair_utf8(relative);
}

bool glob_matches(const std::string& glob, const std::string& text, bool pathname) {
  return fnmatch(glob.c_str(), text.c_str(), pathname ? FNM_PATHNAME : 0) == 0;
}

// Splits a '/' path and matches glob components against path components, with '**' standing
// for any number of components. Iterative over (glob index, path index) pairs with memo.
bool match_components(const std::vector<std::string>& glob, const std::vector<std::string>& path) {
  const std::size_t g = glob.size();
  const std::size_t p = path.size();
  // reach[i][j]: glob[i..] can match path[j..]
  std::vector<std::vector<char>> reach(g + 1, std::vector<char>(p + 1, 0));
  reach[g][p] = 1;
  for (std::size_t i = g; i-- > 0;) {
    for (std::size_t j = p + 1; j-- > 0;) {
      if (glob[i] == "**") {
        reach[i][j] = reach[i + 1][j] || (j < p && reach[i][j + 1]);
      } else {
        reach[i][j] = j < p && glob_matches(glob[i], path[j], false) && reach[i + 1][j + 1];
      }
    }
  }
  return reach[0][0];
}

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t slash = s.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? s.size() : slash;
    if (end > start) parts.emplace_back(s.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

}  // namespace

bool is_ignored(std::string_view relative, const std::vector<std::string>& globs) {
  if (globs.empty()) return false;
  const std::vector<std::string> parts = split(relative);
  for (std::string glob : globs) {
    if (glob.empty()) continue;
    bool folder = false;
    while (!glob.empty() && glob.back() == '/') {
      glob.pop_back();
      folder = true;
    }
    if (glob.empty()) continue;
    if (glob.find('/') == std::string::npos) {
      // A component glob: any component matches (a folder name hides what is under it).
      const std::size_t last = folder && !parts.empty() ? parts.size() - 1 : parts.size();
      for (std::size_t i = 0; i < last; ++i) {
        if (glob_matches(glob, parts[i], false)) return true;
      }
      continue;
    }
    if (!glob.empty() && glob.front() == '/') glob.erase(0, 1);
    std::vector<std::string> pattern = split(glob);
    if (folder) pattern.push_back("**");
    if (match_components(pattern, parts)) return true;
    // A folder pattern also hides what is below the folder.
    pattern.push_back("**");
    if (match_components(pattern, parts)) return true;
  }
  return false;
}

std::vector<VaultFile> list_vault_files(const fs::path& root_in, const VaultConfig& config,
                                        std::vector<doc::Warning>& warnings) {
  std::vector<VaultFile> files;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(root_in, ec);
  if (ec || !fs::is_directory(root, ec)) {
    warnings.push_back(doc::Warning{root_in.string(), 0, "not a folder"});
    return files;
  }
  const std::string root_text = root.generic_string();
  auto inside_root = [&](const fs::path& real) {
    const std::string text = real.generic_string();
    return text == root_text ||
           (text.size() > root_text.size() && text.compare(0, root_text.size(), root_text) == 0 &&
            text[root_text.size()] == '/');
  };

  // Folders are identified by (device, inode) so a folder reached twice, through a symlink
  // loop or two links, is read once.
  std::set<std::pair<dev_t, ino_t>> visited;
  auto first_visit = [&](const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return true;
    return visited.emplace(st.st_dev, st.st_ino).second;
  };
  first_visit(root);

  // An explicit stack, not recursion: a vault can be arbitrarily deep.
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      warnings.push_back(doc::Warning{to_relative(root, dir), 0,
                                      fmt::format("folder cannot be read: {}", ec.message())});
      continue;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        warnings.push_back(doc::Warning{to_relative(root, dir), 0,
                                        fmt::format("folder listing failed: {}", ec.message())});
        break;
      }
      const fs::path& entry = it->path();
      const std::string name = entry.filename().string();
      const std::string relative = to_relative(root, entry);
      std::error_code sec;
      const bool is_link = it->is_symlink(sec);
      fs::path real = entry;
      if (is_link) {
        real = fs::canonical(entry, sec);
        if (sec) {
          warnings.push_back(doc::Warning{
              relative, 0, fmt::format("broken symlink or symlink loop ({})", sec.message())});
          continue;
        }
        if (!inside_root(real)) {
          warnings.push_back(doc::Warning{relative, 0, "symlink leads out of the vault; skipped"});
          continue;
        }
      }
      // One stat(2) for the kind and the size: a vault has a hundred thousand files.
      struct stat st {};
      if (::stat(real.c_str(), &st) != 0) {
        warnings.push_back(
            doc::Warning{relative, 0,
                         fmt::format("cannot be read: {}",
                                     std::error_code(errno, std::generic_category()).message())});
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (is_skipped_folder(name) || is_ignored(relative + "/", config.ignore)) continue;
        if (!first_visit(real)) {
          if (is_link) {
            warnings.push_back(
                doc::Warning{relative, 0, "symlink to a folder already read (a loop?); skipped"});
          }
          continue;
        }
        pending.push_back(entry);
        continue;
      }
      FileFormat format;
      if (!has_note_extension(entry, format)) continue;
      if (!name.empty() && name[0] == '.') continue;
      if (is_ignored(relative, config.ignore)) continue;
      if (!S_ISREG(st.st_mode)) {
        // Opening a named pipe would block the load until someone writes to it.
        warnings.push_back(
            doc::Warning{relative, 0, "not a regular file (a pipe, socket or device); skipped"});
        continue;
      }
      const auto size = static_cast<std::uintmax_t>(st.st_size);
      if (size > config.max_file_bytes) {
        warnings.push_back(doc::Warning{
            relative, 0,
            fmt::format(
                "{:.1f} MiB is over the {:.1f} MiB limit (max_file_mb in kith.yaml); skipped",
                static_cast<double>(size) / (1 << 20),
                static_cast<double>(config.max_file_bytes) / (1 << 20))});
        continue;
      }
      files.push_back(VaultFile{relative, entry, static_cast<std::uint64_t>(size), format});
    }
  }
  std::sort(files.begin(), files.end(),
            [](const VaultFile& a, const VaultFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace kith::loaders
