#include "repl/cli.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "loaders/load_report.hpp"
#include "loaders/vault.hpp"
#include "repl/progress_line.hpp"

namespace kith::repl {

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

// The bundled sample vault when kith runs from the repository (or its build folder), else the
// current folder: `kith` with no argument should show something, and never a surprise folder.
std::string default_vault() {
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "samples" / "vault", ec) && fs::exists(dir / "CMakeLists.txt", ec)) {
      return (dir / "samples" / "vault").string();
    }
    if (dir == dir.parent_path()) break;
  }
  return ".";
}

bool load(const std::string& path, loaders::Vault& vault) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    fmt::print(stderr, "kith: {}: not a folder\n", path);
    return false;
  }
  ProgressLine progress;
  loaders::LoadOptions options;
  if (progress.enabled()) {
    options.progress = [&](const loaders::LoadProgress& p) { progress.update(p); };
  }
  vault = loaders::read_vault(path, options);
  return true;
}

int run_stats(const std::string& path, bool json) {
  loaders::Vault vault;
  if (!load(path, vault)) return kExitUsage;
  const auto report = loaders::make_load_report(vault);
  if (json) {
    std::cout << loaders::load_report_json(report).dump(2) << "\n";
  } else {
    std::cout << loaders::format_load_report(report, SIZE_MAX);
  }
  return kExitOk;
}

// What `kith VAULT` shows: what was read, and where to look next.
int run_tour(const std::string& path) {
  loaders::Vault vault;
  if (!load(path, vault)) return kExitUsage;
  const auto report = loaders::make_load_report(vault);
  fmt::print("kith: {}\n\n{}", path, loaders::format_load_report(report, 10));
  return kExitOk;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"kith: the people in your notes, as a graph you can query"};
  app.set_version_flag("--version", "kith 0.1.0");
  app.require_subcommand(0, 1);

  std::string vault_path;
  app.add_option("vault", vault_path, "the vault folder (default: the sample vault in a checkout)");

  auto* stats = app.add_subcommand("stats", "what a load reads: notes by kind, tasks, warnings");
  std::string stats_vault;
  bool stats_json = false;
  stats->add_option("vault", stats_vault, "the vault folder")->required();
  stats->add_flag("--json", stats_json, "print the report as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (stats->parsed()) return run_stats(stats_vault, stats_json);
  return run_tour(vault_path.empty() ? default_vault() : vault_path);
}

}  // namespace kith::repl
