// Where people and organisations are named in a tokenised sentence. A person's name is a run
// of capitalised words (any script; particles such as "van", "de", "bin" inside it; O'Brien
// and al-Rashid are single words) or the shown text of a [[wikilink]]; it ends at a
// possessive ("Wen Li's"). Sentence-initial common words, weekdays, months, honorifics, title
// words ("VP", "Director"), departments and acronyms are never names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "loaders/prose_tokens.hpp"

namespace kith::loaders {

struct NameSpan {
  int begin = 0;  // token indexes, [begin, end)
  int end = 0;
  bool possessive = false;  // the last word was written with 's
  bool linked = false;      // the shown text of a wikilink
};

// Every name-like span of the sentence, left to right, not overlapping.
std::vector<NameSpan> find_name_spans(const ProseSentence& s);

// The organisation named from token `i` on ("Northwind Data", "Bank of America", a linked
// note), or an empty span (begin == end) when none starts there.
NameSpan org_span_at(const ProseSentence& s, int i);

// The text of tokens [begin, end) as written, with runs of spaces made one.
std::string span_text(const ProseSentence& s, int begin, int end);

// Word classes, compared case-insensitively.
bool is_title_word(std::string_view w);         // "VP", "director", "chief", "scientist", ...
bool is_strong_title_word(std::string_view w);  // a job title on its own: not "lead", "owner"
bool is_not_a_name(std::string_view w);         // "The", "Monday", "Sales", "Dr", ...
bool is_name_particle(std::string_view w);      // "van", "de", "bin", ... (lower-case only)
bool is_person_pronoun(std::string_view w);     // I, me, my, he, she, they, him, her, ...

}  // namespace kith::loaders
