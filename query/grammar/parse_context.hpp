// The mutable state one parse threads through the grammar: where the parse got furthest and
// what it expected there (for the error message), and the guards that keep hostile input from
// exhausting the stack or the clock.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kith::query::grammar {

// Thrown from inside the grammar for errors that are certain the moment they are seen (a
// malformed number or escape): backtracking could only produce a vaguer message.
struct SyntaxFault {
  std::size_t offset;
  std::string detail;
  std::string message;
};

// Nesting (parentheses, brackets, NOT, unary signs, subqueries) recurses in the parser; 200
// levels keep the deepest parse well inside a default 8 MB stack even under AddressSanitizer.
inline constexpr std::size_t kMaxNesting = 200;
// Operator chains (`a + b + c ...`) are parsed iteratively but build a tree one level deeper per
// operator; later stages walk that tree recursively, so its depth is bounded too.
inline constexpr std::size_t kMaxTreeDepth = 3000;

struct ParseContext {
  explicit ParseContext(std::string_view query) : text(query), ws_begin(query.size() + 1) {
    for (std::size_t i = 0; i <= query.size(); ++i)
      ws_begin[i] = static_cast<std::uint32_t>(i);
    // With memoised failures no known input takes more than quadratic time in its nesting
    // depth; the budget is a backstop that turns any overlooked blow-up into an error.
    step_budget = 500'000 + 1'000 * static_cast<std::uint64_t>(query.size());
  }

  std::string_view text;

  // The furthest offset where a named element failed to match, and the names expected there.
  std::size_t furthest = 0;
  std::vector<const char*> expected;
  std::vector<const char*> keywords;  // keywords that would have been accepted at `furthest`
  // Start offsets of the named composites being matched (`an expression`, `a clause`): a failure
  // at the same offset as the innermost one is summarised by its name instead of listed.
  std::vector<std::size_t> named_starts;

  // (rule, offset) pairs where a memoised rule is known to fail.
  std::set<std::pair<const void*, std::size_t>> failures;

  std::size_t nesting = 0;
  std::size_t depth = 0;
  std::uint64_t steps = 0;
  std::uint64_t step_budget = 0;

  // ws_begin[e] is where the blank run (spaces and comments) that ends at offset e begins;
  // e itself when no blanks end there. Lets the tree builder drop trailing blanks from a node.
  std::vector<std::uint32_t> ws_begin;

  // Notes that `what` would have been accepted at `offset`. Unlisted names only feed the
  // keyword suggestions.
  void expect(std::size_t offset, const char* what, bool is_keyword, bool listed) {
    if (offset < furthest) return;
    if (offset > furthest) {
      furthest = offset;
      expected.clear();
      keywords.clear();
    }
    if (is_keyword && std::find(keywords.begin(), keywords.end(), what) == keywords.end()) {
      keywords.push_back(what);
    }
    if (!listed || (!named_starts.empty() && named_starts.back() == offset)) return;
    for (const char* e : expected) {
      if (std::string_view(e) == what) return;
    }
    expected.push_back(what);
  }

  [[noreturn]] void fail(std::size_t offset, std::string detail, std::string message) const {
    throw SyntaxFault{offset, std::move(detail), std::move(message)};
  }
};

// The grammar's custom rules receive the parse's states as a pack whose first element is the
// ParseContext (the parse tree appends its own state after it).
template <class First, class... Rest>
ParseContext& context_of(First& first, Rest&... /*rest*/) {
  static_assert(std::is_same_v<std::remove_cvref_t<First>, ParseContext>);
  return first;
}

}  // namespace kith::query::grammar
