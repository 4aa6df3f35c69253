// Do two written names denote the same person? Names are compared token by token (first name
// with first name, surname with surname), with Jaro-Winkler for typos and Double Metaphone for
// transliterations. Whole-string similarity cannot do this: it rates two different people who
// share a first name ("Dana Whitlock" / "Dana Wheeler") about as high as one person whose
// surname is transliterated ("-phenson" / "-fansson").
//
// The answer has three strengths. Strong matches merge on their own; weak ones merge only when
// something else corroborates them (the person resolver decides that: same account, same mail
// domain, the same people around them). docs/schema.md lists the rules with examples.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kith::loaders {

// Thresholds, all on per-token Jaro-Winkler. Defaults measured on invented name pairs in
// tests/loaders/name_similarity_test.cpp.
struct NameMatchOptions {
  // A differing token at least this similar, and sounding the same, is a typo.
  double typo = 0.90;
  // A differing token at least this similar is a typo even when it does not sound the same.
  double typo_unphonetic = 0.95;
  // One letter dropped, doubled or swapped with its neighbour, in a token of five letters or
  // more, is a typo whatever Jaro-Winkler says ("Demir" / "Deir").
  bool one_slip_is_typo = true;
  // A differing token at least this similar that sounds the same is a transliteration (weak).
  double phonetic = 0.75;
  // Differing tokens shorter than this never match ("Li" / "Le", "Rao" / "Roa").
  std::size_t min_token_length = 4;
  // Non-merged pairs at least this similar (mean per-token score) are reported as
  // near-duplicates. At 0.80 every two people sharing a first name whose surnames score 0.6
  // were listed: 7,533 pairs on a 10k-note vault and 366k at 100k, too many to read and most
  // of the build's remaining superlinear cost; 0.85 keeps a surname typo's neighbours
  // (Wheeler / Whitaker) and drops Whitlock / Wheeler.
  double report = 0.85;
};

enum class NameMatch : std::uint8_t {
  None,    // different people (or not decidable from the names alone)
  Weak,    // the same person if something else corroborates it
  Strong,  // the same person: a typo or transliteration of one token, the rest identical
  Same,    // the same name once case, accents and punctuation are ignored
};
const char* name_match_name(NameMatch m);  // "none", "weak", "strong", "same"

struct NameComparison {
  NameMatch match = NameMatch::None;
  double similarity = 0;  // mean per-token Jaro-Winkler of the paired tokens, in [0, 1]
  std::string reason;     // e.g. "surname typo (0.96, same sound)", "first names differ"
};

// The folded tokens of a name: each whitespace-separated word through name_key(), so accents,
// case and punctuation inside a word are ignored ("Soo-ah" -> "sooah", "Jónas" -> "jonas").
std::vector<std::string> name_tokens(std::string_view name);

// Compares two full names. A name of one token (a first name alone) never matches a different
// one here: first names are resolved by context, not by similarity.
NameComparison compare_person_names(std::string_view a, std::string_view b,
                                    const NameMatchOptions& options = {});

// The same comparison on names already split by name_tokens().
NameComparison compare_name_tokens(const std::vector<std::string>& a,
                                   const std::vector<std::string>& b,
                                   const NameMatchOptions& options = {});

// True when one token is a gendered or inflected form of the other: "jan"/"jana",
// "maria"/"mario", "ivanov"/"ivanova", "kowalski"/"kowalska". Such pairs name different
// people (often relatives) and never match.
bool inflected_variant(std::string_view a, std::string_view b);

// One letter dropped, doubled or two adjacent letters swapped: "Demir" / "Deir", "Kerr" /
// "Kerrr", "Whitlock" / "Whitlcok". The commonest slips of typing, and rare between two real
// names of five letters or more, which is why they count as a typo whatever the sound.
bool one_slip_apart(const std::string& a, const std::string& b);

}  // namespace kith::loaders
