// EXPLAIN prints the plan without running it; PROFILE runs it and adds rows and time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

namespace kith::query {
namespace {

TEST(EngineExplain, ExplainDoesNotRunTheQuery) {
  Graph g;
  const Result r = run_query(g, "EXPLAIN CREATE (:N)");
  EXPECT_FALSE(r.effects.any());
  EXPECT_EQ(g.node_count(), 0u);
  EXPECT_NE(r.plan.find("Create"), std::string::npos);
}

TEST(EngineExplain, LabelScanStartsFromTheRarestLabel) {
  Graph g;
  run_query(g, "UNWIND range(1, 50) AS i CREATE (:Many)");
  run_query(g, "CREATE (:Few)");
  const Result r = run_query(g, "EXPLAIN MATCH (a:Many)-[:R]->(b:Few) RETURN a");
  EXPECT_NE(r.plan.find("NodeByLabelScan (b:Few)"), std::string::npos) << r.plan;
}

TEST(EngineExplain, ProfileCountsRowsPerOperator) {
  Graph g;
  run_query(g, "UNWIND range(1, 7) AS i CREATE (:N {i: i})");
  const Result r = run_query(g, "PROFILE MATCH (n:N) WHERE n.i > 2 RETURN n.i");
  EXPECT_EQ(r.rows.size(), 5u);
  EXPECT_NE(r.plan.find("Match  (rows: 5"), std::string::npos) << r.plan;
  EXPECT_NE(r.plan.find("Total: 5 rows"), std::string::npos) << r.plan;
}

// The position of `needle` in the plan, failing when it is not there.
std::size_t at(const std::string& plan, const std::string& needle) {
  const std::size_t pos = plan.find(needle);
  EXPECT_NE(pos, std::string::npos) << "no '" << needle << "' in\n" << plan;
  return pos;
}

TEST(EngineExplain, NameEqualityStartsWithTheNameIndex) {
  Graph g;
  test::make_org(g);
  at(run_query(g, "EXPLAIN MATCH (t:Task)<-[:OWNS]-(p:Person {name: 'Bo'}) RETURN t").plan,
     "NodeByNameSeek (p:Person)");
  at(run_query(g, "EXPLAIN MATCH (t:Task)<-[:OWNS]-(p:Person) WHERE p.name = $who RETURN t",
               {{"who", Value("Bo")}})
         .plan,
     "NodeByNameSeek (p:Person)");
  EXPECT_THAT(test::rows(g,
                         "MATCH (t:Task)<-[:OWNS]-(p:Person) WHERE 'Bo' = p.name "
                         "RETURN t.text ORDER BY t.text"),
              ::testing::ElementsAre("'a'", "'b'", "'c'"));
}

TEST(EngineExplain, EqualityOnAnIndexedKeyIsAnIndexSeek) {
  Graph g;
  test::make_org(g);
  g.create_property_index(g.intern_label("Task"), g.intern_key("text"));
  at(run_query(g, "EXPLAIN MATCH (p:Person)-[:OWNS]->(t:Task) WHERE t.text = 'd' RETURN p").plan,
     "NodeIndexSeek (t:Task) on :Task(text)");
  EXPECT_THAT(test::rows(g, "MATCH (p:Person)-[:OWNS]->(t:Task) WHERE t.text = 'd' RETURN p"),
              ::testing::ElementsAre("'Cy'"));
}

TEST(EngineExplain, LargeLabelsGetAnIndexOnTheirFirstEquality) {
  Graph g;
  test::make_org(g);
  QueryOptions options;
  options.auto_index_min_nodes = 4;  // make_org has four tasks and four people
  const std::string query = "MATCH (t:Task {open: false})<-[:OWNS]-(p:Person) RETURN p";
  EXPECT_FALSE(g.has_property_index(*g.find_label("Task"), *g.find_key("open")));
  at(run_query(g, "EXPLAIN " + query, {}, options).plan, "NodeIndexSeek (t:Task) on :Task(open)");
  EXPECT_TRUE(g.has_property_index(*g.find_label("Task"), *g.find_key("open")));
  EXPECT_THAT(test::rows(g, query, {}, options), ::testing::ElementsAre("'Bo'"));
}

TEST(EngineExplain, ConnectedPartsExpandInsteadOfMultiplying) {
  Graph g;
  test::make_org(g);
  const std::string plan =
      run_query(g, "EXPLAIN MATCH (t:Task), (p:Person {name: 'Cy'}), (p)-[:OWNS]->(t) RETURN t")
          .plan;
  // Cy first (one node), then the connecting part from Cy, then the Task part is bound.
  EXPECT_LT(at(plan, "NodeByNameSeek (p:Person)"), at(plan, "Argument (p)"));
  EXPECT_LT(at(plan, "Argument (p)"), at(plan, "Argument (t:Task)"));
  EXPECT_EQ(plan.find("NodeByLabelScan (t:Task)"), std::string::npos) << plan;
  EXPECT_THAT(
      test::rows(g, "MATCH (t:Task), (p:Person {name: 'Cy'}), (p)-[:OWNS]->(t) RETURN t.text"),
      ::testing::ElementsAre("'d'"));
}

TEST(EngineExplain, WhereTermsRunAsSoonAsTheirVariablesAreBound) {
  Graph g;
  test::make_org(g);
  const std::string query =
      "MATCH (a:Person)<-[:REPORTS_TO]-(b:Person)<-[:REPORTS_TO]-(c:Person) "
      "WHERE a.name STARTS WITH 'A' AND c.name <> b.name AND NOT (c)-[:OWNS]->(:Task {open: "
      "false}) RETURN c.name";
  const std::string plan = run_query(g, "EXPLAIN " + query).plan;
  const std::size_t scan = at(plan, "NodeByLabelScan (a:Person)");
  EXPECT_LT(scan, at(plan, "Filter on (a)"));
  EXPECT_LT(at(plan, "Filter on (a)"), at(plan, "Expand (b:Person)"));
  EXPECT_LT(at(plan, "Expand (c:Person)"), at(plan, "Filter on (c, b)"));
  EXPECT_THAT(test::rows(g, query), ::testing::ElementsAre("'Cy'"));
}

TEST(EngineExplain, OrderByWithLimitIsATopK) {
  Graph g;
  test::make_org(g);
  at(run_query(g, "EXPLAIN MATCH (t:Task) RETURN t.text ORDER BY t.text DESC LIMIT 2").plan,
     "Top-K sort");
}

TEST(EngineExplain, ShortestPathSeeksBothEndsAndSearchesFromBoth) {
  Graph g;
  test::make_org(g);
  const std::string plan =
      run_query(g,
                "EXPLAIN MATCH p = shortestPath((a:Person {name: 'Cy'})-[:REPORTS_TO*..6]-"
                "(b:Person {name: 'Di'})) RETURN p")
          .plan;
  EXPECT_LT(at(plan, "NodeByNameSeek (a:Person)"), at(plan, "NodeByNameSeek (b:Person)"));
  at(plan, "ShortestPath (bidirectional BFS) from (a:Person) to (b:Person)");
}

// A WHERE term that reads only an end runs after that end's seek, before the search: ends that
// fail it are never searched from.
TEST(EngineExplain, ShortestPathFiltersItsEndsBeforeSearching) {
  Graph g;
  test::make_org(g);
  const std::string query =
      "MATCH p = shortestPath((a:Person {name: 'Cy'})-[:REPORTS_TO*..6]-(b:Person)) "
      "WHERE b.name STARTS WITH 'D' AND length(p) > 0 RETURN b.name, length(p)";
  const std::string plan = run_query(g, "EXPLAIN " + query).plan;
  EXPECT_LT(at(plan, "NodeByLabelScan (b:Person)"), at(plan, "Filter on (b)"));
  EXPECT_LT(at(plan, "Filter on (b)"), at(plan, "ShortestPath (bidirectional BFS)"));
  EXPECT_LT(at(plan, "ShortestPath (bidirectional BFS)"), at(plan, "Filter on (p)"));
  EXPECT_THAT(test::rows(g, query), ::testing::ElementsAre("'Di' | 3"));
}

}  // namespace
}  // namespace kith::query
