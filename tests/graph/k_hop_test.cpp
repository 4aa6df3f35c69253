#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "graph/algorithms.hpp"
#include "tests/graph/algorithm_fixture.hpp"

namespace kith {
namespace {

using Hops = std::vector<Hop>;

// 0 -> 1 -> 3 -> 5
//  \-> 2 -> 4
//      2 -> 3 (a second way to 3, one hop longer)
class KHopTest : public testing::AlgorithmTest {
 protected:
  void SetUp() override {
    n = nodes(6, {person});
    rel(n[0], n[1], knows);
    rel(n[0], n[2], knows);
    rel(n[1], n[3], knows);
    rel(n[2], n[4], knows);
    rel(n[2], n[3], knows);
    rel(n[3], n[5], knows);
  }
  std::vector<NodeId> n;
};

TEST_F(KHopTest, FullBfsGivesDepthsInBfsOrder) {
  EXPECT_EQ(k_hop(g, n[0], -1, filter(Direction::Out)),
            (Hops{{n[0], 0}, {n[1], 1}, {n[2], 1}, {n[3], 2}, {n[4], 2}, {n[5], 3}}));
}

TEST_F(KHopTest, StopsAtMaxDepth) {
  EXPECT_EQ(k_hop(g, n[0], 0, filter(Direction::Out)), (Hops{{n[0], 0}}));
  EXPECT_EQ(k_hop(g, n[0], 1, filter(Direction::Out)), (Hops{{n[0], 0}, {n[1], 1}, {n[2], 1}}));
  EXPECT_EQ(k_hop(g, n[0], 2, filter(Direction::Out)).size(), 5u);
  EXPECT_EQ(k_hop(g, n[0], 10, filter(Direction::Out)).size(), 6u);
}

TEST_F(KHopTest, FollowsTheDirection) {
  EXPECT_EQ(k_hop(g, n[3], -1, filter(Direction::Out)), (Hops{{n[3], 0}, {n[5], 1}}));
  EXPECT_EQ(k_hop(g, n[3], -1, filter(Direction::In)),
            (Hops{{n[3], 0}, {n[1], 1}, {n[2], 1}, {n[0], 2}}));
  EXPECT_EQ(k_hop(g, n[4], 2, filter(Direction::Both)),
            (Hops{{n[4], 0}, {n[2], 1}, {n[3], 2}, {n[0], 2}}));
}

TEST_F(KHopTest, FollowsOnlyTheFiltersTypes) {
  const NodeId boss = node({person});
  rel(boss, n[0], manages);
  EXPECT_EQ(k_hop(g, boss, -1, filter(Direction::Out, {knows})), (Hops{{boss, 0}}));
  EXPECT_EQ(k_hop(g, boss, -1, filter(Direction::Out, {manages})), (Hops{{boss, 0}, {n[0], 1}}));
  EXPECT_EQ(k_hop(g, boss, -1, filter(Direction::Out, {manages, knows})).size(), 7u);
}

TEST_F(KHopTest, DoesNotTraverseNodesWithoutTheLabels) {
  // n[3] loses its label: n[5], reachable only through it, drops out too.
  ASSERT_TRUE(g.remove_label(n[3], person));
  EXPECT_EQ(k_hop(g, n[0], -1, filter(Direction::Out, {}, {person})),
            (Hops{{n[0], 0}, {n[1], 1}, {n[2], 1}, {n[4], 2}}));
  EXPECT_EQ(k_hop(g, n[0], -1, filter(Direction::Out)).size(), 6u);
  // A start outside the view yields nothing.
  EXPECT_EQ(k_hop(g, n[3], -1, filter(Direction::Out, {}, {person})), Hops{});
}

TEST_F(KHopTest, SkipsDeletedRelationshipsAndNodes) {
  const RelId shortcut = rel(n[0], n[5], knows);
  EXPECT_EQ(k_hop(g, n[0], 1, filter(Direction::Out)).size(), 4u);
  ASSERT_TRUE(g.delete_relationship(shortcut));
  EXPECT_EQ(k_hop(g, n[0], 1, filter(Direction::Out)).size(), 3u);
  ASSERT_EQ(g.delete_node(n[2], /*detach=*/true), Graph::DeleteResult::Deleted);
  EXPECT_EQ(k_hop(g, n[0], -1, filter(Direction::Out)),
            (Hops{{n[0], 0}, {n[1], 1}, {n[3], 2}, {n[5], 3}}));
  EXPECT_EQ(k_hop(g, n[2], -1, filter(Direction::Out)), Hops{});
}

TEST_F(KHopTest, VisitsEachNodeOnceDespiteCyclesLoopsAndParallelEdges) {
  rel(n[5], n[0], knows);
  rel(n[1], n[1], knows);
  rel(n[0], n[1], knows);
  const Hops hops = k_hop(g, n[1], -1, filter(Direction::Both));
  EXPECT_EQ(hops.size(), 6u);
  EXPECT_EQ(hops.front(), (Hop{n[1], 0}));
  for (NodeId id : n) {
    EXPECT_EQ(std::count_if(hops.begin(), hops.end(), [&](const Hop& h) { return h.node == id; }),
              1)
        << id;
  }
}

}  // namespace
}  // namespace kith
