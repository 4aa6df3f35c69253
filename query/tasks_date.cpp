#include "query/tasks_date.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

namespace kith::query {

namespace {

std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::optional<std::int64_t> digits(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "3", "a", "three": how many units `in N days` and `N days ago` mean.
std::optional<std::int64_t> count(std::string_view word) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  if (word == "a" || word == "an") return 1;
  for (std::size_t i = 0; i < kWords.size(); ++i) {
    if (word == kWords[i]) return static_cast<std::int64_t>(i);
  }
  return digits(word);
}

// Monday is 0; day 0 of the epoch, 1970-01-01, was a Thursday.
int weekday(Date d) {
  return static_cast<int>(((d.days + 3) % 7 + 7) % 7);
}

int weekday_named(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (word == kDays[i]) return static_cast<int>(i);
  }
  return -1;
}

Date plus_days(Date d, std::int64_t n) {
  return Date{d.days + n};
}

// The same day of the month `n` months on, or the month's last day when it is shorter.
std::optional<Date> plus_months(Date d, std::int64_t n) {
  std::int64_t y = 0;
  int m = 0;
  int day = 0;
  d.to_ymd(y, m, day);
  const std::int64_t months = y * 12 + (m - 1) + n;
  const std::int64_t year = months >= 0 ? months / 12 : (months - 11) / 12;
  const int month = static_cast<int>(months - year * 12) + 1;
  for (int candidate = day; candidate >= 28; --candidate) {
    if (auto date = Date::from_ymd(year, month, candidate)) return date;
  }
  return Date::from_ymd(year, month, day);
}

std::optional<TasksDateRange> month_range(std::int64_t year, int month) {
  const auto first = Date::from_ymd(year, month, 1);
  if (!first) return std::nullopt;
  const auto next = plus_months(*first, 1);
  if (!next) return std::nullopt;
  return TasksDateRange{*first, plus_days(*next, -1)};
}

std::optional<TasksDateRange> months_range(std::int64_t year, int first_month, int months) {
  const auto first = month_range(year, first_month);
  const auto last = month_range(year, first_month + months - 1);
  if (!first || !last) return std::nullopt;
  return TasksDateRange{first->first, last->last};
}

// ISO 8601: week 1 is the week holding the year's first Thursday (so also January 4th).
std::optional<TasksDateRange> iso_week(std::int64_t year, std::int64_t week) {
  const auto jan4 = Date::from_ymd(year, 1, 4);
  if (!jan4 || week < 1) return std::nullopt;
  const Date week1 = plus_days(*jan4, -weekday(*jan4));
  const Date monday = plus_days(week1, (week - 1) * 7);
  // A year has 53 ISO weeks only when week 53's Thursday is still in it.
  std::int64_t y = 0;
  int m = 0;
  int d = 0;
  plus_days(monday, 3).to_ymd(y, m, d);
  if (y != year) return std::nullopt;
  return TasksDateRange{monday, plus_days(monday, 6)};
}

// `last|this|next week|month|quarter|year`.
std::optional<TasksDateRange> relative_range(const std::vector<std::string>& words, Date today) {
  if (words.size() != 2) return std::nullopt;
  int shift = 0;
  if (words[0] == "last") {
    shift = -1;
  } else if (words[0] == "next") {
    shift = 1;
  } else if (words[0] != "this") {
    return std::nullopt;
  }
  std::int64_t y = 0;
  int m = 0;
  int d = 0;
  today.to_ymd(y, m, d);
  if (words[1] == "week") {
    const Date monday = plus_days(today, -weekday(today) + 7 * shift);
    return TasksDateRange{monday, plus_days(monday, 6)};
  }
  if (words[1] == "month") {
    const auto first = plus_months(*Date::from_ymd(y, m, 1), shift);
    if (!first) return std::nullopt;
    first->to_ymd(y, m, d);
    return month_range(y, m);
  }
  if (words[1] == "quarter") {
    const auto first = plus_months(*Date::from_ymd(y, (m - 1) / 3 * 3 + 1, 1), 3 * shift);
    if (!first) return std::nullopt;
    first->to_ymd(y, m, d);
    return months_range(y, m, 3);
  }
  if (words[1] == "year") return months_range(y + shift, 1, 12);
  return std::nullopt;
}

// YYYY-Www, YYYY-MM, YYYY-Qq, YYYY.
std::optional<TasksDateRange> numbered_range(std::string_view word) {
  if (word.size() < 4) return std::nullopt;
  const auto year = digits(word.substr(0, 4));
  if (!year) return std::nullopt;
  if (word.size() == 4) return months_range(*year, 1, 12);
  if (word[4] != '-') return std::nullopt;
  const std::string_view rest = word.substr(5);
  if (rest.size() == 3 && rest[0] == 'w') {
    const auto week = digits(rest.substr(1));
    return week ? iso_week(*year, *week) : std::nullopt;
  }
  if (rest.size() == 2 && rest[0] == 'q') {
    const auto quarter = digits(rest.substr(1));
    if (!quarter || *quarter < 1 || *quarter > 4) return std::nullopt;
    return months_range(*year, static_cast<int>(*quarter - 1) * 3 + 1, 3);
  }
  if (rest.size() == 2) {
    const auto month = digits(rest);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return month_range(*year, static_cast<int>(*month));
  }
  return std::nullopt;
}

std::optional<Date> shifted(Date today, std::int64_t n, std::string_view unit) {
  if (unit.ends_with('s')) unit.remove_suffix(1);
  if (unit == "day") return plus_days(today, n);
  if (unit == "week") return plus_days(today, 7 * n);
  if (unit == "month") return plus_months(today, n);
  if (unit == "year") return plus_months(today, 12 * n);
  return std::nullopt;
}

std::optional<Date> single_date(const std::vector<std::string>& words, Date today) {
  if (words.size() == 1) {
    const std::string& w = words[0];
    if (w == "today") return today;
    if (w == "tomorrow") return plus_days(today, 1);
    if (w == "yesterday") return plus_days(today, -1);
    if (const int day = weekday_named(w); day >= 0) {
      // The nearest such day: three days back at most, three ahead at most.
      int delta = day - weekday(today);
      if (delta > 3) delta -= 7;
      if (delta < -3) delta += 7;
      return plus_days(today, delta);
    }
    return Date::parse_iso(w);
  }
  if (words.size() == 2 && (words[0] == "next" || words[0] == "last")) {
    const int day = weekday_named(words[1]);
    if (day < 0) return std::nullopt;
    int delta = day - weekday(today);
    if (words[0] == "next") return plus_days(today, delta <= 0 ? delta + 7 : delta);
    return plus_days(today, delta >= 0 ? delta - 7 : delta);
  }
  if (words.size() == 3 && words[0] == "in") {
    const auto n = count(words[1]);
    return n ? shifted(today, *n, words[2]) : std::nullopt;
  }
  if (words.size() == 3 && words[2] == "ago") {
    const auto n = count(words[0]);
    return n ? shifted(today, -*n, words[1]) : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<TasksDateRange> parse_tasks_date_range(std::string_view text, Date today) {
  const std::vector<std::string> words = lower_words(text);
  if (words.empty()) return std::nullopt;
  if (words.size() == 2) {
    const auto first = Date::parse_iso(words[0]);
    const auto last = Date::parse_iso(words[1]);
    if (first && last) {
      if (last->days < first->days) return TasksDateRange{*last, *first};
      return TasksDateRange{*first, *last};
    }
  }
  if (auto range = relative_range(words, today)) return range;
  if (words.size() == 1 && words[0].size() != 10) {
    if (auto range = numbered_range(words[0])) return range;
  }
  if (const auto date = single_date(words, today)) return TasksDateRange{*date, *date};
  return std::nullopt;
}

}  // namespace kith::query
