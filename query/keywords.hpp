// The query language's keywords: which are reserved (cannot be unquoted variable names) and
// which keyword a misspelt word most likely meant.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kith::query {

// Case-insensitive. Reserved words may still name labels, types and properties (`n.order`) and
// can be used anywhere when quoted with backticks.
bool is_reserved_word(std::string_view word);

// Every keyword, upper case, for "did you mean" suggestions.
std::span<const std::string_view> all_keywords();

// The candidate closest to `word` (case-insensitive Damerau-Levenshtein distance), if it is
// close enough to be a plausible typo: one edit for short words, two for words of 6+ letters.
// An exact (case-insensitive) match is not a typo and yields nothing.
std::optional<std::string> closest_keyword(std::string_view word,
                                           std::span<const std::string_view> candidates);

}  // namespace kith::query
