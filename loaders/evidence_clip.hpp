// The sentence a fact keeps as its evidence, kept to a readable length.
#pragma once

#include <cstddef>
#include <string>

namespace kith::loaders {

// Longer than any sentence a person writes; what is longer is a wall of text (a pasted log, a
// body with no punctuation) that every fact found in it would otherwise copy whole.
inline constexpr std::size_t kMaxEvidenceBytes = 2000;

// `text` unchanged when it fits, else its first kMaxEvidenceBytes bytes cut at a character
// (and, where there is one nearby, a word) boundary, followed by " …". The file and line
// still say where the whole text is.
std::string clip_evidence_text(std::string text);

}  // namespace kith::loaders
