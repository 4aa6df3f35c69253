// The temporal string forms, with the TCK's answers (Temporal2: create temporal values from a
// string; Temporal6: toString then parse gives the value back).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "graph/time_zone.hpp"
#include "graph/value.hpp"

namespace kith {
namespace {

template <class T>
std::string parsed(std::string_view text) {
  const auto v = T::parse(text);
  return v ? v->to_string() : "<invalid>";
}

TEST(TemporalParseTest, Dates) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2015-07-21", "2015-07-21"},
      {"20150721", "2015-07-21"},
      {"2015-07", "2015-07-01"},
      {"201507", "2015-07-01"},
      {"2015-W30-2", "2015-07-21"},
      {"2015W302", "2015-07-21"},
      {"2015-W30", "2015-07-20"},
      {"2015W30", "2015-07-20"},
      {"2015-202", "2015-07-21"},
      {"2015202", "2015-07-21"},
      {"2015", "2015-01-01"},
      {"+999999999-12-31", "+999999999-12-31"},
      {"-0001-03-04", "-0001-03-04"},
      // A signed year takes all its digits, so it can only be followed by dashed parts.
      {"+2015", "2015-01-01"},
      {"+20150721", "+20150721-01-01"},
      // ISO weeks at the turn of the year: 2020 has 53 weeks, 2021-W01 starts in January.
      {"2020-W53-7", "2021-01-03"},
      {"2021-W01-1", "2021-01-04"},
      {"2015-W01-1", "2014-12-29"},
      {"2016-366", "2016-12-31"}};
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(parsed<Date>(text), expected) << text;
  }
  for (const char* bad :
       {"", "201", "2015-", "2015-7-21", "2015-0721", "201507-21", "2015-13", "2015-02-30",
        "2021-W53", "2015-W00", "2015-W30-8", "2015-W302", "2015-366", "2015-000", "+2015-",
        "+2015-0721", "2015-07-21 ", "x2015", "2015-07-21T00:00"}) {
    EXPECT_FALSE(Date::parse(bad)) << bad;
  }
}

TEST(TemporalParseTest, LocalTimes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"21:40:32.142", "21:40:32.142"},
      {"214032.142", "21:40:32.142"},
      {"21:40:32", "21:40:32"},
      {"214032", "21:40:32"},
      {"21:40", "21:40"},
      {"2140", "21:40"},
      {"21", "21:00"},
      {"12:31:14.645876123", "12:31:14.645876123"},
      {"00:00:00,5", "00:00:00.5"}};
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(parsed<LocalTime>(text), expected) << text;
  }
  for (const char* bad : {"", "2", "24:00", "23:60", "23:59:60", "21:4032", "2140:32", "21:40:32.",
                          "21:40:32.1234567890", "21:40.5", "21:40:32Z"}) {
    EXPECT_FALSE(LocalTime::parse(bad)) << bad;
  }
}

TEST(TemporalParseTest, Times) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"21:40:32.142+0100", "21:40:32.142+01:00"},
      {"214032.142Z", "21:40:32.142Z"},
      {"21:40:32+01:00", "21:40:32+01:00"},
      {"214032-0100", "21:40:32-01:00"},
      {"21:40-01:30", "21:40-01:30"},
      {"2140-00:00", "21:40Z"},
      {"2140-02", "21:40-02:00"},
      {"22+18:00", "22:00+18:00"},
      {"12:34:56+02:05:59", "12:34:56+02:05:59"},
      {"21:40", "21:40Z"}};
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(parsed<Time>(text), expected) << text;
  for (const char* bad : {"21:40+18:01", "21:40+19", "21:40+01:", "21:40+1", "21:40+01:0030",
                          "21:40Zulu", "+01:00"}) {
    EXPECT_FALSE(Time::parse(bad)) << bad;
  }
}

TEST(TemporalParseTest, LocalDateTimes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2015-07-21T21:40:32.142", "2015-07-21T21:40:32.142"},
      {"2015-W30-2T214032.142", "2015-07-21T21:40:32.142"},
      {"2015-202T21:40:32", "2015-07-21T21:40:32"},
      {"2015T214032", "2015-01-01T21:40:32"},
      {"20150721T21:40", "2015-07-21T21:40"},
      {"2015-W30T2140", "2015-07-20T21:40"},
      {"2015202T21", "2015-07-21T21:00"},
      {"2015-07-21", "2015-07-21T00:00"}};
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(parsed<LocalDateTime>(text), expected) << text;
  }
  for (const char* bad : {"2015-07-21T", "T21:40", "2015-07-21T21:40Z", "2015-07-21 21:40"}) {
    EXPECT_FALSE(LocalDateTime::parse(bad)) << bad;
  }
}

