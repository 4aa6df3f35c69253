// List functions: range, tail and reverse (which also reverses strings, by code point).
#include <array>
#include <string>

#include <fmt/format.h>

#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

using Args = std::span<const Value>;

// range() builds its whole list at once: 2^22 values leave room for the TCK's
// range(1000000, 2000000) and the like.
constexpr auto kMaxRangeLength = static_cast<std::int64_t>(kMaxListLength);

std::int64_t range_bound(const Value& v, const char* what) {
  if (!v.is<std::int64_t>()) {
    throw_runtime("ArgumentError", "InvalidArgumentType",
                  fmt::format("range() expects an INTEGER {}, got {}", what, describe(v)));
  }
  return v.as<std::int64_t>();
}

Value fn_range(Args args, FunctionContext&) {
  for (const Value& v : args) {
    if (v.is_null()) return Null{};
  }
  const std::int64_t start = range_bound(args[0], "start");
  const std::int64_t end = range_bound(args[1], "end");
  const std::int64_t step = args.size() > 2 ? range_bound(args[2], "step") : 1;
  if (step == 0) {
    throw_runtime("ArgumentError", "NumberOutOfRange", "range() step must not be zero");
  }
  if ((step > 0 && start > end) || (step < 0 && start < end)) return List{};
  // The span and the count in 128 bits: range(-2^63, 2^63-1) must not overflow.
  const __int128 span =
      step > 0 ? static_cast<__int128>(end) - start : static_cast<__int128>(start) - end;
  const __int128 magnitude = step > 0 ? static_cast<__int128>(step) : -static_cast<__int128>(step);
  const __int128 count = span / magnitude + 1;
  if (count > kMaxRangeLength) {
    throw_runtime("LimitExceeded", "RangeTooLarge",
                  fmt::format("range({}, {}, {}) would hold more than {} elements", start, end,
                              step, kMaxRangeLength));
  }
  List out;
  out.reserve(static_cast<std::size_t>(count));
  __int128 value = start;
  for (__int128 i = 0; i < count; ++i, value += step) {
    out.emplace_back(static_cast<std::int64_t>(value));
  }
  return out;
}

Value fn_tail(Args args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (!v.is<List>()) throw_wrong_type("tail()", "a LIST", v);
  const List& list = v.as<List>();
  if (list.empty()) return List{};
  return List(list.begin() + 1, list.end());
}

std::string reverse_code_points(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t end = s.size();
  while (end > 0) {
    std::size_t begin = end - 1;
    // Step back over continuation bytes, at most three, so a broken sequence stays bounded.
    while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) {
      --begin;
    }
    out.append(s.substr(begin, end - begin));
    end = begin;
  }
  return out;
}

Value fn_reverse(Args args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (v.is<std::string>()) return reverse_code_points(v.as<std::string>());
  if (!v.is<List>()) throw_wrong_type("reverse()", "a LIST or a STRING", v);
  const List& list = v.as<List>();
  return List(list.rbegin(), list.rend());
}

constexpr std::array kFunctions = {
    FunctionInfo{"range", 2, 3, fn_range},
    FunctionInfo{"tail", 1, 1, fn_tail},
    FunctionInfo{"reverse", 1, 1, fn_reverse},
};

}  // namespace

std::span<const FunctionInfo> list_function_table() {
  return kFunctions;
}

}  // namespace kith::query
