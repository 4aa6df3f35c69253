#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <vector>

#include "graph/algorithms.hpp"
#include "tests/graph/algorithm_fixture.hpp"

namespace kith {
namespace {

using Scores = std::map<NodeId, double>;

// The reference numbers below were computed offline with networkx 2.8.8
// (networkx.algorithms.link_analysis.pagerank_alg._pagerank_python, the same algorithm as
// networkx.pagerank without numpy) on this MultiDiGraph of nodes 0..5:
//   0->1 (weight 3), 0->2 (1), 1->2 (no weight), 2->0 (2), 3->2 (0.5), 3->2 (1.5),
//   4->4 (2), 2->5 (1)
// Node 5 is dangling; 4 has only a self-loop; 3 has parallel edges. Converged values use
// alpha=0.85, tol=1e-14; "default" ones networkx's own defaults (max_iter=100, tol=1e-6).
class PageRankTest : public testing::AlgorithmTest {
 protected:
  void SetUp() override {
    n = nodes(6, {person});
    ASSERT_EQ(n.back(), 5u);
    g.remove_label(n[3], person);
    g.add_label(n[3], account);
    rel(n[0], n[1], knows, {{weight, Value(3)}});
    rel(n[0], n[2], knows, {{weight, Value(1)}});
    rel(n[1], n[2], knows);
    rel(n[2], n[0], knows, {{weight, Value(2.0)}});
    rel(n[3], n[2], knows, {{weight, Value(0.5)}});
    rel(n[3], n[2], knows, {{weight, Value(1.5)}});
    rel(n[4], n[4], knows, {{weight, Value(2)}});
    rel(n[2], n[5], knows, {{weight, Value(1)}});
    // None of these may change the scores of the KNOWS view.
    rel(n[5], n[3], manages);
    g.delete_relationship(rel(n[1], n[0], knows));
    const NodeId gone = node({person});
    rel(gone, n[0], knows);
    g.delete_node(gone, /*detach=*/true);
  }

  static PageRankOptions converged() {
    PageRankOptions options;
    options.max_iterations = 10000;
    options.tolerance = 1e-15;
    return options;
  }
  Scores run(const TraversalFilter& f, const PageRankOptions& options) {
    Scores scores;
    double total = 0;
    for (const NodeScore& s : page_rank(g, f, options)) {
      EXPECT_TRUE(scores.emplace(s.node, s.score).second) << "repeated node " << s.node;
      total += s.score;
    }
    EXPECT_NEAR(total, 1.0, 1e-12);
    return scores;
  }
  static void expect_scores(const Scores& actual, const Scores& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (const auto& [node, score] : expected) {
      ASSERT_TRUE(actual.count(node)) << node;
      EXPECT_NEAR(actual.at(node), score, 1e-9) << "node " << node;
    }
  }

