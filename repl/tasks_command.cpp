#include "repl/tasks_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "query/caret_lines.hpp"
#include "query/tasks_query.hpp"
#include "repl/line_editor.hpp"

namespace kith::repl {

namespace {

// The statement's columns (query::kTasksColumns), by position.
enum Column : std::size_t { Status, StatusType, Text, Owners, Due, Priority, FilePath, Line };

std::string string_of(const Value& v) {
  const auto* s = v.get_if<std::string>();
  return s != nullptr ? *s : std::string();
}

std::vector<std::string> owners_of(const std::vector<Value>& row) {
  std::vector<std::string> owners;
  if (const auto* list = row[Owners].get_if<List>()) {
    for (const Value& owner : *list) {
      if (const auto* name = owner.get_if<std::string>()) owners.push_back(*name);
    }
  }
  return owners;
}

std::string without_md(std::string path) {
  if (path.ends_with(".md")) path.resize(path.size() - 3);
  return path;
}

constexpr std::string_view kPriorityNames[] = {"highest", "high", "medium",
                                               "none",    "low",  "lowest"};

int priority_rank(const Value& v) {
  const std::string name = v.is_null() ? "none" : string_of(v);
  for (int i = 0; i < 6; ++i) {
    if (kPriorityNames[i] == name) return i;
  }
  return 3;
}

// One group a task falls in at one level: ordered by (bucket, order), shown as heading.
struct GroupKey {
  int bucket = 0;
  std::string order;
  std::string heading;
  friend bool operator<(const GroupKey& a, const GroupKey& b) {
    return std::tie(a.bucket, a.order) < std::tie(b.bucket, b.order);
  }
  friend bool operator==(const GroupKey& a, const GroupKey& b) {
    return a.bucket == b.bucket && a.order == b.order;
  }
};

// The groups a row belongs to: several for `group by owner` when a task has several owners.
std::vector<GroupKey> group_keys(query::TaskGrouping grouping, const std::vector<Value>& row) {
  using query::TaskGrouping;
  const std::string path = string_of(row[FilePath]);
  const std::size_t slash = path.rfind('/');
  switch (grouping) {
    case TaskGrouping::Owner: {
      std::vector<GroupKey> keys;
      for (const std::string& owner : owners_of(row))
        keys.push_back({0, owner, owner});
      if (keys.empty()) keys.push_back({1, "", "No owner"});
      return keys;
    }
    case TaskGrouping::Path:
      return {{0, path, without_md(path)}};
    case TaskGrouping::Folder: {
      const std::string folder = slash == std::string::npos ? "/" : path.substr(0, slash + 1);
      return {{0, folder, folder}};
    }
    case TaskGrouping::Filename: {
      const std::string name =
          without_md(slash == std::string::npos ? path : path.substr(slash + 1));
      return {{0, name, name}};
    }
    case TaskGrouping::Due: {
      const auto* due = row[Due].get_if<Date>();
      if (due == nullptr) return {{1, "", "No due date"}};
      static constexpr const char* kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"};
      const auto weekday = static_cast<std::size_t>(((due->days + 3) % 7 + 7) % 7);
      const std::string day = due->to_string();
      return {{0, day, fmt::format("{} {}", day, kDays[weekday])}};
    }
    case TaskGrouping::Priority: {
      const int rank = priority_rank(row[Priority]);
      std::string name(kPriorityNames[rank]);
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
      return {{rank, "", fmt::format("Priority {}: {}", rank, name)}};
    }
    case TaskGrouping::Status: {
      const std::string type = string_of(row[StatusType]);
      const bool open = type == "TODO" || type == "IN_PROGRESS" || type == "ON_HOLD";
      return {{open ? 0 : 1, "", open ? "Todo" : "Done"}};
    }
  }
  return {};
}

std::string task_line(const std::vector<Value>& row) {
  std::string line = fmt::format("- [{}] {}", string_of(row[Status]), string_of(row[Text]));
  const std::vector<std::string> owners = owners_of(row);
  if (!owners.empty()) line += fmt::format("  @{}", fmt::join(owners, ", @"));
  if (const auto* due = row[Due].get_if<Date>()) line += "  due " + due->to_string();
  if (!row[Priority].is_null()) line += "  priority " + string_of(row[Priority]);
  const auto* number = row[Line].get_if<std::int64_t>();
  line += fmt::format("  {}:{}", string_of(row[FilePath]), number != nullptr ? *number : 0);
  return line;
}

// The tasks, grouped and headed as the query asks; then how many tasks were listed.
void print_tasks(std::ostream& out, const query::Result& result, const query::TasksQuery& q) {
  struct Entry {
    std::vector<GroupKey> keys;
    std::size_t row;
  };
  std::vector<Entry> entries;
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    std::vector<Entry> partial = {{{}, r}};
    for (query::TaskGrouping g : q.groups) {
      std::vector<Entry> next;
      for (const Entry& e : partial) {
        for (GroupKey& key : group_keys(g, result.rows[r])) {
          Entry extended = e;
          extended.keys.push_back(std::move(key));
          next.push_back(std::move(extended));
        }
      }
      partial = std::move(next);
    }
    for (Entry& e : partial)
      entries.push_back(std::move(e));
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.keys < b.keys; });
  std::set<std::size_t> listed;
  const Entry* previous = nullptr;
  std::int64_t in_group = 0;
  bool printed = false;
  for (const Entry& e : entries) {
    std::size_t changed = e.keys.size();
    for (std::size_t level = 0; level < e.keys.size(); ++level) {
      if (previous == nullptr || !(previous->keys[level] == e.keys[level])) {
        changed = level;
        break;
      }
    }
    if (changed < e.keys.size()) {
      in_group = 0;
      out << (printed ? "\n" : "");
      for (std::size_t level = changed; level < e.keys.size(); ++level)
        out << fmt::format("{} {}\n", std::string(level + 2, '#'), e.keys[level].heading);
      printed = true;
    }
    previous = &e;
    if (q.limit_per_group && in_group >= *q.limit_per_group) continue;
    ++in_group;
    out << task_line(result.rows[e.row]) << '\n';
    listed.insert(e.row);
    printed = true;
  }
  out << fmt::format("{}{} task{}\n", entries.empty() || q.groups.empty() ? "" : "\n",
                     listed.size(), listed.size() == 1 ? "" : "s");
}

