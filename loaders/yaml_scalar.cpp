#include "loaders/yaml_scalar.hpp"

#include <charconv>
#include <limits>
#include <string>

namespace kith::loaders {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::string_view digits = s;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'o')) {
    // The core schema has no sign on hexadecimal and octal.
    if (digits.size() != s.size()) return std::nullopt;
    base = digits[1] == 'x' ? 16 : 8;
    digits.remove_prefix(2);
  } else if (digits.empty() || (digits.size() > 1 && digits[0] == '0')) {
    return std::nullopt;
  }
  std::uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (negative) {
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(0 - magnitude);
  }
  if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(magnitude);
}

// [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?, with a '.' or an exponent
// (without either it is an integer).
bool is_float_syntax(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t int_digits = 0;
  while (i < s.size() && is_digit(s[i]))
    ++i, ++int_digits;
  bool dot = false;
  std::size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    dot = true;
    ++i;
    while (i < s.size() && is_digit(s[i]))
      ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  bool exponent = false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    exponent = true;
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i]))
      ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size() && (dot || exponent);
}

}  // namespace

Value resolve_plain_scalar(std::string_view s) {
  if (s.empty() || is_one_of(s, {"~", "null", "Null", "NULL"})) return Value{};
  if (is_one_of(s, {"true", "True", "TRUE"})) return Value{true};
  if (is_one_of(s, {"false", "False", "FALSE"})) return Value{false};
  char first = s[0];
  if (is_digit(first) || first == '-' || first == '+' || first == '.') {
    if (auto i = parse_int(s)) return Value{*i};
    if (is_float_syntax(s)) {
      std::string_view digits = s[0] == '+' ? s.substr(1) : s;
      double d = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
      // Out-of-range literals (1e999) stay strings rather than becoming a made-up number.
      if (end == digits.data() + digits.size() && ec == std::errc()) {
        return Value{d};
      }
    }
    std::string_view body = (first == '-' || first == '+') ? s.substr(1) : s;
    if (is_one_of(body, {".inf", ".Inf", ".INF"})) {
      return Value{first == '-' ? -std::numeric_limits<double>::infinity()
                                : std::numeric_limits<double>::infinity()};
    }
    if (is_one_of(s, {".nan", ".NaN", ".NAN"})) {
      return Value{std::numeric_limits<double>::quiet_NaN()};
    }
  }
  return Value{std::string(s)};
}

}  // namespace kith::loaders
