#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "graph/algorithms.hpp"
#include "tests/graph/algorithm_fixture.hpp"

namespace kith {
namespace {

using ShortestPathTest = testing::AlgorithmTest;

// True if `path` is a walk of g under the filter: each relationship joins its two nodes in the
// filter's direction and has one of its types, and every node carries one of its labels.
bool is_walk(const Graph& g, const Path& path, const TraversalFilter& f) {
  if (path.nodes.size() != path.rels.size() + 1) return false;
  auto labelled = [&](NodeId v) {
    if (f.labels.empty()) return true;
    return std::any_of(f.labels.begin(), f.labels.end(),
                       [&](SymbolId label) { return g.has_label(v, label); });
  };
  for (std::size_t i = 0; i < path.rels.size(); ++i) {
    const RelId r = path.rels[i];
    const NodeId a = path.nodes[i];
    const NodeId b = path.nodes[i + 1];
    if (!g.relationship_exists(r) || !labelled(a) || !labelled(b)) return false;
    if (!f.types.empty() &&
        std::find(f.types.begin(), f.types.end(), g.rel_type(r)) == f.types.end()) {
      return false;
    }
    const bool forward = g.source(r) == a && g.target(r) == b;
    const bool backward = g.source(r) == b && g.target(r) == a;
    if (f.direction == Direction::Out && !forward) return false;
    if (f.direction == Direction::In && !backward) return false;
    if (!forward && !backward) return false;
  }
  return true;
}

// The order all_shortest_paths promises: step by step, the node reached, then the relationship.
std::vector<std::pair<NodeId, RelId>> steps(const Path& path) {
  std::vector<std::pair<NodeId, RelId>> out;
  for (std::size_t i = 0; i < path.rels.size(); ++i)
    out.emplace_back(path.nodes[i + 1], path.rels[i]);
  return out;
}

TEST_F(ShortestPathTest, FindsTheFewestHopsPath) {
  auto n = nodes(5);
  const RelId r01 = rel(n[0], n[1], knows);
  const RelId r12 = rel(n[1], n[2], knows);
  const RelId r23 = rel(n[2], n[3], knows);
  rel(n[0], n[4], knows);
  rel(n[4], n[2], manages);
  const RelId shortcut = rel(n[1], n[3], knows);
  auto path = shortest_path(g, n[0], n[3], filter(Direction::Out));
  ASSERT_TRUE(path);
  EXPECT_EQ(*path, (Path{{n[0], n[1], n[3]}, {r01, shortcut}}));

  ASSERT_TRUE(g.delete_relationship(shortcut));
  path = shortest_path(g, n[0], n[3], filter(Direction::Out, {knows}));
  ASSERT_TRUE(path);
  EXPECT_EQ(*path, (Path{{n[0], n[1], n[2], n[3]}, {r01, r12, r23}}));
}

TEST_F(ShortestPathTest, RespectsDirection) {
  auto n = nodes(3);
  const RelId r01 = rel(n[0], n[1], knows);
  const RelId r21 = rel(n[2], n[1], knows);
  EXPECT_FALSE(shortest_path(g, n[0], n[2], filter(Direction::Out)));
  EXPECT_FALSE(shortest_path(g, n[0], n[2], filter(Direction::In)));
  EXPECT_EQ(shortest_path(g, n[1], n[0], filter(Direction::In)), (Path{{n[1], n[0]}, {r01}}));
  EXPECT_EQ(shortest_path(g, n[0], n[2], filter(Direction::Both)),
            (Path{{n[0], n[1], n[2]}, {r01, r21}}));
  EXPECT_EQ(all_shortest_paths(g, n[2], n[0], filter(Direction::Both)),
            (std::vector<Path>{{{n[2], n[1], n[0]}, {r21, r01}}}));
}

TEST_F(ShortestPathTest, UnreachableOutsideTheViewOrBeyondMaxDepth) {
  auto n = nodes(4, {person});
  rel(n[0], n[1], knows);
  rel(n[1], n[2], knows);
  const NodeId island = n[3];
  EXPECT_FALSE(shortest_path(g, n[0], island, filter(Direction::Both)));
  EXPECT_TRUE(all_shortest_paths(g, n[0], island, filter(Direction::Both)).empty());

  EXPECT_FALSE(shortest_path(g, n[0], n[2], filter(Direction::Out), 1));
  EXPECT_TRUE(all_shortest_paths(g, n[0], n[2], filter(Direction::Out), 1).empty());
  EXPECT_TRUE(shortest_path(g, n[0], n[2], filter(Direction::Out), 2));
  EXPECT_EQ(all_shortest_paths(g, n[0], n[2], filter(Direction::Out), 2).size(), 1u);

  ASSERT_TRUE(g.remove_label(n[1], person));
  EXPECT_FALSE(shortest_path(g, n[0], n[2], filter(Direction::Out, {}, {person})));
  EXPECT_FALSE(shortest_path(g, n[0], n[1], filter(Direction::Out, {}, {person})));
  EXPECT_TRUE(shortest_path(g, n[0], n[2], filter(Direction::Out, {}, {person, account})) ==
              std::nullopt);
  EXPECT_FALSE(shortest_path(g, n[0], 1000, filter(Direction::Out)));
}

TEST_F(ShortestPathTest, SameStartAndEndIsTheZeroLengthPath) {
  const NodeId a = node();
  rel(a, a, knows);
  EXPECT_EQ(shortest_path(g, a, a, filter(Direction::Out)), (Path{{a}, {}}));
  EXPECT_EQ(all_shortest_paths(g, a, a, filter(Direction::Out)), (std::vector<Path>{{{a}, {}}}));
}

TEST_F(ShortestPathTest, DiamondHasExactlyTwoShortestPaths) {
  // 0 -> 1 -> 3, 0 -> 2 -> 3, and a longer detour 0 -> 4 -> 5 -> 3; self-loop on 1.
  auto n = nodes(6);
  const RelId r01 = rel(n[0], n[1], knows);
  const RelId r02 = rel(n[0], n[2], knows);
  const RelId r23 = rel(n[2], n[3], knows);
  const RelId r13 = rel(n[1], n[3], knows);
  rel(n[0], n[4], knows);
  rel(n[4], n[5], knows);
  rel(n[5], n[3], knows);
  rel(n[1], n[1], knows);
  const auto paths = all_shortest_paths(g, n[0], n[3], filter(Direction::Out));
  EXPECT_EQ(paths, (std::vector<Path>{{{n[0], n[1], n[3]}, {r01, r13}},
                                      {{n[0], n[2], n[3]}, {r02, r23}}}));
  const auto one = shortest_path(g, n[0], n[3], filter(Direction::Out));
  ASSERT_TRUE(one);
  EXPECT_NE(std::find(paths.begin(), paths.end(), *one), paths.end());
}

TEST_F(ShortestPathTest, ParallelRelationshipsAreDistinctPaths) {
  auto n = nodes(3);
  const RelId first = rel(n[0], n[1], knows);
  const RelId second = rel(n[0], n[1], manages);
  const RelId last = rel(n[1], n[2], knows);
  EXPECT_EQ(all_shortest_paths(g, n[0], n[2], filter(Direction::Out)),
            (std::vector<Path>{{{n[0], n[1], n[2]}, {first, last}},
                               {{n[0], n[1], n[2]}, {second, last}}}));
  EXPECT_EQ(all_shortest_paths(g, n[0], n[2], filter(Direction::Out, {knows})).size(), 1u);
}

TEST_F(ShortestPathTest, LadderOfKDiamondsHasTwoToTheKPaths) {
  constexpr int kRungs = 6;
  std::vector<NodeId> joints{node()};
  for (int i = 0; i < kRungs; ++i) {
    const NodeId upper = node();
    const NodeId lower = node();
    const NodeId next = node();
    rel(joints.back(), upper, knows);
    rel(joints.back(), lower, knows);
    rel(upper, next, knows);
    rel(lower, next, knows);
    joints.push_back(next);
  }
  for (Direction d : {Direction::Out, Direction::Both}) {
    const auto paths = all_shortest_paths(g, joints.front(), joints.back(), filter(d));
    ASSERT_EQ(paths.size(), 1u << kRungs);
    EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end(),
                               [](const Path& a, const Path& b) { return steps(a) < steps(b); }));
    std::set<std::vector<RelId>> distinct;
    for (const Path& p : paths) {
      EXPECT_EQ(p.rels.size(), 2u * kRungs);
      EXPECT_TRUE(is_walk(g, p, filter(d)));
      distinct.insert(p.rels);
    }
    EXPECT_EQ(distinct.size(), paths.size());

