#include "query/source_text.hpp"

#include <algorithm>

namespace kith::query {

SourceText::SourceText(std::string_view text) : text_(text), chars_before_(text.size() + 1) {
  line_starts_.push_back(0);
  std::uint32_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    chars_before_[i] = chars;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  chars_before_[text.size()] = chars;
}

ast::Position SourceText::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  return {static_cast<std::uint32_t>(line_index + 1),
          chars_before_[offset] - chars_before_[start] + 1};
}

std::string_view SourceText::line(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

}  // namespace kith::query
