// Character classes of the query language's lexical grammar, for UTF-8 text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kith::query {

// Decodes the code point at text[pos]; returns its length in bytes (0 at the end of the text).
// Invalid UTF-8 decodes as one byte with code point -1.
std::size_t decode_utf8(std::string_view text, std::size_t pos, std::int32_t& code_point);

// Byte length of the character at text[pos] if it can start an unquoted name (a letter or '_'),
// otherwise 0.
std::size_t identifier_start_length(std::string_view text, std::size_t pos);
// Byte length of the character at text[pos] if it can continue an unquoted name (a letter,
// digit, combining mark or connector such as '_'), otherwise 0.
std::size_t identifier_part_length(std::string_view text, std::size_t pos);
// Byte length of the white-space character at text[pos] (ASCII or Unicode), otherwise 0.
std::size_t blank_length(std::string_view text, std::size_t pos);

}  // namespace kith::query
