// WITH and RETURN take their input row by row: top-K keeps a heap of SKIP + LIMIT rows (ties in
// input order, exactly as the full sort), aggregation holds one row per group, a LIMIT without
// ORDER BY stops the MATCH feeding it, and EXPLAIN / PROFILE say so.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine_test_support.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

using test::rows;
using ::testing::ElementsAre;

// The rows of `sorted` (a query with ORDER BY and no SKIP / LIMIT) from `skip` on, at most
// `limit` of them: what the same query with SKIP and LIMIT must return.
std::vector<std::string> slice(Graph& g, const std::string& sorted, std::size_t skip,
                               std::size_t limit) {
  const std::vector<std::string> all = rows(g, sorted);
  std::vector<std::string> out;
  for (std::size_t i = skip; i < all.size() && out.size() < limit; ++i)
    out.push_back(all[i]);
  return out;
}

// Keys with many ties, in an input order unrelated to them: the heap must keep the tied rows
// that come first in the input, as the stable full sort does.
TEST(ProjectionStreaming, TopKMatchesTheFullSortWithTiesAndSkip) {
  Graph g;
  run_query(g, "UNWIND range(0, 99) AS i CREATE (:N {i: i, k: (i * 37) % 7, j: (i * 11) % 3})");
  const std::vector<std::string> orders = {"n.k", "n.k DESC", "n.k, n.j DESC", "n.j DESC, n.k"};
  for (const std::string& order : orders) {
    const std::string sorted = "MATCH (n:N) RETURN n.i, n.k ORDER BY " + order;
    for (std::size_t skip : {0, 1, 13, 99, 100, 150}) {
      for (std::size_t limit : {0, 1, 5, 14, 15, 16, 99, 200}) {
        const std::string q =
            sorted + " SKIP " + std::to_string(skip) + " LIMIT " + std::to_string(limit);
        EXPECT_EQ(rows(g, q), slice(g, sorted, skip, limit)) << q;
      }
    }
  }
}

// ORDER BY a column (the keys need the projected values) and WITH ... WHERE after the top-K.
TEST(ProjectionStreaming, TopKOverColumnsAndWithWhere) {
  Graph g;
  run_query(g, "UNWIND range(0, 49) AS i CREATE (:N {i: i, k: (i * 13) % 5})");
  const std::string sorted = "MATCH (n:N) RETURN n.i AS i, n.k % 3 AS m ORDER BY m DESC";
  for (std::size_t skip : {0, 3, 20}) {
    for (std::size_t limit : {1, 7, 30}) {
      const std::string q =
          sorted + " SKIP " + std::to_string(skip) + " LIMIT " + std::to_string(limit);
      EXPECT_EQ(rows(g, q), slice(g, sorted, skip, limit)) << q;
    }
  }
  // WHERE filters the rows SKIP and LIMIT let through, not the input.
  EXPECT_THAT(rows(g,
                   "MATCH (n:N) WITH n.i AS i ORDER BY i DESC SKIP 2 LIMIT 5 WHERE i % 2 = 0 "
                   "RETURN i"),
              ElementsAre("46", "44"));
}

TEST(ProjectionStreaming, TopKAfterAggregation) {
  Graph g;
  run_query(g, "UNWIND range(0, 59) AS i CREATE (:N {k: i % 6, v: i})");
  EXPECT_THAT(rows(g, "MATCH (n:N) RETURN n.k AS k, count(*) AS c ORDER BY c, k DESC LIMIT 3"),
              ElementsAre("5 | 10", "4 | 10", "3 | 10"));
  EXPECT_THAT(rows(g, "MATCH (n:N) RETURN n.k AS k, sum(n.v) AS s ORDER BY s DESC SKIP 1 LIMIT 2"),
              ElementsAre("4 | 310", "3 | 300"));
}

// The aggregate holds one row per group, so a product far larger than max_rows still counts.
TEST(ProjectionStreaming, AggregationHoldsGroupsNotInputRows) {
  Graph g;
  run_query(g, "UNWIND range(1, 200) AS i CREATE (:N {g: i % 3})");
  QueryOptions o;
  o.max_rows = 1000;
  EXPECT_THAT(rows(g, "MATCH (a:N), (b:N) RETURN count(*)", {}, o), ElementsAre("40000"));
  EXPECT_THAT(rows(g, "MATCH (a:N), (b:N) RETURN a.g AS g, count(*) ORDER BY g", {}, o),
              ElementsAre("0 | 13200", "1 | 13400", "2 | 13400"));
  // Rows that are returned are still held, and counted against the limit.
  EXPECT_THROW(run_query(g, "MATCH (a:N), (b:N) RETURN a, b", {}, o), QueryError);
}

TEST(ProjectionStreaming, LimitWithoutOrderStopsTheMatch) {
  Graph g;
  run_query(g, "UNWIND range(1, 100) AS i CREATE (:N {i: i})");
  EXPECT_EQ(rows(g, "MATCH (n:N) RETURN n.i LIMIT 3").size(), 3u);
  EXPECT_EQ(rows(g, "MATCH (n:N) RETURN DISTINCT n.i % 5 AS m LIMIT 4").size(), 4u);
  EXPECT_EQ(rows(g, "MATCH (n:N) RETURN n.i SKIP 98 LIMIT 5").size(), 2u);
  const std::string plan = run_query(g, "PROFILE MATCH (n:N) RETURN n.i SKIP 2 LIMIT 3").plan;
  EXPECT_NE(plan.find("Match  (rows: 5, streamed)"), std::string::npos) << plan;
  EXPECT_NE(plan.find("Return (Projection)  (rows: 3"), std::string::npos) << plan;
}

TEST(ProjectionStreaming, ExplainNamesTheStreamingOperators) {
  Graph g;
  test::make_org(g);
  const std::string top =
      run_query(g, "EXPLAIN MATCH (t:Task) RETURN t.text ORDER BY t.text LIMIT 2").plan;
  EXPECT_NE(top.find("Streams its rows into the next clause"), std::string::npos) << top;
  EXPECT_NE(top.find("Takes its input row by row"), std::string::npos) << top;
  EXPECT_NE(top.find("Top-K sort (heap of SKIP + LIMIT rows)"), std::string::npos) << top;
  const std::string grouped =
      run_query(g, "EXPLAIN MATCH (p:Person)-[:OWNS]->(t) RETURN p.name, count(t)").plan;
  EXPECT_NE(grouped.find("Aggregate by group (holds one row per group)"), std::string::npos)
      << grouped;
  const std::string limited = run_query(g, "EXPLAIN MATCH (t:Task) RETURN t LIMIT 2").plan;
  EXPECT_NE(limited.find("Limit (stops its input early)"), std::string::npos) << limited;
  // After an update the MATCH's table is built first: the next clause must see the writes.
  const std::string written =
      run_query(g, "EXPLAIN MATCH (t:Task) SET t.seen = true WITH t RETURN count(t)").plan;
  EXPECT_EQ(written.find("Streams its rows"), std::string::npos) << written;
}

}  // namespace
}  // namespace kith::query
