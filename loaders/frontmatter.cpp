#include "loaders/frontmatter.hpp"

#include <string>

#include "loaders/full_yaml.hpp"
#include "loaders/plain_yaml.hpp"

namespace kith::loaders {

namespace {

// A fence line: "---" with nothing after it but spaces and the line ending.
bool is_fence(std::string_view line) {
  if (!line.starts_with("---")) return false;
  for (char c : line.substr(3)) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

Frontmatter parse_frontmatter(std::string_view text, std::string_view file,
                              std::vector<doc::Warning>& warnings) {
  Frontmatter fm;
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t eol = text.find('\n', start);
  if (eol == std::string_view::npos || !is_fence(text.substr(start, eol - start))) return fm;

  std::size_t yaml_begin = eol + 1;
  std::size_t pos = yaml_begin;
  std::uint32_t line = 2;
  while (pos <= text.size()) {
    std::size_t next = text.find('\n', pos);
    std::size_t end = next == std::string_view::npos ? text.size() : next;
    if (is_fence(text.substr(pos, end - pos))) {
      std::string_view yaml = text.substr(yaml_begin, pos - yaml_begin);
      fm.end_line = line;
      fm.body_offset = next == std::string_view::npos ? text.size() : next + 1;
      if (auto fast = parse_plain_yaml(yaml)) {
        fm.properties = std::move(*fast);
      } else {
        fm.properties = parse_full_yaml(yaml, 2, file, warnings);
      }
      return fm;
    }
    if (next == std::string_view::npos) break;
    pos = next + 1;
    ++line;
  }
  warnings.push_back({std::string(file), 1,
                      "frontmatter fence '---' is never closed; the whole file is read as body"});
  return fm;
}

}  // namespace kith::loaders
