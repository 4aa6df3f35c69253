// Text headed for formats that must be valid UTF-8 (DOT, GraphML, JSON) may come from notes
// with stray Latin-1 bytes or cut-off sequences; this makes it valid without losing the rest.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// `text` with every byte that does not start a valid UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF included) replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

}  // namespace kith
