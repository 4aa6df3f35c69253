// Writing one code point as UTF-8: shared by text repair, HTML entities, query string escapes
// and the shell's literals.
#pragma once

#include <string>

namespace kith {

// Appends the UTF-8 encoding of `code_point`; a surrogate or a value past U+10FFFF, which
// have no encoding, becomes U+FFFD.
void append_utf8(char32_t code_point, std::string& out);

}  // namespace kith
