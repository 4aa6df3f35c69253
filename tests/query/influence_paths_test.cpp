// best_influence_paths against a brute force over every walk on random graphs: the same people,
// each with the best product of weights and the fewest hops among walks that reach it, and
// paths that are real walks of INFLUENCES edges ending at the target.
#include "query/influence_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>

namespace kith::query {
namespace {

struct Reference {
  double score = 0.0;
  std::size_t hops = 0;
};

// Every walk of at most max_hops edges into `target` (backwards), not passing the target again.
std::map<NodeId, Reference> brute_force(const Graph& g, NodeId target, int max_hops,
                                        double min_weight) {
  const SymbolId type = *g.find_type("INFLUENCES");
  const SymbolId weight_key = *g.find_key("weight");
  std::map<NodeId, Reference> best;
  std::function<void(NodeId, double, std::size_t)> walk = [&](NodeId at, double score,
                                                              std::size_t hops) {
    if (static_cast<int>(hops) == max_hops) return;
    const SymbolId types[] = {type};
    g.for_each_relationship(at, Direction::In, types, [&](RelId rel, NodeId from) {
      if (from == target) return;
      const double w = std::clamp(g.rel_property(rel, weight_key)->number(), 0.0, 1.0);
      if (w <= 0.0 || w < min_weight) return;
      const double s = score * w;
      auto [it, inserted] = best.try_emplace(from, Reference{s, hops + 1});
      if (!inserted &&
          (s > it->second.score || (s == it->second.score && hops + 1 < it->second.hops))) {
        it->second = Reference{s, hops + 1};
      }
      walk(from, s, hops + 1);
    });
  };
  walk(target, 1.0, 0);
  return best;
}

TEST(InfluencePaths, AgreeWithEveryWalkOnRandomGraphs) {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    Graph g;
    const SymbolId person = g.intern_label("Person");
    const SymbolId influences = g.intern_type("INFLUENCES");
    const SymbolId weight = g.intern_key("weight");
    std::vector<NodeId> people;
    const int n = 3 + static_cast<int>(rng() % 9);
    for (int i = 0; i < n; ++i) {
      const SymbolId labels[] = {person};
      people.push_back(g.create_node(labels));
    }
    const int m = static_cast<int>(rng() % (3 * n));
    for (int i = 0; i < m; ++i) {
      const RelId r = g.create_relationship(people[rng() % n], people[rng() % n], influences);
      // Weights from a small set, so equal products (ties) are common; some outside [0, 1].
      const double weights[] = {0.5, 0.25, 1.0, 0.0, 1.5, 0.5, -0.2};
      g.set_rel_property(r, weight, weights[rng() % 7]);
    }
    for (int depth : {1, 2, 3, 4}) {
      for (double min_weight : {0.0, 0.3}) {
        const NodeId target = people[rng() % n];
        const auto expected = brute_force(g, target, depth, min_weight);
        const auto found = best_influence_paths(g, target, {depth, min_weight});
        ASSERT_EQ(found.size(), expected.size()) << round << " " << depth;
        for (const InfluencePath& p : found) {
          const NodeId who = p.path.nodes.front();
          ASSERT_TRUE(expected.contains(who));
          EXPECT_DOUBLE_EQ(p.score, expected.at(who).score);
          EXPECT_EQ(p.path.rels.size(), expected.at(who).hops);
          EXPECT_EQ(p.path.nodes.back(), target);
          double product = 1.0;
          for (std::size_t i = 0; i < p.path.rels.size(); ++i) {
            EXPECT_EQ(g.source(p.path.rels[i]), p.path.nodes[i]);
            EXPECT_EQ(g.target(p.path.rels[i]), p.path.nodes[i + 1]);
            product *= std::clamp(g.rel_property(p.path.rels[i], weight)->number(), 0.0, 1.0);
          }
          EXPECT_DOUBLE_EQ(product, p.score);
        }
        // A limit keeps the head of the same order, paths and all.
        for (std::size_t limit : {0, 1, 3}) {
          InfluenceSearch search{depth, min_weight};
          search.limit = limit;
          const auto head = best_influence_paths(g, target, search);
          ASSERT_EQ(head.size(), std::min(limit, found.size()));
          for (std::size_t i = 0; i < head.size(); ++i) {
            EXPECT_EQ(head[i].person, found[i].person);
            EXPECT_EQ(head[i].path.rels, found[i].path.rels);
          }
        }
      }
    }
  }
}

// The weights are read into arrays kept between searches: a write must be seen by the next one.
TEST(InfluencePaths, SeeWritesMadeBetweenSearches) {
  Graph g;
  const SymbolId labels[] = {g.intern_label("Person")};
  const NodeId a = g.create_node(labels);
  const NodeId b = g.create_node(labels);
  const NodeId c = g.create_node(labels);
  const SymbolId influences = g.intern_type("INFLUENCES");
  const SymbolId weight = g.intern_key("weight");
  const RelId ab = g.create_relationship(a, b, influences);
  g.set_rel_property(ab, weight, 0.5);
  ASSERT_EQ(best_influence_paths(g, b, {}).size(), 1u);
  EXPECT_DOUBLE_EQ(best_influence_paths(g, b, {}).front().score, 0.5);
  g.set_rel_property(ab, weight, 0.25);
  EXPECT_DOUBLE_EQ(best_influence_paths(g, b, {}).front().score, 0.25);
  g.set_rel_property(g.create_relationship(c, b, influences), weight, 1.0);
  const auto found = best_influence_paths(g, b, {});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found.front().path.nodes.front(), c);
  g.delete_relationship(ab);
  EXPECT_EQ(best_influence_paths(g, b, {}).size(), 1u);
  // Another graph, searched in between, does not confuse the arrays.
  Graph other;
  EXPECT_TRUE(best_influence_paths(other, 0, {}).empty());
  EXPECT_EQ(best_influence_paths(g, b, {}).size(), 1u);
}

}  // namespace
}  // namespace kith::query
