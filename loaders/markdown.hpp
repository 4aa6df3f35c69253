// The Markdown body of a note, parsed with cmark into the parts of a doc::Document.
#pragma once

#include <cstdint>
#include <string_view>

#include "loaders/document.hpp"

namespace kith::loaders {

// Parses `body` (the text after the frontmatter; first_line is its first line's number in the
// file) and appends to doc:
//   sections     every heading, nested by level (parent = nearest earlier heading of a lower
//                level). doc.title and doc.date are left to the caller, which knows whether
//                the frontmatter already gave them.
//   statements   every paragraph, with kind ListItem when it belongs to a list item, Quote
//                when it sits directly in a block quote (an Obsidian callout's [!type]
//                marker is dropped), else Paragraph; text is plain
//                (emphasis removed, wikilinks shown as their shown text, soft-broken lines
//                joined by a space), raw the source lines. A task list item IS also a
//                statement: its text without the checkbox and Statement::task pointing at
//                the task, so prose facts written in a task line are not lost.
//   tasks        every list item whose first line parse_task_line accepts, with its section
//                and list depth; bad dates warn at file:line.
//   fields       `**Key**: value` and `**Key:** value` lines; the value split on commas and
//                semicolons outside parentheses and links. Such a line in a paragraph is a
//                field only; in a list item it is also the item's statement. A field with
//                no value followed directly by a list ("**Attendees**:" then "- Tom Eld")
//                takes the first lines of the list's items as its items.
//   links        wikilinks, embeds, Markdown links and images, outside code.
//   tags         #tags outside code, headings' '#' marks and URL fragments (tag_name.hpp says
//                which hex colours are not tags).
//   tables       GFM pipe tables found among a paragraph's lines (header, delimiter, rows);
//                rows are padded or cut to the header's width.
//   tasks_queries  fenced ```tasks blocks.
// Deep nesting (100k levels of lists or quotes) is walked iteratively: no recursion here.
// A body over kWholeBodyBytes (1 MiB) is parsed in pieces (loaders/body_pieces.hpp) so the
// memory cmark's tree takes is bounded by the piece, not the note.
void parse_markdown_body(std::string_view body, std::uint32_t first_line, std::string_view file,
                         doc::Document& doc);

}  // namespace kith::loaders
