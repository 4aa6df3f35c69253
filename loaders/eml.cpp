#include "loaders/eml.hpp"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "loaders/email_date.hpp"
#include "loaders/html_text.hpp"
#include "loaders/quoted_messages.hpp"

namespace kith::loaders {
namespace {

// Attached messages may attach messages; past this depth they are left out.
constexpr int kMaxAttachedDepth = 8;
// MIME multiparts nest; past this depth their parts are not searched for a body.
constexpr int kMaxPartDepth = 32;

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
  void operator()(void* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

// Mail declares its charset, and sometimes lies or forgets: what is not valid UTF-8 after
// GMime's conversion is read as Windows-1252 (a superset of Latin-1 for text), and NULs and
// carriage returns are dropped.
std::string valid_utf8(std::string_view bytes) {
  std::string text;
  if (g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), nullptr)) {
    text = bytes;
  } else {
    gsize written = 0;
    GCharPtr converted(g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8",
                                 "WINDOWS-1252", nullptr, &written, nullptr));
    if (converted) {
      text.assign(converted.get(), written);
    } else {
      GCharPtr repaired(g_utf8_make_valid(bytes.data(), static_cast<gssize>(bytes.size())));
      text = repaired.get();
    }
  }
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '\0' && c != '\r') out += c;
  }
  return out;
}

std::string valid_utf8(const char* s) {
  return s == nullptr ? std::string() : valid_utf8(std::string_view(s));
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

void add_addresses(InternetAddressList* list, std::vector<doc::EmailAddress>& out, int depth = 0) {
  if (list == nullptr) return;
  int n = internet_address_list_length(list);
  for (int k = 0; k < n; ++k) {
    InternetAddress* ia = internet_address_list_get_address(list, k);
    if (INTERNET_ADDRESS_IS_GROUP(ia)) {
      // RFC 5322 groups do not nest; one level is all a real header has.
      if (depth == 0) {
        add_addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out, 1);
      }
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(ia)) continue;
    doc::EmailAddress a;
    a.name = valid_utf8(internet_address_get_name(ia));
    a.address =
        lower_ascii(valid_utf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia))));
    if (lower_ascii(a.name) == a.address) a.name.clear();
    if (a.name.empty() && a.address.empty()) continue;
    out.push_back(std::move(a));
  }
}

struct BodyParts {
  GMimeTextPart* plain = nullptr;
  GMimeTextPart* html = nullptr;
  std::vector<GMimeMessage*> attached;
};

void collect_parts(GMimeObject* part, BodyParts& parts, int depth) {
  if (part == nullptr || depth > kMaxPartDepth) return;
  if (GMIME_IS_MULTIPART(part)) {
    GMimeMultipart* multi = GMIME_MULTIPART(part);
    int n = g_mime_multipart_get_count(multi);
    for (int k = 0; k < n; ++k)
      collect_parts(g_mime_multipart_get_part(multi, k), parts, depth + 1);
    return;
  }
  if (GMIME_IS_MESSAGE_PART(part)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
    if (inner != nullptr) parts.attached.push_back(inner);
    return;
  }
  if (!GMIME_IS_TEXT_PART(part)) return;
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(part);
  if (disposition != nullptr && g_mime_content_disposition_is_attachment(disposition)) return;
  GMimeContentType* type = g_mime_object_get_content_type(part);
  if (g_mime_content_type_is_type(type, "text", "plain")) {
    if (parts.plain == nullptr) parts.plain = GMIME_TEXT_PART(part);
  } else if (g_mime_content_type_is_type(type, "text", "html")) {
    if (parts.html == nullptr) parts.html = GMIME_TEXT_PART(part);
  }
}

std::string part_text(GMimeTextPart* part) {
  GCharPtr text(g_mime_text_part_get_text(part));
  return text ? valid_utf8(std::string_view(text.get())) : std::string();
}

// The line of the file where the body starts: after the headers and the blank line.
std::uint32_t body_start_line(std::string_view bytes) {
  std::uint32_t line = 1;
  bool at_line_start = true;
  for (char c : bytes) {
    if (c == '\n') {
      if (at_line_start) return line + 1;
      ++line;
      at_line_start = true;
    } else if (c != '\r') {
      at_line_start = false;
    }
  }
  return line;
}

void warn(doc::Document& doc, std::string_view file, std::uint32_t line, std::string message) {
  doc.warnings.push_back(doc::Warning{std::string(file), line, std::move(message)});
}

struct MessageSource {
  std::string_view file;
  std::uint32_t body_line = 0;  // where the top-level body starts in the file
};

