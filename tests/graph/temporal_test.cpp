// Calendar conversion, ISO date parsing and the string forms the TCK expects
// (expressions/temporal: Temporal6 and the results of Temporal1-10).
#include <gtest/gtest.h>

#include <cstdint>

#include "graph/value.hpp"

namespace kith {
namespace {

constexpr std::int64_t kNs = 1'000'000'000;

std::int64_t hms(std::int64_t h, std::int64_t m, std::int64_t s, std::int64_t ns = 0) {
  return ((h * 60 + m) * 60 + s) * kNs + ns;
}

TEST(DateTest, DaysSinceEpoch) {
  EXPECT_EQ(Date::from_ymd(1970, 1, 1)->days, 0);
  EXPECT_EQ(Date::from_ymd(1970, 1, 2)->days, 1);
  EXPECT_EQ(Date::from_ymd(1969, 12, 31)->days, -1);
  EXPECT_EQ(Date::from_ymd(2000, 3, 1)->days, 11017);
  EXPECT_EQ(Date::from_ymd(1984, 10, 11)->days, 5397);
  EXPECT_EQ(Date::from_ymd(0, 1, 1)->days, -719528);
}

TEST(DateTest, RejectsInvalidDays) {
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2023, 2, 29));
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2023, 4, 31));
  EXPECT_FALSE(Date::from_ymd(2023, 13, 1));
  EXPECT_FALSE(Date::from_ymd(2023, 0, 1));
  EXPECT_FALSE(Date::from_ymd(2023, 1, 0));
  EXPECT_FALSE(Date::from_ymd(1'000'000'000, 1, 1));
  EXPECT_TRUE(Date::from_ymd(999'999'999, 12, 31));
  EXPECT_TRUE(Date::from_ymd(-999'999'999, 1, 1));
}

TEST(DateTest, YmdRoundTripsOverFourHundredYearsAndExtremes) {
  const std::int64_t start = Date::from_ymd(1899, 12, 25)->days;
  for (std::int64_t days = start; days < start + 146'097 + 10; ++days) {
    std::int64_t y = 0;
    int m = 0;
    int d = 0;
    Date{days}.to_ymd(y, m, d);
    const auto back = Date::from_ymd(y, m, d);
    ASSERT_TRUE(back) << days;
    ASSERT_EQ(back->days, days);
  }
  for (auto [y, m, d] : {std::tuple{std::int64_t{999'999'999}, 12, 31},
                         std::tuple{std::int64_t{-999'999'999}, 1, 1}}) {
    std::int64_t yy = 0;
    int mm = 0;
    int dd = 0;
    Date::from_ymd(y, m, d)->to_ymd(yy, mm, dd);
    EXPECT_EQ(std::tuple(yy, mm, dd), std::tuple(y, m, d));
  }
}

TEST(DateTest, ToString) {
  EXPECT_EQ(Date::from_ymd(1984, 10, 11)->to_string(), "1984-10-11");
  EXPECT_EQ(Date::from_ymd(28, 11, 11)->to_string(), "0028-11-11");
  EXPECT_EQ(Date::from_ymd(999'999'999, 12, 31)->to_string(), "+999999999-12-31");
  EXPECT_EQ(Date::from_ymd(-999'999'999, 1, 1)->to_string(), "-999999999-01-01");
  EXPECT_EQ(Date::from_ymd(-1, 3, 4)->to_string(), "-0001-03-04");
  EXPECT_EQ(Date::from_ymd(10'000, 1, 1)->to_string(), "+10000-01-01");
}

TEST(DateTest, ParseIso) {
  EXPECT_EQ(Date::parse_iso("2015-07-21"), Date::from_ymd(2015, 7, 21));
  EXPECT_EQ(Date::parse_iso("0028-11-11"), Date::from_ymd(28, 11, 11));
  EXPECT_EQ(Date::parse_iso("+999999999-12-31"), Date::from_ymd(999'999'999, 12, 31));
  EXPECT_EQ(Date::parse_iso("-0001-03-04"), Date::from_ymd(-1, 3, 4));
  for (const char* bad :
       {"", "2015", "2015-7-21", "2015-07-21T10:00", " 2015-07-21", "2015-02-30", "2015-13-01",
        "20150721", "12015-07-21", "2015/07/21", "2015-07-2x", "+1234567890-01-01", "-", "+"}) {
    EXPECT_FALSE(Date::parse_iso(bad)) << bad;
  }
  for (const char* text : {"1984-10-11", "+999999999-12-31", "-0001-03-04", "2000-02-29"}) {
    EXPECT_EQ(Date::parse_iso(text)->to_string(), text);
  }
}

TEST(LocalTimeTest, ToStringDropsZeroSecondsAndTrailingZeros) {
  EXPECT_EQ(LocalTime{hms(12, 31, 14, 645876123)}.to_string(), "12:31:14.645876123");
  EXPECT_EQ(LocalTime{hms(12, 31, 14, 645000000)}.to_string(), "12:31:14.645");
  EXPECT_EQ(LocalTime{hms(12, 31, 14, 645876000)}.to_string(), "12:31:14.645876");
  EXPECT_EQ(LocalTime{hms(12, 34, 54, 300000000)}.to_string(), "12:34:54.3");
  EXPECT_EQ(LocalTime{hms(0, 0, 0, 2)}.to_string(), "00:00:00.000000002");
  EXPECT_EQ(LocalTime{hms(12, 31, 14)}.to_string(), "12:31:14");
  EXPECT_EQ(LocalTime{hms(12, 0, 0)}.to_string(), "12:00");
  EXPECT_EQ(LocalTime{hms(0, 0, 0)}.to_string(), "00:00");
  EXPECT_EQ(LocalTime{hms(23, 59, 59, 999999999)}.to_string(), "23:59:59.999999999");
}

TEST(TimeTest, ToStringWithOffsets) {
  EXPECT_EQ((Time{hms(12, 31, 14, 645876123), 3600}).to_string(), "12:31:14.645876123+01:00");
  EXPECT_EQ((Time{hms(12, 0, 0), 0}).to_string(), "12:00Z");
  EXPECT_EQ((Time{hms(12, 0, 0), -3600}).to_string(), "12:00-01:00");
  EXPECT_EQ((Time{hms(12, 34, 56), 2 * 3600 + 5 * 60 + 59}).to_string(), "12:34:56+02:05:59");
  EXPECT_EQ((Time{hms(12, 34, 56), -(2 * 3600 + 5 * 60 + 7)}).to_string(), "12:34:56-02:05:07");
}

TEST(DateTimeTest, ToString) {
  const Date d = *Date::from_ymd(1984, 10, 11);
  EXPECT_EQ((LocalDateTime{d, LocalTime{hms(12, 31, 14, 645876123)}}).to_string(),
            "1984-10-11T12:31:14.645876123");
  EXPECT_EQ((LocalDateTime{*Date::from_ymd(1816, 1, 1), LocalTime{0}}).to_string(),
            "1816-01-01T00:00");
  EXPECT_EQ((DateTime{{d, LocalTime{hms(12, 31, 14, 645876123)}}, 3600, ""}).to_string(),
            "1984-10-11T12:31:14.645876123+01:00");
  EXPECT_EQ((DateTime{{*Date::from_ymd(2017, 8, 8), LocalTime{hms(12, 31, 14, 645876123)}},
                      7200,
                      "Europe/Stockholm"})
                .to_string(),
            "2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]");
  EXPECT_EQ((DateTime{{*Date::from_ymd(1818, 7, 21), LocalTime{hms(21, 40, 32, 142000000)}},
                      53 * 60 + 28,
                      "Europe/Stockholm"})
                .to_string(),
            "1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]");
  EXPECT_EQ((DateTime{{*Date::from_ymd(1816, 1, 1), LocalTime{0}}, 0, ""}).to_string(),
            "1816-01-01T00:00Z");
  EXPECT_EQ((DateTime{{*Date::from_ymd(2015, 1, 21), LocalTime{hms(21, 40, 32, 142000000)}},
                      0,
                      "Europe/London"})
                .to_string(),
            "2015-01-21T21:40:32.142Z[Europe/London]");
}

// A duration built the way duration({...}) builds one: months, days, and seconds + nanos
// with the nanos folded into [0, 1e9).
Duration duration(std::int64_t months, std::int64_t days, std::int64_t seconds,
                  std::int64_t nanos = 0) {
  std::int64_t total = seconds * kNs + nanos;
  std::int64_t s = total / kNs;
  std::int64_t n = total % kNs;
  if (n < 0) {
    n += kNs;
    s -= 1;
  }
  return Duration{months, days, s, static_cast<std::int32_t>(n)};
}

// Temporal6 [6] and the durations in Temporal8 and Temporal10.
TEST(DurationTest, ToStringAsNeo4jPrintsIt) {
  EXPECT_EQ(duration(12 * 12 + 5, 14, 16 * 3600 + 12 * 60 + 70, 1).to_string(),
            "P12Y5M14DT16H13M10.000000001S");
  EXPECT_EQ(duration(12 * 12 + 5, -14, 16 * 3600).to_string(), "P12Y5M-14DT16H");
  EXPECT_EQ(duration(0, 0, 12 * 60 - 60).to_string(), "PT11M");
  EXPECT_EQ(duration(0, 0, 2, -1'000'000).to_string(), "PT1.999S");
  EXPECT_EQ(duration(0, 0, -2, 1'000'000).to_string(), "PT-1.999S");
  EXPECT_EQ(duration(0, 0, -2, -1'000'000).to_string(), "PT-2.001S");
  EXPECT_EQ(duration(0, 1, 0, 1'000'000).to_string(), "P1DT0.001S");
  EXPECT_EQ(duration(0, 1, 0, -1'000'000).to_string(), "P1DT-0.001S");
  EXPECT_EQ(duration(0, 0, 60, -1'000'000).to_string(), "PT59.999S");
  EXPECT_EQ(duration(0, 0, -60, 1'000'000).to_string(), "PT-59.999S");
  EXPECT_EQ(duration(0, 0, -60, -1'000'000).to_string(), "PT-1M-0.001S");
  EXPECT_EQ(duration(0, 0, 0).to_string(), "PT0S");
  EXPECT_EQ(duration(-6, -15, -(17 * 3600 + 45 * 60 + 3), -500'000'002).to_string(),
            "P-6M-15DT-17H-45M-3.500000002S");
  EXPECT_EQ(duration(-(12 * 12 + 4), -28, -24 * 60, -1).to_string(),
            "P-12Y-4M-28DT-24M-0.000000001S");
  EXPECT_EQ(duration(-(1 * 12 + 11), 0, 0).to_string(), "P-1Y-11M");
  EXPECT_EQ(duration(0, 365, 0).to_string(), "P365D");
  EXPECT_EQ(duration(12, 0, 4 * 60 + 50).to_string(), "P1YT4M50S");
  EXPECT_EQ(duration(0, 0, -(669 * 3600 + 40 * 60 + 32), -142'000'000).to_string(),
            "PT-669H-40M-32.142S");
  EXPECT_EQ(duration(2, -28, 31 * 3600 + 38 * 60 + 20).to_string(), "P2M-28DT31H38M20S");
}

}  // namespace
}  // namespace kith
