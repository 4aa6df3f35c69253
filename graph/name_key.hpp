// The matching key for names: two spellings that a person would call "the same name" get the
// same key. Case, accents, spacing and punctuation are ignored, and letters that Unicode does
// not decompose (ø, æ, ß, ł, đ, þ, ı) are transliterated, so "helga strom", "Helga Strøm" and
// "HELGA  STRØM" share one key.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// Letters and digits only, lower-cased, accents removed, ASCII-transliterated where Unicode
// decomposition does not reach. Non-Latin scripts keep their (case-folded) letters.
// Invalid UTF-8 bytes are dropped.
std::string name_key(std::string_view text);

// Like name_key but keeps single spaces between words ("helga strom"), for per-token matching.
std::string name_tokens_key(std::string_view text);

}  // namespace kith
