// The YAML frontmatter block at the top of a note.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/value.hpp"
#include "loaders/document.hpp"

namespace kith::loaders {

struct Frontmatter {
  Map properties;
  std::uint32_t end_line = 0;   // line of the closing ---, 0 if none
  std::size_t body_offset = 0;  // byte offset where the body starts
};

// Reads the frontmatter: a `---` line as the very first line (after an optional UTF-8 BOM),
// up to the next `---` line. Common shapes go through parse_plain_yaml, the rest through
// yaml-cpp (parse_full_yaml); both give the same Values. Unquoted true/false, numbers and
// null become Bool, Int/Float and Null; ISO dates and wikilinks ('[[Marcus Feld]]') stay
// strings. Without an opening fence there is no frontmatter (end_line 0, body_offset 0); an
// opening fence that is never closed warns and leaves the whole file to the body. YAML
// problems warn at file:line (see full_yaml.hpp); the body always loads.
Frontmatter parse_frontmatter(std::string_view text, std::string_view file,
                              std::vector<doc::Warning>& warnings);

}  // namespace kith::loaders
