#include "loaders/unicode_nfc.hpp"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "loaders/utf8_validate.hpp"

namespace kith::loaders {

namespace {

bool has_canonical_decomposition(const utf8proc_property_t* property) {
  return property->decomp_seqindex != UINT16_MAX && property->decomp_type == 0;
}

std::string normalise(std::string_view utf8) {
  utf8proc_uint8_t* normalised = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                   static_cast<utf8proc_ssize_t>(utf8.size()), &normalised,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(normalised, &std::free);
  if (length < 0) return std::string(utf8);
  return std::string(reinterpret_cast<const char*>(normalised), static_cast<std::size_t>(length));
}

// The precomposed characters NFC does not give back (singletons such as the Ångström sign,
// and excluded compositions), found once by normalising each character that has a
// canonical decomposition: utf8proc offers no direct way to ask.
const std::vector<bool>& changed_by_nfc() {
  static const std::vector<bool> table = [] {
    std::vector<bool> changed(0x110000, false);
    std::string one;
    for (char32_t c = 0x0300; c <= 0x10FFFF; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      if (!has_canonical_decomposition(utf8proc_get_property(static_cast<utf8proc_int32_t>(c)))) {
        continue;
      }
      one.clear();
      append_utf8(c, one);
      changed[c] = normalise(one) != one;
    }
    return changed;
  }();
  return table;
}

// NFC can only change a string at a code point it does not give back (above), or at one
// that may combine with the one before it: combining marks (every second character of a
// canonical pair is one) and the Hangul jamo, which compose algorithmically. Checking this
// is far cheaper than normalising, and almost all lines pass.
bool is_nfc_stable(char32_t c) {
  if (c < 0x0300) return true;  // nothing below U+0300 decomposes or combines
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
      (c >= 0xD7B0 && c <= 0xD7FF)) {
    return false;
  }
  const utf8proc_property_t* property = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
  if (property->combining_class != 0) return false;
  if (property->category == UTF8PROC_CATEGORY_MN || property->category == UTF8PROC_CATEGORY_MC ||
      property->category == UTF8PROC_CATEGORY_ME) {
    return false;
  }
  return !has_canonical_decomposition(property) || !changed_by_nfc()[c];
}

// is_nfc_stable for the first two planes, where nearly all text lies, one bit per code point:
// asking utf8proc costs a walk through its property tables for every character.
bool is_nfc_stable_cached(char32_t c) {
  constexpr char32_t kCached = 0x20000;
  static const std::vector<bool> stable = [] {
    std::vector<bool> bits(kCached);
    for (char32_t c = 0; c < kCached; ++c)
      bits[c] = is_nfc_stable(c);
    return bits;
  }();
  return c < kCached ? stable[c] : is_nfc_stable(c);
}

}  // namespace

bool is_nfc_quick(std::string_view utf8) {
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0xCC) {  // ASCII, a continuation byte, or a lead below U+0300
      ++pos;
      continue;
    }
    const Utf8Step step = decode_utf8(utf8, pos);
    if (!step.valid || !is_nfc_stable_cached(step.code_point)) return false;
    pos += step.length;
  }
  return true;
}

std::string to_nfc(std::string_view utf8) {
  if (is_nfc_quick(utf8)) return std::string(utf8);
  return normalise(utf8);
}

}  // namespace kith::loaders
