#include "loaders/note_kind.hpp"

#include <array>
#include <string>
#include <string_view>

namespace kith::loaders {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

const Value* property(const doc::Document& d, std::string_view key) {
  auto it = d.properties.find(key);
  return it == d.properties.end() ? nullptr : &it->second;
}

bool has_content(const Value* v) {
  if (v == nullptr || v->is_null()) return false;
  if (const auto* s = v->get_if<std::string>()) return !s->empty();
  if (const auto* l = v->get_if<List>()) return !l->empty();
  return true;
}

// The `type:` property as lower-case text (the first string of a list), or "".
std::string type_word(const doc::Document& d) {
  const Value* v = property(d, "type");
  if (v == nullptr) return {};
  if (const auto* s = v->get_if<std::string>()) return lower(*s);
  if (const auto* l = v->get_if<List>()) {
    for (const Value& item : *l) {
      if (const auto* s = item.get_if<std::string>()) return lower(*s);
    }
  }
  return {};
}

// "type/meeting" in the tags property, as "meeting".
std::string type_tag(const doc::Document& d) {
  const Value* v = property(d, "tags");
  if (v == nullptr) return {};
  auto from = [](std::string_view tag) -> std::string {
    if (!tag.empty() && tag[0] == '#') tag.remove_prefix(1);
    if (tag.starts_with("type/")) return lower(tag.substr(5));
    return {};
  };
  if (const auto* s = v->get_if<std::string>()) return from(*s);
  if (const auto* l = v->get_if<List>()) {
    for (const Value& item : *l) {
      if (const auto* s = item.get_if<std::string>()) {
        if (std::string t = from(*s); !t.empty()) return t;
      }
    }
  }
  return {};
}

bool has_field(const doc::Document& d, std::initializer_list<std::string_view> keys) {
  for (const doc::FieldLine& f : d.fields) {
    if (is_one_of(lower(f.key), keys)) return true;
  }
  return false;
}

bool has_participants(const doc::Document& d) {
  for (std::string_view key : {"participants", "attendees", "with", "attendee"}) {
    if (has_content(property(d, key))) return true;
  }
  return has_field(d, {"attendees", "with", "participants"});
}

bool has_meeting_date(const doc::Document& d) {
  return has_content(property(d, "date")) || has_field(d, {"date"});
}

// A YYYY-MM-DD anywhere in the file name ("2026-03-04 Sync with Tom.md").
bool name_has_date(std::string_view path) {
  std::string_view name =
      path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  for (std::size_t i = 0; i + 10 <= name.size(); ++i) {
    if (Date::parse_iso(name.substr(i, 10))) return true;
  }
  return false;
}

std::optional<doc::NoteKind> from_type(std::string_view word, bool meeting_evidence) {
  using doc::NoteKind;
  if (word.empty()) return std::nullopt;
  if (is_one_of(word, {"meeting", "meetings", "1on1", "1:1", "one-on-one", "call", "sync",
                       "interview", "standup"})) {
    return NoteKind::Meeting;
  }
  if (is_one_of(word, {"customer", "account", "company", "client", "organization", "organisation",
                       "partner"})) {
    return meeting_evidence ? NoteKind::Meeting : NoteKind::Account;
  }
  if (is_one_of(word, {"people", "person", "contact"})) {
    return meeting_evidence ? NoteKind::Meeting : NoteKind::Person;
  }
  if (is_one_of(word, {"project", "projects"})) return NoteKind::Project;
  if (is_one_of(word, {"email", "email-thread", "thread", "mail"})) return NoteKind::EmailThread;
  return std::nullopt;
}

std::optional<doc::NoteKind> from_folder(std::string_view path) {
  using doc::NoteKind;
  struct Hint {
    std::string_view folder;
    NoteKind kind;
  };
  static constexpr std::array<Hint, 12> kHints = {{
      {"meetings", NoteKind::Meeting},
      {"meeting notes", NoteKind::Meeting},
      {"people", NoteKind::Person},
      {"persons", NoteKind::Person},
      {"contacts", NoteKind::Person},
      {"accounts", NoteKind::Account},
      {"customers", NoteKind::Account},
      {"companies", NoteKind::Account},
      {"projects", NoteKind::Project},
      {"email", NoteKind::EmailThread},
      {"emails", NoteKind::EmailThread},
      {"mail", NoteKind::EmailThread},
  }};
  // The innermost folder that names a kind wins: Projects/Meetings/x.md is a meeting.
  std::optional<NoteKind> found;
  std::size_t start = 0;
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', start)) {
    std::string folder = lower(path.substr(start, slash - start));
    for (const Hint& h : kHints) {
      if (folder == h.folder) found = h.kind;
    }
    start = slash + 1;
  }
  return found;
}

}  // namespace

doc::NoteKind classify_note(const doc::Document& d) {
  if (!d.messages.empty()) return doc::NoteKind::EmailThread;
  bool participants = has_participants(d);
  bool meeting_evidence = participants || has_meeting_date(d);
  std::string word = type_word(d);
  if (word.empty()) word = type_tag(d);
  if (auto kind = from_type(word, meeting_evidence)) return *kind;
  if (participants && (has_meeting_date(d) || d.date || name_has_date(d.path))) {
    return doc::NoteKind::Meeting;
  }
  if (has_content(property(d, "email")) || has_content(property(d, "manager")) ||
      (has_content(property(d, "company")) && has_content(property(d, "title")) &&
       !has_content(property(d, "date")))) {
    return doc::NoteKind::Person;
  }
  if (auto kind = from_folder(d.path)) return *kind;
  return doc::NoteKind::Other;
}

}  // namespace kith::loaders
