#include "graph/utf8_repair.hpp"

#include <utf8proc.h>

namespace kith {

std::string repair_utf8(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      out += text[pos++];
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t used =
        utf8proc_iterate(p + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &code_point);
    if (used > 0) {
      out.append(text, pos, static_cast<std::size_t>(used));
      pos += static_cast<std::size_t>(used);
    } else {
      out += kReplacement;
      ++pos;
    }
  }
  return out;
}

}  // namespace kith
