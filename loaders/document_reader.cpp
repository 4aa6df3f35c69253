#include "loaders/document_reader.hpp"

#include <algorithm>

#include "loaders/email_export.hpp"
#include "loaders/eml.hpp"
#include "loaders/frontmatter.hpp"
#include "loaders/markdown.hpp"
#include "loaders/note_kind.hpp"
#include "loaders/text_repair.hpp"

namespace kith::loaders {

namespace {

std::string file_stem(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  if (auto dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) {
    name = name.substr(0, dot);
  }
  return std::string(name);
}

const std::string* string_property(const doc::Document& d, std::string_view key) {
  auto it = d.properties.find(key);
  if (it == d.properties.end() || !it->second.is<std::string>()) return nullptr;
  return &it->second.as<std::string>();
}

void fill_title_and_date(doc::Document& d) {
  if (d.title.empty()) {
    if (const std::string* t = string_property(d, "title")) d.title = *t;
  }
  if (d.title.empty()) {
    for (const doc::Section& s : d.sections) {
      if (s.level == 1) {
        d.title = s.heading;
        break;
      }
    }
  }
  if (d.title.empty()) d.title = d.name;
  if (!d.date) {
    if (const std::string* t = string_property(d, "date")) d.date = Date::parse_iso(*t);
  }
  if (!d.date) {
    for (const doc::FieldLine& f : d.fields) {
      if (f.key == "Date" || f.key == "date") {
        d.date = Date::parse_iso(f.value.substr(0, 10));
        if (d.date) break;
      }
    }
  }
  if (!d.date && !d.messages.empty()) {
    d.date = Date::parse_iso(std::string_view(d.messages.front().date).substr(0, 10));
  }
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  // Text editors and exporters never write control bytes other than tab, newlines and form
  // feed; a binary file has them everywhere. Look at the first 8 KiB only.
  const std::string_view head = bytes.substr(0, 8192);
  std::size_t control = 0;
  for (unsigned char c : head) {
    // Without branches, so that the compiler vectorises the count.
    control += static_cast<std::size_t>((c < 0x20) & (c != '\t') & (c != '\n') & (c != '\r') &
                                        (c != '\f'));
  }
  return !head.empty() && control * 20 > head.size();  // over 5%
}

std::optional<doc::Document> read_document(std::string_view bytes, const VaultFile& file,
                                           std::vector<doc::Warning>& warnings) {
  if (looks_binary(bytes)) {
    warnings.push_back(doc::Warning{file.path, 0, "binary data, not a note; skipped"});
    return std::nullopt;
  }
  doc::Document d;
  d.path = file.path;
  d.name = file_stem(file.path);
  d.bytes = bytes.size();
  if (file.format == FileFormat::Eml) {
    read_eml(bytes, file.path, d);
    d.kind = doc::NoteKind::EmailThread;
    fill_title_and_date(d);
    return d;
  }
  const std::string text = repair_text(bytes, file.path, d.warnings);
  Frontmatter front = parse_frontmatter(text, file.path, d.warnings);
  d.properties = std::move(front.properties);
  d.frontmatter_end = front.end_line;
  const std::string_view body = std::string_view(text).substr(front.body_offset);
  const auto first_line = static_cast<std::uint32_t>(
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(front.body_offset),
                     '\n'));
  if (looks_like_email_export(body)) {
    parse_email_export(body, first_line, file.path, d);
    d.kind = doc::NoteKind::EmailThread;
  } else {
    parse_markdown_body(body, first_line, file.path, d);
    d.kind = classify_note(d);
  }
  fill_title_and_date(d);
  return d;
}

}  // namespace kith::loaders
