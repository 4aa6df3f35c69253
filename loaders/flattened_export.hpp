// Thread exports whose newlines were all lost: one line holding the title, the export lines,
// every message header, subject and body, and the quoted thread inside each body.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kith::loaders {

// True when `line` starts with an export's message header: "## YYYY-MM-DD HH:MM".
bool starts_with_message_header(std::string_view line);
// The first message header at or after `from`, or npos.
std::size_t find_message_header(std::string_view text, std::size_t from = 0);

struct FlattenedLines {
  std::vector<std::string_view> lines;  // views into the flattened line, in order
  // Messages whose subject ran into the body with nothing to tell where it ends.
  int unsplit_subjects = 0;
};

// Puts the lost line breaks back, using the structure an export always has: `- Exported:`,
// `- Messages:`, `---` before `## <date> <time> — Name <addr>`, `**Subject:**`, the `> ` of
// quoted lines, Outlook `From:/Sent:/Date:/To:/Cc:/Subject:` blocks and `On <date> Name <addr>
// wrote:` lines. `title` (the `# ` heading, read from the line itself when empty) tells where a
// subject that repeats it ends.
FlattenedLines split_flattened_export(std::string_view line, std::string_view title = {});

// The `# ` heading of a flattened export: the text after "# " up to `- Exported:`,
// `- Messages:` or the first message. Empty when the line does not start with "# ".
std::string_view flattened_export_title(std::string_view line);

}  // namespace kith::loaders
