#include "query/identifier_chars.hpp"

#include <utf8proc.h>

namespace kith::query {

std::size_t decode_utf8(std::string_view text, std::size_t pos, std::int32_t& code_point) {
  if (pos >= text.size()) return 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) {
    code_point = -1;
    return 1;
  }
  code_point = cp;
  return static_cast<std::size_t>(n);
}

namespace {

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::size_t identifier_start_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  char c = text[pos];
  if (is_ascii_letter(c) || c == '_') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  std::int32_t cp = 0;
  std::size_t n = decode_utf8(text, pos, cp);
  if (cp < 0) return 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_PC:
      return n;
    default:
      return 0;
  }
}

std::size_t identifier_part_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  char c = text[pos];
  if (c >= '0' && c <= '9') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return identifier_start_length(text, pos);
  if (std::size_t n = identifier_start_length(text, pos)) return n;
  std::int32_t cp = 0;
  std::size_t n = decode_utf8(text, pos, cp);
  if (cp < 0) return 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
      return n;
    default:
      return 0;
  }
}

std::size_t blank_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  switch (text[pos]) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
      return 1;
    default:
      break;
  }
  if (static_cast<unsigned char>(text[pos]) < 0x80) return 0;
  std::int32_t cp = 0;
  std::size_t n = decode_utf8(text, pos, cp);
  if (cp == 0xFEFF) return n;  // a byte-order mark, e.g. at the start of a pasted query
  if (cp < 0) return 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return n;
    default:
      return 0;
  }
}

}  // namespace kith::query
