// date.truncate(), localtime.truncate(), time.truncate(), localdatetime.truncate() and
// datetime.truncate(): cut a temporal value down to a unit (millennium ... microsecond), then
// let an optional map override fields, as in datetime.truncate('week', d, {dayOfWeek: 2}).
// The result is built by the constructor of its kind from {date:, time:, timezone:} plus the
// map, so overrides follow exactly the rules of date({date: d, day: 5}) and friends.
#include <array>
#include <string>

#include <fmt/format.h>

#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

using Args = std::span<const Value>;

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int day_of_week(Date date) {
  const std::int64_t r = (date.days + 3) % 7;
  return static_cast<int>(r < 0 ? r + 7 : r) + 1;
}

std::optional<Date> date_of(const Value& v) {
  if (v.is<Date>()) return v.as<Date>();
  if (v.is<LocalDateTime>()) return v.as<LocalDateTime>().date;
  if (v.is<DateTime>()) return v.as<DateTime>().local.date;
  return std::nullopt;
}

std::optional<std::int64_t> time_of(const Value& v) {
  if (v.is<LocalTime>()) return v.as<LocalTime>().nanos;
  if (v.is<Time>()) return v.as<Time>().nanos;
  if (v.is<LocalDateTime>()) return v.as<LocalDateTime>().time.nanos;
  if (v.is<DateTime>()) return v.as<DateTime>().local.time.nanos;
  return std::nullopt;
}

