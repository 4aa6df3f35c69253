#include "loaders/task_line.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <array>
#include <string>

#include "loaders/tag_name.hpp"

// The Tasks plugin strips signifiers with regexes anchored at the end of the line, which only
// works when they trail the description. Notes written by hand and by generators put owners
// and tags between them, so this is a single left-to-right scan instead: every position is
// either the start of a signifier, tag or owner, or description text.

namespace kith::loaders {

namespace {

enum class Field : std::uint8_t {
  Due,
  Scheduled,
  Start,
  Created,
  Done,
  Cancelled,
  Priority,
  Recurrence,
  Id,
  DependsOn,
  OnCompletion,
};

struct Emoji {
  std::string_view bytes;
  Field field = Field::Due;
  std::string_view priority;  // for Field::Priority
};

constexpr std::array<Emoji, 18> kEmoji = {{
    {"📅", Field::Due, {}},
    {"📆", Field::Due, {}},
    {"🗓", Field::Due, {}},
    {"⏳", Field::Scheduled, {}},
    {"⌛", Field::Scheduled, {}},
    {"🛫", Field::Start, {}},
    {"➕", Field::Created, {}},
    {"✅", Field::Done, {}},
    {"❌", Field::Cancelled, {}},
    {"🔁", Field::Recurrence, {}},
    {"🆔", Field::Id, {}},
    {"⛔", Field::DependsOn, {}},
    {"🏁", Field::OnCompletion, {}},
    {"🔺", Field::Priority, "highest"},
    {"⏫", Field::Priority, "high"},
    {"🔼", Field::Priority, "medium"},
    {"🔽", Field::Priority, "low"},
    {"⏬", Field::Priority, "lowest"},
}};

struct DataviewKey {
  std::string_view key;
  Field field = Field::Due;
};

constexpr std::array<DataviewKey, 11> kDataviewKeys = {{
    {"due", Field::Due},
    {"scheduled", Field::Scheduled},
    {"start", Field::Start},
    {"created", Field::Created},
    {"completion", Field::Done},
    {"cancelled", Field::Cancelled},
    {"priority", Field::Priority},
    {"repeat", Field::Recurrence},
    {"id", Field::Id},
    {"dependsOn", Field::DependsOn},
    {"onCompletion", Field::OnCompletion},
}};

constexpr std::size_t kMaxDataviewValue = 256;

constexpr std::string_view kVariationSelector = "\xEF\xB8\x8F";

const char* field_name(Field f) {
  switch (f) {
    case Field::Due:
      return "due";
    case Field::Scheduled:
      return "scheduled";
    case Field::Start:
      return "start";
    case Field::Created:
      return "created";
    case Field::Done:
      return "done";
    case Field::Cancelled:
      return "cancelled";
    case Field::Priority:
      return "priority";
    case Field::Recurrence:
      return "recurrence";
    case Field::Id:
      return "id";
    case Field::DependsOn:
      return "depends-on";
    case Field::OnCompletion:
      return "on-completion";
  }
  return "field";
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_id_char(char c) {
  return is_ascii_alpha(c) || is_digit(c) || c == '-' || c == '_';
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i]))
    ++i;
  return i;
}

// The code point at s[i] and its length in bytes (1 for a malformed byte, as U+FFFD).
std::pair<char32_t, std::size_t> code_point_at(std::string_view s, std::size_t i) {
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {U'\uFFFD', 1};
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(n)};
}

