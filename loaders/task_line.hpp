// One Obsidian Tasks line: `- [ ] Call Dana 📅 2026-01-09 ⏫ @Dana Whitlock #task`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "loaders/document.hpp"

namespace kith::loaders {

// The status type the Tasks plugin gives a status character by default: ' ' TODO, 'x'/'X'
// DONE, '/' IN_PROGRESS, '-' CANCELLED, and any other character ('?', '>', '!') TODO.
doc::StatusType task_status_type(char32_t status);

// Parses a list item line that carries a checkbox: optional indentation and '>' quote marks,
// a list marker (-, *, +, 1., 1)), then `[c]` and the task text. Returns nullopt for any
// other line.
//
// Recognised anywhere after the checkbox, in any order:
//   dates      📅/📆/🗓 due, ⏳/⌛ scheduled, 🛫 start, ➕ created, ✅ done, ❌
//   cancelled,
//              each followed by YYYY-MM-DD; and [due:: ...], [scheduled:: ...], [start:: ...],
//              [created:: ...], [completion:: ...], [cancelled:: ...] (or with parentheses)
//   priority   🔺 highest, ⏫ high, 🔼 medium, 🔽 low, ⏬ lowest; [priority:: high]
//   other      🔁/[repeat:: ...] recurrence, 🆔/[id:: ...], ⛔/[dependsOn:: a,b],
//              🏁/[onCompletion:: delete]
//   tags       #a/b-c (see tag_name.hpp)
//   owners     @Full Name, @[[Full Name]] (the link's target), @Myself (owner_is_myself),
//              @TBD (owner_tbd)
// Emoji are matched with or without the U+FE0F variation selector. A date that is not a
// valid ISO date adds a warning at file:line and stays in the description as written.
//
// An owner name starts at an '@' that begins a word (so mail addresses are not owners) and
// runs at most to the next signifier, tag, '@' or the end of the line. Within that span it
// takes the first word and then the following capitalised words (name particles such as
// "van" or "de" are allowed between them); it stops at trailing punctuation or at the first
// lowercase word, whose text stays in the description ("ask @Dana about it" -> owner "Dana").
//
// The description is the remaining text with whitespace collapsed; a trailing block id
// (^abc123) is dropped. Wikilinks in it are kept as written.
std::optional<doc::Task> parse_task_line(std::string_view line, std::uint32_t line_no,
                                         std::string_view file,
                                         std::vector<doc::Warning>& warnings);

}  // namespace kith::loaders