// The zone a zoned value carries, spelled as a `timezone:` map value takes it.
std::optional<std::string> zone_of(const Value& v) {
  std::int32_t offset = 0;
  if (v.is<DateTime>()) {
    if (!v.as<DateTime>().zone.empty()) return v.as<DateTime>().zone;
    offset = v.as<DateTime>().offset_seconds;
  } else if (v.is<Time>()) {
    offset = v.as<Time>().offset_seconds;
  } else {
    return std::nullopt;
  }
  const std::int32_t a = offset < 0 ? -offset : offset;
  return fmt::format("{}{:02}:{:02}:{:02}", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
}

Date must(std::optional<Date> d, std::string_view fn) {
  if (!d) {
    throw_runtime("ArgumentError", "NumberOutOfRange",
                  fmt::format("{}: the truncated date is out of range", fn));
  }
  return *d;
}

// The first day of the unit holding `date`; nullopt for a unit that is not about dates.
std::optional<Date> truncate_date(Date date, std::string_view unit, std::string_view fn) {
  std::int64_t y = 0;
  int m = 0;
  int d = 0;
  date.to_ymd(y, m, d);
  if (unit == "millennium") return must(Date::from_ymd(floor_div(y, 1000) * 1000, 1, 1), fn);
  if (unit == "century") return must(Date::from_ymd(floor_div(y, 100) * 100, 1, 1), fn);
  if (unit == "decade") return must(Date::from_ymd(floor_div(y, 10) * 10, 1, 1), fn);
  if (unit == "year") return must(Date::from_ymd(y, 1, 1), fn);
  if (unit == "quarter") return must(Date::from_ymd(y, (m - 1) / 3 * 3 + 1, 1), fn);
  if (unit == "month") return must(Date::from_ymd(y, m, 1), fn);
  if (unit == "week") return Date{date.days - (day_of_week(date) - 1)};
  if (unit == "weekYear") {
    // Monday of ISO week 1 of the week-based year that holds the date.
    const Date thursday{date.days - (day_of_week(date) - 1) + 3};
    std::int64_t wy = 0;
    thursday.to_ymd(wy, m, d);
    const Date jan4 = must(Date::from_ymd(wy, 1, 4), fn);
    return Date{jan4.days - (day_of_week(jan4) - 1)};
  }
  if (unit == "day") return date;
  return std::nullopt;
}

std::optional<std::int64_t> truncate_time(std::int64_t nanos, std::string_view unit) {
  static constexpr std::pair<std::string_view, std::int64_t> kUnits[] = {
      {"day", 86'400 * kNanosPerSecond}, {"hour", 3600 * kNanosPerSecond},
      {"minute", 60 * kNanosPerSecond},  {"second", kNanosPerSecond},
      {"millisecond", 1'000'000},        {"microsecond", 1'000}};
  for (auto [name, size] : kUnits) {
    if (unit == name) return nanos / size * size;
  }
  return std::nullopt;
}

Value truncate(std::string_view kind, Args args, FunctionContext& ctx) {
  const std::string fn = fmt::format("{}.truncate()", kind);
  if (args[1].is_null()) return Null{};
  if (!args[0].is<std::string>()) throw_wrong_type(fn, "a STRING unit", args[0]);
  const std::string& unit = args[0].as<std::string>();
  const Value& value = args[1];
  Map map;
  if (args.size() > 2 && !args[2].is_null()) {
    if (!args[2].is<Map>()) throw_wrong_type(fn, "a MAP of fields", args[2]);
    map = args[2].as<Map>();
  }
  const bool wants_date = kind == "date" || kind == "localdatetime" || kind == "datetime";
  const bool wants_time = kind != "date";
  const std::optional<Date> date = date_of(value);
  const std::optional<std::int64_t> time = time_of(value);
  if (wants_date && !date) throw_wrong_type(fn, "a value with a date", value);
  if (!wants_date && !time) throw_wrong_type(fn, "a value with a time", value);

  const std::optional<Date> date_unit = date ? truncate_date(*date, unit, fn) : std::nullopt;
  const bool is_date_unit = truncate_date(Date{0}, unit, fn).has_value();
  const std::optional<std::int64_t> time_unit = truncate_time(time.value_or(0), unit);
  if (!is_date_unit && !time_unit) {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("{}: unknown unit '{}'", fn, unit));
  }
  if ((kind == "date" && !is_date_unit) || (!wants_date && is_date_unit && unit != "day")) {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("{}: cannot truncate a {} to the {}", fn, kind, unit));
  }
  if (wants_date) map.insert_or_assign("date", Value(is_date_unit ? *date_unit : *date));
  if (wants_time) {
    map.insert_or_assign("time", Value(LocalTime{is_date_unit ? 0 : *time_unit}));
  }
  if ((kind == "time" || kind == "datetime") && map.find("timezone") == map.end()) {
    if (std::optional<std::string> zone = zone_of(value)) map.emplace("timezone", *zone);
  }
  const Value built(std::move(map));
  return find_function(kind)->call(std::span<const Value>(&built, 1), ctx);
}

Value fn_date_truncate(Args a, FunctionContext& ctx) {
  return truncate("date", a, ctx);
}
Value fn_localtime_truncate(Args a, FunctionContext& ctx) {
  return truncate("localtime", a, ctx);
}
Value fn_time_truncate(Args a, FunctionContext& ctx) {
  return truncate("time", a, ctx);
}
Value fn_localdatetime_truncate(Args a, FunctionContext& ctx) {
  return truncate("localdatetime", a, ctx);
}
Value fn_datetime_truncate(Args a, FunctionContext& ctx) {
  return truncate("datetime", a, ctx);
}

constexpr std::array kFunctions = {
    FunctionInfo{"date.truncate", 2, 3, fn_date_truncate},
    FunctionInfo{"localtime.truncate", 2, 3, fn_localtime_truncate},
    FunctionInfo{"time.truncate", 2, 3, fn_time_truncate},
    FunctionInfo{"localdatetime.truncate", 2, 3, fn_localdatetime_truncate},
    FunctionInfo{"datetime.truncate", 2, 3, fn_datetime_truncate},
};

}  // namespace

std::span<const FunctionInfo> temporal_truncate_function_table() {
  return kFunctions;
}

}  // namespace kith::query
