// Scalar and list functions against known answers from the openCypher TCK and Neo4j's manual.
#include <cmath>

#include "tests/query/function_test_support.hpp"

namespace kith::query {
namespace {

using ScalarFunctions = FunctionTest;

TEST_F(ScalarFunctions, LookupIsCaseInsensitive) {
  EXPECT_NE(find_function("TOUPPER"), nullptr);
  EXPECT_NE(find_function("datetime.statement"), nullptr);
  EXPECT_EQ(find_function("noSuchFunction"), nullptr);
  EXPECT_EQ(find_function("count"), nullptr);  // an aggregate, not a scalar function
  EXPECT_TRUE(is_aggregate("COUNT"));
  EXPECT_EQ(aggregate_arity("percentileDisc"), 2);
}

TEST_F(ScalarFunctions, CoalesceHeadLastSize) {
  EXPECT_EQ(call("coalesce", {Null{}, Null{}, 3, 4}), Value(3));
  EXPECT_TRUE(call("coalesce", {Null{}}).is_null());
  EXPECT_EQ(call("head", {List{1, 2}}), Value(1));
  EXPECT_TRUE(call("head", {List{}}).is_null());
  EXPECT_EQ(call("last", {List{1, 2}}), Value(2));
  EXPECT_EQ(call("size", {List{1, 2, 3}}), Value(3));
  EXPECT_EQ(call("size", {"ñandú"}), Value(5));  // code points, not bytes
  EXPECT_TRUE(call("size", {Null{}}).is_null());
  EXPECT_EQ(error_of("size", {Path{{1}, {}}}), "TypeError/InvalidArgumentType");
}

TEST_F(ScalarFunctions, GraphAccessors) {
  const SymbolId person = graph.intern_label("Person");
  const SymbolId name = graph.intern_key("name");
  const SymbolId knows = graph.intern_type("KNOWS");
  const NodeId a = graph.create_node(std::vector<SymbolId>{person}, {{name, Value("Ada")}});
  const NodeId b = graph.create_node();
  const RelId r = graph.create_relationship(a, b, knows);
  EXPECT_EQ(call("labels", {NodeRef{a}}), Value(List{"Person"}));
  EXPECT_EQ(call("keys", {NodeRef{a}}), Value(List{"name"}));
  EXPECT_EQ(call("properties", {NodeRef{a}}), Value(Map{{"name", "Ada"}}));
  EXPECT_EQ(call("type", {RelRef{r}}), Value("KNOWS"));
  EXPECT_EQ(call("startNode", {RelRef{r}}), Value(NodeRef{a}));
  EXPECT_EQ(call("endNode", {RelRef{r}}), Value(NodeRef{b}));
  EXPECT_EQ(call("id", {NodeRef{b}}), Value(static_cast<std::int64_t>(b)));
  EXPECT_EQ(call("length", {Path{{a, b}, {r}}}), Value(1));
  EXPECT_EQ(call("nodes", {Path{{a, b}, {r}}}), Value(List{NodeRef{a}, NodeRef{b}}));
  EXPECT_EQ(call("relationships", {Path{{a, b}, {r}}}), Value(List{RelRef{r}}));
  // TCK Graph3 [9], Graph4 [6]: wrong kinds of value are InvalidArgumentValue.
  EXPECT_EQ(error_of("labels", {1}), "TypeError/InvalidArgumentValue");
  EXPECT_EQ(error_of("type", {NodeRef{a}}), "TypeError/InvalidArgumentValue");
  EXPECT_EQ(call("keys", {Map{{"a", Null{}}, {"b", 1}}}), Value(List{"a", "b"}));
}

TEST_F(ScalarFunctions, Timestamp) {
  EXPECT_EQ(call("timestamp", {}), Value(std::int64_t{1435150235556}));
}

TEST_F(ScalarFunctions, ToInteger) {
  // TCK TypeConversion2.
  EXPECT_EQ(call("toInteger", {82.9}), Value(82));
  EXPECT_EQ(call("toInteger", {"1.7"}), Value(1));
  EXPECT_EQ(call("toInteger", {"42"}), Value(42));
  EXPECT_TRUE(call("toInteger", {"foo"}).is_null());
  EXPECT_TRUE(call("toInteger", {""}).is_null());
  EXPECT_EQ(call("toInteger", {true}), Value(1));
  EXPECT_TRUE(call("toInteger", {1e300}).is_null());
  EXPECT_EQ(error_of("toInteger", {List{}}), "TypeError/InvalidArgumentValue");
  EXPECT_TRUE(call("toIntegerOrNull", {List{}}).is_null());
}

TEST_F(ScalarFunctions, ToFloatToBooleanToString) {
  EXPECT_EQ(call("toFloat", {3}), Value(3.0));
  EXPECT_EQ(call("toFloat", {"5"}), Value(5.0));
  EXPECT_TRUE(call("toFloat", {"foo"}).is_null());
  EXPECT_EQ(error_of("toFloat", {true}), "TypeError/InvalidArgumentValue");
  EXPECT_EQ(call("toBoolean", {"true"}), Value(true));
  EXPECT_TRUE(call("toBoolean", {" tru "}).is_null());
  EXPECT_EQ(error_of("toBoolean", {1.0}), "TypeError/InvalidArgumentValue");
  EXPECT_EQ(call("toString", {42}), Value("42"));
  EXPECT_EQ(call("toString", {1.0}), Value("1.0"));
  EXPECT_EQ(call("toString", {false}), Value("false"));
  EXPECT_EQ(call("toString", {Date{0}}), Value("1970-01-01"));
  EXPECT_EQ(error_of("toString", {Map{}}), "TypeError/InvalidArgumentValue");
  EXPECT_TRUE(call("toStringOrNull", {Map{}}).is_null());
  EXPECT_EQ(call("toIntegerList", {List{"1", "x", 2.5}}), Value(List{1, Null{}, 2}));
}

TEST_F(ScalarFunctions, Range) {
  // TCK List11.
  EXPECT_EQ(call("range", {0, 3}), Value(List{0, 1, 2, 3}));
  EXPECT_EQ(call("range", {2, 8, 3}), Value(List{2, 5, 8}));
  EXPECT_EQ(call("range", {-2, -8, -3}), Value(List{-2, -5, -8}));
  EXPECT_EQ(call("range", {0, -1}), Value(List{}));
  EXPECT_EQ(call("range", {1000000, 2000000}).as<List>().size(), 1000001u);
  EXPECT_EQ(error_of("range", {2, 8, 0}), "ArgumentError/NumberOutOfRange");
  EXPECT_EQ(error_of("range", {true, 1, 1}), "ArgumentError/InvalidArgumentType");
  EXPECT_EQ(error_of("range", {0, 1.1, 1}), "ArgumentError/InvalidArgumentType");
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(error_of("range", {-max, max}), "LimitExceeded/RangeTooLarge");
  EXPECT_EQ(call("range", {max - 1, max}), Value(List{max - 1, max}));
}

TEST_F(ScalarFunctions, TailReverse) {
  EXPECT_EQ(call("tail", {List{1, 2, 3}}), Value(List{2, 3}));
  EXPECT_EQ(call("tail", {List{}}), Value(List{}));
  EXPECT_EQ(call("reverse", {List{1, 2, 3}}), Value(List{3, 2, 1}));
  EXPECT_EQ(call("reverse", {"raksO"}), Value("Oskar"));
  EXPECT_EQ(call("reverse", {"añb"}), Value("bña"));
}

}  // namespace
}  // namespace kith::query
