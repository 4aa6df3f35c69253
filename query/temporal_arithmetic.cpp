// Temporal values in expressions: their fields (date.year, duration.minutesOfHour, ...),
// temporal + duration, and duration arithmetic, with the calendar rules Neo4j follows.
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "graph/time_zone.hpp"
#include "query/argument_errors.hpp"
#include "query/function_library.hpp"

namespace kith::query {
namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  return a - floor_div(a, b) * b;
}

[[noreturn]] void throw_out_of_range(std::string_view what) {
  throw_runtime("ArgumentError", "NumberOutOfRange",
                fmt::format("{} leaves the supported range of temporal values", what));
}

std::int64_t checked_add(std::int64_t a, std::int64_t b, std::string_view what) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) throw_out_of_range(what);
  return out;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b, std::string_view what) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) throw_out_of_range(what);
  return out;
}

__int128 total_nanos(const Duration& d) {
  return static_cast<__int128>(d.seconds) * kNanosPerSecond + d.nanos;
}

int days_in_month(std::int64_t year, int month) {
  for (int day = 31; day > 28; --day) {
    if (Date::from_ymd(year, month, day)) return day;
  }
  return 28;
}

// The date `months` months later, the day clamped to the end of the month (Jan 31 + P1M is
// Feb 28 or 29).
Date add_months(Date date, std::int64_t months) {
  if (months == 0) return date;
  std::int64_t y = 0;
  int m = 0;
  int d = 0;
  date.to_ymd(y, m, d);
  const std::int64_t index = checked_add(checked_mul(y, 12, "date"), m - 1, "date");
  const std::int64_t moved = checked_add(index, months, "date");
  const std::int64_t year = floor_div(moved, 12);
  const int month = static_cast<int>(floor_mod(moved, 12)) + 1;
  if (year < -999'999'999 || year > 999'999'999) throw_out_of_range("date");
  const int day = std::min(d, days_in_month(year, month));
  std::optional<Date> out = Date::from_ymd(year, month, day);
  if (!out) throw_out_of_range("date");
  return *out;
}

Date add_days(Date date, std::int64_t days) {
  Date out{checked_add(date.days, days, "date")};
  // The calendar ends at year 999,999,999 either way: check through the civil form.
  std::int64_t y = 0;
  int m = 0;
  int d = 0;
  if (out.days > 365'242'500'000LL || out.days < -365'242'500'000LL) throw_out_of_range("date");
  out.to_ymd(y, m, d);
  if (y < -999'999'999 || y > 999'999'999) throw_out_of_range("date");
  return out;
}

// A local date-time moved by a signed number of nanoseconds.
LocalDateTime add_nanos(LocalDateTime t, __int128 nanos) {
  const __int128 total = static_cast<__int128>(t.time.nanos) + nanos;
  __int128 days = total / kNanosPerDay;
  __int128 rest = total % kNanosPerDay;
  if (rest < 0) {
    rest += kNanosPerDay;
    --days;
  }
  if (days > std::numeric_limits<std::int64_t>::max() / 2 ||
      days < std::numeric_limits<std::int64_t>::min() / 2) {
    throw_out_of_range("date-time");
  }
  t.date = add_days(t.date, static_cast<std::int64_t>(days));
  t.time.nanos = static_cast<std::int64_t>(rest);
  return t;
}

LocalDateTime add_calendar(LocalDateTime t, const Duration& d, int sign) {
  t.date = add_months(t.date, sign * d.months);
  t.date = add_days(t.date, sign * d.days);
  return t;
}

std::int64_t epoch_seconds(const LocalDateTime& t, std::int32_t offset) {
  return t.date.days * kSecondsPerDay + t.time.nanos / kNanosPerSecond - offset;
}

DateTime add_to_datetime(const DateTime& dt, const Duration& d, int sign) {
  const LocalDateTime moved = add_calendar(dt.local, d, sign);
  const __int128 nanos = sign * total_nanos(d);
  if (dt.zone.empty()) {
    return DateTime{add_nanos(moved, nanos), dt.offset_seconds, ""};
  }
  // Months and days move the wall clock; seconds move the instant, as java.time does.
  std::optional<DateTime> resolved = zoned_from_local(moved, dt.zone);
  if (!resolved) throw_out_of_range("date-time");
  if (nanos == 0) return *resolved;
  const LocalDateTime utc = add_nanos(
      resolved->local, nanos - static_cast<__int128>(resolved->offset_seconds) * kNanosPerSecond);
  std::optional<DateTime> out = zoned_from_instant(
      epoch_seconds(utc, 0), static_cast<std::int32_t>(utc.time.nanos % kNanosPerSecond), dt.zone);
  if (!out) throw_out_of_range("date-time");
  return *out;
}

// ---- Fields

struct CivilDate {
  std::int64_t year;
  int month;
  int day;
};

CivilDate civil(Date date) {
  CivilDate c{};
  date.to_ymd(c.year, c.month, c.day);
  return c;
}

