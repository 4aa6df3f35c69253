#include "loaders/quoted_messages.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "loaders/email_address.hpp"
#include "loaders/email_date.hpp"

namespace kith::loaders {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (iequals(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

struct QuotedLine {
  std::string_view content;  // without the '>' markers, right-trimmed
  int level = 0;             // how many '>' markers
  std::uint32_t line = 0;
  bool blank() const { return content.empty(); }
};

QuotedLine read_quote_level(const BodyLine& in) {
  QuotedLine out;
  out.line = in.line;
  std::string_view s = in.text;
  std::size_t i = 0;
  while (i < s.size() && i < 3 && s[i] == ' ')
    ++i;
  while (i < s.size() && s[i] == '>') {
    ++out.level;
    ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ')
      ++j;
    // "> > text" is two levels; "> text" drops the one space after the marker.
    if (j < s.size() && s[j] == '>') {
      i = j;
    } else if (i < s.size() && s[i] == ' ') {
      ++i;
    }
  }
  out.content = trim(s.substr(i));
  return out;
}

enum class Field : std::uint8_t { From, Sent, Date, To, Cc, Bcc, Subject, ReplyTo, Other };

struct FieldLine {
  Field field;
  std::string_view value;
};

// "From: x", "**From:** x", "*From:* x", "De : x". Only the labels of quote headers count.
std::optional<FieldLine> read_field(std::string_view content) {
  std::string_view s = content;
  while (!s.empty() && s.front() == '*')
    s.remove_prefix(1);
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 14) return std::nullopt;
  std::string_view label = trim(s.substr(0, colon));
  std::string_view value = s.substr(colon + 1);
  while (!value.empty() && value.front() == '*')
    value.remove_prefix(1);
  value = trim(value);
  struct Label {
    std::string_view name;
    Field field;
  };
  static constexpr std::array<Label, 19> kLabels = {{
      {"from", Field::From},
      {"von", Field::From},
      {"de", Field::From},
      {"sent", Field::Sent},
      {"gesendet", Field::Sent},
      {"envoyé", Field::Sent},
      {"date", Field::Date},
      {"datum", Field::Date},
      {"to", Field::To},
      {"an", Field::To},
      {"à", Field::To},
      {"cc", Field::Cc},
      {"bcc", Field::Bcc},
      {"subject", Field::Subject},
      {"betreff", Field::Subject},
      {"objet", Field::Subject},
      {"reply-to", Field::ReplyTo},
      {"importance", Field::Other},
      {"attachments", Field::Other},
  }};
  for (const auto& l : kLabels) {
    if (iequals(label, l.name)) return FieldLine{l.field, value};
  }
  return std::nullopt;
}

// "-----Original Message-----", "---------- Forwarded message ---------",
// "Begin forwarded message:"
bool is_forward_separator(std::string_view content) {
  if (iequals(content, "Begin forwarded message:")) return true;
  if (content.size() < 10 || content.substr(0, 2) != "--") return false;
  return icontains(content, "original message") || icontains(content, "forwarded message");
}

bool is_underscore_rule(std::string_view content) {
  if (content.size() < 10) return false;
  for (char c : content) {
    if (c != '_') return false;
  }
  return true;
}

bool ends_with_wrote(std::string_view content) {
  constexpr std::string_view kWrote = "wrote:";
  return content.size() >= kWrote.size() &&
         content.substr(content.size() - kWrote.size()) == kWrote;
}

struct Header {
  doc::EmailMessage message;
  std::size_t lines = 0;  // lines of the body the header took
  bool ok = false;
};

void warn(std::vector<doc::Warning>& warnings, std::string_view file, std::uint32_t line,
          std::string message) {
  warnings.push_back(doc::Warning{std::string(file), line, std::move(message)});
}

void set_date(doc::EmailMessage& m, std::string_view text, std::uint32_t line,
              std::string_view file, std::vector<doc::Warning>& warnings) {
  m.date = parse_email_date(text).iso;
  if (m.date.empty() && !text.empty()) {
    warn(warnings, file, line,
         fmt::format("quoted message date has no readable year, month or day: '{}'", text));
  }
}

// "On <date>, Name <addr> wrote:", possibly wrapped onto a second line.
Header read_attribution(std::span<const QuotedLine> lines, std::size_t i, std::string_view file,
                        std::vector<doc::Warning>& warnings) {
  Header h;
  std::string_view first = lines[i].content;
  if (first.size() < 4 || first.substr(0, 3) != "On ") return h;
  std::string text;
  if (ends_with_wrote(first)) {
    text = first;
    h.lines = 1;
  } else if (i + 1 < lines.size() && lines[i + 1].level == lines[i].level &&
             first.find("wrote:") == std::string_view::npos && first.size() < 300 &&
             ends_with_wrote(lines[i + 1].content)) {
    text = fmt::format("{} {}", first, lines[i + 1].content);
    h.lines = 2;
  } else {
    return h;
  }
  std::string_view s = text;
  s = trim(s.substr(3, s.size() - 3 - 6));
  EmailDate date = parse_email_date(s);
  if (date.consumed == 0) return h;  // "On the whole, Dana wrote:" is prose
  std::string_view sender = s.substr(date.consumed);
  while (!sender.empty() && (sender.front() == ',' || sender.front() == ' ')) {
    sender.remove_prefix(1);
  }
  h.message.from = parse_email_address(sender);
  h.message.line = lines[i].line;
  set_date(h.message, trim(s.substr(0, date.consumed)), lines[i].line, file, warnings);
  h.ok = true;
  return h;
}

// An Outlook or forwarded-message header block: From: then Sent:/Date:/To:/Cc:/Subject: lines.
Header read_header_block(std::span<const QuotedLine> lines, std::size_t i, std::string_view file,
                         std::vector<doc::Warning>& warnings) {
  Header h;
  auto first = read_field(lines[i].content);
  if (!first || first->field != Field::From) return h;
  bool has_from = false, has_when_or_subject = false;
  std::size_t j = i;
  Field last = Field::Other;
  std::string to_text, cc_text;
  for (; j < lines.size() && lines[j].level == lines[i].level && !lines[j].blank(); ++j) {
    auto f = read_field(lines[j].content);
    if (!f) {
      // A long To:/Cc: list wrapped onto the next line.
      if ((last == Field::To || last == Field::Cc) &&
          lines[j].content.find('@') != std::string_view::npos) {
        (last == Field::To ? to_text : cc_text) += fmt::format(", {}", lines[j].content);
        continue;
      }
      break;
    }
    if (f->field == Field::From && has_from) break;  // the next quoted header
    last = f->field;
    switch (f->field) {
      case Field::From:
        has_from = true;
        h.message.from = parse_email_address(f->value);
        break;
      case Field::Sent:
      case Field::Date:
        has_when_or_subject = true;
        set_date(h.message, f->value, lines[j].line, file, warnings);
        break;
      case Field::Subject:
        has_when_or_subject = true;
        h.message.subject = std::string(f->value);
        break;
      case Field::To:
        to_text = f->value;
        break;
      case Field::Cc:
        cc_text = f->value;
        break;
      default:
        break;
    }
  }
  if (!has_from || !has_when_or_subject) return h;
  h.message.to = parse_address_list(to_text);
  h.message.cc = parse_address_list(cc_text);
  h.message.line = lines[i].line;
  h.lines = j - i;
  h.ok = true;
  return h;
}

doc::EmailMessage headerless_message(std::uint32_t line) {
  doc::EmailMessage m;
  m.line = line;
  return m;
}

struct Open {
  int index;          // into the quoted messages, -1 for the quoting message
  int content_level;  // the '>' level its own lines are at
};

std::string join_body(const std::vector<std::string_view>& lines) {
  std::size_t begin = 0, end = lines.size();
  while (begin < end && lines[begin].empty())
    ++begin;
  while (end > begin && lines[end - 1].empty())
    --end;
  std::string out;
  for (std::size_t k = begin; k < end; ++k) {
    if (k > begin) out += '\n';
    out += lines[k];
  }
  return out;
}

}  // namespace

QuotedMessages split_quoted_messages(std::span<const BodyLine> body, std::string_view file,
                                     std::vector<doc::Warning>& warnings, QuoteLevels levels) {
  std::vector<QuotedLine> lines;
  lines.reserve(body.size());
  bool any_text = false, all_quoted = true;
  for (const auto& b : body) {
    lines.push_back(read_quote_level(b));
    if (!lines.back().blank()) {
      any_text = true;
      all_quoted = all_quoted && lines.back().level > 0;
    }
  }
  // Exports that show a whole message as a blockquote: its own text is the outer level.
  if (levels == QuoteLevels::Lost) {
    for (auto& l : lines)
      l.level = 0;
  } else if (any_text && all_quoted) {
    for (auto& l : lines)
      l.level = std::max(0, l.level - 1);
  }

  std::vector<doc::EmailMessage> messages;
  std::vector<std::vector<std::string_view>> bodies(1);  // bodies[0] is the quoting message's
  std::vector<Open> open{{-1, 0}};
  std::vector<Open> closed;  // the messages the last return to a lower level closed, deepest first
  auto body_of = [&](int index) -> std::vector<std::string_view>& { return bodies[index + 1]; };

  bool pending_separator = false;
  std::uint32_t separator_line = 0;
  int separator_level = 0;
  auto start_message = [&](doc::EmailMessage m, int level, std::size_t next) {
    closed.clear();
    while (open.size() > 1 && open.back().content_level > level)
      open.pop_back();
    // Outlook draws a rule of underscores above the quoted header; it belongs to neither.
    auto& parent_body = body_of(open.back().index);
    while (!parent_body.empty() &&
           (parent_body.back().empty() || is_underscore_rule(parent_body.back()))) {
      parent_body.pop_back();
    }
    int content_level = level;
    for (std::size_t k = next; k < lines.size(); ++k) {
      if (lines[k].blank()) continue;
      content_level = std::clamp(lines[k].level, level, level + 1);
      break;
    }
    m.quoted_in = open.back().index;
    m.depth = open.back().index < 0 ? 1 : messages[open.back().index].depth + 1;
    messages.push_back(std::move(m));
    bodies.emplace_back();
    open.push_back({static_cast<int>(messages.size()) - 1, content_level});
  };

  for (std::size_t i = 0; i < lines.size();) {
    const QuotedLine& l = lines[i];
    if (l.blank()) {
      body_of(open.back().index).push_back({});
      ++i;
      continue;
    }
    if (is_forward_separator(l.content)) {
      if (pending_separator) {
        warn(warnings, file, separator_line, "forwarded message without a From: header");
        start_message(headerless_message(separator_line), separator_level, i);
      }
      pending_separator = true;
      separator_line = l.line;
      separator_level = l.level;
      ++i;
      continue;
    }
    Header h = read_header_block(lines, i, file, warnings);
    if (!h.ok) h = read_attribution(lines, i, file, warnings);
    if (h.ok) {
      pending_separator = false;
      start_message(std::move(h.message), l.level, i + h.lines);
      i += h.lines;
      continue;
    }
    if (pending_separator) {
      warn(warnings, file, separator_line, "forwarded message without a From: header");
      start_message(headerless_message(separator_line), separator_level, i);
      pending_separator = false;
    }
    std::vector<Open> popped;
    while (open.size() > 1 && open.back().content_level > l.level) {
      popped.push_back(open.back());
      open.pop_back();
    }
    if (!popped.empty()) closed = std::move(popped);
    if (l.level > open.back().content_level) {
      // An inline reply ("see inline"): the quote goes on with the messages just closed.
      auto end = closed.rbegin();
      while (end != closed.rend() && end->content_level < l.level)
        ++end;
      if (end != closed.rend() && end->content_level == l.level) {
        open.insert(open.end(), closed.rbegin(), end + 1);
        closed.clear();
      }
    }
    // A quote deeper than the message's own text, with no header: a quoted part, left out.
    if (l.level == open.back().content_level) body_of(open.back().index).push_back(l.content);
    ++i;
  }

  QuotedMessages out;
  out.own_body = join_body(bodies[0]);
  for (std::size_t k = 0; k < messages.size(); ++k)
    messages[k].body = join_body(bodies[k + 1]);
  out.messages = std::move(messages);
  return out;
}

void append_message_with_quotes(doc::EmailMessage message, QuotedMessages quoted,
                                doc::Document& doc, int quoted_in, int depth) {
  int index = static_cast<int>(doc.messages.size());
  message.body = std::move(quoted.own_body);
  message.position = index;
  message.quoted_in = quoted_in;
  message.depth = depth;
  doc.messages.push_back(std::move(message));
  for (auto& q : quoted.messages) {
    q.quoted_in = q.quoted_in < 0 ? index : index + 1 + q.quoted_in;
    q.depth += depth;
    q.position = static_cast<int>(doc.messages.size());
    doc.messages.push_back(std::move(q));
  }
}

}  // namespace kith::loaders
