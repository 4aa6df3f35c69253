// Unicode Normalization Form C, so that one name typed on two systems is one string.
#pragma once

#include <string>
#include <string_view>

namespace kith::loaders {

// Whether valid UTF-8 text is certainly in NFC, decided without normalising it: no
// combining mark, no conjoining Hangul jamo, no character that NFC replaces. False means
// "maybe not" (a precomposed letter followed by a mark, say).
bool is_nfc_quick(std::string_view utf8);

// The NFC form of valid UTF-8 text (through utf8proc). Text in NFC comes back unchanged.
// Invalid UTF-8 is returned as it is.
std::string to_nfc(std::string_view utf8);

}  // namespace kith::loaders
