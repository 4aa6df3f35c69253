// The guards: timeout, cancel, row limits and expression depth end a query with LimitExceeded.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "engine_test_support.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

std::string limit_message(Graph& g, const std::string& q, const QueryOptions& o) {
  try {
    run_query(g, q, {}, o);
  } catch (const QueryError& e) {
    EXPECT_EQ(e.error_class(), "LimitExceeded") << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no limit was hit: " << q;
  return "";
}

// The product's rows are returned, so held: the limit stops it (count(*) over it would hold one
// row; see projection_streaming_test).
TEST(EngineGuards, MaxRowsStopsACartesianProduct) {
  Graph g;
  run_query(g, "UNWIND range(1, 200) AS i CREATE (:N)");
  QueryOptions o;
  o.max_rows = 1000;
  EXPECT_NE(limit_message(g, "MATCH (a:N), (b:N) RETURN a, b", o).find("max_rows"),
            std::string::npos);
}

// A product that filters everything out holds no rows, so only the clock or the cancel flag
// can stop it.
constexpr const char* kLongQuery =
    "MATCH (a:N), (b:N), (c:N) WHERE a = b AND b = c AND a <> c RETURN count(*)";

TEST(EngineGuards, TimeoutStopsALongProduct) {
  Graph g;
  run_query(g, "UNWIND range(1, 300) AS i CREATE (:N)");
  QueryOptions o;
  o.timeout = std::chrono::milliseconds(50);
  EXPECT_NE(limit_message(g, kLongQuery, o).find("timeout"), std::string::npos);
}

TEST(EngineGuards, CancelFlagStopsTheQuery) {
  Graph g;
  run_query(g, "UNWIND range(1, 300) AS i CREATE (:N)");
  std::atomic<bool> cancel{true};
  QueryOptions o;
  o.cancel = &cancel;
  EXPECT_NE(limit_message(g, kLongQuery, o).find("cancel"), std::string::npos);
}

TEST(EngineGuards, MemoryEstimateIsChecked) {
  Graph g;
  QueryOptions o;
  o.max_memory_bytes = 10'000;
  EXPECT_NE(limit_message(g, "UNWIND range(1, 100000) AS i RETURN i", o).find("max_memory_bytes"),
            std::string::npos);
}

TEST(EngineGuards, DeepExpressionIsRefusedNotACrash) {
  Graph g;
  std::string q = "RETURN ";
  for (int i = 0; i < 1000; ++i)
    q += "[";
  q += "1";
  for (int i = 0; i < 1000; ++i)
    q += "]";
  try {
    run_query(g, q);
  } catch (const QueryError&) {
    SUCCEED();  // refused by the parser or the evaluator's depth guard; either way no crash
  }
}

}  // namespace
}  // namespace kith::query
