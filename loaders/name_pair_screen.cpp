#include "loaders/name_pair_screen.hpp"

#include <algorithm>
#include <bit>

#include "loaders/jaro_winkler.hpp"

namespace kith::loaders {

std::vector<int> NamePairScreen::intern(const std::vector<std::string>& tokens) {
  std::vector<int> out;
  out.reserve(tokens.size());
  for (const std::string& t : tokens) {
    const auto [it, inserted] = ids_.try_emplace(t, static_cast<int>(tokens_.size()));
    if (inserted) {
      Token token{t, code_points(t)};
      token.ascii = token.points.size() == t.size();
      for (const unsigned char c : t)
        ++token.counts[c >= 'a' && c <= 'z' ? c - 'a' : (c >= '0' && c <= '9' ? 26 + c - '0' : 36)];
      tokens_.push_back(std::move(token));
    }
    out.push_back(it->second);
  }
  // Here rather than in score(), which runs millions of times at 100k notes.
  const std::size_t n = tokens_.size();
  const std::size_t wanted =
      n >= 1024 ? std::size_t{1} << 20 : std::bit_ceil(std::max<std::size_t>(64, n * n));
  if (cache_.size() < wanted) cache_.assign(wanted, Cached{});  // forgets: it is only a cache
  return out;
}

bool NamePairScreen::same_when_joined(std::span<const int> a, std::span<const int> b) const {
  std::size_t length_a = 0, length_b = 0;
  for (int t : a)
    length_a += tokens_[t].text.size();
  for (int t : b)
    length_b += tokens_[t].text.size();
  if (length_a != length_b) return false;
  std::size_t ia = 0, ib = 0, pa = 0, pb = 0;
  while (true) {
    while (ia < a.size() && pa == tokens_[a[ia]].text.size()) {
      ++ia;
      pa = 0;
    }
    while (ib < b.size() && pb == tokens_[b[ib]].text.size()) {
      ++ib;
      pb = 0;
    }
    if (ia == a.size() || ib == b.size()) return ia == a.size() && ib == b.size();
    if (tokens_[a[ia]].text[pa++] != tokens_[b[ib]].text[pb++]) return false;
  }
}

// Mirrors compare_tokens in name_similarity.cpp: a differing pair that is neither an initial,
// nor close enough for a typo or a transliteration, nor one slip apart, is Different.
bool NamePairScreen::surely_different(const Token& a, const Token& b, double score) const {
  const std::string& shorter = a.text.size() <= b.text.size() ? a.text : b.text;
  const std::string& longer = a.text.size() <= b.text.size() ? b.text : a.text;
  if (shorter.size() == 1 && longer.front() == shorter.front()) return false;  // an initial
  if (shorter.size() < options_.min_token_length) return true;
  const double lowest = std::min({options_.typo, options_.typo_unphonetic, options_.phonetic});
  if (score >= lowest) return false;
  return !(options_.one_slip_is_typo && one_slip_apart(a.text, b.text));
}

// An upper bound of jaro_winkler(a, b) from letter counts: Jaro's matches are at most the
// letters the two share, transpositions at least none. 2 (no bound) for other scripts. The
// margin covers rounding, as the bound's terms are not the score's.
double NamePairScreen::score_bound(const Token& a, const Token& b) const {
  if (!a.ascii || !b.ascii) return 2;
  int shared = 0;
  for (std::size_t c = 0; c < a.counts.size(); ++c)
    shared += std::min(a.counts[c], b.counts[c]);
  constexpr double kMargin = 1e-9;
  if (shared == 0) return kMargin;
  const double m = shared;
  const double jaro =
      (m / static_cast<double>(a.text.size()) + m / static_cast<double>(b.text.size()) + 1.0) / 3.0;
  if (jaro <= 0.7) return jaro + kMargin;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.text.size() && prefix < b.text.size() &&
         a.text[prefix] == b.text[prefix])
    ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro) + kMargin;
}

double NamePairScreen::score(int a, int b) const {
  const std::size_t slot =
      ((static_cast<std::size_t>(a) * 0x9E3779B97F4A7C15ull) ^ static_cast<std::size_t>(b)) &
      (cache_.size() - 1);
  Cached& c = cache_[slot];
  if (c.a != a || c.b != b) c = {a, b, jaro_winkler(tokens_[a].points, tokens_[b].points)};
  return c.score;
}

// With `bounds`, the differing tokens are scored by score_bound, which can only keep a pair.
bool NamePairScreen::certainly_none(std::span<const int> a, std::span<const int> b,
                                    bool bounds) const {
  // The same pairing and the same sum, in the same order, as compare_name_tokens.
  const bool same_length = a.size() == b.size();
  const std::size_t pairs = same_length ? a.size() : 2;
  double total = 0;
  bool any_exact = false;
  bool any_different = false;
  for (std::size_t k = 0; k < pairs; ++k) {
    const std::size_t i = same_length ? k : (k == 0 ? 0 : a.size() - 1);
    const std::size_t j = same_length ? k : (k == 0 ? 0 : b.size() - 1);
    if (a[i] == b[j]) {
      any_exact = true;
      total += 1;
      continue;
    }
    const Token& ta = tokens_[a[i]];
    const Token& tb = tokens_[b[j]];
    const double score = bounds ? score_bound(ta, tb) : this->score(a[i], b[j]);
    total += score;
    any_different = any_different || surely_different(ta, tb, score);
  }
  if (total / static_cast<double>(pairs) >= options_.report) return false;
  return !any_exact || any_different;
}

bool NamePairScreen::may_matter(std::span<const int> a, std::span<const int> b) const {
  if (a.empty() || b.empty()) return true;  // not screened
  if (std::equal(a.begin(), a.end(), b.begin(), b.end()) || same_when_joined(a, b)) return true;
  if (a.size() < 2 || b.size() < 2) return true;  // scored on the joined names: not screened
  return !certainly_none(a, b, true) && !certainly_none(a, b, false);
}

}  // namespace kith::loaders
