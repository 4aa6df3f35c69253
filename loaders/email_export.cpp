#include "loaders/email_export.hpp"

#include <charconv>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "loaders/email_address.hpp"
#include "loaders/email_date.hpp"
#include "loaders/flattened_export.hpp"
#include "loaders/quoted_messages.hpp"

namespace kith::loaders {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

void warn(doc::Document& doc, std::string_view file, std::uint32_t line, std::string message) {
  doc.warnings.push_back(doc::Warning{std::string(file), line, std::move(message)});
}

// One line of the text, or one of the lines a flattened line was split back into.
std::vector<BodyLine> logical_lines(std::string_view text, std::uint32_t first_line,
                                    bool& flattened, int& unsplit_subjects) {
  std::vector<std::string_view> physical;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == npos) end = text.size();
    physical.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::string_view title;
  flattened = false;
  for (auto line : physical) {
    std::size_t header = find_message_header(line);
    // "---## 2025-..." : a message header glued to the rule that closes the message before.
    bool glued_header = header != npos && header >= 3 && line.substr(header - 3, 3) == "---";
    bool glued_export = starts_with(line, "# ") && line.find("- Exported: ") != npos;
    if (glued_header || glued_export) flattened = true;
    if (title.empty()) title = flattened_export_title(line);
  }

  std::vector<BodyLine> out;
  out.reserve(physical.size());
  for (std::size_t k = 0; k < physical.size(); ++k) {
    auto number = static_cast<std::uint32_t>(first_line + k);
    if (!flattened) {
      out.push_back({physical[k], number});
      continue;
    }
    FlattenedLines split = split_flattened_export(physical[k], title);
    unsplit_subjects += split.unsplit_subjects;
    for (auto piece : split.lines)
      out.push_back({piece, number});
  }
  return out;
}

// "**Subject:** text" and the other bold header fields an export may write under a header.
bool read_bold_field(std::string_view line, std::string_view& key, std::string_view& value) {
  line = trim(line);
  if (!starts_with(line, "**")) return false;
  std::size_t close = line.find(":**", 2);
  if (close == npos || close > 20) return false;
  key = line.substr(2, close - 2);
  value = trim(line.substr(close + 3));
  return key == "Subject" || key == "To" || key == "Cc" || key == "From" || key == "Date";
}

// "## 2025-12-18 16:02:10 — Leo Hart <leo.hart@gmail.com>"
doc::EmailMessage read_message_header(const BodyLine& header, std::string_view file,
                                      doc::Document& doc) {
  doc::EmailMessage m;
  m.line = header.line;
  std::string_view rest = trim(header.text.substr(3));
  EmailDate date = parse_email_date(rest);
  m.date = date.iso;
  if (m.date.empty()) {
    warn(doc, file, header.line, fmt::format("unreadable message date in '{}'", trim(header.text)));
  }
  std::string_view sender = trim(rest.substr(date.consumed));
  for (std::string_view dash : {"\u2014", "\u2013", "-"}) {
    if (starts_with(sender, dash)) {
      sender = trim(sender.substr(dash.size()));
      break;
    }
  }
  m.from = parse_email_address(sender);
  if (m.from.name.empty() && m.from.address.empty()) {
    warn(doc, file, header.line, "message header without a sender");
  }
  return m;
}

bool is_rule(std::string_view line) {
  return trim(line) == "---";
}

}  // namespace

bool looks_like_email_export(std::string_view text) {
  std::string_view head = text.substr(0, 2048);
  if (find_message_header(head) == npos) return false;
  return head.find("- Messages:") != npos || head.find("- Exported:") != npos ||
         head.find("**Subject:**") != npos;
}

void parse_email_export(std::string_view text, std::uint32_t first_line, std::string_view file,
                        doc::Document& doc) {
  bool flattened = false;
  int unsplit_subjects = 0;
  std::vector<BodyLine> lines = logical_lines(text, first_line, flattened, unsplit_subjects);
  if (unsplit_subjects > 0) {
    warn(doc, file, first_line,
         "export lost its newlines and a subject runs into its message: the subject may hold "
         "the start of the body");
  }

  std::size_t i = 0;
  int expected = -1;
  std::uint32_t expected_line = 0;
  for (; i < lines.size() && !starts_with_message_header(lines[i].text); ++i) {
    std::string_view l = trim(lines[i].text);
    if (starts_with(l, "# ") && doc.properties.find("title") == doc.properties.end()) {
      doc.title = std::string(trim(l.substr(2)));
    } else if (starts_with(l, "- Messages:")) {
      std::string_view n = trim(l.substr(11));
      int value = 0;
      auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), value);
      if (ec == std::errc() && ptr == n.data() + n.size()) {
        expected = value;
        expected_line = lines[i].line;
      } else {
        warn(doc, file, lines[i].line, fmt::format("unreadable message count '{}'", n));
      }
    }
  }
  if (i == lines.size()) {
    warn(doc, file, first_line, "no '## <date> <time> — sender' message header in email export");
    return;
  }
  if (doc.kind == doc::NoteKind::Other) doc.kind = doc::NoteKind::EmailThread;

  int found = 0;
  QuoteLevels levels = flattened ? QuoteLevels::Lost : QuoteLevels::Kept;
  while (i < lines.size()) {
    doc::EmailMessage message = read_message_header(lines[i], file, doc);
    ++i;
    std::string_view key, value;
    for (; i < lines.size() && read_bold_field(lines[i].text, key, value); ++i) {
      if (key == "Subject") {
        message.subject = std::string(value);
      } else if (key == "To") {
        message.to = parse_address_list(value);
      } else if (key == "Cc") {
        message.cc = parse_address_list(value);
      }
    }
    std::size_t end = i;
    while (end < lines.size() && !starts_with_message_header(lines[end].text))
      ++end;
    // The `---` that closes a message is not part of its body; one inside the body is.
    std::size_t body_end = end;
    while (body_end > i && trim(lines[body_end - 1].text).empty())
      --body_end;
    if (body_end > i && is_rule(lines[body_end - 1].text)) --body_end;
    std::span<const BodyLine> body(lines.data() + i, body_end - i);
    QuotedMessages quoted = split_quoted_messages(body, file, doc.warnings, levels);
    append_message_with_quotes(std::move(message), std::move(quoted), doc);
    ++found;
    i = end;
  }
  if (expected >= 0 && expected != found) {
    warn(doc, file, expected_line,
         fmt::format("export says {} messages but {} were found", expected, found));
  }
}

}  // namespace kith::loaders
