// `text =~ pattern`: a whole-string regular expression match.
//
// libstdc++'s <regex> trips GCC's -Wmaybe-uninitialized inside std::function (a known false
// positive of its NFA states); the warning is off for this file alone.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <regex>
#include <string>
#include <string_view>

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

// libstdc++'s compiler reads the digits of a repetition count (`a{3,7}`) or an escaped number
// (`\12`) into a long with no overflow check: `a{6666666666666666666}` is signed overflow,
// undefined behaviour (found by the query fuzz target). So such numbers are measured here
// first. A count above six digits could never compile anyway: every repetition adds NFA states
// and libstdc++ refuses a pattern past 100,000 of them.
constexpr std::size_t kMaxNumberDigits = 6;

std::wstring widen(std::string_view text) {
  const std::u32string code_points = decode_utf8(text);
  static_assert(sizeof(wchar_t) == sizeof(char32_t), "a wchar_t holds any code point");
  return std::wstring(code_points.begin(), code_points.end());
}

std::size_t digits_at(std::wstring_view pattern, std::size_t at) {
  std::size_t end = at;
  while (end < pattern.size() && pattern[end] >= L'0' && pattern[end] <= L'9')
    ++end;
  return end - at;
}

// The first number in `pattern` that the compiler would read as a count or an escape and that
// has more than kMaxNumberDigits digits; empty if there is none. A brace inside [...] is a
// character, as the scanner reads it; an escape is an escape everywhere.
std::wstring_view oversized_number(std::wstring_view pattern) {
  const auto too_long = [&](std::size_t at) { return digits_at(pattern, at) > kMaxNumberDigits; };
  const auto number_at = [&](std::size_t at) { return pattern.substr(at, digits_at(pattern, at)); };
  bool in_bracket = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const wchar_t c = pattern[i];
    if (c == L'\\') {
      if (too_long(i + 1)) return number_at(i + 1);
      ++i;  // the escaped character is never a bracket or a brace
    } else if (in_bracket) {
      in_bracket = c != L']';
    } else if (c == L'[') {
      in_bracket = true;
    } else if (c == L'{') {  // {m} or {m,n}
      std::size_t at = i + 1;
      if (too_long(at)) return number_at(at);
      at += digits_at(pattern, at);
      if (at < pattern.size() && pattern[at] == L',' && too_long(at + 1)) return number_at(at + 1);
    }
  }
  return {};
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
  const std::wstring wide_pattern = widen(source);
  if (const std::wstring_view number = oversized_number(wide_pattern); !number.empty()) {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("invalid regular expression '{}': the number {} is too large (=~ "
                              "accepts counts and escapes up to {} digits)",
                              source, std::string(number.begin(), number.end()), kMaxNumberDigits));
  }
  try {
    const std::wregex re(wide_pattern, flags);
    return std::regex_match(widen(subject), re);
  } catch (const std::regex_error& e) {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("invalid regular expression '{}': {}", source, e.what()));
  }
}

}  // namespace kith::query
