// Obsidian tags (#project/halyard) as the task-line parser and the note-body parser both see them.
#pragma once

#include <string_view>

namespace kith::loaders {

// True when a '#' that follows `before` may start a tag: at the start of the text or after
// whitespace. A '#' glued to a word is a URL fragment or a heading anchor, not a tag.
bool can_start_tag_after(std::string_view before);

// The tag name that follows the '#' at from_hash[0], without the '#', or an empty view when
// there is none. A name is letters, digits, '_', '-', '/' and other non-punctuation Unicode
// (emoji included); it ends at whitespace or punctuation and needs a letter or '_' (#2026 and
// #2025-12 are not tags). Colours written as #rgb or #rrggbb with at least one digit (#a1b2c3,
// #0f0) are not tags; an all-letter one such as #fff or #bad stays a tag, as Obsidian shows it.
std::string_view tag_after_hash(std::string_view from_hash);

}  // namespace kith::loaders