    const auto first_ten = all_shortest_paths(g, joints.front(), joints.back(), filter(d), -1, 10);
    EXPECT_EQ(first_ten, std::vector<Path>(paths.begin(), paths.begin() + 10));
  }
  const auto reversed = all_shortest_paths(g, joints.back(), joints.front(), filter(Direction::In));
  EXPECT_EQ(reversed.size(), 1u << kRungs);
  EXPECT_FALSE(shortest_path(g, joints.back(), joints.front(), filter(Direction::Out)));
}

// Cross-checks both searches on a pseudo-random multigraph (with loops and parallel edges)
// against the store's own adjacency: the BFS depth gives each shortest length, and counting
// paths layer by layer over Graph::for_each_relationship gives the number of shortest paths.
TEST_F(ShortestPathTest, AgreesWithLayerCountingOnARandomGraph) {
  constexpr int kNodes = 30;
  std::mt19937 random(20261121);
  auto n = nodes(kNodes, {person});
  for (int i = 0; i < 70; ++i)
    rel(n[random() % kNodes], n[random() % kNodes], random() % 4 == 0 ? manages : knows);
  for (int i = 0; i < 5; ++i)
    g.remove_label(n[random() % kNodes], person);

  for (const TraversalFilter& f :
       {filter(Direction::Out), filter(Direction::In), filter(Direction::Both, {knows}),
        filter(Direction::Out, {}, {person})}) {
    const std::vector<SymbolId> types = f.types;
    for (NodeId from : n) {
      std::vector<int> depth(kNodes, -1);
      std::vector<double> count(kNodes, 0);
      const auto hops = k_hop(g, from, -1, f);
      for (const Hop& h : hops)
        depth[h.node] = h.depth;
      if (!hops.empty()) count[from] = 1;
      for (const Hop& h : hops) {
        g.for_each_relationship(h.node, f.direction, types, [&](RelId, NodeId w) {
          if (depth[w] == h.depth + 1) count[w] += count[h.node];
        });
      }
      for (NodeId to : n) {
        const auto one = shortest_path(g, from, to, f);
        const auto all = all_shortest_paths(g, from, to, f);
        if (depth[to] < 0) {
          EXPECT_FALSE(one);
          EXPECT_TRUE(all.empty());
          continue;
        }
        ASSERT_TRUE(one) << from << "->" << to;
        EXPECT_EQ(one->rels.size(), static_cast<std::size_t>(depth[to]));
        EXPECT_TRUE(is_walk(g, *one, f));
        EXPECT_EQ(one->nodes.front(), from);
        EXPECT_EQ(one->nodes.back(), to);
        EXPECT_EQ(all.size(), count[to]) << from << "->" << to;
        EXPECT_TRUE(std::adjacent_find(all.begin(), all.end(),
                                       [](const Path& a, const Path& b) {
                                         return !(steps(a) < steps(b));
                                       }) == all.end())
            << "not strictly ordered: " << from << "->" << to;
        for (const Path& p : all) {
          EXPECT_EQ(p.rels.size(), static_cast<std::size_t>(depth[to]));
          EXPECT_TRUE(is_walk(g, p, f));
        }
      }
    }
  }
}

}  // namespace
}  // namespace kith
