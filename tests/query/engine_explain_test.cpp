// EXPLAIN prints the plan without running it; PROFILE runs it and adds rows and time.
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

}  // namespace
}  // namespace kith::query
