// Text as a Graphviz DOT double-quoted string, shared by the DOT exporters.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// `text` in double quotes, in Graphviz's escString convention: \\ for a backslash, \" for a
// quote, \n for a newline. A value ending in a backslash therefore cannot end the string
// early, and label escapes such as \N or \G never appear by accident. Invalid UTF-8 and
// control characters DOT cannot carry become U+FFFD.
std::string dot_quoted(std::string_view text);

}  // namespace kith
