// Obsidian wikilinks: [[Target]], [[Target|shown]], [[Target#Heading]], ![[embed]].
#pragma once

#include <cstdint>
#include <string_view>

#include "loaders/document.hpp"

namespace kith::loaders {

// A wikilink from the text between its brackets. The target loses a trailing ".md"; shown is
// the alias after '|', else the heading for a link into the same note ([[#Heading]]), else the
// target.
doc::Link parse_wikilink(std::string_view inside, bool embed, std::uint32_t line);

// A Markdown link [text](url) or image ![alt](src). Links to other notes (no URL scheme) are
// percent-decoded and split like wikilinks ("Other%20Note.md#Part" -> "Other Note", "Part");
// external URLs are kept whole as the target.
doc::Link markdown_link(std::string_view url, std::string_view shown, bool image,
                        std::uint32_t line);

}  // namespace kith::loaders
