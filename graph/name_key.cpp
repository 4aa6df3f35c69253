#include "graph/name_key.hpp"

#include <cstdint>
#include <cstdlib>

#include <utf8proc.h>

namespace kith {

namespace {

// Letters that Unicode gives no decomposition, so stripping marks leaves them as they are.
// Written out by hand because no installed library transliterates to ASCII (ICU is not a
// dependency, and utf8proc only decomposes).
const char* transliterate(utf8proc_int32_t c) {
  switch (c) {
    case 0x00F8:
      return "o";  // ø
    case 0x00E6:
      return "ae";  // æ
    case 0x00DF:
      return "ss";  // ß
    case 0x0142:
      return "l";  // ł
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x00FE:
      return "th";  // þ
    case 0x0131:
      return "i";  // dotless ı
    case 0x0153:
      return "oe";  // œ
    case 0x0127:
      return "h";  // ħ
    case 0x014B:
      return "n";  // ŋ
    case 0x0167:
      return "t";  // ŧ
    default:
      return nullptr;
  }
}

// Decomposes, drops combining marks and case-folds; then keeps letters and digits, mapping
// the undecomposable letters above. `spaces` keeps one space between words.
std::string fold(std::string_view text, bool spaces) {
  std::string out;
  out.reserve(text.size());
  bool ascii = true;
  for (unsigned char c : text)
    ascii = ascii && c < 0x80;
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space && spaces && !out.empty()) out += ' ';
    pending_space = false;
    out += piece;
  };
  if (ascii) {
    for (unsigned char c : text) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(std::string_view(reinterpret_cast<const char*>(&c), 1));
      } else if (c >= 'A' && c <= 'Z') {
        const char lower = static_cast<char>(c - 'A' + 'a');
        emit(std::string_view(&lower, 1));
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '.' || c == '_' ||
                 c == ',') {
        pending_space = true;
      }
    }
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &folded, options);
  if (n < 0) {
    // Invalid UTF-8: fold what is ASCII and drop the rest rather than fail.
    std::string ascii_only;
    for (unsigned char c : text) {
      if (c < 0x80) ascii_only += static_cast<char>(c);
    }
    return fold(ascii_only, spaces);
  }
  const auto* p = folded;
  const auto* end = folded + n;
  while (p < end) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(p, end - p, &c);
    if (len <= 0) break;
    const auto category = utf8proc_category(c);
    if (const char* t = transliterate(c)) {
      emit(t);
    } else if ((category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
               category == UTF8PROC_CATEGORY_ND) {
      emit(std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len)));
    } else if (category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_PD ||
               category == UTF8PROC_CATEGORY_PO || c == '\t' || c == '\n') {
      pending_space = true;
    }
    p += len;
  }
  std::free(folded);
  return out;
}

}  // namespace

std::string name_key(std::string_view text) {
  return fold(text, false);
}

std::string name_tokens_key(std::string_view text) {
  return fold(text, true);
}

}  // namespace kith
