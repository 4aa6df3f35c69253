// The hand-written fast path for the frontmatter most notes have.
#pragma once

#include <optional>
#include <string_view>

#include "graph/value.hpp"

namespace kith::loaders {

// Parses a YAML block made only of top-level `key: value` lines, where a value is a plain
// scalar, a one-line 'single' or "double" quoted string (no escapes), a one-line flow list of
// such scalars ([a, 'b c']), or empty and followed by a block list of such scalars (`- item`,
// indented or not); blank and comment lines are skipped. Returns nullopt for anything else
// (nested maps, multi-line scalars, anchors, tags, comments after values, duplicate keys...)
// so that the caller hands the block to yaml-cpp. Whatever it accepts it maps to exactly the
// Values yaml-cpp's path gives (see full_yaml.hpp and yaml_scalar.hpp).
std::optional<Map> parse_plain_yaml(std::string_view yaml);

}  // namespace kith::loaders
