// Prose cut into sentences and words, the form the relation rules read. Wikilinks become
// their shown text (remembered as links: a link's text is a name even when lower-case),
// emphasis markers and '@' before a name are dropped, and the quoted-reply markers ('>') and
// list bullets of a thread whose newlines were lost separate sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kith::loaders {

struct ProseToken {
  std::uint32_t begin = 0;   // byte offset into ProseSentence::text
  std::uint32_t size = 0;    // a word without its possessive suffix, or one punctuation mark
  bool word = false;         // false: punctuation
  bool capitalised = false;  // starts with an upper-case letter or a letter of a caseless script
  bool all_caps = false;     // two or more letters, all upper-case ASCII: "VP", "GPU", "EoD" no
  bool possessive = false;   // written with 's or ’s, or "James'"
  int link = -1;             // the wikilink whose shown text holds this word, -1 if none
};

struct ProseSentence {
  std::string text;
  std::string folded;  // text with ASCII letters in lower case, for keyword tests
  std::vector<ProseToken> tokens;
  bool question = false;  // ended with '?': asks, does not state
  std::string_view at(std::size_t i) const {
    return std::string_view(text).substr(tokens[i].begin, tokens[i].size);
  }
  std::string_view folded_at(std::size_t i) const {
    return std::string_view(folded).substr(tokens[i].begin, tokens[i].size);
  }
};

// Sentences longer than this are cut at a space: a real sentence is far shorter, and the cut
// bounds the work any rule does on hostile input.
inline constexpr std::size_t kMaxSentenceBytes = 2000;

// The sentences of a statement's text or raw source, each tokenised. When `keep` is given, a
// sentence it refuses (by its text) is dropped before the cost of tokenising it.
std::vector<ProseSentence> split_prose(std::string_view prose,
                                       bool (*keep)(std::string_view) = nullptr);

// ASCII case-insensitive equality, the comparison every keyword test uses.
bool same_word(std::string_view a, std::string_view b);

}  // namespace kith::loaders
