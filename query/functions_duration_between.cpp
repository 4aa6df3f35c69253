// duration.between(a, b), duration.inMonths, duration.inDays and duration.inSeconds: the
// duration from a to b, counted as java.time counts (and Neo4j reports) it: whole months
// first, then whole days, then the rest in seconds, each part carrying the sign of the
// difference. When either side has no date only the times of day are compared; when both
// sides carry an offset the second is first moved into the first one's offset. A side with
// no offset, beside one in a named zone, is read as a wall-clock time in that zone (on the
// zoned side's date when it has none), so a span across a daylight-saving change counts the
// hour gained or lost, as Neo4j does.
#include <array>

#include <fmt/format.h>

#include "graph/time_zone.hpp"
#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

using Args = std::span<const Value>;

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kNanosPerDay = 86'400 * kNanosPerSecond;

// A temporal value taken apart: its date (if any), local time of day, and offset (if any).
struct Moment {
  std::optional<Date> date;
  std::int64_t nanos = 0;
  std::optional<std::int32_t> offset;
  std::string_view zone;  // a named zone, when the value has one
};

Moment moment_of(const Value& v, std::string_view fn) {
  switch (v.type()) {
    case ValueType::Date:
      return Moment{v.as<Date>(), 0, std::nullopt, {}};
    case ValueType::LocalTime:
      return Moment{std::nullopt, v.as<LocalTime>().nanos, std::nullopt, {}};
    case ValueType::Time:
      return Moment{std::nullopt, v.as<Time>().nanos, v.as<Time>().offset_seconds, {}};
    case ValueType::LocalDateTime: {
      const LocalDateTime& t = v.as<LocalDateTime>();
      return Moment{t.date, t.time.nanos, std::nullopt, {}};
    }
    case ValueType::DateTime: {
      const DateTime& t = v.as<DateTime>();
      return Moment{t.local.date, t.local.time.nanos, t.offset_seconds, t.zone};
    }
    default:
      throw_wrong_type(fmt::format("{}()", fn), "a temporal value", v);
  }
}

enum class Measure : std::uint8_t { All, Months, Days, Seconds };

// Whole months from d1 to the adjusted end date, as LocalDate.until(MONTHS): a month is
// complete only once its day of month (and time of day) has been reached.
std::int64_t months_until(Date d1, Date end) {
  std::int64_t y1 = 0;
  std::int64_t y2 = 0;
  int m1 = 0;
  int m2 = 0;
  int day1 = 0;
  int day2 = 0;
  d1.to_ymd(y1, m1, day1);
  end.to_ymd(y2, m2, day2);
  const __int128 packed1 = (static_cast<__int128>(y1) * 12 + m1 - 1) * 32 + day1;
  const __int128 packed2 = (static_cast<__int128>(y2) * 12 + m2 - 1) * 32 + day2;
  return static_cast<std::int64_t>((packed2 - packed1) / 32);
}

// The end date moved by a day when the time of day has not yet caught up, as
// LocalDateTime.until does for date-based units.
Date adjusted_end(Date start, std::int64_t start_nanos, Date end, std::int64_t end_nanos) {
  if (end.days > start.days && end_nanos < start_nanos) return Date{end.days - 1};
  if (end.days < start.days && end_nanos > start_nanos) return Date{end.days + 1};
  return end;
}

// Gives `local` (no offset) the offset `zoned`'s named zone has at local's wall-clock time.
void place_in_zone(Moment& local, const Moment& zoned) {
  if (local.offset || zoned.zone.empty()) return;
  const std::optional<Date> date = local.date ? local.date : zoned.date;
  if (!date) return;
  const auto placed = zoned_from_local(LocalDateTime{*date, LocalTime{local.nanos}}, zoned.zone);
  if (placed) local.offset = placed->offset_seconds;
}

Value between(Args args, Measure measure, std::string_view fn) {
  if (args[0].is_null() || args[1].is_null()) return Null{};
  Moment a = moment_of(args[0], fn);
  Moment b = moment_of(args[1], fn);
  place_in_zone(a, b);
  place_in_zone(b, a);
  __int128 b_nanos = b.nanos;
  if (a.offset && b.offset) {
    b_nanos += static_cast<__int128>(*a.offset - *b.offset) * kNanosPerSecond;
  }
  if (!a.date || !b.date) {
    if (measure == Measure::Months || measure == Measure::Days) return Duration{};
    return normalize_duration(0, 0, b_nanos - a.nanos);
  }
  // Fold an offset shift that crossed midnight into b's date.
  std::int64_t b_days = b.date->days;
  while (b_nanos < 0) {
    b_nanos += kNanosPerDay;
    --b_days;
  }
  while (b_nanos >= kNanosPerDay) {
    b_nanos -= kNanosPerDay;
    ++b_days;
  }
  const Date end{b_days};
  const auto end_nanos = static_cast<std::int64_t>(b_nanos);
  if (measure == Measure::Seconds) {
    return normalize_duration(
        0, 0, static_cast<__int128>(end.days - a.date->days) * kNanosPerDay + end_nanos - a.nanos);
  }
  std::int64_t months = 0;
  Date from = *a.date;
  if (measure != Measure::Days) {
    months = months_until(from, adjusted_end(from, a.nanos, end, end_nanos));
    if (measure == Measure::Months) return Duration{months, 0, 0, 0};
    from = add_duration(Value(from), Duration{months, 0, 0, 0}, false).as<Date>();
  }
  const std::int64_t days = adjusted_end(from, a.nanos, end, end_nanos).days - from.days;
  if (measure == Measure::Days) return Duration{0, days, 0, 0};
  const __int128 rest =
      static_cast<__int128>(end.days - from.days - days) * kNanosPerDay + end_nanos - a.nanos;
  return normalize_duration(months, days, rest);
}

Value fn_between(Args a, FunctionContext&) {
  return between(a, Measure::All, "duration.between");
}
Value fn_in_months(Args a, FunctionContext&) {
  return between(a, Measure::Months, "duration.inMonths");
}
Value fn_in_days(Args a, FunctionContext&) {
  return between(a, Measure::Days, "duration.inDays");
}
Value fn_in_seconds(Args a, FunctionContext&) {
  return between(a, Measure::Seconds, "duration.inSeconds");
}

constexpr std::array kFunctions = {
    FunctionInfo{"duration.between", 2, 2, fn_between},
    FunctionInfo{"duration.inMonths", 2, 2, fn_in_months},
    FunctionInfo{"duration.inDays", 2, 2, fn_in_days},
    FunctionInfo{"duration.inSeconds", 2, 2, fn_in_seconds},
};

}  // namespace

std::span<const FunctionInfo> duration_between_function_table() {
  return kFunctions;
}

}  // namespace kith::query
