// How an unquoted YAML scalar becomes a Value: one rule for both frontmatter parsers.
#pragma once

#include <string_view>

#include "graph/value.hpp"

namespace kith::loaders {

// YAML 1.2 core schema on an unquoted (plain) scalar:
//   "", ~, null, Null, NULL           -> Null
//   true/True/TRUE, false/False/FALSE -> Bool (yes/no/on/off stay strings, as in YAML 1.2)
//   123, -7, +7, 0x1F, 0o17           -> Int
//   1.5, -2e3, .5, .inf, -.inf, .nan  -> Float
// Everything else, ISO dates included, stays a String: the graph builder decides what a date
// is. Two deliberate differences from the schema keep identifiers intact: a decimal with a
// leading zero (007, 0123456789) and an integer too large for 64 bits stay strings.
Value resolve_plain_scalar(std::string_view text);

}  // namespace kith::loaders
