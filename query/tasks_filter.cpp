#include "query/tasks_filter.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "query/tasks_date.hpp"
#include "query/tasks_words.hpp"

namespace kith::query {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// Errors inside the parser unwind to translate_tasks_filter, which turns them into a result.
struct Failure {
  const char* at;
  std::string message;
};

[[noreturn]] void fail(std::string_view at, std::string message) {
  throw Failure{at.data(), std::move(message)};
}

// ---- Single filters

struct Emitted {
  std::string cypher;
  enum class Top { Term, Not, And, Xor, Or } top = Top::Term;
};

std::string date_literal(Date d) {
  return fmt::format("date('{}')", d.to_string());
}

// `subject` compared with the range the way the operator asks.
std::string date_comparison(std::string_view subject, std::string_view op, const TasksDateRange& r,
                            Emitted::Top& top) {
  if (op == "before") return fmt::format("{} < {}", subject, date_literal(r.first));
  if (op == "after") return fmt::format("{} > {}", subject, date_literal(r.last));
  if (op == "on or before" || op == "in or before")
    return fmt::format("{} <= {}", subject, date_literal(r.last));
  if (op == "on or after" || op == "in or after")
    return fmt::format("{} >= {}", subject, date_literal(r.first));
  if (r.first == r.last) return fmt::format("{} = {}", subject, date_literal(r.first));
  top = Emitted::Top::And;
  return fmt::format("{} >= {} AND {} <= {}", subject, date_literal(r.first), subject,
                     date_literal(r.last));
}

struct DateField {
  std::string_view word;      // as the filter names it
  std::string_view name;      // in `has ... date`
  std::string_view property;  // the Task property
};

constexpr std::array<DateField, 7> kDateFields = {{
    {"due", "due", "t.due"},
    {"scheduled", "scheduled", "t.scheduled"},
    {"starts", "start", "t.start"},
    {"start", "start", "t.start"},
    {"created", "created", "t.created"},
    {"done", "done", "t.done"},
    {"happens", "happens", ""},
}};

constexpr std::string_view kHappensDates = "[t.start, t.scheduled, t.due]";

std::optional<Emitted> has_date(std::string_view s) {
  const bool has = take_words(s, "has");
  if (!has && !take_words(s, "no")) return std::nullopt;
  for (const DateField& f : kDateFields) {
    std::string_view rest = s;
    if (!take_words(rest, f.name) || !take_words(rest, "date") || !rest.empty()) continue;
    if (f.property.empty()) {
      return Emitted{
          fmt::format("coalesce(t.start, t.scheduled, t.due) IS {}NULL", has ? "NOT " : "")};
    }
    return Emitted{fmt::format("{} IS {}NULL", f.property, has ? "NOT " : "")};
  }
  return std::nullopt;
}

std::optional<Emitted> date_filter(std::string_view s, Date today, bool total) {
  const DateField* field = nullptr;
  for (const DateField& f : kDateFields) {
    if (take_words(s, f.word)) {
      field = &f;
      break;
    }
  }
  if (field == nullptr) return std::nullopt;
  if (s.empty())
    fail(s, fmt::format("'{}' needs a date: {} before 2026-11-03", field->word, field->word));
  const std::string_view whole = s;
  std::string_view op = "on";
  for (std::string_view candidate : {"on or before", "on or after", "in or before", "in or after",
                                     "before", "after", "on", "in"}) {
    if (take_words(s, candidate)) {
      op = candidate;
      break;
    }
  }
  if (s.empty()) {
    fail(s,
         fmt::format("'{} {}' needs a date: {} {} 2026-11-03", field->word, op, field->word, op));
  }
  std::optional<TasksDateRange> range = parse_tasks_date_range(s, today);
  if (!range && op == "in") {
    // `due in two weeks`: the `in` belongs to the date.
    range = parse_tasks_date_range(whole, today);
  }
  if (!range) {
    fail(s, fmt::format("cannot read '{}' as a date or date range (2026-11-03, today, "
                        "in 3 days, next week, 2026-11, 2026-W45, 2026-Q4, 2026)",
                        s));
  }
  Emitted e;
  if (field->property.empty()) {
    // Any of the three dates matching is enough; a missing one matches nothing.
    const std::string test = date_comparison("d", op, *range, e.top);
    e.top = Emitted::Top::Term;
    e.cypher = fmt::format("any(d IN {} WHERE {}{})", kHappensDates,
                           total ? "d IS NOT NULL AND " : "", test);
    return e;
  }
  const std::string test = date_comparison(field->property, op, *range, e.top);
  if (field->name == "start") {
    // The plugin lets tasks without a start date through start-date filters: they can be
    // worked on at any time.
    e.cypher = fmt::format("{} IS NULL OR {}", field->property,
                           e.top == Emitted::Top::And ? "(" + test + ")" : test);
    e.top = Emitted::Top::Or;
    return e;
  }
  if (total) {
    e.cypher = fmt::format("{} IS NOT NULL AND {}", field->property, test);
    e.top = Emitted::Top::And;
    return e;
  }
  e.cypher = test;
  return e;
}

std::optional<Emitted> text_filter(std::string_view s) {
  struct TextField {
    std::string_view word;
    std::string_view subject;
  };
  static constexpr std::array<TextField, 3> kFields = {{
      {"path", "toLower(t.path)"},
      {"description", "toLower(t.text)"},
      {"filename", "toLower(split(t.path, '/')[-1])"},
  }};
  for (const TextField& f : kFields) {
    std::string_view rest = s;
    if (!take_words(rest, f.word)) continue;
    const bool includes = take_words(rest, "includes");
    if (!includes && !take_words(rest, "does not include")) {
      if (take_words(rest, "regex matches") || take_words(rest, "regex does not match"))
        fail(s, "regular expression filters are not supported; use 'includes'");
      fail(rest,
           fmt::format("expected '{0} includes TEXT' or '{0} does not include TEXT'", f.word));
    }
    if (rest.empty()) fail(rest, fmt::format("'{} includes' needs the text to look for", f.word));
    Emitted e;
    e.cypher = fmt::format("{}{} CONTAINS toLower({})", includes ? "" : "NOT ", f.subject,
                           cypher_string(rest));
    e.top = includes ? Emitted::Top::Term : Emitted::Top::Not;
    return e;
  }
  return std::nullopt;
}

std::optional<Emitted> tags_filter(std::string_view s) {
  if (take_words(s, "has tags")) {
    if (!s.empty()) fail(s, "unexpected text after 'has tags'");
    return Emitted{"size(t.tags) > 0"};
  }
  if (take_words(s, "no tags")) {
    if (!s.empty()) fail(s, "unexpected text after 'no tags'");
    return Emitted{"size(t.tags) = 0"};
  }
  if (!take_words(s, "tags") && !take_words(s, "tag")) return std::nullopt;
  const bool include = take_words(s, "include") || take_words(s, "includes");
  if (!include && !take_words(s, "do not include") && !take_words(s, "does not include")) {
    if (take_words(s, "regex matches") || take_words(s, "regex does not match"))
      fail(s, "regular expression filters are not supported; use 'includes'");
    fail(s, "expected 'tags include TAG' or 'tags do not include TAG'");
  }
  if (s.empty()) fail(s, "'tags include' needs a tag: tags include #waiting");
  // `#home` must start a tag (so it finds #home and #home/garden, not #location/home);
  // `home` may be anywhere in one.
  std::string test;
  if (s.front() == '#') {
    s.remove_prefix(1);
    test = fmt::format("toLower(tag) STARTS WITH toLower({})", cypher_string(s));
  } else {
    test = fmt::format("toLower(tag) CONTAINS toLower({})", cypher_string(s));
  }
  return Emitted{fmt::format("{}(tag IN t.tags WHERE {})", include ? "any" : "none", test)};
}

constexpr std::array<std::string_view, 6> kPriorities = {"highest", "high", "medium",
                                                         "none",    "low",  "lowest"};

std::optional<Emitted> priority_filter(std::string_view s, bool total) {
  if (!take_words(s, "priority")) return std::nullopt;
  if (!take_words(s, "is")) fail(s, "expected 'priority is [above|below|not] high'");
  enum { Is, Above, Below, Not } relation = Is;
  if (take_words(s, "above")) {
    relation = Above;
  } else if (take_words(s, "below")) {
    relation = Below;
  } else if (take_words(s, "not")) {
    relation = Not;
  }
  std::size_t rank = kPriorities.size();
  for (std::size_t i = 0; i < kPriorities.size(); ++i) {
    if (iequals(s, kPriorities[i])) rank = i;
  }
  if (rank == kPriorities.size()) {
    fail(s, fmt::format("unknown priority '{}' (one of: highest, high, medium, none, low, "
                        "lowest)",
                        s));
  }
  const std::string name(kPriorities[rank]);
  if (name == "none" && (relation == Is || relation == Not))
    return Emitted{relation == Is ? "t.priority IS NULL" : "t.priority IS NOT NULL"};
  if (relation == Is) {
    if (total)
      return Emitted{fmt::format("t.priority IS NOT NULL AND t.priority = '{}'", name),
                     Emitted::Top::And};
    return Emitted{fmt::format("t.priority = '{}'", name)};
  }
  if (relation == Not) {
    return Emitted{fmt::format("t.priority IS NULL OR t.priority <> '{}'", name), Emitted::Top::Or};
  }
  std::vector<std::string> names;
  bool with_none = false;
  for (std::size_t i = 0; i < kPriorities.size(); ++i) {
    if (relation == Above ? i >= rank : i <= rank) continue;
    if (kPriorities[i] == "none") {
      with_none = true;
    } else {
      names.push_back(fmt::format("'{}'", kPriorities[i]));
    }
  }
  if (names.empty()) return Emitted{"false"};
  const std::string in = fmt::format("t.priority IN [{}]", fmt::join(names, ", "));
  if (with_none) return Emitted{"t.priority IS NULL OR " + in, Emitted::Top::Or};
  if (total) return Emitted{"t.priority IS NOT NULL AND " + in, Emitted::Top::And};
  return Emitted{in};
}

std::optional<Emitted> status_type_filter(std::string_view s) {
  if (!take_words(s, "status.type")) return std::nullopt;
  if (!take_words(s, "is")) fail(s, "expected 'status.type is TODO' or 'status.type is not TODO'");
  const bool negated = take_words(s, "not");
  static constexpr std::array<std::string_view, 6> kTypes = {"TODO",      "IN_PROGRESS", "DONE",
                                                             "CANCELLED", "NON_TASK",    "ON_HOLD"};
  for (std::string_view type : kTypes) {
    if (iequals(s, type))
      return Emitted{fmt::format("t.status_type {} '{}'", negated ? "<>" : "=", type)};
  }
  fail(s, fmt::format("unknown status type '{}' (one of: TODO, IN_PROGRESS, DONE, CANCELLED, "
                      "NON_TASK, ON_HOLD)",
                      s));
}

// Filters the Tasks plugin has and kith cannot answer, with the reason.
void refuse_unsupported(std::string_view s) {
  std::string_view rest = s;
  if (take_words(rest, "heading")) {
    fail(s,
         "'heading' filters need the heading a task is under, which kith's graph does not "
         "keep");
  }
  for (std::string_view field : {"folder", "root"}) {
    rest = s;
    if (take_words(rest, field))
      fail(s, fmt::format("'{}' filters are not supported; use 'path includes'", field));
  }
  rest = s;
  if (take_words(rest, "is recurring") || take_words(rest, "is not recurring") ||
      take_words(rest, "recurrence"))
    fail(s, "recurrence filters are not supported: kith's graph does not keep recurrence rules");
  for (std::string_view word :
       {"filter by function", "status.name", "exclude sub-items", "is blocked", "is not blocked",
        "is blocking", "is not blocking", "id", "urgency"}) {
    rest = s;
    if (take_words(rest, word)) fail(s, fmt::format("'{}' is not supported by kith", word));
  }
}

Emitted leaf(std::string_view s, Date today, bool total) {
  s = trim_blanks(s);
  std::string_view rest = s;
  if (take_words(rest, "not done") && rest.empty()) return {"t.open"};
  rest = s;
  if (take_words(rest, "done") && rest.empty()) return {"NOT t.open", Emitted::Top::Not};
  refuse_unsupported(s);
  if (auto e = has_date(s)) return *e;
  if (auto e = tags_filter(s)) return *e;
  if (auto e = date_filter(s, today, total)) return *e;
  if (auto e = text_filter(s)) return *e;
  if (auto e = priority_filter(s, total)) return *e;
  if (auto e = status_type_filter(s)) return *e;
  fail(s, fmt::format("unknown instruction '{}'", s));
}

// ---- Boolean combinations: `(a) AND NOT (b)`, `[a] OR [b]`, nested to any depth. The
// plugin's precedence: NOT, then XOR, then AND, then OR.

struct Node {
  Emitted::Top op = Emitted::Top::Term;  // Term for a single filter
  std::string_view filter;
  std::vector<Node> children;
};

// Bounds that keep the parse trees, and the recursion over them, small whatever the input.
constexpr int kMaxNesting = 64;
constexpr int kMaxFiltersPerLine = 256;

class BooleanParser {
 public:
  explicit BooleanParser(std::string_view line) : line_(line), end_(line.size()) {}

