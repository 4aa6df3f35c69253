// `text =~ pattern`: a whole-string regular expression match.
//
// libstdc++'s <regex> trips GCC's -Wmaybe-uninitialized inside std::function (a known false
// positive of its NFA states); the warning is off for this file alone.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <regex>
#include <string>

#include <fmt/format.h>

#include "graph/utf8_decode.hpp"
#include "query/argument_errors.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

// ---- Regular expressions.
//
// std::wregex runs with libstdc++'s __polynomial flag, which selects its breadth-first
// (Thompson-style) executor: matching costs O(pattern states x subject length) and cannot
// backtrack catastrophically on patterns like (a+)+b, at the price of back-references, which
// it refuses. Its compiler and executor still recurse per pattern element and keep a state
// set per input position, so both lengths are capped; beyond the caps the match is an error,
// not a guess. Patterns are matched on code points (wide characters), so `.` is one character.
constexpr std::size_t kMaxPatternBytes = 1024;
constexpr std::size_t kMaxSubjectBytes = 64 * 1024;

std::wstring widen(std::string_view text) {
  const std::u32string code_points = decode_utf8(text);
  static_assert(sizeof(wchar_t) == sizeof(char32_t), "a wchar_t holds any code point");
  return std::wstring(code_points.begin(), code_points.end());
}

}  // namespace

Value regex_match(const Value& text, const Value& pattern) {
  if (text.is_null() || pattern.is_null()) return Null{};
  if (!pattern.is<std::string>()) throw_wrong_type("=~", "a STRING pattern", pattern);
  if (!text.is<std::string>()) return Null{};
  std::string_view source = pattern.as<std::string>();
  const std::string& subject = text.as<std::string>();
  if (source.size() > kMaxPatternBytes || subject.size() > kMaxSubjectBytes) {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("=~ accepts patterns up to {} bytes and strings up to {} bytes",
                              kMaxPatternBytes, kMaxSubjectBytes));
  }
  auto flags = std::regex::ECMAScript | std::regex_constants::__polynomial;
  // Java's inline flag for case-insensitive matching, common in openCypher queries.
  if (source.starts_with("(?i)")) {
    flags |= std::regex::icase;
    source.remove_prefix(4);
  }
  try {
    const std::wregex re(widen(source), flags);
    return std::regex_match(widen(subject), re);
  } catch (const std::regex_error& e) {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("invalid regular expression '{}': {}", source, e.what()));
  }
}

}  // namespace kith::query