void read_message(GMimeMessage* message, const MessageSource& source, doc::Document& doc,
                  int quoted_in, int depth) {
  GMimeObject* object = GMIME_OBJECT(message);
  doc::EmailMessage m;
  m.line = depth == 0 ? 1 : source.body_line;

  std::vector<doc::EmailAddress> from;
  add_addresses(g_mime_message_get_from(message), from);
  if (from.empty()) add_addresses(g_mime_message_get_sender(message), from);
  if (!from.empty()) {
    m.from = from.front();
  } else {
    warn(doc, source.file, m.line, "message has no From header");
  }
  add_addresses(g_mime_message_get_to(message), m.to);
  add_addresses(g_mime_message_get_cc(message), m.cc);
  m.subject = valid_utf8(g_mime_message_get_subject(message));

  if (GDateTime* date = g_mime_message_get_date(message); date != nullptr) {
    GCharPtr iso(g_date_time_format(date, "%Y-%m-%dT%H:%M:%S"));
    if (iso) m.date = iso.get();
  } else if (const char* raw = g_mime_object_get_header(object, "Date"); raw != nullptr) {
    m.date = parse_email_date(valid_utf8(raw)).iso;
    if (m.date.empty()) {
      warn(doc, source.file, m.line, fmt::format("unreadable Date header '{}'", valid_utf8(raw)));
    }
  } else {
    warn(doc, source.file, m.line, "message has no Date header");
  }

  BodyParts parts;
  GMimeObject* top = g_mime_message_get_mime_part(message);
  collect_parts(top, parts, 0);
  std::string text;
  bool lines_map_to_file = false;
  if (parts.plain != nullptr) {
    text = part_text(parts.plain);
    GMimeContentEncoding encoding = g_mime_part_get_content_encoding(GMIME_PART(parts.plain));
    lines_map_to_file = depth == 0 && GMIME_OBJECT(parts.plain) == top &&
                        encoding != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE &&
                        encoding != GMIME_CONTENT_ENCODING_BASE64 &&
                        encoding != GMIME_CONTENT_ENCODING_UUENCODE;
  } else if (parts.html != nullptr) {
    text = html_to_text(part_text(parts.html));
  }

  std::vector<BodyLine> lines;
  std::string_view rest = text;
  for (std::uint32_t k = 0;; ++k) {
    std::size_t end = rest.find('\n');
    lines.push_back(
        {rest.substr(0, end), lines_map_to_file ? source.body_line + k : source.body_line});
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  QuotedMessages quoted = split_quoted_messages(lines, source.file, doc.warnings);
  int index = static_cast<int>(doc.messages.size());
  append_message_with_quotes(std::move(m), std::move(quoted), doc, quoted_in, depth);

  if (!parts.attached.empty() && depth + 1 > kMaxAttachedDepth) {
    warn(doc, source.file, source.body_line, "attached messages nested too deeply; left out");
    return;
  }
  for (GMimeMessage* inner : parts.attached)
    read_message(inner, source, doc, index, depth + 1);
}

GObjectPtr<GMimeMessage> parse_message(std::string_view bytes) {
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  return GObjectPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), nullptr));
}

}  // namespace

void read_eml(std::string_view bytes, std::string_view file, doc::Document& doc) {
  doc.kind = doc::NoteKind::EmailThread;
  if (bytes.empty()) {
    warn(doc, file, 0, "empty .eml file");
    return;
  }
  init_gmime();
  GObjectPtr<GMimeMessage> message = parse_message(bytes);
  if (!message) {
    // A file cut off inside its headers: GMime wants the headers to end.
    std::string completed(bytes);
    completed += "\n\n";
    message = parse_message(completed);
  }
  if (!message) {
    warn(doc, file, 0, "not an email message: no headers could be read");
    return;
  }
  GMimeObject* object = GMIME_OBJECT(message.get());
  bool has_headers = false;
  for (const char* name : {"From", "Sender", "To", "Cc", "Subject", "Date", "Message-ID"}) {
    has_headers = has_headers || g_mime_object_get_header(object, name) != nullptr;
  }
  if (!has_headers) {
    warn(doc, file, 0, "not an email message: no From, To, Subject or Date header");
    return;
  }
  MessageSource source{file, body_start_line(bytes)};
  std::size_t top = doc.messages.size();
  read_message(message.get(), source, doc, -1, 0);
  if (top < doc.messages.size() && !doc.messages[top].subject.empty()) {
    doc.title = doc.messages[top].subject;
  }
}

}  // namespace kith::loaders
