// A cheap screen in front of compare_name_tokens for the person resolver's candidate pairs.
// Most spellings that share a first name or a surname are different people, and proving that
// needs only the Jaro-Winkler scores of their differing tokens on code points decoded once per
// token, not the phonetic keys, joined names and reason texts compare_name_tokens builds. At
// 100k notes the resolver meets millions of such pairs.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "loaders/name_similarity.hpp"

namespace kith::loaders {

class NamePairScreen {
 public:
  explicit NamePairScreen(const NameMatchOptions& options) : options_(options) {}

  // Ids for a name's tokens (name_tokens() output): equal tokens get equal ids, counted from 0.
  std::vector<int> intern(const std::vector<std::string>& tokens);
  std::size_t token_count() const { return tokens_.size(); }

  // False only when compare_name_tokens on these tokens is certain to answer None with a
  // similarity below options.report, a pair the resolver neither merges nor reports.
  bool may_matter(std::span<const int> a, std::span<const int> b) const;

 private:
  struct Token {
    std::string text;
    std::u32string points;
    bool ascii = false;
    std::array<std::uint8_t, 37> counts{};  // ASCII tokens: how often each a-z, 0-9 or other
  };
  bool same_when_joined(std::span<const int> a, std::span<const int> b) const;
  bool surely_different(const Token& a, const Token& b, double score) const;
  double score_bound(const Token& a, const Token& b) const;
  double score(int a, int b) const;
  bool certainly_none(std::span<const int> a, std::span<const int> b, bool bounds) const;

  NameMatchOptions options_;
  std::vector<Token> tokens_;
  std::unordered_map<std::string, int> ids_;
  // Scores of recent token pairs, direct-mapped: the same first names meet again and again.
  // Sized by intern() for the tokens there are (a small vault has few pairs to remember, and
  // 16 MB of empty slots cost more than its whole resolution), at most 2^20 slots.
  struct Cached {
    int a = -1;
    int b = -1;
    double score = 0;
  };
  mutable std::vector<Cached> cache_;
};

}  // namespace kith::loaders
