// Aggregating functions against known answers from the TCK (expressions/aggregation).
#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "query/functions.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

Value aggregate(std::string_view name, const List& rows, bool distinct = false,
                std::optional<Value> second = std::nullopt) {
  auto agg = make_aggregator(name, distinct, false);
  for (const Value& row : rows) {
    if (second) {
      const Value args[] = {row, *second};
      agg->add(args);
    } else {
      agg->add(std::span<const Value>(&row, 1));
    }
  }
  return agg->result();
}

TEST(Aggregates, CountSkipsNullsAndCountStarDoesNot) {
  EXPECT_EQ(aggregate("count", List{1, Null{}, 2}), Value(2));
  auto star = make_aggregator("count", false, true);
  star->add({});
  star->add({});
  EXPECT_EQ(star->result(), Value(2));
  EXPECT_EQ(aggregate("count", List{1, 1.0, 2, Null{}}, true), Value(2));
}

// Nodes are told apart by id in their own set; other values by equivalence, in one order.
TEST(Aggregates, DistinctOverNodesAndOtherValues) {
  const List rows{NodeRef{3}, 1, NodeRef{0}, NodeRef{3}, 1.0, Null{}, RelRef{3}, NodeRef{0}, 2};
  EXPECT_EQ(aggregate("count", rows, true), Value(5));
  EXPECT_EQ(aggregate("collect", rows, true), Value(List{NodeRef{3}, 1, NodeRef{0}, RelRef{3}, 2}));
}

// The projection hands over its argument values and takes the result once: the same answers.
TEST(Aggregates, OwnedArgumentsAndTakenResults) {
  for (bool distinct : {false, true}) {
    auto agg = make_aggregator("collect", distinct, false);
    for (Value v : {Value("a"), Value(Null{}), Value("b"), Value("a")}) {
      agg->add_owned(std::span<Value>(&v, 1));
    }
    EXPECT_EQ(agg->take(), distinct ? Value(List{"a", "b"}) : Value(List{"a", "b", "a"}));
  }
  auto count = make_aggregator("count", true, false);
  Value one(1);
  count->add_owned(std::span<Value>(&one, 1));
  count->add_owned(std::span<Value>(&one, 1));
  EXPECT_EQ(count->take(), Value(1));
}

TEST(Aggregates, MinMaxAcrossTypes) {
  // TCK Aggregation2.
  EXPECT_EQ(aggregate("max", List{1, 2, 0, Null{}, -1}), Value(2));
  EXPECT_EQ(aggregate("min", List{1, 2.0, 5, Null{}, 3.2, 0.1}), Value(0.1));
  EXPECT_EQ(aggregate("max", List{1, 2.0, 5, Null{}, 3.2, 0.1}), Value(5));
  EXPECT_EQ(aggregate("min", List{"a", "b", "B", Null{}, "abc", "abc1"}), Value("B"));
  EXPECT_EQ(aggregate("max", List{List{1}, List{2}, List{2, 1}}), Value(List{2, 1}));
  EXPECT_EQ(aggregate("max", List{1, "a", Null{}, List{1, 2}, 0.2, "b"}), Value(1));
  EXPECT_EQ(aggregate("min", List{1, "a", Null{}, List{1, 2}, 0.2, "b"}), Value(List{1, 2}));
  EXPECT_TRUE(aggregate("min", List{}).is_null());
}

TEST(Aggregates, SumAvg) {
  EXPECT_EQ(aggregate("sum", List{1, 2, Null{}}), Value(3));
  EXPECT_EQ(aggregate("sum", List{1, 2.5}), Value(3.5));
  EXPECT_EQ(aggregate("sum", List{}), Value(0));
  EXPECT_EQ(aggregate("avg", List{1, 2}), Value(1.5));
  EXPECT_TRUE(aggregate("avg", List{}).is_null());
  EXPECT_EQ(aggregate("sum", List{Duration{1, 0, 0, 0}, Duration{0, 2, 0, 0}}),
            Value(Duration{1, 2, 0, 0}));
  EXPECT_THROW(aggregate("sum", List{1, "a"}), QueryError);
  // TCK Aggregation3 [2]: sum over range(1000000, 2000000).
  List big;
  for (std::int64_t i = 1000000; i <= 2000000; ++i)
    big.emplace_back(i);
  EXPECT_EQ(aggregate("sum", big), Value(std::int64_t{1500001500000}));
}

TEST(Aggregates, CollectAndDistinct) {
  EXPECT_EQ(aggregate("collect", List{1, Null{}, 2}), Value(List{1, 2}));
  EXPECT_EQ(aggregate("collect", List{1, 1, 2, 1.0}, true), Value(List{1, 2}));
  EXPECT_EQ(aggregate("collect", List{}), Value(List{}));
}

TEST(Aggregates, StandardDeviation) {
  EXPECT_DOUBLE_EQ(aggregate("stDev", List{2, 4, 4, 4, 5, 5, 7, 9}).as<double>(),
                   std::sqrt(32.0 / 7));
  EXPECT_DOUBLE_EQ(aggregate("stDevP", List{2, 4, 4, 4, 5, 5, 7, 9}).as<double>(), 2.0);
  EXPECT_EQ(aggregate("stDev", List{1}), Value(0.0));
}

TEST(Aggregates, Percentiles) {
  // TCK Aggregation6: prices 10, 20, 30.
  const List prices{10.0, 20.0, 30.0};
  EXPECT_EQ(aggregate("percentileDisc", prices, false, 0.0), Value(10.0));
  EXPECT_EQ(aggregate("percentileDisc", prices, false, 0.5), Value(20.0));
  EXPECT_EQ(aggregate("percentileDisc", prices, false, 1.0), Value(30.0));
  EXPECT_EQ(aggregate("percentileCont", prices, false, 0.0), Value(10.0));
  EXPECT_EQ(aggregate("percentileCont", prices, false, 0.5), Value(20.0));
  EXPECT_EQ(aggregate("percentileCont", prices, false, 1.0), Value(30.0));
  EXPECT_EQ(aggregate("percentileCont", List{10, 20}, false, 0.25), Value(12.5));
  try {
    aggregate("percentileCont", prices, false, 1000);
    ADD_FAILURE() << "no error";
  } catch (const QueryError& e) {
    EXPECT_EQ(e.error_class(), "ArgumentError");
    EXPECT_EQ(e.detail(), "NumberOutOfRange");
  }
  EXPECT_THROW(aggregate("percentileDisc", prices, false, -1), QueryError);
}

TEST(Aggregates, UnknownNameIsAnError) {
  EXPECT_THROW(make_aggregator("median", false, false), QueryError);
  EXPECT_FALSE(is_aggregate("median"));
}

}  // namespace
}  // namespace kith::query