// "FILE:3:12: message" or, for a query given inline, "3:12: message"; then the line in
// question and a caret under the column.
void report_error(Session& session, std::string_view text, const TasksRunOptions& options,
                  const query::TasksQueryError& e) {
  const std::uint32_t line = options.first_line + e.line - 1;
  session.err << fmt::format("{}{}:{}: error: {}\n",
                             options.source.empty() ? "" : options.source + ":", line, e.column,
                             e.message);
  std::string_view rest = text;
  for (std::uint32_t i = 1; i < e.line && !rest.empty(); ++i) {
    const std::size_t nl = rest.find('\n');
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  const std::string_view bad = rest.substr(0, rest.find('\n'));
  session.err << query::caret_lines(bad, e.column) << "\n";
}

// The document at `path`: relative to the vault's root, or absolute and inside it.
const doc::Document* find_note(const loaders::Vault& vault, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path relative(path);
  if (relative.is_absolute()) {
    const fs::path root = fs::weakly_canonical(vault.root, ec);
    relative = fs::weakly_canonical(relative, ec).lexically_relative(root);
  }
  const std::string wanted = relative.lexically_normal().generic_string();
  for (const doc::Document& d : vault.documents) {
    if (d.path == wanted) return &d;
  }
  return nullptr;
}

}  // namespace

