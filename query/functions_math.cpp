// Mathematical functions: abs, ceil, floor, round (with precision and rounding mode), sign,
// rand, sqrt, exp, log, log10, e, pi, the trigonometric functions, degrees, radians,
// haversin and isNaN. Null in, null out; anything but a number is a TypeError.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <string>

#include <fmt/format.h>

#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

using Args = std::span<const Value>;

const Value* number_arg(const Value& v, std::string_view fn) {
  if (v.is_null()) return nullptr;
  if (!v.is_number()) throw_wrong_type(fmt::format("{}()", fn), "a number", v);
  return &v;
}

template <double (*F)(double)>
Value unary_float(Args args, std::string_view fn) {
  const Value* v = number_arg(args[0], fn);
  if (!v) return Null{};
  return F(v->number());
}

double haversin(double x) {
  return (1 - std::cos(x)) / 2;
}
double cot(double x) {
  return 1 / std::tan(x);
}
double degrees(double x) {
  return x * 180 / std::numbers::pi;
}
double radians(double x) {
  return x * std::numbers::pi / 180;
}
double sqrt_(double x) {
  return std::sqrt(x);
}
double exp_(double x) {
  return std::exp(x);
}
double log_(double x) {
  return std::log(x);
}
double log10_(double x) {
  return std::log10(x);
}
double sin_(double x) {
  return std::sin(x);
}
double cos_(double x) {
  return std::cos(x);
}
double tan_(double x) {
  return std::tan(x);
}
double asin_(double x) {
  return std::asin(x);
}
double acos_(double x) {
  return std::acos(x);
}
double atan_(double x) {
  return std::atan(x);
}
double ceil_(double x) {
  return std::ceil(x);
}
double floor_(double x) {
  return std::floor(x);
}

#define KITH_UNARY_FLOAT(NAME, F, SPELLING) \
  Value NAME(Args a, FunctionContext&) {    \
    return unary_float<F>(a, SPELLING);     \
  }
KITH_UNARY_FLOAT(fn_sqrt, sqrt_, "sqrt")
KITH_UNARY_FLOAT(fn_exp, exp_, "exp")
KITH_UNARY_FLOAT(fn_log, log_, "log")
KITH_UNARY_FLOAT(fn_log10, log10_, "log10")
KITH_UNARY_FLOAT(fn_sin, sin_, "sin")
KITH_UNARY_FLOAT(fn_cos, cos_, "cos")
KITH_UNARY_FLOAT(fn_tan, tan_, "tan")
KITH_UNARY_FLOAT(fn_cot, cot, "cot")
KITH_UNARY_FLOAT(fn_asin, asin_, "asin")
KITH_UNARY_FLOAT(fn_acos, acos_, "acos")
KITH_UNARY_FLOAT(fn_atan, atan_, "atan")
KITH_UNARY_FLOAT(fn_degrees, degrees, "degrees")
KITH_UNARY_FLOAT(fn_radians, radians, "radians")
KITH_UNARY_FLOAT(fn_haversin, haversin, "haversin")
KITH_UNARY_FLOAT(fn_ceil, ceil_, "ceil")
KITH_UNARY_FLOAT(fn_floor, floor_, "floor")
#undef KITH_UNARY_FLOAT

Value fn_atan2(Args args, FunctionContext&) {
  const Value* y = number_arg(args[0], "atan2");
  const Value* x = number_arg(args[1], "atan2");
  if (!y || !x) return Null{};
  return std::atan2(y->number(), x->number());
}

Value fn_abs(Args args, FunctionContext&) {
  const Value* v = number_arg(args[0], "abs");
  if (!v) return Null{};
  if (v->is<double>()) return std::fabs(v->as<double>());
  const std::int64_t i = v->as<std::int64_t>();
  if (i == std::numeric_limits<std::int64_t>::min()) {
    throw_runtime("ArgumentError", "IntegerOverflow", fmt::format("abs({}) overflows", i));
  }
  return i < 0 ? -i : i;
}

Value fn_sign(Args args, FunctionContext&) {
  const Value* v = number_arg(args[0], "sign");
  if (!v) return Null{};
  const double d = v->number();
  return std::int64_t{d > 0 ? 1 : d < 0 ? -1 : 0};
}

Value fn_is_nan(Args args, FunctionContext&) {
  const Value* v = number_arg(args[0], "isNaN");
  if (!v) return Null{};
  return v->is<double>() && std::isnan(v->as<double>());
}

Value fn_e(Args, FunctionContext&) {
  return std::numbers::e;
}
Value fn_pi(Args, FunctionContext&) {
  return std::numbers::pi;
}

Value fn_rand(Args, FunctionContext&) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

// ---- round(). Rounding happens on the decimal digits of the value as it prints (2.675 rounds
// to 2.68 at precision 2), as Neo4j's BigDecimal.valueOf does, not on its binary expansion,
// where 2.675 is 2.67499999... and would round down.
enum class RoundingMode : std::uint8_t { Up, Down, Ceiling, Floor, HalfUp, HalfDown, HalfEven };

