#include "loaders/load_report.hpp"

#include <fmt/format.h>

namespace kith::loaders {

LoadReport make_load_report(const Vault& vault) {
  LoadReport r;
  r.files = vault.documents.size();
  r.warnings = vault.warnings;
  for (const doc::Document& d : vault.documents) {
    r.bytes += d.bytes;
    ++r.by_kind[doc::note_kind_name(d.kind)];
    r.tasks += d.tasks.size();
    for (const doc::Task& t : d.tasks)
      r.open_tasks += t.open() ? 1 : 0;
    r.messages += d.messages.size();
    r.links += d.links.size();
    r.statements += d.statements.size();
    r.warnings.insert(r.warnings.end(), d.warnings.begin(), d.warnings.end());
  }
  r.list_seconds = vault.list_time.count();
  r.parse_seconds = vault.parse_time.count();
  r.threads = vault.threads_used;
  return r;
}

std::string format_warning(const doc::Warning& w) {
  if (w.line == 0) return fmt::format("{}: {}", w.file, w.message);
  return fmt::format("{}:{}: {}", w.file, w.line, w.message);
}

std::string format_load_report(const LoadReport& r, std::size_t max_warnings) {
  std::string out;
  const double seconds = r.list_seconds + r.parse_seconds;
  out += fmt::format("{} notes, {:.1f} MB in {:.2f} s ({} threads)\n", r.files,
                     static_cast<double>(r.bytes) / 1e6, seconds, r.threads);
  std::string kinds;
  for (const auto& [kind, count] : r.by_kind) {
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", count, kind);
  }
  if (!kinds.empty()) out += fmt::format("  by kind: {}\n", kinds);
  out += fmt::format("  {} tasks ({} open), {} email messages, {} links, {} statements\n", r.tasks,
                     r.open_tasks, r.messages, r.links, r.statements);
  out += fmt::format("  {} warnings\n", r.warnings.size());
  for (std::size_t i = 0; i < r.warnings.size() && i < max_warnings; ++i) {
    out += "    " + format_warning(r.warnings[i]) + "\n";
  }
  if (r.warnings.size() > max_warnings) {
    out += fmt::format("    ... and {} more\n", r.warnings.size() - max_warnings);
  }
  return out;
}

nlohmann::json load_report_json(const LoadReport& r) {
  nlohmann::json j;
  j["files"] = r.files;
  j["bytes"] = r.bytes;
  j["by_kind"] = r.by_kind;
  j["tasks"] = r.tasks;
  j["open_tasks"] = r.open_tasks;
  j["messages"] = r.messages;
  j["links"] = r.links;
  j["statements"] = r.statements;
  j["threads"] = r.threads;
  j["seconds"] = {{"list", r.list_seconds}, {"parse", r.parse_seconds}};
  auto& warnings = j["warnings"] = nlohmann::json::array();
  for (const doc::Warning& w : r.warnings) {
    warnings.push_back({{"file", w.file}, {"line", w.line}, {"message", w.message}});
  }
  return j;
}

}  // namespace kith::loaders
