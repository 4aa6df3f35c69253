#include "repl/history_path.hpp"

#include <cstdlib>
#include <string>

namespace kith::repl {

namespace fs = std::filesystem;

namespace {

std::optional<fs::path> absolute_folder(const char* variable) {
  const char* value = std::getenv(variable);
  if (value == nullptr || *value == '\0') return std::nullopt;
  fs::path p(value);
  // The XDG specification says relative paths are invalid and must be ignored.
  if (!p.is_absolute()) return std::nullopt;
  return p;
}

bool is_inside(const fs::path& file, const fs::path& folder) {
  std::error_code ec;
  const fs::path f = fs::weakly_canonical(file, ec);
  if (ec) return false;
  const fs::path d = fs::weakly_canonical(folder, ec);
  if (ec) return false;
  auto fi = f.begin();
  for (auto di = d.begin(); di != d.end(); ++di, ++fi) {
    if (di->empty()) continue;  // the trailing "" of a path ending in '/'
    if (fi == f.end() || *fi != *di) return false;
  }
  return true;
}

}  // namespace

std::optional<fs::path> history_path(const fs::path& vault) {
  std::optional<fs::path> file;
  if (auto state = absolute_folder("XDG_STATE_HOME")) {
    file = *state / "kith" / "history";
  } else if (auto home = absolute_folder("HOME")) {
    file = *home / ".local" / "state" / "kith" / "history";
  }
  if (file && is_inside(*file, vault)) return std::nullopt;
  return file;
}

bool prepare_history_folder(const fs::path& file) {
  std::error_code ec;
  const fs::path folder = file.parent_path();
  if (fs::is_directory(folder, ec)) return true;
  if (!fs::create_directories(folder, ec)) return false;
  fs::permissions(folder, fs::perms::owner_all, ec);
  return !ec;
}

}  // namespace kith::repl
