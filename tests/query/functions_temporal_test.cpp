// Temporal functions, fields and arithmetic against known answers from the TCK
// (expressions/temporal).
#include "tests/query/function_test_support.hpp"

namespace kith::query {
namespace {

using TemporalFunctions = FunctionTest;

std::string text(const Value& v) {
  return to_cypher(v);
}

TEST_F(TemporalFunctions, FromMaps) {
  // Temporal1.
  EXPECT_EQ(text(call("date", {Map{{"year", 1984}, {"week", 10}, {"dayOfWeek", 3}}})),
            "1984-03-07");
  EXPECT_EQ(text(call("date", {Map{{"year", 1984}, {"ordinalDay", 202}}})), "1984-07-20");
  EXPECT_EQ(text(call("date", {Map{{"year", 1984}, {"quarter", 3}, {"dayOfQuarter", 45}}})),
            "1984-08-14");
  EXPECT_EQ(text(call("localtime",
                      {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"millisecond", 645}}})),
            "12:31:14.645");
  EXPECT_EQ(text(call("time", {Map{{"hour", 12}, {"timezone", "+01:00"}}})), "12:00+01:00");
  EXPECT_EQ(text(call("datetime",
                      {Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"timezone", "+01:00"}}})),
            "1984-10-11T00:00+01:00");
  EXPECT_EQ(text(call("duration", {Map{{"days", 1.5}}})), "P1DT12H");
  EXPECT_EQ(error_of("date", {Map{{"year", 1984}, {"month", 13}}}),
            "ArgumentError/InvalidArgumentValue");
}

TEST_F(TemporalFunctions, FromStringsAndClock) {
  EXPECT_EQ(call("date", {"2015-07-21"}), Value(*Date::parse("2015-07-21")));
  EXPECT_EQ(text(call("duration", {"P1Y2M3DT4H"})), "P1Y2M3DT4H");
  EXPECT_EQ(error_of("date", {"not a date"}), "ArgumentError/InvalidArgumentValue");
  EXPECT_EQ(text(call("date", {})), "2015-06-24");
  EXPECT_EQ(text(call("datetime", {})), "2015-06-24T12:50:35.556Z");
  EXPECT_TRUE(call("date", {Null{}}).is_null());
  // Temporal1 [11].
  EXPECT_EQ(text(call("datetime.fromepoch", {416779, 999999999})),
            "1970-01-05T19:46:19.999999999Z");
  EXPECT_EQ(text(call("datetime.fromepochmillis", {237821673987})), "1977-07-15T13:34:33.987Z");
}

TEST_F(TemporalFunctions, Fields) {
  // Temporal5 [6] and [7].
  const Value dt = *DateTime::parse("1984-11-11T12:31:14.645876123+01:00[Europe/Stockholm]");
  EXPECT_EQ(property(dt, "week", ctx), Value(45));
  EXPECT_EQ(property(dt, "ordinalDay", ctx), Value(316));
  EXPECT_EQ(property(dt, "weekDay", ctx), Value(7));
  EXPECT_EQ(property(dt, "dayOfQuarter", ctx), Value(42));
  EXPECT_EQ(property(dt, "timezone", ctx), Value("Europe/Stockholm"));
  EXPECT_EQ(property(dt, "offset", ctx), Value("+01:00"));
  EXPECT_EQ(property(dt, "epochMillis", ctx), Value(std::int64_t{469020674645}));
  const Value d = call("duration", {Map{{"years", 1},
                                        {"months", 4},
                                        {"days", 10},
                                        {"hours", 1},
                                        {"minutes", 1},
                                        {"seconds", 1},
                                        {"nanoseconds", 111111111}}});
  EXPECT_EQ(property(d, "quarters", ctx), Value(5));
  EXPECT_EQ(property(d, "minutes", ctx), Value(61));
  EXPECT_EQ(property(d, "milliseconds", ctx), Value(3661111));
  EXPECT_EQ(property(d, "monthsOfYear", ctx), Value(4));
  EXPECT_EQ(property(d, "daysOfWeek", ctx), Value(3));
}

TEST_F(TemporalFunctions, Arithmetic) {
  // Temporal8 [1], [4], [6].
  const Value dur = call("duration", {Map{{"years", 12},
                                          {"months", 5},
                                          {"days", 14},
                                          {"hours", 16},
                                          {"minutes", 12},
                                          {"seconds", 70},
                                          {"nanoseconds", 2}}});
  const Value date = call("date", {Map{{"year", 1984}, {"month", 10}, {"day", 11}}});
  EXPECT_EQ(text(arithmetic(ast::BinaryOp::Add, date, dur)), "1997-03-25");
  EXPECT_EQ(text(arithmetic(ast::BinaryOp::Subtract, date, dur)), "1972-04-27");
  const Value ldt = call("localdatetime", {Map{{"year", 1984},
                                               {"month", 10},
                                               {"day", 11},
                                               {"hour", 12},
                                               {"minute", 31},
                                               {"second", 14},
                                               {"nanosecond", 1}}});
  EXPECT_EQ(text(arithmetic(ast::BinaryOp::Add, ldt, dur)), "1997-03-26T04:44:24.000000003");
  EXPECT_EQ(text(arithmetic(ast::BinaryOp::Subtract, ldt, dur)), "1972-04-26T20:18:03.999999999");
  EXPECT_EQ(text(arithmetic(ast::BinaryOp::Add, dur, dur)), "P24Y10M28DT32H26M20.000000004S");
  EXPECT_EQ(text(arithmetic(ast::BinaryOp::Subtract, dur, dur)), "PT0S");
  // Jan 31 + 1 month clamps to the end of February.
  EXPECT_EQ(
      text(arithmetic(ast::BinaryOp::Add, *Date::parse("2016-01-31"), *Duration::parse("P1M"))),
      "2016-02-29");
}

