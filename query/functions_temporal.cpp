// The temporal constructors date(), localtime(), time(), localdatetime(), datetime() and
// duration(): with no argument from the statement clock, from ISO strings, from maps of fields
// ({year, month, day}, {year, week, dayOfWeek}, {year, ordinalDay}, {year, quarter,
// dayOfQuarter}, {hour, ..., nanosecond}, {timezone}, {epochSeconds}) and from other temporal
// values selected with `date:`, `time:` and `datetime:` keys whose fields the map overrides.
#include <array>
#include <cmath>
#include <string>

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

[[noreturn]] void throw_invalid(std::string_view fn, std::string_view why) {
  throw_runtime("ArgumentError", "InvalidArgumentValue", fmt::format("{}(): {}", fn, why));
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// ---- Reading a map of fields.

class Fields {
 public:
  Fields(const Map& map, std::string_view fn) : map_(map), fn_(fn) {}
  bool has(std::string_view key) const { return map_.find(key) != map_.end(); }
  const Value* get(std::string_view key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  std::optional<std::int64_t> integer(std::string_view key) const {
    const Value* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is<std::int64_t>()) {
      throw_wrong_type(fmt::format("{}() field {}", fn_, key), "an INTEGER", *v);
    }
    return v->as<std::int64_t>();
  }
  std::int64_t integer_or(std::string_view key, std::int64_t fallback) const {
    return integer(key).value_or(fallback);
  }
  std::string_view fn() const { return fn_; }

 private:
  const Map& map_;
  std::string_view fn_;
};

std::int64_t in_range(std::int64_t v, std::int64_t lo, std::int64_t hi, std::string_view what,
                      std::string_view fn) {
  if (v < lo || v > hi) {
    throw_invalid(fn, fmt::format("{} must be in {}..{}, got {}", what, lo, hi, v));
  }
  return v;
}

Date make_date(std::int64_t y, std::int64_t m, std::int64_t d, std::string_view fn) {
  in_range(m, 1, 12, "month", fn);
  std::optional<Date> out = Date::from_ymd(y, static_cast<int>(m), static_cast<int>(d));
  if (!out) throw_invalid(fn, fmt::format("{}-{}-{} is not a date", y, m, d));
  return *out;
}

int day_of_week(Date date) {
  const std::int64_t r = (date.days + 3) % 7;
  return static_cast<int>(r < 0 ? r + 7 : r) + 1;
}

// Monday of ISO week 1 of a week-based year: the week holding January 4th.
Date week_one(std::int64_t year, std::string_view fn) {
  const Date jan4 = make_date(year, 1, 4, fn);
  return Date{jan4.days - (day_of_week(jan4) - 1)};
}

struct DateParts {
  std::int64_t year = 0;
  int month = 1;
  int day = 1;
};

DateParts parts_of(Date date) {
  DateParts p;
  date.to_ymd(p.year, p.month, p.day);
  return p;
}

// The date a map describes, starting from `base` (when a `date:` was given) for the fields
// the map leaves out.
std::optional<Date> date_from_fields(const Fields& f, std::optional<Date> base) {
  const std::string_view fn = f.fn();
  const bool any = f.has("year") || f.has("month") || f.has("day") || f.has("week") ||
                   f.has("dayOfWeek") || f.has("ordinalDay") || f.has("quarter") ||
                   f.has("dayOfQuarter");
  if (!any) return base;
  if (f.has("week") || f.has("dayOfWeek")) {
    std::int64_t year = 0;
    std::int64_t week = 1;
    std::int64_t dow = 1;
    if (base) {
      const Date thursday{base->days - (day_of_week(*base) - 1) + 3};
      year = parts_of(thursday).year;
      week = (thursday.days - week_one(year, fn).days) / 7 + 1;
      dow = day_of_week(*base);
    } else if (!f.has("year")) {
      throw_invalid(fn, "week needs a year");
    }
    year = f.integer_or("year", year);
    week = in_range(f.integer_or("week", week), 1, 53, "week", fn);
    dow = in_range(f.integer_or("dayOfWeek", dow), 1, 7, "dayOfWeek", fn);
    const Date out{week_one(year, fn).days + (week - 1) * 7 + (dow - 1)};
    if (week == 53 && week_one(year + 1, fn).days <= out.days) {
      throw_invalid(fn, fmt::format("{} has no week 53", year));
    }
    return out;
  }
  DateParts p = base ? parts_of(*base) : DateParts{};
  if (!base && !f.has("year")) throw_invalid(fn, "a date needs a year");
  p.year = f.integer_or("year", p.year);
  if (f.has("ordinalDay")) {
    const std::int64_t ordinal = *f.integer("ordinalDay");
    const Date jan1 = make_date(p.year, 1, 1, fn);
    const Date out{jan1.days + in_range(ordinal, 1, 366, "ordinalDay", fn) - 1};
    if (parts_of(out).year != p.year) throw_invalid(fn, "ordinalDay past the end of the year");
    return out;
  }
  if (f.has("quarter") || f.has("dayOfQuarter")) {
    const std::int64_t quarter =
        in_range(f.integer_or("quarter", (p.month - 1) / 3 + 1), 1, 4, "quarter", fn);
    const Date first = make_date(p.year, (quarter - 1) * 3 + 1, 1, fn);
    std::int64_t day_of_quarter =
        base ? base->days - make_date(p.year, (p.month - 1) / 3 * 3 + 1, 1, fn).days + 1 : 1;
    day_of_quarter =
        in_range(f.integer_or("dayOfQuarter", day_of_quarter), 1, 92, "dayOfQuarter", fn);
    const Date out{first.days + day_of_quarter - 1};
    if ((parts_of(out).month - 1) / 3 + 1 != quarter) {
      throw_invalid(fn, "dayOfQuarter past the end of the quarter");
    }
    return out;
  }
  const std::int64_t month = f.integer_or("month", p.month);
  const std::int64_t day = f.integer_or("day", p.day);
  if (!f.has("month") && f.has("day") && !base) throw_invalid(fn, "day needs a month");
  return make_date(p.year, month, day, fn);
}

// Nanoseconds since midnight from {hour, minute, second, millisecond, microsecond,
// nanosecond}, starting from `base`.
std::optional<std::int64_t> time_from_fields(const Fields& f, std::optional<std::int64_t> base) {
  const std::string_view fn = f.fn();
  static constexpr std::string_view kKeys[] = {"hour",        "minute",      "second",
                                               "millisecond", "microsecond", "nanosecond"};
  bool any = false;
  for (auto key : kKeys)
    any = any || f.has(key);
  if (!any) return base;
  const std::int64_t b = base.value_or(0);
  const std::int64_t b_seconds = b / kNanosPerSecond;
  const std::int64_t b_fraction = b % kNanosPerSecond;
  const std::int64_t hour = in_range(f.integer_or("hour", b_seconds / 3600), 0, 23, "hour", fn);
  const std::int64_t minute =
      in_range(f.integer_or("minute", b_seconds / 60 % 60), 0, 59, "minute", fn);
  const std::int64_t second = in_range(f.integer_or("second", b_seconds % 60), 0, 59, "second", fn);
  std::int64_t fraction = 0;
  if (f.has("millisecond") || f.has("microsecond") || f.has("nanosecond")) {
    // Each sub-second field replaces only its own digits of the base's fraction:
    // {nanosecond: 2} over 14.645 gives 14.645000002, as the TCK's truncations expect.
    const std::int64_t ms = in_range(
        f.integer_or("millisecond", base && !f.has("millisecond") ? b_fraction / 1'000'000 : 0), 0,
        999, "millisecond", fn);
    const std::int64_t us_default = base ? b_fraction / 1'000 % 1'000 : 0;
    const std::int64_t us_limit = f.has("millisecond") || base ? 999 : 999'999;
    const std::int64_t us =
        in_range(f.integer_or("microsecond", us_default), 0, us_limit, "microsecond", fn);
    const std::int64_t ns_default = base ? b_fraction % 1'000 : 0;
    const bool coarse_given = f.has("microsecond") || f.has("millisecond") || base;
    const std::int64_t ns_limit =
        coarse_given ? (f.has("microsecond") || base ? 999 : 999'999) : 999'999'999;
    const std::int64_t ns =
        in_range(f.integer_or("nanosecond", ns_default), 0, ns_limit, "nanosecond", fn);
    fraction = ms * 1'000'000 + us * 1'000 + ns;
  } else {
    fraction = b_fraction;
  }
  if (!f.has("hour") && (f.has("minute") || f.has("second")) && !base) {
    throw_invalid(fn, "minute and second need an hour");
  }
  return (hour * 3600 + minute * 60 + second) * kNanosPerSecond + fraction;
}

// A `timezone:` value: an offset (+01:00, Z, -0800) or a zone name (Europe/Stockholm).
struct Zone {
  std::int32_t offset = 0;
  std::string name;  // empty for a fixed offset
};

Zone parse_zone(const Value& v, std::string_view fn) {
  if (!v.is<std::string>()) throw_wrong_type(fmt::format("{}() timezone", fn), "a STRING", v);
  const std::string& text = v.as<std::string>();
  if (std::optional<Time> t = Time::parse("00:00" + text);
      t && !text.empty() && (text[0] == '+' || text[0] == '-' || text == "Z")) {
    return Zone{t->offset_seconds, ""};
  }
  if (is_known_zone(text)) return Zone{0, text};
  throw_invalid(fn, fmt::format("unknown time zone '{}'", text));
}

DateTime in_zone(const LocalDateTime& local, const Zone& zone, std::string_view fn) {
  if (zone.name.empty()) return DateTime{local, zone.offset, ""};
  std::optional<DateTime> out = zoned_from_local(local, zone.name);
  if (!out) throw_invalid(fn, "the time zone cannot place this date-time");
  return *out;
}

std::int64_t instant_seconds(const DateTime& t) {
  return t.local.date.days * 86'400 + t.local.time.nanos / kNanosPerSecond - t.offset_seconds;
}

// The same instant seen in another zone.
DateTime to_zone(const DateTime& t, const Zone& zone, std::string_view fn) {
  const auto nanos = static_cast<std::int32_t>(t.local.time.nanos % kNanosPerSecond);
  if (!zone.name.empty()) {
    std::optional<DateTime> out = zoned_from_instant(instant_seconds(t), nanos, zone.name);
    if (!out) throw_invalid(fn, "the time zone cannot place this instant");
    return *out;
  }
  const std::int64_t local_seconds = instant_seconds(t) + zone.offset;
  LocalDateTime local{
      Date{floor_div(local_seconds, 86'400)},
      LocalTime{(local_seconds - floor_div(local_seconds, 86'400) * 86'400) * kNanosPerSecond +
                nanos}};
  return DateTime{local, zone.offset, ""};
}

// ---- What a base temporal value offers.

std::optional<Date> date_part(const Value& v) {
  if (v.is<Date>()) return v.as<Date>();
  if (v.is<LocalDateTime>()) return v.as<LocalDateTime>().date;
  if (v.is<DateTime>()) return v.as<DateTime>().local.date;
  return std::nullopt;
}

std::optional<std::int64_t> time_part(const Value& v) {
  if (v.is<LocalTime>()) return v.as<LocalTime>().nanos;
  if (v.is<Time>()) return v.as<Time>().nanos;
  if (v.is<LocalDateTime>()) return v.as<LocalDateTime>().time.nanos;
  if (v.is<DateTime>()) return v.as<DateTime>().local.time.nanos;
  return std::nullopt;
}

std::optional<std::int32_t> offset_part(const Value& v) {
  if (v.is<Time>()) return v.as<Time>().offset_seconds;
  if (v.is<DateTime>()) return v.as<DateTime>().offset_seconds;
  return std::nullopt;
}

const Value* base_value(const Fields& f, std::string_view key) {
  const Value* v = f.get(key);
  if (v && v->is_null()) return nullptr;
  return v;
}

DateTime statement_now(const FunctionContext& ctx, const Zone& zone, std::string_view fn) {
  const auto since =
      std::chrono::duration_cast<std::chrono::nanoseconds>(ctx.statement_time.time_since_epoch())
          .count();
  const std::int64_t seconds = floor_div(since, kNanosPerSecond);
  const DateTime utc{
      LocalDateTime{Date{floor_div(seconds, 86'400)},
                    LocalTime{(seconds - floor_div(seconds, 86'400) * 86'400) * kNanosPerSecond +
                              (since - seconds * kNanosPerSecond)}},
      0, ""};
  return to_zone(utc, zone, fn);
}

enum class Kind : std::uint8_t { Date, LocalTime, Time, LocalDateTime, DateTime };

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Date:
      return "date";
    case Kind::LocalTime:
      return "localtime";
    case Kind::Time:
      return "time";
    case Kind::LocalDateTime:
      return "localdatetime";
    case Kind::DateTime:
      return "datetime";
  }
  return "?";
}

// Builds the value of `kind` from its parts; the zone matters only for Time and DateTime.
Value assemble(Kind kind, Date date, std::int64_t nanos, const Zone& zone, std::string_view fn) {
  const LocalDateTime local{date, LocalTime{nanos}};
  switch (kind) {
    case Kind::Date:
      return date;
    case Kind::LocalTime:
      return LocalTime{nanos};
    case Kind::Time: {
      std::int32_t offset = zone.offset;
      if (!zone.name.empty()) offset = in_zone(local, zone, fn).offset_seconds;
      return Time{nanos, offset};
    }
    case Kind::LocalDateTime:
      return local;
    case Kind::DateTime:
      return in_zone(local, zone, fn);
  }
  return Null{};
}

Value from_map(Kind kind, const Map& map, FunctionContext& ctx) {
  const std::string_view fn = kind_name(kind);
  const Fields f(map, fn);
  const Value* date_base = base_value(f, "date");
  const Value* time_base = base_value(f, "time");
  const Value* datetime_base = base_value(f, "datetime");
  if (datetime_base) {
    date_base = date_base ? date_base : datetime_base;
    time_base = time_base ? time_base : datetime_base;
  }
  const Value* tz = f.get("timezone");
  std::optional<Zone> zone;
  if (tz && !tz->is_null()) zone = parse_zone(*tz, fn);

  // datetime({epochSeconds: ...}) / ({epochMillis: ...}): an instant, in UTC unless told.
  if (kind == Kind::DateTime && (f.has("epochSeconds") || f.has("epochMillis"))) {
    std::int64_t millis_part = 0;
    std::int64_t seconds = 0;
    if (f.has("epochSeconds")) {
      seconds = *f.integer("epochSeconds");
    } else {
      const std::int64_t ms = *f.integer("epochMillis");
      seconds = floor_div(ms, 1000);
      millis_part = ms - seconds * 1000;
    }
    const std::int64_t extra = f.integer_or("millisecond", 0) * 1'000'000 +
                               f.integer_or("microsecond", 0) * 1'000 +
                               f.integer_or("nanosecond", 0);
    const std::int64_t nanos = millis_part * 1'000'000 + extra;
    if (nanos < 0 || nanos >= kNanosPerSecond) throw_invalid(fn, "sub-second part out of range");
    const DateTime utc{
        LocalDateTime{
            Date{floor_div(seconds, 86'400)},
            LocalTime{(seconds - floor_div(seconds, 86'400) * 86'400) * kNanosPerSecond + nanos}},
        0, ""};
    return to_zone(utc, zone.value_or(Zone{}), fn);
  }

  std::optional<Date> base_date;
  if (date_base) {
    base_date = date_part(*date_base);
    if (!base_date)
      throw_wrong_type(fmt::format("{}() date", fn), "a value with a date", *date_base);
  }
  std::optional<std::int64_t> base_time;
  std::optional<std::int32_t> base_offset;
  std::string base_zone_name;
  if (time_base) {
    base_time = time_part(*time_base);
    if (!base_time)
      throw_wrong_type(fmt::format("{}() time", fn), "a value with a time", *time_base);
    base_offset = offset_part(*time_base);
    if (time_base->is<DateTime>()) base_zone_name = time_base->as<DateTime>().zone;
  }

  // The wall-clock time of a zoned datetime set on a date from elsewhere, then seen in a new
  // zone: the offset is the one the time's own zone has on that date, so the move waits until
  // the date is known (Neo4j gives 1984-03-28T00:00:42-10:00 for 12:00:42 Stockholm time on a
  // day of Swedish summer time, not the 01:00:42 the datetime's own winter date would give).
  std::optional<Zone> move_after_assembly;
  if (zone && kind == Kind::DateTime && time_base && time_base->is<DateTime>() && date_base &&
      date_base != time_base) {
    move_after_assembly = zone;
    zone = Zone{*base_offset, base_zone_name};
  }
  // A zoned base moved into a new zone keeps its instant, as Neo4j's selection does.
  if (zone && base_offset && time_base && (kind == Kind::Time || kind == Kind::DateTime) &&
      !move_after_assembly) {
    if (time_base->is<DateTime>()) {
      const DateTime moved = to_zone(time_base->as<DateTime>(), *zone, fn);
      if (!datetime_base || date_base == datetime_base) {
        if (!date_base || date_base == time_base) base_date = moved.local.date;
      }
      base_time = moved.local.time.nanos;
    } else {
      // A named zone's offset depends on the day: take it at the instant the time names on
      // the selected date.
      std::int32_t target = zone->offset;
      if (!zone->name.empty()) {
        const Date on = base_date.value_or(Date{0});
        const std::int64_t instant =
            on.days * 86'400 + base_time.value() / kNanosPerSecond - *base_offset;
        if (std::optional<DateTime> seen = zoned_from_instant(instant, 0, zone->name)) {
          target = seen->offset_seconds;
        }
      }
      const std::int64_t shifted =
          base_time.value() + (static_cast<std::int64_t>(target) - *base_offset) * kNanosPerSecond;
      base_time = ((shifted % kNanosPerDay) + kNanosPerDay) % kNanosPerDay;
    }
  }
  Zone effective = zone.value_or(Zone{});
  if (!zone && base_offset) effective = Zone{*base_offset, base_zone_name};

  const bool needs_date =
      kind == Kind::Date || kind == Kind::LocalDateTime || kind == Kind::DateTime;
  const bool needs_time = kind != Kind::Date;
  Date date;
  if (needs_date) {
    std::optional<Date> d = date_from_fields(f, base_date);
    if (!d) {
      if (!f.has("year") && !date_base) {
        // Only a time zone: today, in that zone.
        if (map.size() == (tz ? 1u : 0u)) {
          return assemble(kind, statement_now(ctx, effective, fn).local.date,
                          statement_now(ctx, effective, fn).local.time.nanos, effective, fn);
        }
      }
      throw_invalid(fn, "the map names no date");
    }
    date = *d;
  }
  std::int64_t nanos = 0;
  if (needs_time) {
    if (!needs_date && !time_base && !f.has("hour") && map.size() == (tz ? 1u : 0u)) {
      return assemble(kind, date, statement_now(ctx, effective, fn).local.time.nanos, effective,
                      fn);
    }
    nanos = time_from_fields(f, base_time).value_or(0);
  }
  if (move_after_assembly) {
    const Value here = assemble(kind, date, nanos, effective, fn);
    return to_zone(here.as<DateTime>(), *move_after_assembly, fn);
  }
  return assemble(kind, date, nanos, effective, fn);
}

Value from_string(Kind kind, const std::string& text) {
  const std::string_view fn = kind_name(kind);
  auto fail = [&]() -> Value {
    throw_invalid(fn, fmt::format("cannot read '{}' as a {}", text.substr(0, 80), fn));
  };
  switch (kind) {
    case Kind::Date: {
      auto v = Date::parse(text);
      return v ? Value(*v) : fail();
    }
    case Kind::LocalTime: {
      auto v = LocalTime::parse(text);
      return v ? Value(*v) : fail();
    }
    case Kind::Time: {
      auto v = Time::parse(text);
      return v ? Value(*v) : fail();
    }
    case Kind::LocalDateTime: {
      auto v = LocalDateTime::parse(text);
      return v ? Value(*v) : fail();
    }
    case Kind::DateTime: {
      auto v = DateTime::parse(text);
      return v ? Value(*v) : fail();
    }
  }
  return fail();
}

// date(other temporal) etc.: the part of it that the kind holds.
Value from_temporal(Kind kind, const Value& v, FunctionContext& ctx) {
  Map map;
  const bool has_date = date_part(v).has_value();
  const bool has_time = time_part(v).has_value();
  if (kind == Kind::Date && !has_date) throw_wrong_type("date()", "a value with a date", v);
  if ((kind == Kind::LocalTime || kind == Kind::Time) && !has_time) {
    throw_wrong_type(fmt::format("{}()", kind_name(kind)), "a value with a time", v);
  }
  if ((kind == Kind::LocalDateTime || kind == Kind::DateTime) && !has_date) {
    throw_wrong_type(fmt::format("{}()", kind_name(kind)), "a value with a date", v);
  }
  if (has_date) map.emplace(v.is<DateTime>() ? "datetime" : "date", v);
  if (has_time && !v.is<DateTime>()) map.emplace("time", v);
  return from_map(kind, map, ctx);
}

Value construct(Kind kind, Args args, FunctionContext& ctx) {
  if (args.empty()) {
    const DateTime now = statement_now(ctx, Zone{}, kind_name(kind));
    return assemble(kind, now.local.date, now.local.time.nanos, Zone{}, kind_name(kind));
  }
  const Value& v = args[0];
  switch (v.type()) {
    case ValueType::Null:
      return Null{};
    case ValueType::String:
      return from_string(kind, v.as<std::string>());
    case ValueType::Map:
      return from_map(kind, v.as<Map>(), ctx);
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
      return from_temporal(kind, v, ctx);
    default:
      throw_wrong_type(fmt::format("{}()", kind_name(kind)), "a STRING, MAP or temporal value", v);
  }
}

Value fn_date(Args a, FunctionContext& ctx) {
  return construct(Kind::Date, a, ctx);
}
Value fn_localtime(Args a, FunctionContext& ctx) {
  return construct(Kind::LocalTime, a, ctx);
}
Value fn_time(Args a, FunctionContext& ctx) {
  return construct(Kind::Time, a, ctx);
}
Value fn_localdatetime(Args a, FunctionContext& ctx) {
  return construct(Kind::LocalDateTime, a, ctx);
}
Value fn_datetime(Args a, FunctionContext& ctx) {
  return construct(Kind::DateTime, a, ctx);
}

// ---- duration()

Value duration_from_map(const Map& map) {
  long double months = 0;
  long double days = 0;
  long double nanos = 0;
  static constexpr std::pair<std::string_view, long double> kMonths[] = {
      {"years", 12}, {"quarters", 3}, {"months", 1}};
  static constexpr std::pair<std::string_view, long double> kDays[] = {{"weeks", 7}, {"days", 1}};
  static constexpr std::pair<std::string_view, long double> kNanos[] = {
      {"hours", 3600e9L},     {"minutes", 60e9L},     {"seconds", 1e9L},
      {"milliseconds", 1e6L}, {"microseconds", 1e3L}, {"nanoseconds", 1}};
  auto read = [&](const auto& table, long double& into) {
    for (auto [key, scale] : table) {
      auto it = map.find(key);
      if (it == map.end() || it->second.is_null()) continue;
      if (!it->second.is_number()) {
        throw_wrong_type(fmt::format("duration() field {}", key), "a number", it->second);
      }
      into += static_cast<long double>(it->second.number()) * scale;
    }
  };
  read(kMonths, months);
  read(kDays, days);
  read(kNanos, nanos);
  for (const auto& [key, value] : map) {
    bool known = false;
    for (auto [k, s] : kMonths)
      known = known || k == key;
    for (auto [k, s] : kDays)
      known = known || k == key;
    for (auto [k, s] : kNanos)
      known = known || k == key;
    if (!known) throw_invalid("duration", fmt::format("no field {}", key));
  }
  const long double whole_months = std::trunc(months);
  days += (months - whole_months) * 30.436875L;
  const long double whole_days = std::trunc(days);
  nanos += (days - whole_days) * static_cast<long double>(kNanosPerDay);
  if (!(std::fabs(whole_months) < 9e18L && std::fabs(whole_days) < 9e18L &&
        std::fabs(nanos) < 1e36L)) {
    throw_runtime("ArgumentError", "NumberOutOfRange", "duration() out of range");
  }
  return normalize_duration(static_cast<std::int64_t>(whole_months),
                            static_cast<std::int64_t>(whole_days),
                            static_cast<__int128>(std::roundl(nanos)));
}

Value fn_duration(Args args, FunctionContext&) {
  const Value& v = args[0];
  switch (v.type()) {
    case ValueType::Null:
      return Null{};
    case ValueType::Duration:
      return v;
    case ValueType::String: {
      std::optional<Duration> d = Duration::parse(v.as<std::string>());
      if (!d) {
        throw_invalid("duration", fmt::format("cannot read '{}' as a duration",
                                              v.as<std::string>().substr(0, 80)));
      }
      return *d;
    }
    case ValueType::Map:
      return duration_from_map(v.as<Map>());
    default:
      throw_wrong_type("duration()", "a STRING or a MAP", v);
  }
}

// datetime.fromepoch(seconds, nanoseconds) and datetime.fromepochmillis(milliseconds): the
// instant in UTC, as datetime({epochSeconds: ..., nanosecond: ...}) builds it.
Value from_epoch(const Value& seconds_key, const Value& seconds, const Value* nanos,
                 FunctionContext& ctx) {
  if (seconds.is_null() || (nanos && nanos->is_null())) return Null{};
  Map map{{seconds_key.as<std::string>(), seconds}};
  if (nanos) map.emplace("nanosecond", *nanos);
  return from_map(Kind::DateTime, map, ctx);
}

Value fn_datetime_from_epoch(Args a, FunctionContext& ctx) {
  return from_epoch(Value("epochSeconds"), a[0], &a[1], ctx);
}
Value fn_datetime_from_epoch_millis(Args a, FunctionContext& ctx) {
  return from_epoch(Value("epochMillis"), a[0], nullptr, ctx);
}

constexpr std::array kFunctions = {
    FunctionInfo{"datetime.fromepoch", 2, 2, fn_datetime_from_epoch},
    FunctionInfo{"datetime.fromepochmillis", 1, 1, fn_datetime_from_epoch_millis},
    FunctionInfo{"date", 0, 1, fn_date},
    FunctionInfo{"date.transaction", 0, 1, fn_date},
    FunctionInfo{"date.statement", 0, 1, fn_date},
    FunctionInfo{"date.realtime", 0, 1, fn_date},
    FunctionInfo{"localtime", 0, 1, fn_localtime},
    FunctionInfo{"localtime.transaction", 0, 1, fn_localtime},
    FunctionInfo{"localtime.statement", 0, 1, fn_localtime},
    FunctionInfo{"localtime.realtime", 0, 1, fn_localtime},
    FunctionInfo{"time", 0, 1, fn_time},
    FunctionInfo{"time.transaction", 0, 1, fn_time},
    FunctionInfo{"time.statement", 0, 1, fn_time},
    FunctionInfo{"time.realtime", 0, 1, fn_time},
    FunctionInfo{"localdatetime", 0, 1, fn_localdatetime},
    FunctionInfo{"localdatetime.transaction", 0, 1, fn_localdatetime},
    FunctionInfo{"localdatetime.statement", 0, 1, fn_localdatetime},
    FunctionInfo{"localdatetime.realtime", 0, 1, fn_localdatetime},
    FunctionInfo{"datetime", 0, 1, fn_datetime},
    FunctionInfo{"datetime.transaction", 0, 1, fn_datetime},
    FunctionInfo{"datetime.statement", 0, 1, fn_datetime},
    FunctionInfo{"datetime.realtime", 0, 1, fn_datetime},
    FunctionInfo{"duration", 1, 1, fn_duration},
};

}  // namespace

std::span<const FunctionInfo> temporal_function_table() {
  return kFunctions;
}

}  // namespace kith::query
