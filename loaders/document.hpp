// The document model: one note (or one .eml file) of a vault, read, repaired and parsed into
// typed, line-numbered parts. The vault reader produces Documents; the graph builder consumes
// them. Every part keeps the 1-based line of the file it came from, so each fact derived from
// it can cite file:line and the text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/value.hpp"

namespace kith::doc {

enum class NoteKind : std::uint8_t { Meeting, Person, Account, Project, EmailThread, Other };
const char* note_kind_name(NoteKind k);  // "meeting", "person", ...

struct Warning {
  std::string file;        // relative to the vault root, '/' separators
  std::uint32_t line = 0;  // 0 when the warning is about the whole file
  std::string message;
};

// A heading. Sections nest by level; `parent` is the index of the enclosing section or -1.
struct Section {
  std::string heading;  // plain text of the heading, links resolved to their shown text
  int level = 1;
  std::uint32_t line = 0;
  int parent = -1;
};

// A unit of prose: a list item or a paragraph (or a blockquote's paragraph), as plain text
// with Markdown emphasis removed and wikilinks replaced by their shown text.
struct Statement {
  enum class Kind : std::uint8_t { ListItem, Paragraph, Quote };
  Kind kind = Kind::Paragraph;
  std::string text;
  std::string raw;  // the source line(s) as written
  std::uint32_t line = 0;
  int section = -1;    // index into Document::sections, -1 before the first heading
  int list_depth = 0;  // 1 for a top-level list item, 2 for nested, 0 outside lists
  int task = -1;       // index into Document::tasks when this list item is a task, else -1
};

// [[Target]], [[Target|shown]], [[Target#Heading]], ![[embed]], and [text](url) links.
struct Link {
  std::string target;   // note name or path as written, without .md
  std::string heading;  // after '#', empty if none
  std::string shown;    // the alias after '|', else the target
  bool embed = false;
  bool wiki = true;  // false for a Markdown [text](url) link
  std::uint32_t line = 0;
};

struct Tag {
  std::string name;  // without '#', e.g. "project/halyard"
  std::uint32_t line = 0;
};

// `**Date**: 2025-12-27`, `**Account**: [[Contoso]]`, `**Attendees**: A, B`, `**With**: ...`
struct FieldLine {
  std::string key;    // as written, e.g. "Attendees"
  std::string value;  // plain text after the colon (wikilinks replaced by their shown text)
  std::vector<std::string> items;  // the value split on commas / semicolons, trimmed
  std::uint32_t line = 0;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::uint32_t line = 0;
  int section = -1;
};

// A fenced ```tasks block: an Obsidian Tasks query kept to run later.
struct TasksQuery {
  std::string text;
  std::uint32_t line = 0;  // the line of the opening fence
};

// Obsidian Tasks status types, as the Tasks plugin defines them.
enum class StatusType : std::uint8_t { Todo, InProgress, Done, Cancelled, NonTask, OnHold };
const char* status_type_name(StatusType t);  // "TODO", "IN_PROGRESS", "DONE", ...

struct Task {
  char32_t status = U' ';  // the character between the brackets
  StatusType status_type = StatusType::Todo;
  std::string description;  // the text without signifiers, owners or tags, trimmed
  std::string raw;          // the whole line as written (after repair)
  std::optional<Date> due, scheduled, start, created, done, cancelled;
  std::string priority;  // "highest", "high", "medium", "low", "lowest" or "" (normal)
  std::string recurrence;
  std::string id;
  std::vector<std::string> depends_on;
  std::string on_completion;
  std::vector<std::string> tags;    // without '#'
  std::vector<std::string> owners;  // "@Full Name" as "Full Name"; "Myself" and "TBD" kept
  bool owner_is_myself = false;
  bool owner_tbd = false;
  std::uint32_t line = 0;
  int section = -1;
  int list_depth = 1;
  bool open() const {
    return status_type == StatusType::Todo || status_type == StatusType::InProgress ||
           status_type == StatusType::OnHold;
  }
};

struct EmailAddress {
  std::string name;     // display name, may be empty
  std::string address;  // lower-cased, may be empty when only a name is known
};

// One message of an email thread: a top-level message of an export or .eml, or a quoted one
// found inside another's body (From:/Sent:/To: blocks, "On <date>, Name <addr> wrote:").
struct EmailMessage {
  EmailAddress from;
  std::vector<EmailAddress> to;
  std::vector<EmailAddress> cc;
  std::string date;  // ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], empty if unknown
  std::string subject;
  std::string body;  // the message's own text, quoted parts removed
  std::uint32_t line = 0;
  int position = 0;    // order in the thread as written (0 = first in the file)
  int quoted_in = -1;  // index of the message whose body quoted this one, -1 if top-level
  int depth = 0;       // quoting depth: 0 top-level, 1 quoted once, ...
};

struct Document {
  std::string path;  // relative to the vault root, '/' separators
  std::string name;  // file name without extension: what [[wikilinks]] point at
  NoteKind kind = NoteKind::Other;
  std::string title;  // frontmatter title, else the first H1, else the name
  std::optional<Date> date;

  Map properties;                     // the whole frontmatter, YAML mapped onto Values
  std::uint32_t frontmatter_end = 0;  // the line of the closing '---', 0 if none

  std::vector<Section> sections;
  std::vector<Statement> statements;
  std::vector<Link> links;
  std::vector<Tag> tags;
  std::vector<FieldLine> fields;
  std::vector<Table> tables;
  std::vector<TasksQuery> tasks_queries;
  std::vector<Task> tasks;
  std::vector<EmailMessage> messages;

  std::vector<Warning> warnings;
  std::uint64_t bytes = 0;
};

}  // namespace kith::doc