bool is_uppercase_at(std::string_view s, std::size_t i) {
  auto [cp, n] = code_point_at(s, i);
  (void)n;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool is_letter_at(std::string_view s, std::size_t i) {
  if (is_ascii_alpha(s[i])) return true;
  if (static_cast<unsigned char>(s[i]) < 0x80) return false;
  auto [cp, n] = code_point_at(s, i);
  (void)n;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// A signifier found at a position of the task text, already validated.
struct Signifier {
  Field field = Field::Due;
  std::size_t end = 0;
  std::string_view value;  // the date, rule, id list or word; empty for a priority emoji
  std::string_view priority;
  bool valid = true;
  std::string problem;  // why it is invalid
};

std::size_t emoji_at(std::string_view s, std::size_t i, const Emoji** found) {
  unsigned char lead = static_cast<unsigned char>(s[i]);
  if (lead != 0xE2 && lead != 0xF0) return 0;
  for (const Emoji& e : kEmoji) {
    if (s.compare(i, e.bytes.size(), e.bytes) == 0) {
      *found = &e;
      std::size_t end = i + e.bytes.size();
      if (s.compare(end, kVariationSelector.size(), kVariationSelector) == 0) {
        end += kVariationSelector.size();
      }
      return end;
    }
  }
  return 0;
}

// Checks a field's value as the Tasks plugin would accept it. On success `value` is trimmed.
void validate(Signifier& sig) {
  std::string_view v = trim(sig.value);
  sig.value = v;
  switch (sig.field) {
    case Field::Due:
    case Field::Scheduled:
    case Field::Start:
    case Field::Created:
    case Field::Done:
    case Field::Cancelled:
      if (!Date::parse_iso(v)) {
        sig.valid = false;
        sig.problem = v.empty() ? fmt::format("{} date is missing", field_name(sig.field))
                                : fmt::format("invalid {} date '{}'", field_name(sig.field), v);
      }
      return;
    case Field::Priority:
      return;
    case Field::Recurrence:
      if (v.empty()) {
        sig.valid = false;
        sig.problem = "recurrence rule is missing";
      }
      return;
    case Field::Id:
    case Field::OnCompletion:
      if (v.empty()) {
        sig.valid = false;
        sig.problem = fmt::format("{} value is missing", field_name(sig.field));
      }
      return;
    case Field::DependsOn:
      if (v.empty()) {
        sig.valid = false;
        sig.problem = "depends-on id list is missing";
      }
      return;
  }
}

bool looks_like_iso_date(std::string_view s) {
  if (s.size() < 10) return false;
  for (std::size_t k = 0; k < 10; ++k) {
    bool want_dash = k == 4 || k == 7;
    if (want_dash ? s[k] != '-' : !is_digit(s[k])) return false;
  }
  return s.size() == 10 || !is_digit(s[10]);
}

// The value that follows an emoji signifier, read as far as the Tasks plugin reads it.
std::size_t emoji_value(std::string_view s, std::size_t after, Field field,
                        std::string_view* value) {
  std::size_t i = skip_spaces(s, after);
  std::size_t start = i;
  switch (field) {
    case Field::Due:
    case Field::Scheduled:
    case Field::Start:
    case Field::Created:
    case Field::Done:
    case Field::Cancelled:
      // YYYY-MM-DD when it is there (punctuation may follow); otherwise the next word, to be
      // quoted in the warning.
      if (looks_like_iso_date(s.substr(start))) {
        i = start + 10;
      } else {
        while (i < s.size() && !is_space(s[i]) && i - start < 40)
          ++i;
      }
      break;
    case Field::Priority:
      *value = {};
      return after;
    case Field::Recurrence:
      while (i < s.size() && (is_ascii_alpha(s[i]) || is_digit(s[i]) || s[i] == ',' ||
                              s[i] == ' ' || s[i] == '!')) {
        ++i;
      }
      while (i > start && (s[i - 1] == ' ' || s[i - 1] == ','))
        --i;
      break;
    case Field::Id:
      while (i < s.size() && is_id_char(s[i]))
        ++i;
      break;
    case Field::DependsOn:
      while (i < s.size() && is_id_char(s[i]))
        ++i;
      for (;;) {
        std::size_t j = skip_spaces(s, i);
        if (j >= s.size() || s[j] != ',') break;
        j = skip_spaces(s, j + 1);
        if (j >= s.size() || !is_id_char(s[j])) break;
        while (j < s.size() && is_id_char(s[j]))
          ++j;
        i = j;
      }
      break;
    case Field::OnCompletion:
      while (i < s.size() && is_ascii_alpha(s[i]))
        ++i;
      break;
  }
  *value = s.substr(start, i - start);
  return i == start ? after : i;
}

// A Dataview inline field [key:: value] or (key:: value) with a key the Tasks plugin knows.
// Returns the end of the field or 0.
std::size_t dataview_at(std::string_view s, std::size_t i, Field* field, std::string_view* value) {
  char open = s[i];
  if (open != '[' && open != '(') return 0;
  char close = open == '[' ? ']' : ')';
  std::size_t k = skip_spaces(s, i + 1);
  std::size_t key_start = k;
  while (k < s.size() && is_ascii_alpha(s[k]))
    ++k;
  if (k == key_start || s.compare(k, 2, "::") != 0) return 0;
  std::string_view key = s.substr(key_start, k - key_start);
  const DataviewKey* known = nullptr;
  for (const DataviewKey& d : kDataviewKeys) {
    if (iequals(d.key, key)) known = &d;
  }
  if (known == nullptr) return 0;
  // Values of the fields Tasks reads are short; bounding the search keeps a line full of
  // unclosed brackets linear (the same bound serves @[[owner]] links).
  std::size_t end = s.substr(0, std::min(s.size(), k + 2 + kMaxDataviewValue)).find(close, k + 2);
  if (end == std::string_view::npos) return 0;
  *field = known->field;
  *value = s.substr(k + 2, end - (k + 2));
  return end + 1;
}

bool owner_starts_at(std::string_view s, std::size_t i) {
  if (s[i] != '@' || i + 1 >= s.size()) return false;
  if (i > 0 && !is_space(s[i - 1]) && s[i - 1] != '(') return false;
  return is_letter_at(s, i + 1) || s.compare(i + 1, 2, "[[") == 0;
}

// An owner written as a link to the person's note: @[[Dana Whitlock]] or @[[Dana Whitlock|Dana]].
// Returns the end of the link and sets the owner to the link's target, or returns 0.
std::size_t linked_owner_at(std::string_view s, std::size_t at, std::string_view* owner) {
  if (s.compare(at + 1, 2, "[[") != 0) return 0;
  std::size_t close =
      s.substr(0, std::min(s.size(), at + 3 + kMaxDataviewValue)).find("]]", at + 3);
  if (close == std::string_view::npos) return 0;
  std::string_view inside = s.substr(at + 3, close - at - 3);
  inside = trim(inside.substr(0, std::min(inside.find('|'), inside.find('#'))));
  if (inside.empty() || inside.find('[') != std::string_view::npos) return 0;
  *owner = inside;
  return close + 2;
}

// Finds a signifier (emoji or Dataview field) at s[i]. Validation problems are reported in
// the result; the caller decides whether to warn.
std::optional<Signifier> signifier_at(std::string_view s, std::size_t i) {
  const Emoji* emoji = nullptr;
  if (std::size_t after = emoji_at(s, i, &emoji); after != 0) {
    Signifier sig;
    sig.field = emoji->field;
    sig.priority = emoji->priority;
    sig.end = emoji_value(s, after, emoji->field, &sig.value);
    validate(sig);
    return sig;
  }
  Field field = Field::Due;
  std::string_view value;
  if (std::size_t end = dataview_at(s, i, &field, &value); end != 0) {
    Signifier sig;
    sig.field = field;
    sig.end = end;
    sig.value = value;
    if (field == Field::Priority) {
      sig.value = trim(value);
      for (std::string_view p : {"highest", "high", "medium", "low", "lowest", "normal"}) {
        if (iequals(p, sig.value)) sig.priority = p == "normal" ? std::string_view{} : p;
      }
      if (sig.priority.empty() && !iequals(sig.value, "normal")) {
        sig.valid = false;
        sig.problem = fmt::format("unknown priority '{}'", sig.value);
      }
      return sig;
    }
    validate(sig);
    return sig;
  }
  return std::nullopt;
}

// Where an owner's span ends: at the next signifier, tag, '@' or the end of the text.
bool is_owner_boundary(std::string_view s, std::size_t k) {
  char c = s[k];
  if (c == '@') return owner_starts_at(s, k);
  if (c == '#') return can_start_tag_after(s.substr(0, k)) && !tag_after_hash(s.substr(k)).empty();
  if (c == '[' || c == '(') {
    Field f;
    std::string_view v;
    return dataview_at(s, k, &f, &v) != 0;
  }
  const Emoji* e = nullptr;
  return emoji_at(s, k, &e) != 0;
}

bool is_name_particle(std::string_view w) {
  for (std::string_view p : {"van", "von", "de",  "der", "den", "da",  "di",  "du", "del", "della",
                             "la",  "le",  "bin", "ibn", "al",  "ter", "ten", "y",  "dos", "das"}) {
    if (w == p) return true;
  }
  return false;
}

bool is_trailing_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '}' || c == '"' || c == '\'';
}

// The owner name inside span (the text after '@'): its length in bytes.
std::size_t owner_name_length(std::string_view span) {
  std::size_t name_end = 0;
  std::size_t i = 0;
  bool first = true;
  while (i < span.size()) {
    i = skip_spaces(span, i);
    if (i >= span.size()) break;
    std::size_t w_end = i;
    while (w_end < span.size() && !is_space(span[w_end]))
      ++w_end;
    std::string_view word = span.substr(i, w_end - i);
    std::string_view core = word;
    while (!core.empty() && is_trailing_punct(core.back()))
      core.remove_suffix(1);
    bool stop_after = core.size() != word.size();
    for (std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
      if (core.size() > possessive.size() &&
          core.substr(core.size() - possessive.size()) == possessive) {
        core.remove_suffix(possessive.size());
        stop_after = true;
      }
    }
    if (core.empty()) break;
    bool accept = first || is_uppercase_at(span, i);
    if (!accept && is_name_particle(core) && !stop_after) {
      // Particles may run together before the surname: "van den Berg", "de la Cruz".
      std::size_t next = skip_spaces(span, w_end);
      while (next < span.size() && !is_uppercase_at(span, next)) {
        std::size_t next_end = next;
        while (next_end < span.size() && !is_space(span[next_end]))
          ++next_end;
        if (!is_name_particle(span.substr(next, next_end - next))) break;
        next = skip_spaces(span, next_end);
      }
      accept = next < span.size() && is_uppercase_at(span, next);
    }
    if (!accept) break;
    name_end = i + core.size();
    first = false;
    if (stop_after) break;
    i = w_end;
  }
  return name_end;
}

void add_owner(doc::Task& task, std::string_view name) {
  if (iequals(name, "myself")) {
    task.owner_is_myself = true;
    name = "Myself";
  } else if (iequals(name, "tbd")) {
    task.owner_tbd = true;
    name = "TBD";
  }
  for (const std::string& o : task.owners) {
    if (o == name) return;
  }
  task.owners.emplace_back(name);
}

void apply(doc::Task& task, const Signifier& sig) {
  auto date = [&] { return Date::parse_iso(sig.value); };
  switch (sig.field) {
    case Field::Due:
      task.due = date();
      break;
    case Field::Scheduled:
      task.scheduled = date();
      break;
    case Field::Start:
      task.start = date();
      break;
    case Field::Created:
      task.created = date();
      break;
    case Field::Done:
      task.done = date();
      break;
    case Field::Cancelled:
      task.cancelled = date();
      break;
    case Field::Priority:
      task.priority = std::string(sig.priority);
      break;
    case Field::Recurrence:
      task.recurrence = std::string(sig.value);
      break;
    case Field::Id:
      task.id = std::string(sig.value);
      break;
    case Field::OnCompletion: {
      task.on_completion.clear();
      for (char c : sig.value)
        task.on_completion.push_back(ascii_lower(c));
      break;
    }
    case Field::DependsOn: {
      std::string_view rest = sig.value;
      while (!rest.empty()) {
        std::size_t comma = rest.find(',');
        std::string_view id = trim(rest.substr(0, comma));
        if (!id.empty()) task.depends_on.emplace_back(id);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      break;
    }
  }
}

// Collapses whitespace runs to one space, drops a space left before punctuation by a removed
// signifier ("call @Dana, then" -> "call, then") and trims.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c) || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && !(c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?')) {
      out.push_back(' ');
    }
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// Removes a trailing Obsidian block id (" ^abc-123").
void drop_block_id(std::string& text) {
  std::size_t caret = text.rfind('^');
  if (caret == std::string::npos || caret + 1 == text.size()) return;
  if (caret != 0 && text[caret - 1] != ' ') return;
  for (std::size_t i = caret + 1; i < text.size(); ++i) {
    if (!is_ascii_alpha(text[i]) && !is_digit(text[i]) && text[i] != '-') return;
  }
  text.erase(caret == 0 ? 0 : caret - 1);
}

// Matches "[indent][>...] marker [c]" and returns the offset just after the checkbox, or 0.
std::size_t checkbox_end(std::string_view line, char32_t* status) {
  std::size_t i = 0;
  while (i < line.size() && (is_space(line[i]) || line[i] == '>'))
    ++i;
  if (i >= line.size()) return 0;
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    ++i;
  } else {
    std::size_t digits = i;
    while (i < line.size() && is_digit(line[i]) && i - digits < 9)
      ++i;
    if (i == digits || i >= line.size() || (line[i] != '.' && line[i] != ')')) return 0;
    ++i;
  }
  if (i >= line.size() || !is_space(line[i])) return 0;
  i = skip_spaces(line, i);
  if (i + 2 >= line.size() || line[i] != '[') return 0;
  auto [cp, n] = code_point_at(line, i + 1);
  if (cp == U'\n' || cp == U'\r') return 0;
  std::size_t close = i + 1 + n;
  if (close >= line.size() || line[close] != ']') return 0;
  if (close + 1 < line.size() && !is_space(line[close + 1])) return 0;
  *status = cp;
  return close + 1;
}