  Node parse() {
    Node n = parse_or(0);
    skip_blanks();
    if (pos_ < end_) fail(rest(), "expected AND, OR, XOR or the end of the line");
    return n;
  }

 private:
  std::string_view rest() const { return line_.substr(pos_, end_ - pos_); }

  void skip_blanks() {
    while (pos_ < end_ && is_tasks_blank(line_[pos_]))
      ++pos_;
  }

  bool take_operator(std::string_view op) {
    skip_blanks();
    const std::string_view r = rest();
    if (!r.starts_with(op)) return false;
    if (r.size() > op.size() && !is_tasks_blank(r[op.size()]) && r[op.size()] != open_)
      return false;
    pos_ += op.size();
    return true;
  }

  Node combine(Emitted::Top op, Node left, Node right) {
    Node n;
    n.op = op;
    n.children.push_back(std::move(left));
    n.children.push_back(std::move(right));
    return n;
  }

  // A left-associative chain of `word`, each operand read by `operand`.
  Node parse_chain(std::string_view word, Emitted::Top op, Node (BooleanParser::*operand)(int),
                   int depth) {
    Node n = (this->*operand)(depth);
    while (take_operator(word))
      n = combine(op, std::move(n), (this->*operand)(depth));
    return n;
  }

  Node parse_or(int depth) {
    return parse_chain("OR", Emitted::Top::Or, &BooleanParser::parse_and, depth);
  }
  Node parse_and(int depth) {
    return parse_chain("AND", Emitted::Top::And, &BooleanParser::parse_xor, depth);
  }
  Node parse_xor(int depth) {
    return parse_chain("XOR", Emitted::Top::Xor, &BooleanParser::parse_unary, depth);
  }

