// Unicode Normalization Form C, so that one name typed on two systems is one string.
#pragma once

#include <string>
#include <string_view>

namespace kith::loaders {

// Whether text is certainly in NFC without normalising it: true when every code point is
// below U+0300 (no character there decomposes or combines). False means "maybe not".
bool is_trivially_nfc(std::string_view utf8);

// The NFC form of valid UTF-8 text (through utf8proc). Text in NFC comes back unchanged.
// Invalid UTF-8 is returned as it is.
std::string to_nfc(std::string_view utf8);

}  // namespace kith::loaders