TEST(TemporalParseTest, DateTimes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2015-07-21T21:40:32.142+0100", "2015-07-21T21:40:32.142+01:00"},
      {"2015-W30-2T214032.142Z", "2015-07-21T21:40:32.142Z"},
      {"2015-202T21:40:32+01:00", "2015-07-21T21:40:32+01:00"},
      {"2015T214032-0100", "2015-01-01T21:40:32-01:00"},
      {"20150721T21:40-01:30", "2015-07-21T21:40-01:30"},
      {"2015-W30T2140-00:00", "2015-07-20T21:40Z"},
      {"2015-W30T2140-02", "2015-07-20T21:40-02:00"},
      {"2015202T21+18:00", "2015-07-21T21:00+18:00"},
      {"2015-07-21T21:40:32.142+02:00[Europe/Stockholm]",
       "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]"},
      {"2015-07-21T21:40:32.142+0845[Australia/Eucla]",
       "2015-07-21T21:40:32.142+08:45[Australia/Eucla]"},
      {"2015-07-21T21:40:32.142-04[America/New_York]",
       "2015-07-21T21:40:32.142-04:00[America/New_York]"},
      {"2015-07-21T21:40", "2015-07-21T21:40Z"},
      {"-0001-01-01T00:00Z", "-0001-01-01T00:00Z"}};
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(parsed<DateTime>(text), expected) << text;
  }
  // A named zone alone takes its offset from the tz database (more in time_zone_test.cpp).
  if (is_known_zone("Europe/London")) {
    EXPECT_EQ(parsed<DateTime>("2015-07-21T21:40:32.142[Europe/London]"),
              "2015-07-21T21:40:32.142+01:00[Europe/London]");
  }
  for (const char* bad :
       {"2015-07-21T21:40+01:00[", "2015-07-21T21:40+01:00[]",
        "2015-07-21T21:40+01:00[Europe London]", "2015-07-21T21:40+01:00]", "2015-07-21T+01:00"}) {
    EXPECT_FALSE(DateTime::parse(bad)) << bad;
  }
}

TEST(TemporalParseTest, Durations) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"P14DT16H12M", "P14DT16H12M"},
      {"P5M1.5D", "P5M1DT12H"},
      {"P0.75M", "P22DT19H51M49.5S"},
      {"PT0.75M", "PT45S"},
      {"P2.5W", "P17DT12H"},
      {"P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S"},
      {"P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S"},
      {"P1.5Y", "P1Y6M"},
      {"PT0S", "PT0S"},
      {"PT-1.5S", "PT-1.5S"},
      {"-P1DT1S", "P-1DT-1S"},
      {"P100Y-1M", "P99Y11M"}};
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(parsed<Duration>(text), expected) << text;
  }
  for (const char* bad :
       {"", "P", "PT", "P1DT", "1D", "P1H", "PT1D", "P1M1Y", "P1D1D", "P1.D", "P1.1234567890S",
        "PT1S2", "P2012-02-02", "P2012-13-02T00:00:00", "P99999999999999999999Y"}) {
    EXPECT_FALSE(Duration::parse(bad)) << bad;
  }
}

// Temporal6: every value reads back from the string it prints as.
TEST(TemporalParseTest, ToStringRoundTrips) {
  for (const char* text :
       {"P12Y5M14DT16H13M10.000000001S", "P12Y5M-14DT16H", "PT11M", "PT1.999S", "PT-1.999S",
        "PT-2.001S", "P1DT0.001S", "P1DT-0.001S", "PT59.999S", "PT-59.999S", "PT-1M-0.001S",
        "P-6M-15DT-17H-45M-3.500000002S", "P-12Y-4M-28DT-24M-0.000000001S"}) {
    const auto d = Duration::parse(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(d->to_string(), text);
  }
  const auto dt = DateTime::parse("1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]");
  ASSERT_TRUE(dt);
  EXPECT_EQ(dt->offset_seconds, 53 * 60 + 28);
  EXPECT_EQ(dt->zone, "Europe/Stockholm");
  EXPECT_EQ(DateTime::parse(dt->to_string()), dt);
  const auto t = Time::parse("12:31:14.645876123+01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(Time::parse(t->to_string()), t);
}

template <class T>
void expect_round_trip(std::string_view text) {
  const auto v = T::parse(text);
  if (!v) return;
  const auto again = T::parse(v->to_string());
  ASSERT_TRUE(again) << text << " printed as " << v->to_string();
  EXPECT_EQ(*again, *v) << text << " printed as " << v->to_string();
}

// Random strings over the characters these formats use: no input may crash (the sanitizers
// watch), and whatever parses must print as a string that parses back to the same value.
TEST(TemporalParseTest, RandomInputNeverCrashesAndParsedValuesRoundTrip) {
  static constexpr std::string_view kAlphabet = "0123456789012345678901234567890-+:.,TWZPYMDHS[]/E";
  std::mt19937 random(20251121);
  std::uniform_int_distribution<std::size_t> length(0, 28);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  const std::vector<std::string> seeds = {"2015-07-21T21:40:32.142+01:00", "P1Y2M3W4DT5H6M7.5S",
                                          "2015-W30-2T2140", "-P0.75M", "21:40:32,5-02:30"};
  for (int i = 0; i < 60'000; ++i) {
    std::string text;
    if (i % 3 == 0) {
      // Mutations of well-formed strings reach deeper than pure noise.
      text = seeds[static_cast<std::size_t>(i) % seeds.size()];
      for (int k = 0; k < 3; ++k)
        text[random() % text.size()] = kAlphabet[pick(random)];
    } else {
      for (std::size_t n = length(random); n > 0; --n)
        text += kAlphabet[pick(random)];
    }
    expect_round_trip<Date>(text);
    expect_round_trip<LocalTime>(text);
    expect_round_trip<Time>(text);
    expect_round_trip<LocalDateTime>(text);
    expect_round_trip<DateTime>(text);
    expect_round_trip<Duration>(text);
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace kith
