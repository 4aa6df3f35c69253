#include "graph/csr_view.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "tests/graph/algorithm_fixture.hpp"

namespace kith {
namespace {

using Steps = std::vector<std::pair<std::uint32_t, std::uint32_t>>;  // (neighbour, rel)

Steps neighbours(const CsrView& view, std::uint32_t v) {
  Steps steps;
  view.for_each_neighbour(v,
                          [&](std::uint32_t w, std::uint32_t rel) { steps.emplace_back(w, rel); });
  return steps;
}
Steps predecessors(const CsrView& view, std::uint32_t v) {
  Steps steps;
  view.for_each_predecessor(
      v, [&](std::uint32_t w, std::uint32_t rel) { steps.emplace_back(w, rel); });
  return steps;
}

using CsrViewTest = testing::AlgorithmTest;

TEST_F(CsrViewTest, FilterKeyIgnoresListOrderAndRepeats) {
  EXPECT_EQ(filter(Direction::Out, {3, 1, 1}, {7, 2}).key(),
            filter(Direction::Out, {1, 3}, {2, 7, 7}).key());
  EXPECT_NE(filter(Direction::Out, {1}).key(), filter(Direction::In, {1}).key());
  EXPECT_NE(filter(Direction::Out, {1}).key(), filter(Direction::Out, {}, {1}).key());
  EXPECT_NE(filter(Direction::Out, {1, 2}).key(), filter(Direction::Out, {12}).key());
}

TEST_F(CsrViewTest, StoresEachRelationshipInItsOwnDirectionWithItsId) {
  auto n = nodes(3);
  const RelId r01 = rel(n[0], n[1], knows);
  const RelId r02 = rel(n[0], n[2], knows);
  const RelId r21 = rel(n[2], n[1], knows);
  CsrView view(g, filter(Direction::Out));
  EXPECT_EQ(view.vertex_count(), 3u);
  EXPECT_EQ(view.edge_count(), 3u);
  EXPECT_EQ(view.included_count(), 3u);
  EXPECT_EQ(neighbours(view, 0), (Steps{{1, r01}, {2, r02}}));
  EXPECT_EQ(neighbours(view, 1), Steps{});
  EXPECT_EQ(predecessors(view, 1), (Steps{{0, r01}, {2, r21}}));

  const CsrGraph& csr = view.csr();
  EXPECT_EQ(out_degree(0u, csr), 2u);
  EXPECT_EQ(in_degree(1u, csr), 2u);
  auto [it, end] = in_edges(2u, csr);
  ASSERT_NE(it, end);
  EXPECT_EQ(source(*it, csr), 0u);
  EXPECT_EQ(csr[*it].rel, r02);
}

TEST_F(CsrViewTest, WalksInTheFiltersDirection) {
  auto n = nodes(3);
  const RelId r01 = rel(n[0], n[1], knows);
  const RelId r21 = rel(n[2], n[1], knows);
  CsrView in(g, filter(Direction::In));
  EXPECT_EQ(neighbours(in, 1), (Steps{{0, r01}, {2, r21}}));
  EXPECT_EQ(neighbours(in, 0), Steps{});
  EXPECT_EQ(predecessors(in, 0), (Steps{{1, r01}}));

  CsrView both(g, filter(Direction::Both));
  EXPECT_EQ(neighbours(both, 1), (Steps{{0, r01}, {2, r21}}));
  EXPECT_EQ(neighbours(both, 0), (Steps{{1, r01}}));
  EXPECT_EQ(predecessors(both, 2), (Steps{{1, r21}}));
}

TEST_F(CsrViewTest, SelfLoopsOnceBothWaysAndParallelEdgesEach) {
  auto n = nodes(2);
  const RelId loop = rel(n[0], n[0], knows);
  const RelId first = rel(n[0], n[1], knows);
  const RelId second = rel(n[0], n[1], knows);
  EXPECT_EQ(neighbours(CsrView(g, filter(Direction::Out)), 0),
            (Steps{{0, loop}, {1, first}, {1, second}}));
  EXPECT_EQ(neighbours(CsrView(g, filter(Direction::In)), 0), (Steps{{0, loop}}));
  EXPECT_EQ(neighbours(CsrView(g, filter(Direction::Both)), 0),
            (Steps{{0, loop}, {1, first}, {1, second}}));
  EXPECT_EQ(neighbours(CsrView(g, filter(Direction::Both)), 1), (Steps{{0, first}, {0, second}}));
}

TEST_F(CsrViewTest, LeavesOutDeletedFilteredTypesAndUnlabelledEnds) {
  const NodeId ann = node({person});
  const NodeId bob = node({person});
  const NodeId acct = node({account});
  const NodeId gone = node({person});
  const RelId kept = rel(ann, bob, knows);
  rel(ann, acct, knows);
  rel(ann, bob, manages);
  const RelId deleted = rel(bob, ann, knows);
  rel(gone, ann, knows);
  ASSERT_TRUE(g.delete_relationship(deleted));
  ASSERT_EQ(g.delete_node(gone, /*detach=*/true), Graph::DeleteResult::Deleted);

  CsrView view(g, filter(Direction::Both, {knows}, {person}));
  EXPECT_EQ(view.vertex_count(), 4u);  // vertex i is node i, gaps included
  EXPECT_EQ(view.included_count(), 2u);
  EXPECT_TRUE(view.includes(ann));
  EXPECT_TRUE(view.includes(bob));
  EXPECT_FALSE(view.includes(acct));
  EXPECT_FALSE(view.includes(gone));
  EXPECT_FALSE(view.includes(99));
  EXPECT_EQ(view.edge_count(), 1u);
  EXPECT_EQ(neighbours(view, ann), (Steps{{bob, kept}}));

  CsrView any_label(g, filter(Direction::Out, {knows, manages}, {person, account}));
  EXPECT_EQ(any_label.included_count(), 3u);
  EXPECT_EQ(any_label.edge_count(), 3u);
}

TEST_F(CsrViewTest, GraphCachesTheViewUntilTheNextWrite) {
  auto n = nodes(3);
  rel(n[0], n[1], knows);
  const auto first = g.csr(filter(Direction::Out, {knows, manages}));
  EXPECT_EQ(g.csr(filter(Direction::Out, {manages, knows})), first);
  EXPECT_NE(g.csr(filter(Direction::In, {knows, manages})), first);

  const RelId added = rel(n[1], n[2], knows);
  const auto second = g.csr(filter(Direction::Out, {knows, manages}));
  EXPECT_NE(second, first);
  EXPECT_EQ(first->edge_count(), 1u);  // a view already handed out stays as it was
  EXPECT_EQ(neighbours(*second, 1), (Steps{{2, added}}));

  g.set_rel_property(added, weight, Value(2.0));
  EXPECT_NE(g.csr(filter(Direction::Out, {knows, manages})), second);

  ASSERT_TRUE(g.delete_relationship(added));
  EXPECT_EQ(neighbours(*g.csr(filter(Direction::Out, {knows, manages})), 1), Steps{});
}

TEST_F(CsrViewTest, AlgorithmsSeeWritesThroughTheCache) {
  auto n = nodes(3);
  rel(n[0], n[1], knows);
  EXPECT_EQ(k_hop(g, n[0], 2, filter(Direction::Out)).size(), 2u);
  rel(n[1], n[2], knows);
  EXPECT_EQ(k_hop(g, n[0], 2, filter(Direction::Out)).size(), 3u);
  ASSERT_EQ(g.delete_node(n[1], /*detach=*/true), Graph::DeleteResult::Deleted);
  EXPECT_EQ(k_hop(g, n[0], 2, filter(Direction::Out)), (std::vector<Hop>{{n[0], 0}}));
}

}  // namespace
}  // namespace kith
