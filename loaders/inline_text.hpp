// The inline content of one Markdown block (a paragraph or a heading) as plain text, line by
// line, with the links and tags found in it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "loaders/document.hpp"

struct cmark_node;

namespace kith::loaders {

struct InlineLine {
  // Emphasis, code, ==highlight== and ~~strike~~ marks removed, wikilinks replaced by their
  // shown text.
  std::string text;
  std::uint32_t line = 0;  // file line
  // When the line starts with **strong** text: the offset in `text` where it ends.
  std::size_t lead_strong_end = std::string::npos;
  // [begin, end) ranges of `text` that came from one link: a list split must not cut them.
  std::vector<std::pair<std::size_t, std::size_t>> atoms;
};

// Walks the inline nodes under `block` iteratively (nesting depth does not matter). A soft or
// hard line break starts a new InlineLine; block_line is the file line of the first. Every
// wikilink ([[T]], [[T|shown]], [[T#H]], ![[embed]]) found in text, every Markdown link or
// image, and every tag is appended to doc.links / doc.tags with its line. Code spans are
// copied as text but never searched for links or tags. Embeds add no text.
std::vector<InlineLine> inline_lines(cmark_node* block, std::uint32_t block_line,
                                     doc::Document& doc);

}  // namespace kith::loaders
