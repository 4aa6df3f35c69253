// Double Metaphone (Lawrence Philips, 2000): a phonetic key for a word, with an alternate key
// for a second plausible pronunciation, so that spellings of one name across languages and
// transliterations ("Stephenson" / "Steffansson", "Whitlock" / "Witlock") share a key.
// Hand-written because no Debian package provides it for C++.
#pragma once

#include <string>
#include <string_view>

namespace kith::loaders {

struct PhoneticKey {
  std::string primary;
  std::string alternate;  // equal to primary when the word has one reading
  friend bool operator==(const PhoneticKey&, const PhoneticKey&) = default;
};

// The keys of one word. Letters outside A-Z (after the caller's folding of accents) are
// skipped; the input's case does not matter. Unlike the original, keys are not cut at four
// letters: names need the whole word to tell "Whitlock" from "Whitley".
PhoneticKey double_metaphone(std::string_view word);

// True when the two keys share a reading (primary or alternate of one equals one of the other)
// and that reading is not empty.
bool phonetic_match(const PhoneticKey& a, const PhoneticKey& b);

}  // namespace kith::loaders