int day_of_week(Date date) {
  return static_cast<int>(floor_mod(date.days + 3, 7)) + 1;
}

std::optional<Value> date_field(Date date, std::string_view field) {
  const CivilDate c = civil(date);
  if (field == "year") return Value(c.year);
  if (field == "month") return Value(std::int64_t{c.month});
  if (field == "day") return Value(std::int64_t{c.day});
  if (field == "quarter") return Value(std::int64_t{(c.month - 1) / 3 + 1});
  if (field == "dayOfWeek" || field == "weekDay") return Value(std::int64_t{day_of_week(date)});
  if (field == "ordinalDay") {
    return Value(date.days - Date::from_ymd(c.year, 1, 1)->days + 1);
  }
  if (field == "dayOfQuarter") {
    const int first_month = (c.month - 1) / 3 * 3 + 1;
    return Value(date.days - Date::from_ymd(c.year, first_month, 1)->days + 1);
  }
  if (field == "week" || field == "weekYear") {
    // ISO weeks: a week belongs to the year of its Thursday.
    const Date thursday{date.days - (day_of_week(date) - 1) + 3};
    const CivilDate t = civil(thursday);
    if (field == "weekYear") return Value(t.year);
    const std::int64_t ordinal = thursday.days - Date::from_ymd(t.year, 1, 1)->days;
    return Value(ordinal / 7 + 1);
  }
  return std::nullopt;
}

