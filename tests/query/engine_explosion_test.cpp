// Queries built to explode, each stopped by a guard whose name the message carries, with the
// graph and the engine fine afterwards: what a user who typed one by accident relies on.
#include <gtest/gtest.h>

#include <string>

#include "engine_test_support.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

// Tighter than the shell's defaults only so the suite stays quick; the guards are the same.
QueryOptions guards() {
  QueryOptions o;
  o.timeout = std::chrono::milliseconds(3'000);
  o.max_rows = 1'000'000;
  o.max_memory_bytes = 256ull << 20;
  return o;
}

// Runs q, expects LimitExceeded naming one of `limits` (a guard of QueryOptions, or the cap on
// one value's size), then checks the graph still answers.
void expect_stopped(Graph& g, const std::string& q, std::initializer_list<const char*> limits) {
  bool stopped = false;
  try {
    run_query(g, q, {}, guards());
  } catch (const QueryError& e) {
    stopped = true;
    EXPECT_EQ(e.error_class(), "LimitExceeded") << q << "\n" << e.what();
    bool named = false;
    for (const char* limit : limits)
      named |= std::string(e.what()).find(limit) != std::string::npos;
    EXPECT_TRUE(named) << "the message names the limit: " << e.what();
  }
  EXPECT_TRUE(stopped) << "no guard stopped: " << q;
  EXPECT_EQ(test::rows(g, "MATCH (n) RETURN count(n) AS n").size(), 1u) << "healthy afterwards";
}

// 60 nodes, every pair linked both ways: paths without repeated relationships explode.
void dense(Graph& g) {
  run_query(g, "UNWIND range(1, 60) AS i CREATE (:P {i: i})");
  run_query(g, "MATCH (a:P), (b:P) WHERE a.i <> b.i CREATE (a)-[:K]->(b)");
}

TEST(EngineExplosions, UnboundedVarLengthOnADenseGraph) {
  Graph g;
  dense(g);
  expect_stopped(g, "MATCH (a)-[*]-(b) RETURN count(*)", {"var_length_bound"});
}

TEST(EngineExplosions, BoundedVarLengthOnADenseGraph) {
  Graph g;
  dense(g);
  expect_stopped(g, "MATCH (a)-[*..10]-(b) RETURN count(*)", {"timeout", "max_rows", "max_memory"});
}

TEST(EngineExplosions, CartesianProductOfEverything) {
  Graph g;
  dense(g);
  expect_stopped(g, "MATCH (a), (b), (c), (d) RETURN a, b, c, d",
                 {"max_rows", "timeout", "max_memory"});
}

TEST(EngineExplosions, HugeRange) {
  Graph g;
  expect_stopped(g, "RETURN size(range(1, 9000000000000)) AS n", {"more than 4194304 elements"});
}

TEST(EngineExplosions, HugeUnwind) {
  Graph g;
  expect_stopped(g, "UNWIND range(1, 9000000000000) AS i RETURN i", {"more than 4194304 elements"});
}

TEST(EngineExplosions, GiantStringConcatenation) {
  Graph g;
  expect_stopped(g, "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n",
                 {"more than 67108864 bytes"});
}

TEST(EngineExplosions, GiantListDoubling) {
  Graph g;
  expect_stopped(g, "RETURN size(reduce(l = [1], i IN range(1, 40) | l + l)) AS n",
                 {"more than 4194304 elements"});
}

TEST(EngineExplosions, DeeplyNestedExpressionIsRefused) {
  Graph g;
  std::string q = "RETURN ";
  for (int i = 0; i < 100'000; ++i)
    q += "(";
  q += "1";
  for (int i = 0; i < 100'000; ++i)
    q += ")";
  try {
    run_query(g, q, {}, guards());
    ADD_FAILURE() << "100k nested parentheses were accepted";
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("nest"), std::string::npos) << e.what();
  }
  EXPECT_EQ(test::rows(g, "RETURN 1 AS one").size(), 1u);
}

}  // namespace
}  // namespace kith::query
