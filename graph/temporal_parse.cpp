// The string forms openCypher's temporal functions accept (date('2015-W30-2'),
// duration('P0.75M'), ...), as the openCypher temporal CIP and the TCK's Temporal2 define them.
// Hand-written because std::chrono::parse is missing from GCC 12 and covers neither week
// dates, ordinal dates, six-digit offsets nor fractional duration units.
#include <limits>
#include <string>

#include "graph/time_zone.hpp"
#include "graph/value.hpp"

namespace kith {
namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;
constexpr std::int64_t kAverageSecondsPerMonth = 2'629'746;  // 365.2425 days / 12
constexpr std::int32_t kMaxOffsetSeconds = 18 * 3600;

// A read position in the text; every reader either consumes what it matched or fails.
struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos == text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  std::size_t digits_ahead() const {
    std::size_t n = 0;
    while (pos + n < text.size() && text[pos + n] >= '0' && text[pos + n] <= '9')
      ++n;
    return n;
  }
  // Exactly `count` digits.
  bool number(std::size_t count, std::int64_t& out) {
    if (digits_ahead() < count) return false;
    out = 0;
    for (std::size_t i = 0; i < count; ++i)
      out = out * 10 + (text[pos++] - '0');
    return true;
  }
};

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  const std::int64_t r = a % b;
  return r < 0 ? r + b : r;
}

// 1 = Monday ... 7 = Sunday; 1970-01-01 was a Thursday.
int iso_weekday(std::int64_t days) {
  return static_cast<int>(floor_mod(days + 3, 7)) + 1;
}

std::optional<Date> from_week_date(std::int64_t year, std::int64_t week, std::int64_t weekday) {
  const auto jan4 = Date::from_ymd(year, 1, 4);  // week 1 is the week holding 4 January
  const auto next_jan4 = Date::from_ymd(year + 1, 1, 4);
  if (!jan4 || !next_jan4 || week < 1 || weekday < 1 || weekday > 7) return std::nullopt;
  const std::int64_t week1_monday = jan4->days - (iso_weekday(jan4->days) - 1);
  const std::int64_t next_week1_monday = next_jan4->days - (iso_weekday(next_jan4->days) - 1);
  const std::int64_t weeks_in_year = (next_week1_monday - week1_monday) / 7;
  if (week > weeks_in_year) return std::nullopt;
  return Date{week1_monday + (week - 1) * 7 + (weekday - 1)};
}

std::optional<Date> from_ordinal_date(std::int64_t year, std::int64_t day_of_year) {
  const auto jan1 = Date::from_ymd(year, 1, 1);
  const auto next_jan1 = Date::from_ymd(year + 1, 1, 1);
  if (!jan1 || !next_jan1 || day_of_year < 1 || day_of_year > next_jan1->days - jan1->days) {
    return std::nullopt;
  }
  return Date{jan1->days + day_of_year - 1};
}

// YYYY or a signed year of 1-9 digits, then nothing, -MM[-DD], -Www[-D], -DDD, or (for
// four-digit years only, where the length is unambiguous) the same without dashes.
std::optional<Date> parse_date_text(std::string_view text) {
  Cursor c{text};
  bool negative = false;
  const bool signed_year = c.peek() == '+' || c.peek() == '-';
  if (signed_year) negative = text[c.pos++] == '-';
  std::int64_t year = 0;
  const std::size_t year_digits = signed_year ? c.digits_ahead() : 4;
  if (year_digits < 1 || year_digits > 9 || !c.number(year_digits, year)) return std::nullopt;
  if (negative) year = -year;
  if (c.done()) return Date::from_ymd(year, 1, 1);

  const bool extended = c.eat('-');
  if (!extended && signed_year) return std::nullopt;
  std::optional<Date> date;
  std::int64_t a = 0;
  std::int64_t b = 0;
  if (c.eat('W')) {
    if (!c.number(2, a)) return std::nullopt;
    b = 1;
    if (!c.done() && (!extended || c.eat('-')) && !c.number(1, b)) return std::nullopt;
    date = from_week_date(year, a, b);
  } else if (c.digits_ahead() == 3) {
    c.number(3, a);
    date = from_ordinal_date(year, a);
  } else {
    if (!c.number(2, a)) return std::nullopt;
    b = 1;
    if (!c.done() && (!extended || c.eat('-')) && !c.number(2, b)) return std::nullopt;
    if (a < 1 || a > 12 || b < 1 || b > 31) return std::nullopt;
    date = Date::from_ymd(year, static_cast<int>(a), static_cast<int>(b));
  }
  return c.done() ? date : std::nullopt;
}

