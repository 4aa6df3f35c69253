#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "graph/algorithms.hpp"
#include "tests/graph/algorithm_fixture.hpp"

namespace kith {
namespace {

using Scores = std::map<NodeId, double>;

class BetweennessTest : public testing::AlgorithmTest {
 protected:
  Scores run(const TraversalFilter& f, bool normalized) {
    Scores scores;
    for (const NodeScore& s : betweenness(g, f, normalized))
      scores.emplace(s.node, s.score);
    return scores;
  }
  static void expect_scores(const Scores& actual, const Scores& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (const auto& [node, score] : expected) {
      ASSERT_TRUE(actual.count(node)) << node;
      EXPECT_NEAR(actual.at(node), score, 1e-12) << "node " << node;
    }
  }
};

TEST_F(BetweennessTest, PathCountsThePairsEachInnerNodeSeparates) {
  // 0 -> 1 -> 2 -> 3 -> 4: node 1 lies between 0 and {2, 3, 4}, node 2 between {0, 1} and
  // {3, 4}; undirected, each unordered pair counts once, so the numbers are the same.
  auto n = nodes(5);
  for (int i = 0; i + 1 < 5; ++i)
    rel(n[i], n[i + 1], knows);
  const Scores raw{{0, 0.0}, {1, 3.0}, {2, 4.0}, {3, 3.0}, {4, 0.0}};
  expect_scores(run(filter(Direction::Out), false), raw);
  expect_scores(run(filter(Direction::Both), false), raw);
  // Normalised by (n-1)(n-2) = 12 directed and half that undirected.
  expect_scores(run(filter(Direction::Out), true),
                {{0, 0.0}, {1, 0.25}, {2, 4.0 / 12}, {3, 0.25}, {4, 0.0}});
  expect_scores(run(filter(Direction::Both), true),
                {{0, 0.0}, {1, 0.5}, {2, 4.0 / 6}, {3, 0.5}, {4, 0.0}});
}

TEST_F(BetweennessTest, StarCentreDependsOnDirection) {
  const NodeId centre = node();
  auto leaves = nodes(4);
  rel(leaves[0], centre, knows);
  rel(leaves[1], centre, knows);
  rel(centre, leaves[2], knows);
  rel(centre, leaves[3], knows);
  // Directed, only the 2 x 2 pairs from the in-spokes to the out-spokes pass the centre;
  // undirected, all C(4,2) = 6 leaf pairs do.
  expect_scores(run(filter(Direction::Out), false),
                {{centre, 4.0}, {leaves[0], 0}, {leaves[1], 0}, {leaves[2], 0}, {leaves[3], 0}});
  expect_scores(run(filter(Direction::In), false),
                {{centre, 4.0}, {leaves[0], 0}, {leaves[1], 0}, {leaves[2], 0}, {leaves[3], 0}});
  expect_scores(run(filter(Direction::Both), false),
                {{centre, 6.0}, {leaves[0], 0}, {leaves[1], 0}, {leaves[2], 0}, {leaves[3], 0}});
  expect_scores(run(filter(Direction::Both), true),
                {{centre, 1.0}, {leaves[0], 0}, {leaves[1], 0}, {leaves[2], 0}, {leaves[3], 0}});
  const auto sorted = betweenness(g, filter(Direction::Both));
  EXPECT_EQ(sorted.front().node, centre);
  EXPECT_EQ(sorted[1].node, leaves[0]);  // ties by id
}

// Reference values computed offline with networkx 2.8.8 betweenness_centrality on the
// MultiDiGraph below and on a MultiGraph of the same edges; networkx ignores the parallel 0->1 and
// the self-loop on 2 when counting shortest paths, and so must we.
TEST_F(BetweennessTest, MatchesNetworkxOnAMultigraph) {
  auto n = nodes(6);
  for (auto [a, b] : std::vector<std::pair<int, int>>{
           {0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}, {1, 2}, {0, 1}, {2, 2}, {4, 0}}) {
    rel(n[a], n[b], knows);
  }
  rel(n[5], n[0], manages);  // another type: filtered out below, so node 5 stays isolated
  const NodeId gone = node();
  rel(n[2], gone, knows);
  g.delete_node(gone, /*detach=*/true);

  expect_scores(run(filter(Direction::Out, {knows}), false),
                {{0, 6.0}, {1, 1.5}, {2, 1.5}, {3, 6.0}, {4, 6.0}, {5, 0.0}});
  expect_scores(run(filter(Direction::In, {knows}), false),
                {{0, 6.0}, {1, 1.5}, {2, 1.5}, {3, 6.0}, {4, 6.0}, {5, 0.0}});
  expect_scores(run(filter(Direction::Out, {knows}), true),
                {{0, 0.3}, {1, 0.075}, {2, 0.075}, {3, 0.3}, {4, 0.3}, {5, 0.0}});
  expect_scores(run(filter(Direction::Both, {knows}), false),
                {{0, 1.0}, {1, 1.0 / 3}, {2, 1.0 / 3}, {3, 1.0}, {4, 1.0 / 3}, {5, 0.0}});
  expect_scores(run(filter(Direction::Both, {knows}), true),
                {{0, 0.1}, {1, 0.1 / 3}, {2, 0.1 / 3}, {3, 0.1}, {4, 0.1 / 3}, {5, 0.0}});
}

TEST_F(BetweennessTest, OnlyNodesInTheViewCount) {
  // A path a - b - c - d where c lacks the label: only a and b remain, so nothing is between.
  const NodeId a = node({person});
  const NodeId b = node({person});
  const NodeId c = node({account});
  const NodeId d = node({person});
  rel(a, b, knows);
  rel(b, c, knows);
  rel(c, d, knows);
  expect_scores(run(filter(Direction::Both, {}, {person}), true), {{a, 0}, {b, 0}, {d, 0}});
  expect_scores(run(filter(Direction::Both, {}, {person, account}), false),
                {{a, 0}, {b, 2}, {c, 2}, {d, 0}});
}

}  // namespace
}  // namespace kith
