// Calendar arithmetic and the openCypher/Neo4j string forms of the temporal types.
//
// The day <-> civil date conversion is Howard Hinnant's days_from_civil / civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html): std::chrono::year_month_day only
// covers years -32767..32767, while openCypher dates span years -999,999,999..999,999,999.
#include <cstdlib>
#include <string>

#include "graph/value.hpp"

namespace kith {
namespace {

constexpr std::int64_t kMaxYear = 999'999'999;
constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kNanosPerDay = 86'400 * kNanosPerSecond;

bool is_leap(std::int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int days_in_month(std::int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  return a - floor_div(a, b) * b;
}

void append_padded(std::string& out, std::int64_t value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  out += digits;
}

// The fraction of a second without trailing zeros: 500'000'000 -> ".5"; nothing for 0.
void append_fraction(std::string& out, std::int64_t nanos) {
  if (nanos == 0) return;
  std::string digits;
  append_padded(digits, nanos, 9);
  digits.erase(digits.find_last_not_of('0') + 1);
  out += '.';
  out += digits;
}

void append_local_time(std::string& out, std::int64_t nanos) {
  // A time outside one day can only come from faulty arithmetic; print it wrapped, not garbage.
  nanos = floor_mod(nanos, kNanosPerDay);
  const std::int64_t seconds = nanos / kNanosPerSecond;
  const std::int64_t fraction = nanos % kNanosPerSecond;
  append_padded(out, seconds / 3600, 2);
  out += ':';
  append_padded(out, seconds / 60 % 60, 2);
  if (seconds % 60 != 0 || fraction != 0) {
    out += ':';
    append_padded(out, seconds % 60, 2);
    append_fraction(out, fraction);
  }
}

// "Z" for UTC, else +HH:MM, with :SS only when the offset has seconds (historic zones do).
void append_offset(std::string& out, std::int32_t offset_seconds) {
  if (offset_seconds == 0) {
    out += 'Z';
    return;
  }
  const std::int64_t magnitude = std::llabs(offset_seconds);
  out += offset_seconds < 0 ? '-' : '+';
  append_padded(out, magnitude / 3600, 2);
  out += ':';
  append_padded(out, magnitude / 60 % 60, 2);
  if (magnitude % 60 != 0) {
    out += ':';
    append_padded(out, magnitude % 60, 2);
  }
}

// Reads exactly `count` ASCII digits at text[pos..]; false if any is not a digit.
bool read_digits(std::string_view text, std::size_t pos, std::size_t count, std::int64_t& out) {
  if (pos + count > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<Date> Date::from_ymd(std::int64_t y, int m, int d) {
  if (y < -kMaxYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;                                    // [0, 399]
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return Date{era * 146097 + doe - 719468};
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  // [+|-]YYYY-MM-DD; years beyond four digits need the sign, as ISO 8601 expanded years do.
  std::size_t pos = 0;
  bool negative = false;
  const bool signed_year = !text.empty() && (text[0] == '+' || text[0] == '-');
  if (signed_year) {
    negative = text[0] == '-';
    pos = 1;
  }
  std::size_t year_digits = 0;
  while (pos + year_digits < text.size() && text[pos + year_digits] >= '0' &&
         text[pos + year_digits] <= '9') {
    ++year_digits;
  }
  if (year_digits < 4 || year_digits > 9 || (year_digits > 4 && !signed_year)) {
    return std::nullopt;
  }
  std::int64_t year = 0;
  std::int64_t month = 0;
  std::int64_t day = 0;
  read_digits(text, pos, year_digits, year);
  pos += year_digits;
  if (text.size() != pos + 6 || text[pos] != '-' || text[pos + 3] != '-' ||
      !read_digits(text, pos + 1, 2, month) || !read_digits(text, pos + 4, 2, day)) {
    return std::nullopt;
  }
  return from_ymd(negative ? -year : year, static_cast<int>(month), static_cast<int>(day));
}

void Date::to_ymd(std::int64_t& y, int& m, int& d) const {
  // 128-bit so that any stored day count, however absurd, converts without overflow.
  const __int128 z = static_cast<__int128>(days) + 719468;
  const __int128 era = (z >= 0 ? z : z - 146096) / 146097;
  const __int128 doe = z - era * 146097;                                       // [0, 146096]
  const __int128 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const __int128 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const __int128 mp = (5 * doy + 2) / 153;                                     // [0, 11]
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<std::int64_t>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

std::string Date::to_string() const {
  std::int64_t y = 0;
  int m = 0;
  int d = 0;
  to_ymd(y, m, d);
  std::string out;
  if (y > 9999) {
    out += '+';
    out += std::to_string(y);
  } else if (y < 0) {
    out += '-';
    append_padded(out, -y, 4);
  } else {
    append_padded(out, y, 4);
  }
  out += '-';
  append_padded(out, m, 2);
  out += '-';
  append_padded(out, d, 2);
  return out;
}

std::string LocalTime::to_string() const {
  std::string out;
  append_local_time(out, nanos);
  return out;
}

std::string Time::to_string() const {
  std::string out;
  append_local_time(out, nanos);
  append_offset(out, offset_seconds);
  return out;
}

std::string LocalDateTime::to_string() const {
  return date.to_string() + 'T' + time.to_string();
}

std::string DateTime::to_string() const {
  std::string out = local.to_string();
  append_offset(out, offset_seconds);
  if (!zone.empty()) {
    out += '[';
    out += zone;
    out += ']';
  }
  return out;
}

std::string Duration::to_string() const {
  // Neo4j's rendering: every component carries its own sign, hours and minutes are cut from
  // the seconds, and a negative seconds part is shown as one signed decimal (-3.5S, not -4S
  // plus 0.5S).
  std::int64_t s = seconds + floor_div(nanos, kNanosPerSecond);
  std::int64_t n = floor_mod(nanos, kNanosPerSecond);
  if (months == 0 && days == 0 && s == 0 && n == 0) return "PT0S";
  std::string out = "P";
  auto append = [&out](std::int64_t value, char unit) {
    if (value == 0) return;
    out += std::to_string(value);
    out += unit;
  };
  append(months / 12, 'Y');
  append(months % 12, 'M');
  append(days, 'D');
  if (s != 0 || n != 0) {
    if (s < 0 && n != 0) {
      s += 1;
      n -= kNanosPerSecond;
    }
    out += 'T';
    append(s / 3600, 'H');
    append(s % 3600 / 60, 'M');
    const std::int64_t whole = s % 60;
    if (whole != 0 || n != 0) {
      if (whole == 0 && n < 0) out += '-';
      out += std::to_string(whole);
      append_fraction(out, n < 0 ? -n : n);
      out += 'S';
    }
  }
  return out;
}

}  // namespace kith