RoundingMode parse_mode(const Value& v) {
  if (!v.is<std::string>()) throw_wrong_type("round() mode", "a STRING", v);
  static constexpr std::pair<std::string_view, RoundingMode> kModes[] = {
      {"UP", RoundingMode::Up},
      {"DOWN", RoundingMode::Down},
      {"CEILING", RoundingMode::Ceiling},
      {"FLOOR", RoundingMode::Floor},
      {"HALF_UP", RoundingMode::HalfUp},
      {"HALF_DOWN", RoundingMode::HalfDown},
      {"HALF_EVEN", RoundingMode::HalfEven}};
  for (auto [name, mode] : kModes) {
    if (v.as<std::string>() == name) return mode;
  }
  throw_runtime("ArgumentError", "InvalidArgumentValue",
                fmt::format("round() has no rounding mode {}", describe(v)));
}

double round_decimal(double x, std::int64_t precision, RoundingMode mode) {
  if (!std::isfinite(x)) return x;
  // Beyond these every double is already exact, or rounds to zero or one unit.
  precision = std::clamp<std::int64_t>(precision, -400, 400);
  char buffer[512];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(x), std::chars_format::fixed);
  if (ec != std::errc()) return x;
  const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  const std::size_t dot = text.find('.');
  std::string digits(text.substr(0, dot));
  const auto point = static_cast<std::int64_t>(digits.size());
  if (dot != std::string_view::npos) digits.append(text.substr(dot + 1));
  const std::int64_t cut = point + precision;  // how many leading digits survive
  if (cut >= static_cast<std::int64_t>(digits.size())) return x;
  const bool negative = std::signbit(x);
  std::string kept = cut > 0 ? digits.substr(0, static_cast<std::size_t>(cut)) : "0";
  const std::string_view dropped =
      std::string_view(digits).substr(static_cast<std::size_t>(std::max<std::int64_t>(cut, 0)));
  const bool any_dropped = dropped.find_first_not_of('0') != std::string_view::npos;
  // With cut < 0 zeros stand between the kept part and the digits, so the first is a 0.
  const char first = cut >= 0 ? dropped[0] : '0';
  const bool rest_nonzero =
      cut < 0 ? any_dropped : dropped.substr(1).find_first_not_of('0') != std::string_view::npos;
  const bool odd = (kept.back() - '0') % 2 == 1;
  bool up = false;
  switch (mode) {
    case RoundingMode::Up:
      up = any_dropped;
      break;
    case RoundingMode::Down:
      up = false;
      break;
    case RoundingMode::Ceiling:
      up = any_dropped && !negative;
      break;
    case RoundingMode::Floor:
      up = any_dropped && negative;
      break;
    case RoundingMode::HalfUp:
      up = first >= '5';
      break;
    case RoundingMode::HalfDown:
      up = first > '5' || (first == '5' && rest_nonzero);
      break;
    case RoundingMode::HalfEven:
      up = first > '5' || (first == '5' && (rest_nonzero || odd));
      break;
  }
  if (up) {
    std::size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9')
      kept[--i] = '0';
    if (i == 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[i - 1];
    }
  }
  const std::string scientific = fmt::format("{}e{}", kept, -precision);
  double out = 0;
  std::from_chars(scientific.data(), scientific.data() + scientific.size(), out);
  return negative ? -out : out;
}

Value fn_round(Args args, FunctionContext&) {
  const Value* v = number_arg(args[0], "round");
  if (!v) return Null{};
  std::int64_t precision = 0;
  if (args.size() > 1) {
    if (args[1].is_null()) return Null{};
    if (!args[1].is<std::int64_t>()) throw_wrong_type("round() precision", "an INTEGER", args[1]);
    precision = args[1].as<std::int64_t>();
  }
  RoundingMode mode = RoundingMode::HalfUp;
  if (args.size() > 2) {
    if (args[2].is_null()) return Null{};
    mode = parse_mode(args[2]);
  }
  return round_decimal(v->number(), precision, mode);
}

constexpr std::array kFunctions = {
    FunctionInfo{"abs", 1, 1, fn_abs},
    FunctionInfo{"ceil", 1, 1, fn_ceil},
    FunctionInfo{"floor", 1, 1, fn_floor},
    FunctionInfo{"round", 1, 3, fn_round},
    FunctionInfo{"sign", 1, 1, fn_sign},
    FunctionInfo{"rand", 0, 0, fn_rand},
    FunctionInfo{"sqrt", 1, 1, fn_sqrt},
    FunctionInfo{"exp", 1, 1, fn_exp},
    FunctionInfo{"log", 1, 1, fn_log},
    FunctionInfo{"log10", 1, 1, fn_log10},
    FunctionInfo{"e", 0, 0, fn_e},
    FunctionInfo{"pi", 0, 0, fn_pi},
    FunctionInfo{"sin", 1, 1, fn_sin},
    FunctionInfo{"cos", 1, 1, fn_cos},
    FunctionInfo{"tan", 1, 1, fn_tan},
    FunctionInfo{"cot", 1, 1, fn_cot},
    FunctionInfo{"asin", 1, 1, fn_asin},
    FunctionInfo{"acos", 1, 1, fn_acos},
    FunctionInfo{"atan", 1, 1, fn_atan},
    FunctionInfo{"atan2", 2, 2, fn_atan2},
    FunctionInfo{"degrees", 1, 1, fn_degrees},
    FunctionInfo{"radians", 1, 1, fn_radians},
    FunctionInfo{"haversin", 1, 1, fn_haversin},
    FunctionInfo{"isNaN", 1, 1, fn_is_nan},
};

}  // namespace

std::span<const FunctionInfo> math_function_table() {
  return kFunctions;
}

}  // namespace kith::query
