#include "repl/display_width.hpp"

#include <utf8proc.h>

namespace kith::repl {

namespace {

constexpr std::string_view kEllipsis = "…";
constexpr std::size_t kEllipsisWidth = 1;

// One grapheme cluster: its bytes and its width.
struct Cluster {
  std::size_t bytes = 0;
  std::size_t width = 0;
};

bool is_regional_indicator(utf8proc_int32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

// The cluster starting at text[pos]. Its width is its first character's, except that an
// emoji presentation selector (U+FE0F, as in ❤️) and a flag (two regional indicators) make it
// two columns wide, as terminals draw them.
Cluster next_cluster(std::string_view text, std::size_t pos) {
  Cluster c;
  utf8proc_int32_t state = 0;
  utf8proc_int32_t previous = -1;
  bool first = true;
  int regional = 0;
  bool emoji_selector = false;
  while (pos + c.bytes < text.size()) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos + c.bytes);
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t used =
        utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - pos - c.bytes), &cp);
    if (used <= 0) {
      // An invalid byte is a cluster of its own, one column wide (terminals show U+FFFD).
      if (first) return {1, 1};
      break;
    }
    if (!first && utf8proc_grapheme_break_stateful(previous, cp, &state)) break;
    if (first) {
      const int w = utf8proc_charwidth(cp);
      c.width = w > 0 ? static_cast<std::size_t>(w) : 0;
    }
    if (is_regional_indicator(cp)) ++regional;
    if (cp == 0xFE0F) emoji_selector = true;
    c.bytes += static_cast<std::size_t>(used);
    previous = cp;
    first = false;
  }
  if ((emoji_selector || regional == 2) && c.width > 0) c.width = 2;
  return c;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Cluster c = next_cluster(text, pos);
    width += c.width;
    pos += c.bytes;
  }
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width < kEllipsisWidth) return {};
  const std::size_t room = width - kEllipsisWidth;
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Cluster c = next_cluster(text, pos);
    if (used + c.width > room) break;
    used += c.width;
    pos += c.bytes;
  }
  std::string out(text.substr(0, pos));
  out += kEllipsis;
  return out;
}

}  // namespace kith::repl
