#include "query/caret_lines.hpp"

namespace kith::query {

namespace {

// Very long lines (a generated IN list, a long string) are cut to a window around the column
// so the caret stays on screen.
constexpr std::size_t kContextBefore = 60;
constexpr std::size_t kContextAfter = 60;

// Byte offset of the n-th character (0-based) of a UTF-8 line.
std::size_t byte_of_char(std::string_view line, std::size_t n) {
  std::size_t i = 0;
  while (i < line.size() && n > 0) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80)
      ++i;
    --n;
  }
  return i;
}

}  // namespace

std::string caret_lines(std::string_view line, std::uint32_t column) {
  const std::size_t before = column > 0 ? column - 1 : 0;  // characters before the caret
  std::string prefix;
  std::string suffix;
  std::size_t first_char = 0;
  if (before > kContextBefore) {
    first_char = before - kContextBefore;
    prefix = "...";
  }
  const std::size_t begin = byte_of_char(line, first_char);
  const std::size_t caret = byte_of_char(line, before);
  std::size_t end = byte_of_char(line, before + kContextAfter);
  if (end < line.size()) suffix = "...";
  std::string_view shown = line.substr(begin, end - begin);

  std::string out =
      "  " + prefix + std::string(shown) + suffix + "\n  " + std::string(prefix.size(), ' ');
  // Keep tabs so the caret lines up whatever the terminal's tab width.
  for (std::size_t i = begin; i < caret; ++i) {
    const unsigned char ch = static_cast<unsigned char>(line[i]);
    if ((ch & 0xC0) == 0x80) continue;
    out += ch == '\t' ? '\t' : ' ';
  }
  out += '^';
  return out;
}

}  // namespace kith::query
