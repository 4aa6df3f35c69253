// CALL: built-in db.* and algo.* procedures, YIELD, WHERE, and standalone calls.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine_test_support.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

using test::rows;
using ::testing::ElementsAre;

TEST(EngineProcedures, DbIntrospection) {
  Graph g;
  run_query(g, "CREATE (:B {x: 1})-[:T {y: 2}]->(:A)");
  EXPECT_THAT(rows(g, "CALL db.labels()"), ElementsAre("'A'", "'B'"));
  EXPECT_THAT(rows(g, "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType"),
              ElementsAre("'T'"));
  EXPECT_THAT(rows(g, "CALL db.propertyKeys()"), ElementsAre("'x'", "'y'"));
  EXPECT_THAT(rows(g, "CALL db.schema()"), ElementsAre("'B' | 'T' | 'A' | 1"));
}

TEST(EngineProcedures, PageRankAndComponentsOverAFilteredView) {
  Graph g;
  run_query(g,
            "CREATE (a:P {name: 'a'})-[:L]->(c:P {name: 'c'}), (b:P {name: 'b'})-[:L]->(c), "
            "(:Q {name: 'q'})");
  EXPECT_THAT(rows(g,
                   "CALL algo.pageRank({labels: ['P'], types: ['L']}) YIELD node, score "
                   "RETURN node.name ORDER BY score DESC LIMIT 1"),
              ElementsAre("'c'"));
  EXPECT_THAT(rows(g, "CALL algo.wcc() YIELD node, component RETURN count(DISTINCT component)"),
              ElementsAre("2"));
  EXPECT_THAT(rows(g,
                   "MATCH (a:P {name: 'a'}), (c:P {name: 'c'}) "
                   "CALL algo.shortestPath(a, c) YIELD path, cost RETURN length(path), cost"),
              ElementsAre("1 | 1.0"));
}

TEST(EngineProcedures, UnknownProcedureAndBadOptions) {
  Graph g;
  try {
    run_query(g, "CALL no.such()");
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_EQ(e.detail(), "ProcedureNotFound");
  }
  try {
    run_query(g, "CALL algo.pageRank({direction: 'SIDEWAYS'})");
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_EQ(e.error_class(), "ProcedureError");
  }
}

}  // namespace
}  // namespace kith::query
