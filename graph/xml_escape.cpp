#include "graph/xml_escape.hpp"

#include "graph/utf8_repair.hpp"

namespace kith {

std::string xml_escaped(std::string_view text, bool in_attribute) {
  const std::string valid = repair_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += in_attribute ? "&quot;" : "\"";
        break;
      case '\r':
        out += "&#13;";  // a raw CR would be turned into LF by any XML parser
        break;
      case '\n':
        out += in_attribute ? "&#10;" : "\n";
        break;
      case '\t':
        out += in_attribute ? "&#9;" : "\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";
        } else if (c == '\xEF' && i + 2 < valid.size() && valid[i + 1] == '\xBF' &&
                   (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) {
          out += "\xEF\xBF\xBD";  // U+FFFE and U+FFFF are not XML characters
          i += 2;
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace kith
