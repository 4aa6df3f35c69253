// Repair of mojibake: UTF-8 text that was once decoded as Windows-1252 (or Latin-1) or as
// Mac Roman and saved again as UTF-8, so that "Contoso’s" reads "Contosoâ€™s", "Strøm"
// reads "Str√∏m" and the emoji 📅 reads "üìÖ".
#pragma once

#include <string>
#include <string_view>

namespace kith::loaders {

// Returns text with each run of mojibake replaced by the characters it was made from and
// everything else byte-identical. Each line ('\n') is judged on its own, run by run, so a
// line mixing correct UTF-8 and mojibake gets only the broken runs fixed. Text garbled more
// than once is repaired until nothing is left to repair, so that
// fix_mojibake(fix_mojibake(t)) == fix_mojibake(t). Expects UTF-8; ill-formed bytes are
// passed through untouched.
std::string fix_mojibake(std::string_view text);

// Whether fix_mojibake would change text.
bool has_mojibake(std::string_view text);

// A cheap test that never says false when has_mojibake would say true: whether text holds a
// character that a misreading makes of a UTF-8 lead byte directly followed by one it makes
// of a continuation byte. Clean text in any script almost never does, so it skips the
// analysis for nearly every line.
bool may_hold_mojibake(std::string_view text);

}  // namespace kith::loaders
