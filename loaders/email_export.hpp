// Email threads exported to Markdown, one note per thread:
//
//   # <subject>
//   - Exported: 2026-01-03 09:12:44
//   - Messages: 2
//   ---
//   ## 2025-12-18 16:02:10 — Leo Hart <leo.hart@gmail.com>
//   **Subject:** Intro: Priya <> Arjun
//
//   <body, possibly quoting earlier messages>
//   ---
//   ## ...
//
// Some exports lost every newline and hold all of this on one line; those are split back.
#pragma once

#include <cstdint>
#include <string_view>

#include "loaders/document.hpp"

namespace kith::loaders {

// A cheap test on the first 2 KB: a `## <date> <time>` message header and an export line.
bool looks_like_email_export(std::string_view text);

// Appends the thread's messages to doc.messages: each top-level message (sender, ISO date and
// time, subject, body without its quoted parts, the line of its header) followed by the
// messages quoted in its body (quoted_in, depth). Sets doc.title from the `# ` heading unless
// the frontmatter has a title, and doc.kind to EmailThread when it was Other. `text` is the
// note's text from line `first_line` on (after any frontmatter). In an export that lost its
// newlines every message's line is the physical line it sits on. Problems become warnings.
void parse_email_export(std::string_view text, std::uint32_t first_line, std::string_view file,
                        doc::Document& doc);

}  // namespace kith::loaders
