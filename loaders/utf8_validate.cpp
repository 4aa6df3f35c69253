// Hand-written rather than taken from utf8proc: utf8proc_iterate reports only "invalid",
// not how many bytes one U+FFFD should replace, and the maximal-subpart rule is what makes
// the number of replacements predictable (and matches what browsers and ICU produce).
#include "loaders/utf8_validate.hpp"

namespace kith::loaders {

namespace {

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// The range the second byte may take after a lead byte: narrower than 80..BF for the leads
// whose full range would allow overlong forms (E0, F0), surrogates (ED) or values above
// U+10FFFF (F4).
struct SecondByteRange {
  unsigned char low, high;
};

SecondByteRange second_byte_range(unsigned char lead) {
  switch (lead) {
    case 0xE0:
      return {0xA0, 0xBF};
    case 0xED:
      return {0x80, 0x9F};
    case 0xF0:
      return {0x90, 0xBF};
    case 0xF4:
      return {0x80, 0x8F};
    default:
      return {0x80, 0xBF};
  }
}

}  // namespace

Utf8Step decode_utf8(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1, true};
  int trailing;
  char32_t value;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trailing = 1;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trailing = 2;
    value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trailing = 3;
    value = lead & 0x07;
  } else {
    return {kReplacementCharacter, 1, false};  // stray continuation, C0, C1, F5..FF
  }
  const SecondByteRange range = second_byte_range(lead);
  std::uint8_t length = 1;
  for (int i = 0; i < trailing; ++i) {
    if (pos + length >= text.size()) return {kReplacementCharacter, length, false};
    const auto b = static_cast<unsigned char>(text[pos + length]);
    const bool ok = i == 0 ? (b >= range.low && b <= range.high) : is_continuation(b);
    if (!ok) return {kReplacementCharacter, length, false};
    value = (value << 6) | (b & 0x3F);
    ++length;
  }
  return {value, length, true};
}

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const Utf8Step step = decode_utf8(text, pos);
    if (!step.valid) return false;
    pos += step.length;
  }
  return true;
}

std::size_t append_replacing_invalid_utf8(std::string_view text, std::string& out) {
  std::size_t replacements = 0;
  std::size_t pos = 0;
  std::size_t clean_from = 0;  // start of the run of valid bytes not yet copied
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const Utf8Step step = decode_utf8(text, pos);
    if (!step.valid) {
      out.append(text.substr(clean_from, pos - clean_from));
      append_utf8(kReplacementCharacter, out);
      ++replacements;
      clean_from = pos + step.length;
    }
    pos += step.length;
  }
  out.append(text.substr(clean_from));
  return replacements;
}

}  // namespace kith::loaders