Outcome run_tasks_query(Session& session, std::string_view text, const TasksRunOptions& options) {
  const auto translated = query::translate_tasks_query(text, {options.today});
  if (const auto* e = std::get_if<query::TasksQueryError>(&translated)) {
    report_error(session, text, options, *e);
    return Outcome::Failed;
  }
  const auto& q = std::get<query::TasksQuery>(translated);
  if (options.show_cypher || q.explain) session.out << q.cypher << "\n\n";
  query::Result result;
  query::QueryOptions query_options = session.limits;
  interrupted().store(false);
  query_options.cancel = &interrupted();
  try {
    result = session.run_query(session.graph, q.cypher, session.parameters, query_options);
  } catch (const std::exception& e) {
    session.err << fmt::format("error: {}\n", e.what());
    return Outcome::Failed;
  }
  if (session.format == Format::Table) {
    print_tasks(session.out, result, q);
  } else {
    write_result(session.out, result, session.graph, session.format, session.format_options);
  }
  session.out.flush();
  return Outcome::Ok;
}

std::optional<Date> tasks_today(std::string& error) {
  if (const char* fixed = std::getenv("KITH_TODAY"); fixed != nullptr && *fixed != '\0') {
    if (auto date = Date::parse_iso(fixed)) return date;
    error = fmt::format("KITH_TODAY={}: expected a date, YYYY-MM-DD", fixed);
    return std::nullopt;
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

namespace {

// Each ```tasks block of `note`, headed by its file:line; a block in error is reported and the
// others still run.
Outcome run_note_tasks_blocks(Session& session, const doc::Document& note,
                              const TasksRunOptions& options) {
  Outcome outcome = Outcome::Ok;
  bool first = true;
  for (const doc::TasksQuery& block : note.tasks_queries) {
    session.out << fmt::format("{}# {}:{}\n", first ? "" : "\n", note.path, block.line);
    first = false;
    TasksRunOptions block_options = options;
    block_options.source = note.path;
    block_options.first_line = block.line + 1;  // the text starts below the opening fence
    if (run_tasks_query(session, block.text, block_options) != Outcome::Ok)
      outcome = Outcome::Failed;
  }
  return outcome;
}

}  // namespace

int run_tasks_command(Session& session, const TasksCommandArguments& args) {
  constexpr int kExitQuery = 1;
  constexpr int kExitUsage = 2;
  TasksRunOptions options;
  options.show_cypher = args.show_cypher;
  std::string error;
  std::optional<Date> today = args.today.empty() ? tasks_today(error) : Date::parse_iso(args.today);
  if (!today) {
    session.err << "kith: "
                << (error.empty()
                        ? fmt::format("--today {}: expected a date, YYYY-MM-DD", args.today)
                        : error)
                << '\n';
    return kExitUsage;
  }
  options.today = *today;
  if (!args.note.empty()) {
    const doc::Document* note = find_note(session.vault, args.note);
    if (note == nullptr) {
      session.err << fmt::format("kith: {}: not a note of the vault {}\n", args.note,
                                 session.vault.root.string());
      return kExitUsage;
    }
    if (note->tasks_queries.empty()) {
      session.err << fmt::format("kith: {}: the note has no ```tasks blocks\n", note->path);
      return kExitUsage;
    }
    return run_note_tasks_blocks(session, *note, options) == Outcome::Ok ? 0 : kExitQuery;
  }
  std::string text = args.query;
  if (text == "-") {
    std::stringstream in;
    in << std::cin.rdbuf();
    text = in.str();
  }
  return run_tasks_query(session, text, options) == Outcome::Ok ? 0 : kExitQuery;
}

Outcome tasks_shell_command(Session& session, std::string_view args) {
  std::string error;
  const auto today = tasks_today(error);
  if (!today) {
    session.err << "error: " << error << '\n';
    return Outcome::Failed;
  }
  TasksRunOptions options;
  options.today = *today;
  options.show_cypher = true;
  return run_tasks_query(session, args.empty() ? "not done" : args, options);
}

}  // namespace kith::repl