  Node parse_unary(int depth) {
    if (take_operator("NOT")) {
      Node n;
      n.op = Emitted::Top::Not;
      if (depth >= kMaxNesting) fail(rest(), "filters nested too deeply");
      n.children.push_back(parse_unary(depth + 1));
      return n;
    }
    return parse_group(depth);
  }

  static char closing(char open) {
    switch (open) {
      case '(':
        return ')';
      case '[':
        return ']';
      case '{':
        return '}';
      default:
        return '"';
    }
  }

  Node parse_group(int depth) {
    skip_blanks();
    if (pos_ >= end_) fail(rest(), "expected a filter in (...), [...], {...} or \"...\"");
    const char c = line_[pos_];
    if (open_ == 0) {
      if (c != '(' && c != '[' && c != '{' && c != '"')
        fail(rest(), "expected a filter in (...), [...], {...} or \"...\"");
      open_ = c;
    }
    if (c != open_) {
      fail(rest(), fmt::format("expected a filter in {}...{}: all filters on a line take the "
                               "same delimiters",
                               open_, closing(open_)));
    }
    if (depth >= kMaxNesting) fail(rest(), "filters nested too deeply");
    const char close = closing(open_);
    const std::size_t start = pos_ + 1;
    std::size_t i = start;
    int level = 1;
    for (; i < end_; ++i) {
      if (line_[i] == close && --level == 0) break;
      if (line_[i] == open_ && open_ != close) ++level;
    }
    if (i >= end_) fail(rest(), fmt::format("this '{}' is never closed", open_));
    const std::string_view inner = trim_blanks(line_.substr(start, i - start));
    Node n;
    if (starts_combination(inner)) {
      const std::size_t saved_end = end_;
      pos_ = static_cast<std::size_t>(inner.data() - line_.data());
      end_ = pos_ + inner.size();
      n = parse_or(depth + 1);
      skip_blanks();
      if (pos_ < end_) fail(rest(), "expected AND, OR, XOR or a closing delimiter");
      end_ = saved_end;
    } else {
      if (inner.empty()) fail(line_.substr(pos_), "an empty filter");
      if (++filters_ > kMaxFiltersPerLine)
        fail(inner, fmt::format("more than {} filters on one line", kMaxFiltersPerLine));
      n.filter = inner;
    }
    pos_ = i + 1;
    return n;
  }

