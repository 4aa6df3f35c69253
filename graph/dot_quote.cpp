#include "graph/dot_quote.hpp"

#include "graph/utf8_repair.hpp"

namespace kith {

std::string dot_quoted(std::string_view text) {
  const std::string valid = repair_utf8(text);
  std::string out;
  out.reserve(valid.size() + 2);
  out += '"';
  for (const char c : valid) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += c;
        break;
      default:
        // Other control characters (NUL above all) have no DOT spelling.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace kith
