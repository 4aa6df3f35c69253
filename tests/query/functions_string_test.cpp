// String and mathematical functions against known answers from the openCypher TCK and
// Neo4j's manual.
#include <cmath>
#include <numbers>

#include "tests/query/function_test_support.hpp"

namespace kith::query {
namespace {

using StringFunctions = FunctionTest;
using MathFunctions = FunctionTest;

TEST_F(StringFunctions, CaseAndTrim) {
  EXPECT_EQ(call("toUpper", {"hello ñ"}), Value("HELLO Ñ"));
  EXPECT_EQ(call("toLower", {"HELLO"}), Value("hello"));
  EXPECT_EQ(call("trim", {"  hello \t\n"}), Value("hello"));
  EXPECT_EQ(call("lTrim", {"  hello  "}), Value("hello  "));
  EXPECT_EQ(call("rTrim", {"  hello  "}), Value("  hello"));
  EXPECT_TRUE(call("toUpper", {Null{}}).is_null());
  EXPECT_EQ(error_of("toUpper", {42}), "TypeError/InvalidArgumentType");
}

TEST_F(StringFunctions, SubstringLeftRight) {
  // TCK String1: substring('0123456789', 1) is '123456789'.
  EXPECT_EQ(call("substring", {"0123456789", 1}), Value("123456789"));
  EXPECT_EQ(call("substring", {"hello", 1, 3}), Value("ell"));
  EXPECT_EQ(call("substring", {"ñandú", 1, 3}), Value("and"));
  EXPECT_EQ(call("substring", {"hello", 10}), Value(""));
  EXPECT_EQ(error_of("substring", {"hello", -1}), "ArgumentError/NumberOutOfRange");
  EXPECT_EQ(call("left", {"hello", 3}), Value("hel"));
  EXPECT_EQ(call("right", {"hello", 3}), Value("llo"));
  EXPECT_EQ(call("right", {"hello", 30}), Value("hello"));
}

TEST_F(StringFunctions, ReplaceAndSplit) {
  EXPECT_EQ(call("replace", {"hello", "l", "w"}), Value("hewwo"));
  EXPECT_EQ(call("replace", {"abc", "", "-"}), Value("-a-b-c-"));
  // TCK String5: split('one1two', '1').
  EXPECT_EQ(call("split", {"one1two", "1"}), Value(List{"one", "two"}));
  EXPECT_EQ(call("split", {"a,b,", ","}), Value(List{"a", "b", ""}));
  EXPECT_EQ(call("split", {"añ", ""}), Value(List{"a", "ñ"}));
  EXPECT_EQ(call("split", {"a-b_c", List{"-", "_"}}), Value(List{"a", "b", "c"}));
  // A replacement that multiplies a large string is refused, not attempted.
  const std::string big(1 << 20, 'a');
  EXPECT_EQ(error_of("replace", {big, "", std::string(1 << 10, 'b')}),
            "LimitExceeded/StringTooLong");
}

TEST_F(MathFunctions, AbsSignCeilFloor) {
  EXPECT_EQ(call("abs", {-1}), Value(1));  // TCK Mathematical11
  EXPECT_EQ(call("abs", {-1.5}), Value(1.5));
  EXPECT_EQ(call("sign", {-3.2}), Value(-1));
  EXPECT_EQ(call("ceil", {0.1}), Value(1.0));
  EXPECT_EQ(call("floor", {0.9}), Value(0.0));
  EXPECT_EQ(call("sqrt", {12.96}), Value(3.6));  // TCK Mathematical13
  EXPECT_TRUE(call("abs", {Null{}}).is_null());
  EXPECT_EQ(error_of("abs", {"1"}), "TypeError/InvalidArgumentType");
}

TEST_F(MathFunctions, Round) {
  EXPECT_EQ(call("round", {3.141592}), Value(3.0));
  EXPECT_EQ(call("round", {3.141592, 3}), Value(3.142));
  EXPECT_EQ(call("round", {2.675, 2}), Value(2.68));  // decimal, not binary, rounding
  EXPECT_EQ(call("round", {-1.5}), Value(-2.0));      // HALF_UP rounds away from zero
  EXPECT_EQ(call("round", {1.249, 1, "UP"}), Value(1.3));
  EXPECT_EQ(call("round", {-1.249, 1, "CEILING"}), Value(-1.2));
  EXPECT_EQ(call("round", {2.5, 0, "HALF_EVEN"}), Value(2.0));
  EXPECT_EQ(call("round", {1250.0, -2, "HALF_DOWN"}), Value(1200.0));
  EXPECT_EQ(call("round", {999.96, 1}), Value(1000.0));
  EXPECT_EQ(error_of("round", {1.5, 0, "SIDEWAYS"}), "ArgumentError/InvalidArgumentValue");
}

TEST_F(MathFunctions, LogsTrigAndConstants) {
  EXPECT_EQ(call("e", {}), Value(std::numbers::e));
  EXPECT_EQ(call("pi", {}), Value(std::numbers::pi));
  EXPECT_EQ(call("log10", {100}), Value(2.0));
  EXPECT_DOUBLE_EQ(call("exp", {2}).as<double>(), std::exp(2.0));
  EXPECT_DOUBLE_EQ(call("degrees", {std::numbers::pi}).as<double>(), 180.0);
  EXPECT_DOUBLE_EQ(call("haversin", {0.5}).as<double>(), (1 - std::cos(0.5)) / 2);
  EXPECT_DOUBLE_EQ(call("atan2", {0.5, 0.6}).as<double>(), std::atan2(0.5, 0.6));
  const double r = call("rand", {}).as<double>();
  EXPECT_GE(r, 0.0);
  EXPECT_LT(r, 1.0);
}

}  // namespace
}  // namespace kith::query
