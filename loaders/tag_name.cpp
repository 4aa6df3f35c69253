#include "loaders/tag_name.hpp"

#include <utf8proc.h>

namespace kith::loaders {

namespace {

bool is_ascii_tag_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '/';
}

// Non-ASCII code points that may appear in a tag: letters, marks, numbers and symbols such as
// emoji; punctuation (’ — …), separators (NBSP) and controls end the tag.
bool is_unicode_tag_char(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_SO:
      return true;
    default:
      return false;
  }
}

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool looks_like_colour(std::string_view name) {
  if (name.size() != 3 && name.size() != 6) return false;
  bool has_digit = false;
  for (char c : name) {
    if (!is_hex_digit(c)) return false;
    if (c >= '0' && c <= '9') has_digit = true;
  }
  return has_digit;
}

}  // namespace

bool can_start_tag_after(std::string_view before) {
  if (before.empty()) return true;
  unsigned char last = static_cast<unsigned char>(before.back());
  if (last < 0x80) return last == ' ' || last == '\t' || last == '\n' || last == '\r';
  // Step back to the lead byte of the last code point to see if it is a Unicode space.
  std::size_t start = before.size() - 1;
  while (start > 0 && before.size() - start < 4 &&
         (static_cast<unsigned char>(before[start]) & 0xC0) == 0x80) {
    --start;
  }
  utf8proc_int32_t cp = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(before.data() + start),
                   static_cast<utf8proc_ssize_t>(before.size() - start), &cp);
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

std::string_view tag_after_hash(std::string_view from_hash) {
  if (from_hash.empty() || from_hash[0] != '#') return {};
  std::size_t i = 1;
  bool has_letter = false;
  while (i < from_hash.size()) {
    unsigned char c = static_cast<unsigned char>(from_hash[i]);
    if (c < 0x80) {
      if (!is_ascii_tag_char(c)) break;
      if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) has_letter = true;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(from_hash.data() + i),
                              static_cast<utf8proc_ssize_t>(from_hash.size() - i), &cp);
    if (n <= 0 || !is_unicode_tag_char(cp)) break;
    has_letter = true;
    i += static_cast<std::size_t>(n);
  }
  std::string_view name = from_hash.substr(1, i - 1);
  while (!name.empty() && name.back() == '/')
    name.remove_suffix(1);
  if (name.empty() || name.front() == '/' || !has_letter || looks_like_colour(name)) return {};
  return name;
}

}  // namespace kith::loaders
