#include "query/tasks_query.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "query/tasks_filter.hpp"
#include "query/tasks_words.hpp"

namespace kith::query {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::uint32_t characters(std::string_view s) {
  return static_cast<std::uint32_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// One instruction, its physical lines joined where they ended in '\', with the way back from
// an offset in the joined text to the line and column it came from.
class Instruction {
 public:
  void append(std::string_view physical, std::uint32_t line, std::string_view part) {
    if (!text_.empty()) text_ += ' ';
    pieces_.push_back(
        {text_.size(), line, physical, static_cast<std::size_t>(part.data() - physical.data())});
    text_ += part;
  }

  const std::string& text() const { return text_; }
  bool empty() const { return pieces_.empty(); }

  TasksQueryError error_at(std::size_t offset, std::string message) const {
    const Piece* piece = &pieces_.front();
    for (const Piece& p : pieces_) {
      if (p.offset <= offset) piece = &p;
    }
    const std::size_t byte = std::min(piece->start + (offset - piece->offset), piece->line.size());
    return {piece->number, characters(piece->line.substr(0, byte)) + 1, std::move(message)};
  }

  // Where `part` (a view into text()) starts.
  std::size_t offset_of(std::string_view part) const {
    return static_cast<std::size_t>(part.data() - text_.data());
  }

