// The two lines under an error message that show where it is:
//
//     MATCH (n) RETRUN n
//               ^
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kith::query {

// `line` indented by two spaces, then a caret under `column` (1-based, in characters), no
// trailing newline. Tabs are kept so the caret lines up whatever the terminal's tab width; a
// very long line (a generated IN list) is cut to a window around the column, marked "...".
std::string caret_lines(std::string_view line, std::uint32_t column);

}  // namespace kith::query
