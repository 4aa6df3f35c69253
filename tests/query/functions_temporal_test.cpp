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

}  // namespace
}  // namespace kith::query