// HH[:MM[:SS[.fffffffff]]] or HH[MM[SS[.fffffffff]]]; a comma may stand for the point.
std::optional<LocalTime> parse_local_time_text(std::string_view text) {
  Cursor c{text};
  std::int64_t hour = 0;
  std::int64_t minute = 0;
  std::int64_t second = 0;
  std::int64_t nanos = 0;
  if (!c.number(2, hour)) return std::nullopt;
  if (!c.done()) {
    const bool extended = c.eat(':');
    if (!c.number(2, minute)) return std::nullopt;
    if (!c.done()) {
      if (extended && !c.eat(':')) return std::nullopt;
      if (!c.number(2, second)) return std::nullopt;
      if (c.eat('.') || c.eat(',')) {
        const std::size_t n = c.digits_ahead();
        if (n < 1 || n > 9) return std::nullopt;
        c.number(n, nanos);
        for (std::size_t i = n; i < 9; ++i)
          nanos *= 10;
      }
    }
  }
  if (!c.done() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return LocalTime{((hour * 60 + minute) * 60 + second) * kNanosPerSecond + nanos};
}

// Z, or +HH, +HHMM, +HH:MM, +HHMMSS, +HH:MM:SS (or with -), at most 18 hours.
std::optional<std::int32_t> parse_offset_text(std::string_view text) {
  if (text == "Z" || text == "z") return 0;
  Cursor c{text};
  const bool negative = c.peek() == '-';
  if (!c.eat('+') && !c.eat('-')) return std::nullopt;
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  std::int64_t seconds = 0;
  if (!c.number(2, hours)) return std::nullopt;
  if (!c.done()) {
    const bool extended = c.eat(':');
    if (!c.number(2, minutes)) return std::nullopt;
    if (!c.done() && ((extended && !c.eat(':')) || !c.number(2, seconds))) return std::nullopt;
  }
  const std::int64_t total = hours * 3600 + minutes * 60 + seconds;
  if (!c.done() || minutes > 59 || seconds > 59 || total > kMaxOffsetSeconds) return std::nullopt;
  return static_cast<std::int32_t>(negative ? -total : total);
}

// A time of day followed, perhaps, by an offset: the offset starts at the first Z, + or -.
bool split_offset(std::string_view text, std::string_view& time, std::string_view& offset) {
  const std::size_t at = text.find_first_of("Zz+-");
  time = text.substr(0, at);
  offset = at == std::string_view::npos ? std::string_view() : text.substr(at);
  return !time.empty();
}

bool valid_zone_name(std::string_view zone) {
  if (zone.empty() || zone.size() > 64) return false;
  for (const char ch : zone) {
    const bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                    (ch >= '0' && ch <= '9') || ch == '/' || ch == '_' || ch == '-' || ch == '+';
    if (!ok) return false;
  }
  return true;
}

// One number of a duration, as a count of 1e-9 units: "1.5" -> 1'500'000'000.
bool duration_number(Cursor& c, __int128& out) {
  const bool negative = c.peek() == '-';
  if (!c.eat('-')) c.eat('+');
  const std::size_t whole_digits = c.digits_ahead();
  if (whole_digits < 1 || whole_digits > 18) return false;
  std::int64_t whole = 0;
  c.number(whole_digits, whole);
  std::int64_t fraction = 0;
  if (c.eat('.') || c.eat(',')) {
    const std::size_t n = c.digits_ahead();
    if (n < 1 || n > 9) return false;
    c.number(n, fraction);
    for (std::size_t i = n; i < 9; ++i)
      fraction *= 10;
  }
  out = __int128{whole} * kNanosPerSecond + fraction;
  if (negative) out = -out;
  return true;
}

// Months, weeks, days, hours, minutes and seconds, each in 1e-9 units, folded the way
// Neo4j folds fractions: a fraction of a month becomes days and seconds by the average
// month, a fraction of a day becomes seconds; months and days are cut toward zero.
std::optional<Duration> fold_duration(__int128 months, __int128 days, __int128 nanos) {
  const __int128 whole_months = months / kNanosPerSecond;
  const __int128 day_nanos =
      days * kSecondsPerDay + (months - whole_months * kNanosPerSecond) * kAverageSecondsPerMonth;
  const __int128 whole_days = day_nanos / kNanosPerDay;
  __int128 total_nanos = nanos + (day_nanos - whole_days * kNanosPerDay);
  __int128 seconds = total_nanos / kNanosPerSecond;
  __int128 rest = total_nanos % kNanosPerSecond;
  if (rest < 0) {
    rest += kNanosPerSecond;
    seconds -= 1;
  }
  constexpr __int128 kMax = std::numeric_limits<std::int64_t>::max();
  for (const __int128 v : {whole_months, whole_days, seconds}) {
    if (v > kMax || v < -kMax) return std::nullopt;
  }
  return Duration{static_cast<std::int64_t>(whole_months), static_cast<std::int64_t>(whole_days),
                  static_cast<std::int64_t>(seconds), static_cast<std::int32_t>(rest)};
}

// PnYnMnWnDTnHnMnS, each part optional (at least one present), each number signed and
// perhaps fractional.
std::optional<Duration> parse_unit_duration(Cursor& c) {
  __int128 months = 0;
  __int128 days = 0;
  __int128 nanos = 0;
  bool any = false;
  bool in_time = false;
  const std::string_view date_units = "YMWD";
  const std::string_view time_units = "HMS";
  std::size_t next_unit = 0;  // units must come in order, each at most once
  while (!c.done()) {
    if (!in_time && c.eat('T')) {
      in_time = true;
      next_unit = 0;
      if (c.done()) return std::nullopt;
      continue;
    }
    __int128 value = 0;
    if (!duration_number(c, value)) return std::nullopt;
    const std::string_view units = in_time ? time_units : date_units;
    const std::size_t unit = units.find(c.peek(), next_unit);
    if (c.done() || unit == std::string_view::npos) return std::nullopt;
    ++c.pos;
    next_unit = unit + 1;
    any = true;
    switch (in_time ? 10 + unit : unit) {
      case 0:
        months += value * 12;
        break;
      case 1:
        months += value;
        break;
      case 2:
        days += value * 7;
        break;
      case 3:
        days += value;
        break;
      case 10:
        nanos += value * 3600;
        break;
      case 11:
        nanos += value * 60;
        break;
      default:
        nanos += value;
    }
  }
  if (!any) return std::nullopt;
  return fold_duration(months, days, nanos);
}

// The alternative form PYYYY-MM-DDTHH:MM:SS[.fff].
std::optional<Duration> parse_alternative_duration(std::string_view text) {
  const std::size_t t = text.find('T');
  if (t == std::string_view::npos) return std::nullopt;
  Cursor date{text.substr(0, t)};
  std::int64_t years = 0;
  std::int64_t months = 0;
  std::int64_t days = 0;
  if (!date.number(4, years) || !date.eat('-') || !date.number(2, months) || !date.eat('-') ||
      !date.number(2, days) || !date.done() || months > 12 || days > 31) {
    return std::nullopt;
  }
  Cursor time{text.substr(t + 1)};
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  if (!time.number(2, hours) || !time.eat(':') || !time.number(2, minutes) || !time.eat(':') ||
      hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  __int128 seconds = 0;
  if (!duration_number(time, seconds) || !time.done() || seconds < 0 ||
      seconds >= __int128{60} * kNanosPerSecond) {
    return std::nullopt;
  }
  return fold_duration(__int128{years * 12 + months} * kNanosPerSecond,
                       __int128{days} * kNanosPerSecond,
                       __int128{hours * 3600 + minutes * 60} * kNanosPerSecond + seconds);
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  return parse_date_text(text);
}

std::optional<LocalTime> LocalTime::parse(std::string_view text) {
  return parse_local_time_text(text);
}

std::optional<Time> Time::parse(std::string_view text) {
  std::string_view time_text;
  std::string_view offset_text;
  if (!split_offset(text, time_text, offset_text)) return std::nullopt;
  const auto local = parse_local_time_text(time_text);
  const auto offset =
      offset_text.empty() ? std::optional<std::int32_t>(0) : parse_offset_text(offset_text);
  if (!local || !offset) return std::nullopt;
  return Time{local->nanos, *offset};
}

std::optional<LocalDateTime> LocalDateTime::parse(std::string_view text) {
  const std::size_t t = text.find_first_of("Tt");
  const auto date = parse_date_text(text.substr(0, t));
  if (!date) return std::nullopt;
  if (t == std::string_view::npos) return LocalDateTime{*date, LocalTime{0}};
  const auto time = parse_local_time_text(text.substr(t + 1));
  if (!time) return std::nullopt;
  return LocalDateTime{*date, *time};
}

std::optional<DateTime> DateTime::parse(std::string_view text) {
  std::string zone;
  if (!text.empty() && text.back() == ']') {
    const std::size_t open = text.rfind('[');
    if (open == std::string_view::npos) return std::nullopt;
    zone = std::string(text.substr(open + 1, text.size() - open - 2));
    if (!valid_zone_name(zone)) return std::nullopt;
    text = text.substr(0, open);
  }
  const std::size_t t = text.find_first_of("Tt");
  const auto date = parse_date_text(text.substr(0, t));
  if (!date) return std::nullopt;
  LocalTime time{0};
  std::string_view offset_text;
  if (t != std::string_view::npos) {
    std::string_view time_text;
    if (!split_offset(text.substr(t + 1), time_text, offset_text)) return std::nullopt;
    const auto parsed = parse_local_time_text(time_text);
    if (!parsed) return std::nullopt;
    time = *parsed;
  }
  if (!zone.empty() && !is_known_zone(zone)) return std::nullopt;
  // A named zone alone: its rules give the offset (and move a time in a DST gap forward).
  if (offset_text.empty() && !zone.empty()) return zoned_from_local({*date, time}, zone);
  const auto offset =
      offset_text.empty() ? std::optional<std::int32_t>(0) : parse_offset_text(offset_text);
  if (!offset) return std::nullopt;
  return DateTime{{*date, time}, *offset, std::move(zone)};
}

std::optional<Duration> Duration::parse(std::string_view text) {
  Cursor c{text};
  const bool negative = c.peek() == '-';
  if (!c.eat('-')) c.eat('+');
  if (!c.eat('P') && !c.eat('p')) return std::nullopt;
  const std::string_view rest = text.substr(c.pos);
  std::optional<Duration> d;
  if (Cursor{rest}.digits_ahead() == 4 && rest.size() > 4 && rest[4] == '-') {
    d = parse_alternative_duration(rest);
  } else {
    d = parse_unit_duration(c);
  }
  if (!d || !negative) return d;
  // -P... negates every part; nanos stay in [0, 1e9).
  Duration n{-d->months, -d->days, -d->seconds, 0};
  if (d->nanos != 0) {
    n.seconds -= 1;
    n.nanos = static_cast<std::int32_t>(kNanosPerSecond - d->nanos);
  }
  return n;
}

}  // namespace kith