// The bytes a tag ('#'), a Dataview field ('[', '('), an owner ('@') or a signifier emoji
// (led by E2 or F0) can start with: every other byte is description text.
constexpr std::array<bool, 256> kMayStartPart = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {'#', '[', '(', '@'})
    table[c] = true;
  table[0xE2] = table[0xF0] = true;
  return table;
}();

}  // namespace

doc::StatusType task_status_type(char32_t status) {
  switch (status) {
    case U'x':
    case U'X':
      return doc::StatusType::Done;
    case U'/':
      return doc::StatusType::InProgress;
    case U'-':
      return doc::StatusType::Cancelled;
    default:
      return doc::StatusType::Todo;
  }
}

std::optional<doc::Task> parse_task_line(std::string_view line, std::uint32_t line_no,
                                         std::string_view file,
                                         std::vector<doc::Warning>& warnings) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
    line.remove_suffix(1);
  char32_t status = U' ';
  std::size_t after_box = checkbox_end(line, &status);
  if (after_box == 0) return std::nullopt;

  doc::Task task;
  task.status = status;
  task.status_type = task_status_type(status);
  task.raw = std::string(line);
  task.line = line_no;

  std::string_view text = line.substr(after_box);
  std::string description;
  description.reserve(text.size());
  std::size_t plain_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (!kMayStartPart[u]) {
      ++i;
      continue;
    }
    if (c == '#') {
      std::string_view name;
      if (can_start_tag_after(text.substr(0, i))) name = tag_after_hash(text.substr(i));
      if (name.empty()) {
        ++i;
        continue;
      }
      description.append(text.substr(plain_start, i - plain_start));
      task.tags.emplace_back(name);
      i += 1 + name.size();
      plain_start = i;
      continue;
    }
    if (c == '@') {
      if (!owner_starts_at(text, i)) {
        ++i;
        continue;
      }
      std::string_view linked;
      if (std::size_t end = linked_owner_at(text, i, &linked); end != 0) {
        description.append(text.substr(plain_start, i - plain_start));
        add_owner(task, linked);
        i = plain_start = end;
        continue;
      }
      if (!is_letter_at(text, i + 1)) {
        ++i;
        continue;
      }
      std::size_t span_end = i + 1;
      while (span_end < text.size() && !is_owner_boundary(text, span_end))
        ++span_end;
      std::size_t length = owner_name_length(text.substr(i + 1, span_end - i - 1));
      if (length == 0) {
        ++i;
        continue;
      }
      description.append(text.substr(plain_start, i - plain_start));
      add_owner(task, text.substr(i + 1, length));
      i += 1 + length;
      plain_start = i;
      continue;
    }
    std::optional<Signifier> sig = signifier_at(text, i);
    if (!sig) {
      i += u >= 0x80 ? code_point_at(text, i).second : 1;
      continue;
    }
    if (!sig->valid) {
      warnings.push_back({std::string(file), line_no, sig->problem});
      // Left in the description as written; skip the signifier itself so it is not re-read.
      i += u >= 0x80 ? code_point_at(text, i).second : 1;
      continue;
    }
    description.append(text.substr(plain_start, i - plain_start));
    apply(task, *sig);
    i = sig->end;
    plain_start = i;
  }
  description.append(text.substr(plain_start));
  task.description = collapse_whitespace(description);
  drop_block_id(task.description);
  return task;
}

}  // namespace kith::loaders