  bool starts_combination(std::string_view inner) const {
    if (inner.empty()) return false;
    if (inner.front() == open_ && open_ != '"') return true;
    return inner.starts_with("NOT") &&
           (inner.size() == 3 || is_tasks_blank(inner[3]) || inner[3] == open_);
  }

  std::string_view line_;
  std::size_t pos_ = 0;
  std::size_t end_;
  char open_ = 0;
  int filters_ = 0;
};

bool is_combination(std::string_view line) {
  if (line.empty()) return false;
  const char c = line.front();
  if (c == '(' || c == '[' || c == '{' || c == '"') return true;
  return line.starts_with("NOT") && line.size() > 3 &&
         (is_tasks_blank(line[3]) || line[3] == '(' || line[3] == '[' || line[3] == '{' ||
          line[3] == '"');
}

// Wraps a child in parentheses unless Cypher would read the joined text the same way.
std::string operand(const Emitted& child, Emitted::Top parent) {
  const bool simple = child.top == Emitted::Top::Term || child.top == Emitted::Top::Not ||
                      (child.top == parent && parent != Emitted::Top::Not);
  return simple ? child.cypher : "(" + child.cypher + ")";
}

Emitted emit(const Node& n, Date today, bool total) {
  switch (n.op) {
    case Emitted::Top::Term:
      return leaf(n.filter, today, total);
    case Emitted::Top::Not: {
      const Emitted child = emit(n.children[0], today, true);
      const bool bare = child.top == Emitted::Top::Term;
      return {fmt::format("NOT {}", bare ? child.cypher : "(" + child.cypher + ")"),
              Emitted::Top::Not};
    }
    default: {
      const bool children_total = total || n.op == Emitted::Top::Xor;
      const char* word = n.op == Emitted::Top::And  ? " AND "
                         : n.op == Emitted::Top::Or ? " OR "
                                                    : " XOR ";
      const Emitted left = emit(n.children[0], today, children_total);
      const Emitted right = emit(n.children[1], today, children_total);
      Emitted e;
      e.top = n.op;
      // XOR chains are not re-associated: parenthesise nested ones.
      const Emitted::Top join = n.op == Emitted::Top::Xor ? Emitted::Top::Term : n.op;
      e.cypher = operand(left, join) + word + operand(right, join);
      return e;
    }
  }
}

}  // namespace

std::string cypher_string(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::variant<TasksPredicate, TasksFilterError> translate_tasks_filter(std::string_view line,
                                                                      Date today) {
  try {
    Emitted e;
    if (is_combination(line)) {
      BooleanParser parser(line);
      e = emit(parser.parse(), today, false);
    } else {
      e = leaf(line, today, false);
    }
    return TasksPredicate{std::move(e.cypher),
                          e.top == Emitted::Top::Or || e.top == Emitted::Top::Xor};
  } catch (const Failure& f) {
    const auto offset = static_cast<std::size_t>(f.at - line.data());
    return TasksFilterError{offset <= line.size() ? offset : line.size(), f.message};
  }
}

}  // namespace kith::query
