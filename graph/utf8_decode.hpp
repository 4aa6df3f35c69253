// Reading UTF-8 text as code points: for the query functions that count, slice and match by
// character rather than by byte.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// The code points of `text`; each byte that does not start a valid sequence becomes U+FFFD,
// so the result has one element per character a reader would see.
std::u32string decode_utf8(std::string_view text);

}  // namespace kith
