#include "repl/reload_command.hpp"

#include <set>

#include <fmt/format.h>

#include "loaders/load_report.hpp"

namespace kith::repl {

namespace {

constexpr std::size_t kListed = 10;  // files named per kind of change

std::string some(const std::vector<std::string>& paths) {
  if (paths.size() <= kListed) return fmt::format("{}", fmt::join(paths, ", "));
  return fmt::format("{}, ... and {} more", fmt::join(paths.begin(), paths.begin() + kListed, ", "),
                     paths.size() - kListed);
}

}  // namespace

Outcome reload_command(Session& session) {
  if (!session.reloadable) {
    session.err << "error: this session cannot reload its vault\n";
    return Outcome::Failed;
  }
  const ReloadSummary summary = reload_vault(*session.reloadable);
  session.last_result.reset();  // its ids named the old graph's nodes and relationships
  const std::size_t read = summary.changed.size() + summary.added.size();
  session.out << fmt::format("re-read {} file{} ({} changed, {} added, {} removed, {} unchanged)\n",
                             read, read == 1 ? "" : "s", summary.changed.size(),
                             summary.added.size(), summary.removed.size(), summary.unchanged);
  if (!summary.changed.empty()) session.out << "  changed: " << some(summary.changed) << '\n';
  if (!summary.added.empty()) session.out << "  added: " << some(summary.added) << '\n';
  if (!summary.removed.empty()) session.out << "  removed: " << some(summary.removed) << '\n';
  // New warnings matter most in the files just read.
  std::set<std::string> fresh(summary.changed.begin(), summary.changed.end());
  fresh.insert(summary.added.begin(), summary.added.end());
  for (const doc::Document& d : session.vault.documents) {
    if (!fresh.count(d.path)) continue;
    for (const doc::Warning& w : d.warnings)
      session.out << "  " << loaders::format_warning(w) << '\n';
  }
  session.out << fmt::format("graph: {} nodes, {} relationships\n", session.graph.node_count(),
                             session.graph.relationship_count());
  return Outcome::Ok;
}

}  // namespace kith::repl