TEST_F(TemporalFunctions, SelectingFromOtherTemporals) {
  // Temporal3 [3].
  const Value local = call(
      "localtime", {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 645876123}}});
  EXPECT_EQ(text(call("time", {local})), "12:31:14.645876123Z");
  EXPECT_EQ(text(call("time", {Map{{"time", local}, {"second", 42}, {"timezone", "+05:00"}}})),
            "12:31:42.645876123+05:00");
  const Value zoned = call("time", {Map{{"hour", 12},
                                        {"minute", 31},
                                        {"second", 14},
                                        {"microsecond", 645876},
                                        {"timezone", "+01:00"}}});
  EXPECT_EQ(text(call("time", {Map{{"time", zoned}, {"timezone", "+05:00"}}})),
            "16:31:14.645876+05:00");
  EXPECT_EQ(text(call("date", {*DateTime::parse("2015-07-21T21:40:32.142+01:00")})), "2015-07-21");
}

TEST_F(TemporalFunctions, Truncate) {
  // Temporal9.
  const Value d = call("date", {Map{{"year", 1984}, {"month", 2}, {"day", 1}}});
  EXPECT_EQ(text(call("date.truncate", {"weekYear", d, Map{}})), "1984-01-02");
  EXPECT_EQ(text(call("date.truncate", {"weekYear", d, Map{{"day", 5}}})), "1984-01-05");
  const Value d2 = call("date", {Map{{"year", 1984}, {"month", 10}, {"day", 11}}});
  EXPECT_EQ(text(call("date.truncate", {"week", d2, Map{{"dayOfWeek", 2}}})), "1984-10-09");
  EXPECT_EQ(text(call("date.truncate", {"millennium", *Date::parse("2017-10-11")})), "2000-01-01");
  const Value dt = call("datetime", {Map{{"year", 1984},
                                         {"month", 10},
                                         {"day", 11},
                                         {"hour", 12},
                                         {"minute", 31},
                                         {"second", 14},
                                         {"nanosecond", 645876123},
                                         {"timezone", "-01:00"}}});
  EXPECT_EQ(text(call("datetime.truncate", {"hour", dt, Map{{"nanosecond", 2}}})),
            "1984-10-11T12:00:00.000000002-01:00");
  EXPECT_EQ(text(call("datetime.truncate", {"hour", dt, Map{{"timezone", "Europe/Stockholm"}}})),
            "1984-10-11T12:00+01:00[Europe/Stockholm]");
  EXPECT_EQ(text(call("datetime.truncate", {"hour", dt})), "1984-10-11T12:00-01:00");
  EXPECT_EQ(error_of("date.truncate", {"hour", d}), "ArgumentError/InvalidArgumentValue");
}

TEST_F(TemporalFunctions, DurationBetween) {
  // Temporal10 [2].
  const Value date = *Date::parse("1984-10-11");
  const Value ldt = *LocalDateTime::parse("2015-07-21T21:40:32.142");
  const Value dt1 = *DateTime::parse("2014-07-21T21:40:36.143+02:00");
  const Value dt2 = *DateTime::parse("2015-07-21T21:40:32.142+01:00");
  EXPECT_EQ(text(call("duration.between", {date, *Date::parse("2015-06-24")})), "P30Y8M13D");
  EXPECT_EQ(
      text(call("duration.between", {date, *LocalDateTime::parse("2016-07-21T21:45:22.142")})),
      "P31Y9M10DT21H45M22.142S");
  EXPECT_EQ(text(call("duration.between", {ldt, *Date::parse("2015-06-24")})),
            "P-27DT-21H-40M-32.142S");
  EXPECT_EQ(text(call("duration.between", {dt1, *Date::parse("2015-06-24")})),
            "P11M2DT2H19M23.857S");
  EXPECT_EQ(text(call("duration.between", {dt1, dt2})), "P1YT59M55.999S");
  EXPECT_EQ(text(call("duration.between", {*Time::parse("14:30"), *Time::parse("16:30+01:00")})),
            "PT1H");
  EXPECT_EQ(text(call("duration.between", {*LocalTime::parse("14:30"), date})), "PT-14H-30M");
  EXPECT_EQ(text(call("duration.inMonths", {date, *Date::parse("2015-06-24")})), "P30Y8M");
  EXPECT_TRUE(call("duration.between", {Null{}, date}).is_null());
}

}  // namespace
}  // namespace kith::query
