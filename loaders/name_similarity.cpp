#include "loaders/name_similarity.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "graph/name_key.hpp"
#include "loaders/double_metaphone.hpp"
#include "loaders/jaro_winkler.hpp"

namespace kith::loaders {

namespace {

enum class Agreement : std::uint8_t { Exact, Typo, Phonetic, Initial, Different };

struct TokenVerdict {
  Agreement agreement = Agreement::Different;
  double score = 0;
  bool same_sound = false;
};

// Only the five: a name ending in -y or -i ("Kulkarny" / "Kulkarni") is a spelling, not a
// gendered form.
bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool ascii_word(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

TokenVerdict compare_tokens(const std::string& a, const std::string& b,
                            const NameMatchOptions& options) {
  TokenVerdict v;
  if (a == b) {
    v.agreement = Agreement::Exact;
    v.score = 1;
    return v;
  }
  v.score = jaro_winkler(a, b);
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (shorter.size() == 1 && longer.front() == shorter.front()) {
    v.agreement = Agreement::Initial;
    return v;
  }
  if (shorter.size() < options.min_token_length || inflected_variant(a, b)) return v;
  // Double Metaphone reads Latin letters only; other scripts get no phonetic key.
  v.same_sound =
      ascii_word(a) && ascii_word(b) && phonetic_match(double_metaphone(a), double_metaphone(b));
  if ((v.same_sound && v.score >= options.typo) || v.score >= options.typo_unphonetic ||
      (options.one_slip_is_typo && one_slip_apart(a, b)))
    v.agreement = Agreement::Typo;
  else if (v.same_sound && v.score >= options.phonetic)
    v.agreement = Agreement::Phonetic;
  return v;
}

}  // namespace

bool one_slip_apart(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (longer.size() < 5) return false;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i])
    ++i;
  if (longer.size() == shorter.size() + 1)
    return shorter.compare(i, std::string::npos, longer, i + 1, std::string::npos) == 0;
  if (longer.size() == shorter.size() && i + 1 < a.size())
    return a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.compare(i + 2, std::string::npos, b, i + 2, std::string::npos) == 0;
  return false;
}

const char* name_match_name(NameMatch m) {
  switch (m) {
    case NameMatch::None:
      return "none";
    case NameMatch::Weak:
      return "weak";
    case NameMatch::Strong:
      return "strong";
    case NameMatch::Same:
      return "same";
  }
  return "none";
}

std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '\t' || name[i] == '\n'))
      ++i;
    std::size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '\t' && name[j] != '\n')
      ++j;
    if (j > i) {
      std::string key = name_key(name.substr(i, j - i));
      if (!key.empty()) tokens.push_back(std::move(key));
    }
    i = j;
  }
  return tokens;
}

bool inflected_variant(std::string_view a, std::string_view b) {
  if (a == b) return false;
  const std::string_view shorter = a.size() <= b.size() ? a : b;
  const std::string_view longer = a.size() <= b.size() ? b : a;
  if (shorter.size() < 2) return false;
  // jan / jana, ivanov / ivanova, novak / novakova: a short vowel-led ending added.
  if (longer.size() - shorter.size() <= 3 && longer.substr(0, shorter.size()) == shorter &&
      is_vowel(longer[shorter.size()]) && longer.size() > shorter.size())
    return true;
  // maria / mario, kowalski / kowalska: only the final vowel differs.
  if (a.size() == b.size() && a.substr(0, a.size() - 1) == b.substr(0, b.size() - 1) &&
      is_vowel(a.back()) && is_vowel(b.back()))
    return true;
  return false;
}

NameComparison compare_name_tokens(const std::vector<std::string>& a,
                                   const std::vector<std::string>& b,
                                   const NameMatchOptions& options) {
  NameComparison result;
  if (a == b && !a.empty()) {
    result.match = NameMatch::Same;
    result.similarity = 1;
    result.reason = "same name";
    return result;
  }
  if (a.empty() || b.empty()) return result;
  std::string joined_a, joined_b;
  for (const auto& t : a)
    joined_a += t;
  for (const auto& t : b)
    joined_b += t;
  if (joined_a == joined_b) {  // "Jean Luc" / "Jean-Luc"
    result.match = NameMatch::Same;
    result.similarity = 1;
    result.reason = "same name";
    return result;
  }
  if (a.size() < 2 || b.size() < 2) {
    result.similarity = jaro_winkler(joined_a, joined_b);
    result.reason = "a single name is resolved by context, not by similarity";
    return result;
  }

  // Pair first with first and last with last; middle names pair up only when both names have
  // the same number of them.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  const bool same_length = a.size() == b.size();
  if (same_length) {
    for (std::size_t i = 0; i < a.size(); ++i)
      pairs.emplace_back(i, i);
  } else {
    pairs.emplace_back(0, 0);
    pairs.emplace_back(a.size() - 1, b.size() - 1);
  }

  double total = 0;
  bool any_exact = false;
  bool any_different = false;
  bool weak = !same_length;
  std::size_t differing = 0;
  std::string why;
  for (auto [i, j] : pairs) {
    const TokenVerdict v = compare_tokens(a[i], b[j], options);
    total += v.score;
    const bool first = i == 0;
    const char* which = first ? "first name" : (i + 1 == a.size() ? "surname" : "middle name");
    switch (v.agreement) {
      case Agreement::Exact:
        any_exact = true;
        break;
      case Agreement::Typo:
        ++differing;
        // A first name that differs needs corroboration: given names vary by a letter far more
        // often between people than surnames do.
        if (first) weak = true;
        why = fmt::format("{} typo ({:.2f}{})", which, v.score, v.same_sound ? ", same sound" : "");
        break;
      case Agreement::Phonetic:
        ++differing;
        weak = true;
        why = fmt::format("{} sounds the same ({:.2f})", which, v.score);
        break;
      case Agreement::Initial:
        ++differing;
        weak = true;
        why = fmt::format("{} initial", which);
        break;
      case Agreement::Different:
        any_different = true;
        why = fmt::format("{}s differ ({:.2f})", which, v.score);
        break;
    }
  }
  result.similarity = total / static_cast<double>(pairs.size());
  if (any_different || !any_exact) {
    result.reason = any_different ? why : "no token in common";
    return result;
  }
  if (differing > 1) weak = true;
  if (differing == 0) why = "middle name missing";
  result.match = weak ? NameMatch::Weak : NameMatch::Strong;
  result.reason = why;
  return result;
}

NameComparison compare_person_names(std::string_view a, std::string_view b,
                                    const NameMatchOptions& options) {
  return compare_name_tokens(name_tokens(a), name_tokens(b), options);
}

}  // namespace kith::loaders