  std::vector<NodeId> n;
};

TEST_F(PageRankTest, MatchesNetworkx) {
  expect_scores(run(filter(Direction::Out, {knows}), converged()), {{0, 0.148466080945},
                                                                    {1, 0.109130779202},
                                                                    {2, 0.241019732104},
                                                                    {3, 0.046032694801},
                                                                    {4, 0.306884632003},
                                                                    {5, 0.148466080945}});
}

TEST_F(PageRankTest, StopsWhereNetworkxDoesWithItsDefaults) {
  expect_scores(run(filter(Direction::Out, {knows}), {}), {{0, 0.148468732419},
                                                           {1, 0.109132615510},
                                                           {2, 0.241023952954},
                                                           {3, 0.046033153877},
                                                           {4, 0.306872812821},
                                                           {5, 0.148468732419}});
}

TEST_F(PageRankTest, SortsByScoreThenId) {
  const auto scores = page_rank(g, filter(Direction::Out, {knows}), converged());
  std::vector<NodeId> order;
  for (const NodeScore& s : scores)
    order.push_back(s.node);
  // 0 and 5 each get a third of node 2's rank and nothing else: an exact tie.
  EXPECT_EQ(order, (std::vector<NodeId>{4, 2, 0, 5, 1, 3}));
  EXPECT_EQ(scores[2].score, scores[3].score);
}

TEST_F(PageRankTest, WeightedMatchesNetworkx) {
  PageRankOptions options = converged();
  options.weight_key = weight;
  expect_scores(run(filter(Direction::Out, {knows}), options), {{0, 0.179300912475},
                                                                {1, 0.154878840726},
                                                                {2, 0.244811300210},
                                                                {3, 0.040574509023},
                                                                {4, 0.270496726818},
                                                                {5, 0.109937710749}});
}

TEST_F(PageRankTest, PersonalisedMatchesNetworkx) {
  PageRankOptions options = converged();
  options.personalization = {{0, 1.0}, {3, 3.0}, {99, 5.0}};  // 99 is not a node: ignored
  expect_scores(run(filter(Direction::Out, {knows}), options), {{0, 0.214354829895},
                                                                {1, 0.091100802705},
                                                                {2, 0.343199184757},
                                                                {3, 0.205485529120},
                                                                {4, 0.0},
                                                                {5, 0.145859653522}});
  options = {};
  options.personalization = {{0, 1.0}, {3, 3.0}};
  expect_scores(run(filter(Direction::Out, {knows}), options), {{0, 0.214351318213},
                                                                {1, 0.091099046839},
                                                                {2, 0.343193566132},
                                                                {3, 0.205483422060},
                                                                {4, 0.000015802562},
                                                                {5, 0.145856844193}});
}

TEST_F(PageRankTest, InWalksTheReversedGraph) {
  expect_scores(run(filter(Direction::In, {knows}), converged()), {{0, 0.176307364080},
                                                                   {1, 0.095301277881},
                                                                   {2, 0.234127320626},
                                                                   {3, 0.145053333514},
                                                                   {4, 0.303661481652},
                                                                   {5, 0.045549222248}});
}

TEST_F(PageRankTest, BothWalksTheUndirectedMultigraph) {
  // networkx: a MultiGraph given the same edge list, so 0->2 and 2->0 stay two edges (its
  // MultiDiGraph.to_undirected() would merge them, both having key 0) and the self-loop is
  // walked once.
  expect_scores(run(filter(Direction::Both, {knows}), converged()), {{0, 0.173914412961},
                                                                     {1, 0.122666356140},
                                                                     {2, 0.341580746830},
                                                                     {3, 0.121781211602},
                                                                     {4, 0.166666666667},
                                                                     {5, 0.073390605801}});
  PageRankOptions options = converged();
  options.weight_key = weight;
  expect_scores(run(filter(Direction::Both, {knows}), options), {{0, 0.231096275887},
                                                                 {1, 0.158280145056},
                                                                 {2, 0.288764228977},
                                                                 {3, 0.095128455609},
                                                                 {4, 0.166666666667},
                                                                 {5, 0.060064227804}});
}

TEST_F(PageRankTest, LabelFilterDropsNodesAndTheirEdges) {
  // networkx: the same graph with node 3 removed.
  expect_scores(run(filter(Direction::Out, {knows}, {person}), converged()), {{0, 0.147957686932},
                                                                              {1, 0.118034823724},
                                                                              {2, 0.218364423890},
                                                                              {4, 0.367685378522},
                                                                              {5, 0.147957686932}});
}

TEST_F(PageRankTest, RejectsUnusablePersonalisation) {
  PageRankOptions options;
  options.personalization = {{0, 1.0}, {1, -1.0}};
  EXPECT_THROW(page_rank(g, filter(Direction::Out), options), std::invalid_argument);
  options.personalization = {{0, 0.0}};
  EXPECT_THROW(page_rank(g, filter(Direction::Out), options), std::invalid_argument);
  options.personalization = {{n[3], 1.0}};  // only a node outside the view
  EXPECT_THROW(page_rank(g, filter(Direction::Out, {}, {person}), options), std::invalid_argument);
}

TEST_F(PageRankTest, EmptyViewHasNoScores) {
  const SymbolId nobody = g.intern_label("Nobody");
  EXPECT_TRUE(page_rank(g, filter(Direction::Out, {}, {nobody})).empty());
}

}  // namespace
}  // namespace kith
