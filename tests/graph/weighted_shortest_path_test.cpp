#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "graph/algorithms.hpp"
#include "tests/graph/algorithm_fixture.hpp"

namespace kith {
namespace {

// 0 -(1)-> 1 -(1)-> 2 -(1)-> 3 and a direct 0 -(5)-> 3: fewer hops, higher cost.
class WeightedShortestPathTest : public testing::AlgorithmTest {
 protected:
  void SetUp() override {
    n = nodes(5);
    r01 = rel(n[0], n[1], knows, {{weight, Value(1)}});
    r12 = rel(n[1], n[2], knows, {{weight, Value(1.0)}});
    r23 = rel(n[2], n[3], knows, {{weight, Value(1)}});
    r03 = rel(n[0], n[3], knows, {{weight, Value(5.5)}});
  }
  std::vector<NodeId> n;
  RelId r01 = 0, r12 = 0, r23 = 0, r03 = 0;
};

TEST_F(WeightedShortestPathTest, PrefersTheCheaperLongerPath) {
  const auto result = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path, (Path{{n[0], n[1], n[2], n[3]}, {r01, r12, r23}}));
  EXPECT_DOUBLE_EQ(result->cost, 3.0);

  g.set_rel_property(r12, weight, Value(4));
  const auto direct = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight);
  ASSERT_TRUE(direct);
  EXPECT_EQ(direct->path, (Path{{n[0], n[3]}, {r03}}));
  EXPECT_DOUBLE_EQ(direct->cost, 5.5);
}

TEST_F(WeightedShortestPathTest, MissingOrNonNumericWeightsUseTheDefault) {
  const SymbolId cost = g.intern_key("cost");
  // No relationship has `cost`: every step weighs the default, so the direct hop wins.
  auto result = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), cost, 2.5);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path, (Path{{n[0], n[3]}, {r03}}));
  EXPECT_DOUBLE_EQ(result->cost, 2.5);

  g.set_rel_property(r03, weight, Value("heavy"));  // not a number: weighs the default
  result = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight, 10.0);
  ASSERT_TRUE(result);
  EXPECT_DOUBLE_EQ(result->cost, 3.0);
  result = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight, 2.0);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path, (Path{{n[0], n[3]}, {r03}}));
  EXPECT_DOUBLE_EQ(result->cost, 2.0);
}

TEST_F(WeightedShortestPathTest, NegativeWeightsCountAsZeroAndInfinityBlocks) {
  g.set_rel_property(r03, weight, Value(-4));
  auto result = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path.rels, std::vector<RelId>{r03});
  EXPECT_DOUBLE_EQ(result->cost, 0.0);

  g.set_rel_property(r03, weight, Value(std::numeric_limits<double>::infinity()));
  g.set_rel_property(r12, weight, Value(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight));
}

TEST_F(WeightedShortestPathTest, TakesTheCheapestOfParallelRelationships) {
  const RelId cheap = rel(n[0], n[3], manages, {{weight, Value(0.5)}});
  auto result = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path, (Path{{n[0], n[3]}, {cheap}}));
  EXPECT_DOUBLE_EQ(result->cost, 0.5);
  // Only KNOWS: the parallel MANAGES relationship is not in the view.
  result = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out, {knows}), weight);
  ASSERT_TRUE(result);
  EXPECT_DOUBLE_EQ(result->cost, 3.0);
}

TEST_F(WeightedShortestPathTest, FollowsTheDirection) {
  EXPECT_FALSE(weighted_shortest_path(g, n[3], n[0], filter(Direction::Out), weight));
  auto result = weighted_shortest_path(g, n[3], n[0], filter(Direction::In), weight);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path, (Path{{n[3], n[2], n[1], n[0]}, {r23, r12, r01}}));
  EXPECT_DOUBLE_EQ(result->cost, 3.0);

  // Both ways from 1 to 3: back over 0 and then the direct arrow costs 6.5, on along the chain
  // costs 2. A zero-weight self-loop changes nothing.
  rel(n[1], n[1], knows, {{weight, Value(0)}});
  result = weighted_shortest_path(g, n[1], n[3], filter(Direction::Both), weight);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path, (Path{{n[1], n[2], n[3]}, {r12, r23}}));
  result = weighted_shortest_path(g, n[3], n[1], filter(Direction::Both), weight);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->path, (Path{{n[3], n[2], n[1]}, {r23, r12}}));
  EXPECT_DOUBLE_EQ(result->cost, 2.0);
}

TEST_F(WeightedShortestPathTest, UnreachableAndTrivialCases) {
  EXPECT_FALSE(weighted_shortest_path(g, n[0], n[4], filter(Direction::Both), weight));
  EXPECT_FALSE(weighted_shortest_path(g, n[0], 1000, filter(Direction::Both), weight));
  const auto same = weighted_shortest_path(g, n[2], n[2], filter(Direction::Out), weight);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->path, (Path{{n[2]}, {}}));
  EXPECT_EQ(same->cost, 0.0);
  ASSERT_EQ(g.delete_node(n[2], /*detach=*/true), Graph::DeleteResult::Deleted);
  const auto around = weighted_shortest_path(g, n[0], n[3], filter(Direction::Out), weight);
  ASSERT_TRUE(around);
  EXPECT_EQ(around->path.rels, std::vector<RelId>{r03});
}

}  // namespace
}  // namespace kith
