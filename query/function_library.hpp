// Inside the function library: the tables each functions_*.cpp file contributes to the
// registry, and the temporal arithmetic the operators share with the temporal functions.
// Not part of the engine's contract (that is query/functions.hpp).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "graph/value.hpp"
#include "query/functions.hpp"

namespace kith::query {

// Results are built whole in memory, so the operators and functions that can multiply their
// input (+ in a reduce(), replace(), range()) refuse results past these sizes with a
// LimitExceeded error instead of exhausting memory.
inline constexpr std::size_t kMaxStringBytes = 64 * 1024 * 1024;
inline constexpr std::size_t kMaxListLength = std::size_t{1} << 22;

std::span<const FunctionInfo> scalar_function_table();             // functions_scalar.cpp
std::span<const FunctionInfo> list_function_table();               // functions_list.cpp
std::span<const FunctionInfo> string_function_table();             // functions_string.cpp
std::span<const FunctionInfo> math_function_table();               // functions_math.cpp
std::span<const FunctionInfo> temporal_function_table();           // functions_temporal.cpp
std::span<const FunctionInfo> temporal_truncate_function_table();  // ..._temporal_truncate.cpp
std::span<const FunctionInfo> duration_between_function_table();   // ..._duration_between.cpp

// temporal + duration (or - with negate), as Neo4j adds: months first (the day clamped to the
// month's end), then days, then the seconds; a date drops the part below a day, a time the
// part above. Throws ArgumentError on leaving the supported calendar range.
Value add_duration(const Value& temporal, const Duration& d, bool negate);
// date.year, time.hour, datetime.timezone, duration.minutesOfHour, ...; nullopt when the
// temporal value has no such field.
std::optional<Value> temporal_field(const Value& temporal, std::string_view field);
// Duration arithmetic with overflow checks.
Duration duration_add(const Duration& a, const Duration& b, bool negate);
Duration duration_scale(const Duration& d, double factor);  // * and / by a number
// Folds a signed nanosecond count into seconds and nanos in [0, 1e9).
Duration normalize_duration(std::int64_t months, std::int64_t days, __int128 nanos);

}  // namespace kith::query