std::optional<Value> time_field(std::int64_t nanos, std::string_view field) {
  const std::int64_t seconds = nanos / kNanosPerSecond;
  const std::int64_t fraction = nanos % kNanosPerSecond;
  if (field == "hour") return Value(seconds / 3600);
  if (field == "minute") return Value(seconds / 60 % 60);
  if (field == "second") return Value(seconds % 60);
  if (field == "millisecond") return Value(fraction / 1'000'000);
  if (field == "microsecond") return Value(fraction / 1'000);
  if (field == "nanosecond") return Value(fraction);
  return std::nullopt;
}

std::string offset_text(std::int32_t offset) {
  if (offset == 0) return "Z";
  const char sign = offset < 0 ? '-' : '+';
  const std::int32_t a = offset < 0 ? -offset : offset;
  std::string out = fmt::format("{}{:02}:{:02}", sign, a / 3600, a / 60 % 60);
  if (a % 60 != 0) out += fmt::format(":{:02}", a % 60);
  return out;
}

std::optional<Value> offset_field(std::int32_t offset, std::string_view field) {
  if (field == "offset") return Value(offset_text(offset));
  if (field == "offsetMinutes") return Value(std::int64_t{offset / 60});
  if (field == "offsetSeconds") return Value(std::int64_t{offset});
  return std::nullopt;
}

std::optional<Value> duration_field(const Duration& d, std::string_view field) {
  // Java's truncating division, as Neo4j computes these.
  const __int128 nanos = total_nanos(d);
  if (field == "years") return Value(d.months / 12);
  if (field == "quarters") return Value(d.months / 3);
  if (field == "months") return Value(d.months);
  if (field == "weeks") return Value(d.days / 7);
  if (field == "days") return Value(d.days);
  if (field == "hours") return Value(d.seconds / 3600);
  if (field == "minutes") return Value(d.seconds / 60);
  if (field == "seconds") return Value(d.seconds);
  auto narrow = [](__int128 v) -> std::optional<Value> {
    if (v > std::numeric_limits<std::int64_t>::max() ||
        v < std::numeric_limits<std::int64_t>::min()) {
      throw_out_of_range("duration field");
    }
    return Value(static_cast<std::int64_t>(v));
  };
  if (field == "milliseconds") return narrow(nanos / 1'000'000);
  if (field == "microseconds") return narrow(nanos / 1'000);
  if (field == "nanoseconds") return narrow(nanos);
  if (field == "quartersOfYear") return Value(d.months / 3 % 4);
  if (field == "monthsOfQuarter") return Value(d.months % 3);
  if (field == "monthsOfYear") return Value(d.months % 12);
  if (field == "daysOfWeek") return Value(d.days % 7);
  if (field == "minutesOfHour") return Value(d.seconds / 60 % 60);
  if (field == "secondsOfMinute") return Value(d.seconds % 60);
  if (field == "millisecondsOfSecond") return Value(std::int64_t{d.nanos / 1'000'000});
  if (field == "microsecondsOfSecond") return Value(std::int64_t{d.nanos / 1'000});
  if (field == "nanosecondsOfSecond") return Value(std::int64_t{d.nanos});
  return std::nullopt;
}

}  // namespace

Duration normalize_duration(std::int64_t months, std::int64_t days, __int128 nanos) {
  __int128 seconds = nanos / kNanosPerSecond;
  __int128 rest = nanos % kNanosPerSecond;
  if (rest < 0) {
    rest += kNanosPerSecond;
    --seconds;
  }
  if (seconds > std::numeric_limits<std::int64_t>::max() ||
      seconds < std::numeric_limits<std::int64_t>::min()) {
    throw_out_of_range("duration");
  }
  return Duration{months, days, static_cast<std::int64_t>(seconds),
                  static_cast<std::int32_t>(rest)};
}

Duration duration_add(const Duration& a, const Duration& b, bool negate) {
  std::int64_t months = 0;
  std::int64_t days = 0;
  const bool overflow = negate ? __builtin_sub_overflow(a.months, b.months, &months) ||
                                     __builtin_sub_overflow(a.days, b.days, &days)
                               : __builtin_add_overflow(a.months, b.months, &months) ||
                                     __builtin_add_overflow(a.days, b.days, &days);
  if (overflow) throw_out_of_range("duration");
  const __int128 nanos = negate ? total_nanos(a) - total_nanos(b) : total_nanos(a) + total_nanos(b);
  return normalize_duration(months, days, nanos);
}

Duration duration_scale(const Duration& d, double factor) {
  // Each component is scaled and its fraction folded into the next smaller unit: a month by
  // the average month (30.436875 days), a day as 86,400 seconds, as Neo4j does.
  const long double f = factor;
  const long double months = static_cast<long double>(d.months) * f;
  const long double whole_months = std::trunc(months);
  long double days = static_cast<long double>(d.days) * f + (months - whole_months) * 30.436875L;
  const long double whole_days = std::trunc(days);
  const long double nanos = static_cast<long double>(total_nanos(d)) * f +
                            (days - whole_days) * static_cast<long double>(kNanosPerDay);
  constexpr long double kLimit = 9.2e18L;
  if (!std::isfinite(static_cast<double>(months)) || std::fabs(whole_months) > kLimit ||
      std::fabs(whole_days) > kLimit || !(std::fabs(nanos) < 1.0e36L)) {
    throw_out_of_range("duration");
  }
  return normalize_duration(static_cast<std::int64_t>(whole_months),
                            static_cast<std::int64_t>(whole_days),
                            static_cast<__int128>(std::truncl(nanos)));
}

Value add_duration(const Value& temporal, const Duration& d, bool negate) {
  const int sign = negate ? -1 : 1;
  const __int128 nanos = sign * total_nanos(d);
  switch (temporal.type()) {
    case ValueType::Date: {
      Date date = add_months(temporal.as<Date>(), sign * d.months);
      date = add_days(date, sign * d.days);
      // A date keeps only whole days of the seconds part.
      const __int128 whole_days = nanos / kNanosPerDay;
      return add_days(date, static_cast<std::int64_t>(whole_days));
    }
    case ValueType::LocalTime: {
      const __int128 moved = (temporal.as<LocalTime>().nanos + nanos) % kNanosPerDay;
      return LocalTime{static_cast<std::int64_t>(moved < 0 ? moved + kNanosPerDay : moved)};
    }
    case ValueType::Time: {
      const Time& t = temporal.as<Time>();
      const __int128 moved = (t.nanos + nanos) % kNanosPerDay;
      return Time{static_cast<std::int64_t>(moved < 0 ? moved + kNanosPerDay : moved),
                  t.offset_seconds};
    }
    case ValueType::LocalDateTime:
      return add_nanos(add_calendar(temporal.as<LocalDateTime>(), d, sign), nanos);
    case ValueType::DateTime:
      return add_to_datetime(temporal.as<DateTime>(), d, sign);
    default:
      break;
  }
  throw_wrong_type("+ DURATION", "a temporal value", temporal);
}

std::optional<Value> temporal_field(const Value& v, std::string_view field) {
  switch (v.type()) {
    case ValueType::Date:
      return date_field(v.as<Date>(), field);
    case ValueType::LocalTime:
      return time_field(v.as<LocalTime>().nanos, field);
    case ValueType::Time: {
      const Time& t = v.as<Time>();
      if (auto f = time_field(t.nanos, field)) return f;
      if (field == "timezone") return Value(offset_text(t.offset_seconds));
      return offset_field(t.offset_seconds, field);
    }
    case ValueType::LocalDateTime: {
      const LocalDateTime& t = v.as<LocalDateTime>();
      if (auto f = date_field(t.date, field)) return f;
      return time_field(t.time.nanos, field);
    }
    case ValueType::DateTime: {
      const DateTime& t = v.as<DateTime>();
      if (auto f = date_field(t.local.date, field)) return f;
      if (auto f = time_field(t.local.time.nanos, field)) return f;
      if (field == "timezone") {
        return Value(t.zone.empty() ? offset_text(t.offset_seconds) : t.zone);
      }
      const std::int64_t seconds = epoch_seconds(t.local, t.offset_seconds);
      if (field == "epochSeconds") return Value(seconds);
      if (field == "epochMillis") {
        return Value(seconds * 1000 + t.local.time.nanos % kNanosPerSecond / 1'000'000);
      }
      return offset_field(t.offset_seconds, field);
    }
    case ValueType::Duration:
      return duration_field(v.as<Duration>(), field);
    default:
      return std::nullopt;
  }
}

}  // namespace kith::query