 private:
  struct Piece {
    std::size_t offset;  // in text_
    std::uint32_t number;
    std::string_view line;
    std::size_t start;  // byte in `line` where the piece starts
  };
  std::string text_;
  std::vector<Piece> pieces_;
};

std::vector<Instruction> split_instructions(std::string_view text) {
  std::vector<Instruction> out;
  Instruction current;
  std::uint32_t number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    const std::string_view physical = text.substr(start, nl - start);
    start = nl + 1;
    ++number;
    std::string_view part = trim_blanks(physical);
    if (current.empty() && (part.empty() || part.front() == '#')) continue;
    const bool continues = !part.empty() && part.back() == '\\';
    if (continues) part = trim_blanks(part.substr(0, part.size() - 1));
    current.append(physical, number, part);
    if (!continues) {
      out.push_back(std::move(current));
      current = {};
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

constexpr std::string_view kPriorityRank =
    "CASE priority WHEN 'highest' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 "
    "WHEN 'low' THEN 4 WHEN 'lowest' THEN 5 ELSE 3 END";

struct SortField {
  std::string_view name;
  std::string_view expression;  // over the RETURN's columns, or t
  bool descending;              // the plugin's natural order
};

constexpr std::array<SortField, 10> kSortFields = {{
    {"status", "t.open", true},  // not done first
    {"due", "due", false},
    {"scheduled", "t.scheduled", false},
    {"start", "t.start", false},
    {"created", "t.created", false},
    {"done", "t.done", false},
    {"priority", kPriorityRank, false},
    {"path", "path", false},
    {"filename", "split(path, '/')[-1]", false},
    {"description", "text", false},
}};

constexpr std::array<std::string_view, 4> kDefaultSorts = {"status", "due", "priority", "path"};

struct Grouping {
  std::string_view name;
  TaskGrouping grouping;
};

constexpr std::array<Grouping, 7> kGroupings = {{
    {"owner", TaskGrouping::Owner},
    {"path", TaskGrouping::Path},
    {"folder", TaskGrouping::Folder},
    {"filename", TaskGrouping::Filename},
    {"due", TaskGrouping::Due},
    {"priority", TaskGrouping::Priority},
    {"status", TaskGrouping::Status},
}};

// The entry of `table` called `name`, ignoring case; nullptr when there is none.
template <class Entry, std::size_t N>
const Entry* named(const std::array<Entry, N>& table, std::string_view name) {
  const std::string wanted = lower(name);
  for (const Entry& entry : table) {
    if (entry.name == wanted) return &entry;
  }
  return nullptr;
}

std::string names_of(const auto& table) {
  std::vector<std::string_view> names;
  for (const auto& entry : table)
    names.push_back(entry.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::optional<std::int64_t> whole_number(std::string_view s) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || n < 0) return std::nullopt;
  return n;
}

// The parts of the statement the instructions fill in.
struct Statement {
  std::vector<TasksPredicate> filters;
  std::vector<std::string> order;
  std::vector<std::string_view> sorted_by;
  std::optional<std::int64_t> limit;
};

std::string assemble(const Statement& s) {
  std::string cypher = "MATCH (t:Task)\n";
  for (std::size_t i = 0; i < s.filters.size(); ++i) {
    const TasksPredicate& f = s.filters[i];
    const bool wrap = f.is_disjunction && s.filters.size() > 1;
    cypher += fmt::format("{}{}{}{}\n", i == 0 ? "WHERE " : "  AND ", wrap ? "(" : "", f.cypher,
                          wrap ? ")" : "");
  }
  cypher +=
      "OPTIONAL MATCH (owner:Person)-[:OWNS]->(t)\n"
      "WITH t, collect(owner.name) AS owners\n"
      "RETURN t.status AS status, t.status_type AS status_type, t.text AS text, owners,\n"
      "       t.due AS due, t.priority AS priority, t.path AS path, t.line AS line\n";
  std::vector<std::string> order = s.order;
  for (std::string_view name : kDefaultSorts) {
    if (std::find(s.sorted_by.begin(), s.sorted_by.end(), name) != s.sorted_by.end()) continue;
    for (const SortField& f : kSortFields) {
      if (f.name == name)
        order.push_back(fmt::format("{}{}", f.expression, f.descending ? " DESC" : ""));
    }
  }
  order.emplace_back("line");
  // One sort key a line once they no longer fit on one.
  const std::string keys = fmt::format("{}", fmt::join(order, ", "));
  cypher += "ORDER BY " +
            (keys.size() <= 90 ? keys : fmt::format("{}", fmt::join(order, ",\n         ")));
  if (s.limit) cypher += fmt::format("\nLIMIT {}", *s.limit);
  return cypher;
}

}  // namespace

std::variant<TasksQuery, TasksQueryError> translate_tasks_query(std::string_view text,
                                                                const TasksQueryOptions& options) {
  TasksQuery query;
  Statement statement;
  for (const Instruction& instruction : split_instructions(text)) {
    const std::string_view line = instruction.text();
    std::string_view rest = line;
    const auto error = [&](std::string_view at, std::string message) {
      return instruction.error_at(instruction.offset_of(at), std::move(message));
    };
    if (take_words(rest, "sort by")) {
      const std::string_view field = rest.substr(0, rest.find_first_of(" \t"));
      std::string_view after = trim_blanks(rest.substr(field.size()));
      const bool reverse = take_words(after, "reverse");
      if (!after.empty()) return error(after, "expected 'reverse' or the end of the line");
      const SortField* f = named(kSortFields, field);
      if (f == nullptr) {
        return error(rest,
                     fmt::format("cannot sort by '{}' (one of: {})", field, names_of(kSortFields)));
      }
      statement.order.push_back(
          fmt::format("{}{}", f->expression, f->descending != reverse ? " DESC" : ""));
      statement.sorted_by.push_back(f->name);
      continue;
    }
    if (take_words(rest, "group by")) {
      const Grouping* g = named(kGroupings, rest);
      if (g == nullptr) {
        return error(rest,
                     fmt::format("cannot group by '{}' (one of: {})", rest, names_of(kGroupings)));
      }
      query.groups.push_back(g->grouping);
      continue;
    }
    if (take_words(rest, "limit")) {
      const bool per_group = take_words(rest, "groups");
      take_words(rest, "to");
      const std::string_view number = rest.substr(0, rest.find_first_of(" \t"));
      const auto n = whole_number(number);
      if (!n) return error(rest, "'limit' needs a whole number: limit 10");
      std::string_view tail = trim_blanks(rest.substr(number.size()));
      if (!tail.empty() && !(take_words(tail, "tasks") && tail.empty()))
        return error(tail, "expected 'tasks' or the end of the line");
      (per_group ? query.limit_per_group : statement.limit) = *n;
      continue;
    }
    if (take_words(rest, "explain") && rest.empty()) {
      query.explain = true;
      continue;
    }
    rest = line;
    if (take_words(rest, "hide") || take_words(rest, "show") || take_words(rest, "short mode") ||
        take_words(rest, "full mode") || lower(line) == "short" || lower(line) == "full") {
      continue;
    }
    const auto filter = translate_tasks_filter(line, options.today);
    if (const auto* e = std::get_if<TasksFilterError>(&filter)) {
      return instruction.error_at(e->offset, e->message);
    }
    statement.filters.push_back(std::get<TasksPredicate>(filter));
  }
  query.cypher = assemble(statement);
  return query;
}

}  // namespace kith::query
