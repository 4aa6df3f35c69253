// Reading the words of a Tasks query instruction: blanks trimmed, keywords matched without
// regard to case. Part of the Tasks query translator (tasks_query.hpp).
#pragma once

#include <string_view>

namespace kith::query {

bool is_tasks_blank(char c);  // space, tab or carriage return

std::string_view trim_blanks(std::string_view s);

// Consumes `words` (lower case; a space stands for any run of blanks) from the front of `s`,
// ignoring case, when a blank or the end follows them; then trims `s`. Leaves `s` as it was
// and returns false otherwise.
bool take_words(std::string_view& s, std::string_view words);

}  // namespace kith::query
