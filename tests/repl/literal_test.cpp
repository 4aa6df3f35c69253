#include "repl/literal.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kith::repl {
namespace {

Value lit(std::string_view text) {
  std::string error;
  auto v = parse_literal(text, &error);
  EXPECT_TRUE(v.has_value()) << text << ": " << error;
  return v ? *v : Value();
}

TEST(Literal, ScalarsAsOpenCypherWritesThem) {
  EXPECT_EQ(lit("null"), Value());
  EXPECT_EQ(lit("TRUE"), Value(true));
  EXPECT_EQ(lit("42"), Value(42));
  EXPECT_EQ(lit("-7"), Value(-7));
  EXPECT_EQ(lit("0x1F"), Value(31));
  EXPECT_EQ(lit("0o17"), Value(15));
  EXPECT_EQ(lit("-9223372036854775808"), Value(std::numeric_limits<std::int64_t>::min()));
  EXPECT_EQ(lit("1.5"), Value(1.5));
  EXPECT_EQ(lit("-2e3"), Value(-2000.0));
  EXPECT_EQ(lit(".5"), Value(0.5));
  EXPECT_EQ(lit("'Wen Li'"), Value("Wen Li"));
  EXPECT_EQ(lit("\"it's\""), Value("it's"));
  EXPECT_EQ(lit("'a\\nb\\u00e9\\''"), Value("a\nb\u00e9'"));
}

TEST(Literal, ListsAndMaps) {
  EXPECT_EQ(lit("[1, 'a', [true]]"), Value(List{Value(1), Value("a"), Value(List{Value(true)})}));
  EXPECT_EQ(lit(" { name: 'x', `first name`: 1, 'q': null } "),
            Value(Map{{"name", Value("x")}, {"first name", Value(1)}, {"q", Value()}}));
  EXPECT_EQ(lit("[]"), Value(List{}));
  EXPECT_EQ(lit("{}"), Value(Map{}));
}

TEST(Literal, ErrorsSayWhere) {
  std::string error;
  EXPECT_FALSE(parse_literal("[1, 2", &error));
  EXPECT_NE(error.find("column 6"), std::string::npos) << error;
  EXPECT_FALSE(parse_literal("'open", &error));
  EXPECT_NE(error.find("unterminated"), std::string::npos) << error;
  EXPECT_FALSE(parse_literal("9223372036854775808", &error));
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;
  EXPECT_FALSE(parse_literal("1 2", &error));
  EXPECT_FALSE(parse_literal("nullx", &error));
  EXPECT_FALSE(parse_literal(std::string(10000, '['), &error)) << "deep nesting is refused";
}

TEST(Literal, CommandLineParametersFallBackToText) {
  EXPECT_EQ(parse_parameter("Wen"), Value("Wen"));
  EXPECT_EQ(parse_parameter("'Wen'"), Value("Wen"));
  EXPECT_EQ(parse_parameter("3"), Value(3));
  EXPECT_EQ(parse_parameter("Wen Li, CTO"), Value("Wen Li, CTO"));
  EXPECT_EQ(parse_parameter(""), Value(""));
}

}  // namespace
}  // namespace kith::repl
