// How many terminal columns text takes, and cutting text to a number of columns. Text is
// measured in grapheme clusters (what a terminal draws as one character): CJK and emoji take
// two columns, combining marks none, and a cut never splits a letter from its accent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kith::repl {

// Columns `text` (UTF-8) takes on a terminal. Control characters count as zero; invalid bytes
// as one column each.
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

}  // namespace kith::repl
