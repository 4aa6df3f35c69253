#include <gtest/gtest.h>

#include <vector>

#include "graph/algorithms.hpp"
#include "tests/graph/algorithm_fixture.hpp"

namespace kith {
namespace {

using Components = std::vector<Component>;
using ComponentsTest = testing::AlgorithmTest;

TEST_F(ComponentsTest, GroupsNodesJoinedEitherWayUnderTheSmallestId) {
  // {0, 2, 4} via 4 -> 2 <- 0, {1, 3} via 3 -> 1, {5} alone.
  auto n = nodes(6);
  rel(n[4], n[2], knows);
  rel(n[0], n[2], knows);
  rel(n[3], n[1], knows);
  rel(n[5], n[5], knows);
  const Components expected{{0, 0}, {1, 1}, {2, 0}, {3, 1}, {4, 0}, {5, 5}};
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::Out)), expected);
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::In)), expected);
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::Both)), expected);
}

TEST_F(ComponentsTest, FollowsTheFilter) {
  auto n = nodes(4, {person});
  rel(n[0], n[1], knows);
  rel(n[1], n[2], manages);
  rel(n[2], n[3], knows);
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::Out, {knows})),
            (Components{{0, 0}, {1, 0}, {2, 2}, {3, 2}}));
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::Out)),
            (Components{{0, 0}, {1, 0}, {2, 0}, {3, 0}}));

  // Node 1 loses its label: it leaves the view and no longer joins 0 to 2.
  g.remove_label(n[1], person);
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::Out, {}, {person})),
            (Components{{0, 0}, {2, 2}, {3, 2}}));
}

TEST_F(ComponentsTest, DeletionsSplitComponents) {
  auto n = nodes(5);
  rel(n[0], n[1], knows);
  const RelId bridge = rel(n[1], n[2], knows);
  rel(n[2], n[3], knows);
  rel(n[3], n[4], knows);
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::Both)),
            (Components{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}}));
  g.delete_relationship(bridge);
  g.delete_node(n[3], /*detach=*/true);
  EXPECT_EQ(weakly_connected_components(g, filter(Direction::Both)),
            (Components{{0, 0}, {1, 0}, {2, 2}, {4, 4}}));
}

}  // namespace
}  // namespace kith
