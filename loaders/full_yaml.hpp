// The yaml-cpp path for frontmatter outside the fast path's subset.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/value.hpp"
#include "loaders/document.hpp"

namespace kith::loaders {

// Limits that keep hostile YAML (alias bombs, thousands of nesting levels) from exhausting
// memory or the stack.
inline constexpr int kMaxYamlDepth = 64;
inline constexpr int kMaxYamlNodes = 20000;

// Parses a YAML block with yaml-cpp into a Map. first_line is the file line of the block's
// first line, for warnings. Quoted scalars stay strings; plain ones go through
// resolve_plain_scalar; maps and sequences become Map and List.
//
// Problems give warnings at file:line and keep what can be kept: a syntax error keeps the
// top-level keys before the entry that holds the error; nesting deeper than kMaxYamlDepth
// (checked before yaml-cpp sees the text) rejects the block; more than kMaxYamlNodes values
// after alias expansion drops the key that overflows and those after it; a duplicate key
// keeps its last value; a block that is not a mapping gives no properties.
Map parse_full_yaml(std::string_view yaml, std::uint32_t first_line, std::string_view file,
                    std::vector<doc::Warning>& warnings);

}  // namespace kith::loaders
