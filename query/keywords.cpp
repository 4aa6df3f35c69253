#include "query/keywords.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <vector>

namespace kith::query {

namespace {

// openCypher's reserved words, plus the literals.
constexpr std::string_view kReserved[] = {
    "ALL",        "ASC",     "ASCENDING", "BY",        "CREATE", "DELETE",     "DESC",
    "DESCENDING", "DETACH",  "EXISTS",    "LIMIT",     "MATCH",  "MERGE",      "ON",
    "OPTIONAL",   "ORDER",   "REMOVE",    "RETURN",    "SET",    "SKIP",       "WHERE",
    "WITH",       "UNION",   "UNWIND",    "AND",       "AS",     "CONTAINS",   "DISTINCT",
    "ENDS",       "IN",      "IS",        "NOT",       "OR",     "STARTS",     "XOR",
    "CASE",       "ELSE",    "END",       "THEN",      "WHEN",   "CONSTRAINT", "DO",
    "FOR",        "REQUIRE", "UNIQUE",    "MANDATORY", "SCALAR", "OF",         "ADD",
    "DROP",       "NULL",    "TRUE",      "FALSE",
};

constexpr std::string_view kKeywords[] = {
    "ALL",          "ALLSHORTESTPATHS",
    "AND",          "ANY",
    "AS",           "ASC",
    "ASCENDING",    "BY",
    "CALL",         "CASE",
    "CONTAINS",     "COUNT",
    "CREATE",       "DELETE",
    "DESC",         "DESCENDING",
    "DETACH",       "DISTINCT",
    "ELSE",         "END",
    "ENDS",         "EXISTS",
    "EXPLAIN",      "FALSE",
    "FOREACH",      "IN",
    "IS",           "LIMIT",
    "MATCH",        "MERGE",
    "NONE",         "NOT",
    "NULL",         "ON",
    "OPTIONAL",     "OR",
    "ORDER",        "PROFILE",
    "REDUCE",       "REMOVE",
    "RETURN",       "SET",
    "SHORTESTPATH", "SINGLE",
    "SKIP",         "STARTS",
    "THEN",         "TRUE",
    "UNION",        "UNWIND",
    "WHEN",         "WHERE",
    "WITH",         "XOR",
    "YIELD",        "CONSTRAINT",
    "DO",           "FOR",
    "REQUIRE",      "UNIQUE",
    "MANDATORY",    "SCALAR",
    "OF",           "ADD",
    "DROP",         "INDEX",
    "USE",          "LOAD",
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
// of adjacent letters, the four commonest typos.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j)
    d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace

bool is_reserved_word(std::string_view word) {
  if (word.size() > 10) return false;
  const std::string w = upper(word);
  return std::find(std::begin(kReserved), std::end(kReserved), w) != std::end(kReserved);
}

std::span<const std::string_view> all_keywords() {
  return kKeywords;
}

std::optional<std::string> closest_keyword(std::string_view word,
                                           std::span<const std::string_view> candidates) {
  if (word.empty() || word.size() > 32) return std::nullopt;
  const std::string w = upper(word);
  const std::size_t allowed = w.size() >= 6 ? 2 : 1;
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const std::string k = upper(candidate);
    if (k == w) return std::nullopt;
    // A keyword of very different length is never what was meant.
    if (k.size() + allowed < w.size() || w.size() + allowed < k.size()) continue;
    const std::size_t d = edit_distance(w, k);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  return best;
}

}  // namespace kith::query
