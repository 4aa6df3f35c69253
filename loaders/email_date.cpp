#include "loaders/email_date.hpp"

#include <array>
#include <charconv>

// Hand-written rather than std::get_time or a regex: mail dates come in many loosely
// punctuated shapes, the parser must report where the date ends (a name follows it), and it
// runs on every quoted header of every thread, so it is a single pass over the tokens.

namespace kith::loaders {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string_view without_dot(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
// German Outlook writes "Montag, 2. Februar 2026 10:00".
constexpr std::array<std::string_view, 12> kGermanMonths = {
    "januar", "februar", "märz",      "april",   "mai",      "juni",
    "juli",   "august",  "september", "oktober", "november", "dezember"};
constexpr std::array<std::string_view, 14> kWeekdays = {
    "monday", "tuesday",  "wednesday", "thursday",   "friday",  "saturday", "sunday",
    "montag", "dienstag", "mittwoch",  "donnerstag", "freitag", "samstag",  "sonntag"};

// A full name or a prefix of at least three letters ("Dec", "Sept", "Thurs").
bool names_word(std::string_view word, std::string_view full) {
  if (word.size() < 3 || word.size() > full.size() || lower(word[0]) != full[0]) return false;
  return iequals(word, full.substr(0, word.size()));
}

int month_number(std::string_view word) {
  word = without_dot(word);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (names_word(word, kMonths[i])) return static_cast<int>(i) + 1;
  }
  for (std::size_t i = 0; i < kGermanMonths.size(); ++i) {
    if (names_word(word, kGermanMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool is_weekday(std::string_view word) {
  word = without_dot(word);
  for (auto day : kWeekdays) {
    if (names_word(word, day)) return true;
  }
  return false;
}

bool is_zone_name(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kZones = {
      "GMT", "UTC", "UT",  "Z",    "EST", "EDT", "CST", "CDT", "MST",  "MDT",
      "PST", "PDT", "CET", "CEST", "BST", "IST", "JST", "EET", "EEST", "AEST"};
  for (auto z : kZones) {
    if (word == z) return true;
  }
  return false;
}

// +0100, -05:00, +01
bool is_offset(std::string_view word) {
  if (word.size() < 3 || (word[0] != '+' && word[0] != '-')) return false;
  for (char c : word.substr(1)) {
    if (!is_digit(c) && c != ':') return false;
  }
  return true;
}

struct Parts {
  int year = -1, month = 0, day = 0;
  int hour = -1, minute = 0, second = -1;
  bool zone = false;
  bool complete_date() const { return year >= 0 && month > 0 && day > 0; }
  bool any() const { return year >= 0 || month > 0 || day > 0 || hour >= 0; }
};

int full_year(std::string_view digits) {
  int y = to_int(digits);
  return digits.size() == 2 ? 2000 + y : y;
}

// "12:18", "8:37", "16:02:10", "12:18PM", "12:18:00.000"
bool read_time(std::string_view w, Parts& p, bool& pm, bool& am) {
  std::size_t c1 = w.find(':');
  if (c1 == std::string_view::npos || c1 == 0 || c1 > 2 || !all_digits(w.substr(0, c1))) {
    return false;
  }
  std::size_t i = c1 + 1;
  if (i + 2 > w.size() || !is_digit(w[i]) || !is_digit(w[i + 1])) return false;
  int hour = to_int(w.substr(0, c1));
  int minute = to_int(w.substr(i, 2));
  int second = -1;
  i += 2;
  if (i < w.size() && w[i] == ':') {
    if (i + 3 > w.size() || !is_digit(w[i + 1]) || !is_digit(w[i + 2])) return false;
    second = to_int(w.substr(i + 1, 2));
    i += 3;
    if (i < w.size() && w[i] == '.') {  // fractions of a second
      ++i;
      while (i < w.size() && is_digit(w[i]))
        ++i;
    }
  }
  std::string_view rest = w.substr(i);
  if (!rest.empty()) {
    if (iequals(rest, "pm") || iequals(rest, "p.m.")) {
      pm = true;
    } else if (iequals(rest, "am") || iequals(rest, "a.m.")) {
      am = true;
    } else if (rest == "Z" || is_offset(rest)) {
      p.zone = true;
    } else {
      return false;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  p.hour = hour;
  p.minute = minute;
  p.second = second;
  return true;
}

// "12/12/2025", "2025-12-12", "12.12.2025", "12/12/25", "2025-12-18T16:02:10"
bool read_numeric_date(std::string_view w, Parts& p, bool& pm, bool& am) {
  char sep = 0;
  for (char c : w) {
    if (c == '/' || c == '-' || c == '.') {
      sep = c;
      break;
    }
    if (!is_digit(c)) return false;
  }
  if (sep == 0) return false;
  std::size_t t = w.find('T');
  std::string_view date = w.substr(0, t);
  std::array<std::string_view, 3> f;
  std::size_t start = 0;
  for (int k = 0; k < 3; ++k) {
    std::size_t end = k < 2 ? date.find(sep, start) : date.size();
    if (end == std::string_view::npos) return false;
    f[k] = date.substr(start, end - start);
    if (!all_digits(f[k]) || f[k].size() > 4) return false;
    start = end + 1;
  }
  int year, month, day;
  if (f[0].size() == 4) {
    year = to_int(f[0]);
    month = to_int(f[1]);
    day = to_int(f[2]);
  } else {
    if (f[2].size() != 4 && f[2].size() != 2) return false;
    year = full_year(f[2]);
    int a = to_int(f[0]), b = to_int(f[1]);
    bool day_first = a > 12 || (sep == '.' && b <= 12);
    if (b > 12) day_first = false;
    day = day_first ? a : b;
    month = day_first ? b : a;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (t != std::string_view::npos && !read_time(w.substr(t + 1), p, pm, am)) return false;
  p.year = year;
  p.month = month;
  p.day = day;
  return true;
}

// "12th", "1st", "2nd", "3rd", and the German "2."
int ordinal_day(std::string_view w) {
  if (w.size() >= 2 && w.size() <= 3 && w.back() == '.' && all_digits(w.substr(0, w.size() - 1))) {
    return to_int(w);
  }
  if (w.size() < 3 || w.size() > 4) return 0;
  std::string_view digits = w.substr(0, w.size() - 2);
  std::string_view suffix = w.substr(w.size() - 2);
  if (!all_digits(digits)) return 0;
  if (!iequals(suffix, "st") && !iequals(suffix, "nd") && !iequals(suffix, "rd") &&
      !iequals(suffix, "th")) {
    return 0;
  }
  return to_int(digits);
}

bool is_separator(char c) {
  return c == ' ' || c == ',' || c == '\t';
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

EmailDate parse_email_date(std::string_view text) {
  Parts p;
  bool pm = false, am = false;
  std::size_t consumed = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_separator(text[i]))
      ++i;
    if (i >= text.size()) break;
    std::size_t end = i;
    if (text[i] == '(') {  // "(CET)", "(UTC+01:00)"
      end = text.find(')', i);
      if (end == std::string_view::npos || p.hour < 0 || p.zone) break;
      ++end;
      p.zone = true;
      consumed = i = end;
      continue;
    }
    while (end < text.size() && !is_separator(text[end]))
      ++end;
    std::string_view w = text.substr(i, end - i);
    bool taken = false;
    if (!p.any() && is_weekday(w)) {
      taken = true;
    } else if (int m = month_number(w); m > 0 && p.month == 0) {
      p.month = m;
      taken = true;
    } else if (all_digits(w)) {
      if (w.size() == 4 && p.year < 0 && p.hour < 0) {
        p.year = to_int(w);
        taken = true;
      } else if (w.size() <= 2 && p.day == 0 && p.hour < 0 && to_int(w) >= 1 && to_int(w) <= 31) {
        p.day = to_int(w);
        taken = true;
      } else if (w.size() == 2 && p.year < 0 && p.month > 0 && p.day > 0 && p.hour < 0) {
        p.year = full_year(w);  // "12 Dec 25"
        taken = true;
      }
    } else if (int d = ordinal_day(w); d > 0 && p.day == 0 && d <= 31) {
      p.day = d;
      taken = true;
    } else if (iequals(w, "at") && p.any() && p.hour < 0) {
      taken = true;
    } else if (!p.any() && read_numeric_date(w, p, pm, am)) {
      taken = true;
    } else if (p.hour < 0 && w.find(':') != std::string_view::npos) {
      taken = read_time(w, p, pm, am);
    } else if (p.hour >= 0 && !pm && !am &&
               (iequals(w, "am") || iequals(w, "a.m.") || iequals(w, "pm") || iequals(w, "p.m."))) {
      (lower(w[0]) == 'p' ? pm : am) = true;
      taken = true;
    } else if (p.hour >= 0 && !p.zone && (is_zone_name(w) || is_offset(w))) {
      p.zone = true;
      taken = true;
    }
    if (!taken) break;
    consumed = i = end;
  }

  EmailDate out;
  out.consumed = consumed;
  if (!p.complete_date() || p.day > days_in_month(p.year, p.month)) return out;
  int hour = p.hour;
  if (hour >= 0 && (pm || am)) {
    if (hour > 12) return out;  // "14:00 PM" is not a time
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  // Written by hand: this runs for every message header, and fmt::format was most of its cost.
  char buf[20];
  auto put = [&buf](int at, int value, int width) {
    for (int k = width - 1; k >= 0; --k, value /= 10)
      buf[at + k] = static_cast<char>('0' + value % 10);
  };
  put(0, p.year % 10000, 4);
  buf[4] = '-';
  put(5, p.month, 2);
  buf[7] = '-';
  put(8, p.day, 2);
  std::size_t length = 10;
  if (hour >= 0) {
    buf[10] = 'T';
    put(11, hour, 2);
    buf[13] = ':';
    put(14, p.minute, 2);
    length = 16;
    if (p.second >= 0) {
      buf[16] = ':';
      put(17, p.second, 2);
      length = 19;
    }
  }
  out.iso.assign(buf, length);
  return out;
}

}  // namespace kith::loaders
