// Writing queries: CREATE, MERGE, SET, REMOVE, DELETE, FOREACH and their side-effect counts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine_test_support.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

using test::rows;
using ::testing::ElementsAre;

TEST(EngineWrite, CreateCountsEffects) {
  Graph g;
  const Result r = run_query(g, "CREATE (a:A:B {x: 1, y: null})-[:R {w: 2}]->(b:A)");
  EXPECT_EQ(r.effects.nodes_created, 2);
  EXPECT_EQ(r.effects.relationships_created, 1);
  // Labels count as the TCK counts them: labels newly in use in the graph (A and B).
  EXPECT_EQ(r.effects.labels_added, 2);
  EXPECT_EQ(r.effects.properties_set, 2);
  EXPECT_TRUE(r.columns.empty());
  EXPECT_THAT(rows(g, "MATCH (a)-[r:R]->(b) RETURN a.x, r.w, labels(b)"),
              ElementsAre("1 | 2 | ['A']"));
}

TEST(EngineWrite, MergeCreatesOnceAndRunsOnCreateOrOnMatch) {
  Graph g;
  const Result first = run_query(g,
                                 "UNWIND ['x', 'x', 'y'] AS k MERGE (n:K {k: k}) ON CREATE SET n.c "
                                 "= 1 ON MATCH SET n.c = n.c + 1");
  EXPECT_EQ(first.effects.nodes_created, 2);
  EXPECT_THAT(rows(g, "MATCH (n:K) RETURN n.k, n.c ORDER BY n.k"),
              ElementsAre("'x' | 2", "'y' | 1"));
}

TEST(EngineWrite, SetRemoveAndReplace) {
  Graph g;
  run_query(g, "CREATE (:N {a: 1, b: 2})");
  Result r = run_query(g, "MATCH (n:N) SET n = {c: 3}");
  EXPECT_EQ(r.effects.properties_set, 1);
  EXPECT_EQ(r.effects.properties_removed, 2);
  r = run_query(g, "MATCH (n:N) SET n += {d: 4}, n:M REMOVE n.c");
  EXPECT_EQ(r.effects.labels_added, 1);
  EXPECT_THAT(rows(g, "MATCH (n:N:M) RETURN properties(n)"), ElementsAre("{d: 4}"));
}

TEST(EngineWrite, DeleteNeedsDetachForConnectedNodes) {
  Graph g;
  run_query(g, "CREATE (:A)-[:R]->(:B)");
  try {
    run_query(g, "MATCH (a:A) DELETE a");
    FAIL() << "expected DeleteConnectedNode";
  } catch (const QueryError& e) {
    EXPECT_EQ(e.detail(), "DeleteConnectedNode");
  }
  const Result r = run_query(g, "MATCH (a:A) DETACH DELETE a");
  EXPECT_EQ(r.effects.nodes_deleted, 1);
  EXPECT_EQ(r.effects.relationships_deleted, 1);
  EXPECT_THAT(rows(g, "MATCH (n) RETURN count(n)"), ElementsAre("1"));
}

TEST(EngineWrite, MatchDoesNotSeeItsOwnClauseWrites) {
  Graph g;
  run_query(g, "CREATE (:N), (:N)");
  // Each matched row creates one node; the MATCH must not pick the new ones up.
  const Result r = run_query(g, "MATCH (n:N) CREATE (:N)");
  EXPECT_EQ(r.effects.nodes_created, 2);
}

TEST(EngineWrite, ForeachRunsUpdatesPerElement) {
  Graph g;
  const Result r = run_query(g, "FOREACH (i IN range(1, 3) | CREATE (:F {i: i}))");
  EXPECT_EQ(r.effects.nodes_created, 3);
}

}  // namespace
}  // namespace kith::query
