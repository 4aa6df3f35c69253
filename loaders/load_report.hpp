// What a load read: files by kind, tasks, messages, warnings and timings, as text for people
// and as JSON for tools.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "loaders/document.hpp"
#include "loaders/vault.hpp"

namespace kith::loaders {

struct LoadReport {
  std::size_t files = 0;
  std::uint64_t bytes = 0;
  std::map<std::string, std::size_t> by_kind;  // note_kind_name -> count
  std::size_t tasks = 0;
  std::size_t open_tasks = 0;
  std::size_t messages = 0;
  std::size_t links = 0;
  std::size_t statements = 0;
  std::vector<doc::Warning> warnings;  // the vault's, then each document's, in path order
  double list_seconds = 0;
  double parse_seconds = 0;
  unsigned threads = 1;
};

LoadReport make_load_report(const Vault& vault);

// A short summary, then every warning as `file:line: message` (or `file: message`).
std::string format_load_report(const LoadReport& report, std::size_t max_warnings = 50);
nlohmann::json load_report_json(const LoadReport& report);

// `file:line: message`, or `file: message` when the warning has no line.
std::string format_warning(const doc::Warning& w);

}  // namespace kith::loaders
