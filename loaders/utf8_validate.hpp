// UTF-8 decoding and the replacement of ill-formed sequences by U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/utf8_encode.hpp"  // append_utf8

namespace kith::loaders {

inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

// One step of decoding: the code point that starts at a position and its length in bytes.
// An ill-formed sequence (overlong form, surrogate, value above U+10FFFF, truncated sequence,
// stray continuation byte, byte C0, C1 or F5..FF) gives valid == false, code_point ==
// U+FFFD, and the length of its maximal subpart: the bytes one U+FFFD stands for, as the
// Unicode Standard (3.9, "U+FFFD Substitution of Maximal Subparts") recommends.
struct Utf8Step {
  char32_t code_point = 0;
  std::uint8_t length = 1;
  bool valid = true;
};

// Decodes the code point starting at text[pos]; pos must be < text.size().
Utf8Step decode_utf8(std::string_view text, std::size_t pos);

bool is_valid_utf8(std::string_view text);

// Appends text to out with each maximal ill-formed subpart replaced by U+FFFD; returns how
// many replacements were made.
std::size_t append_replacing_invalid_utf8(std::string_view text, std::string& out);

}  // namespace kith::loaders
