// Reading queries end to end: patterns, var-length, shortest paths, aggregation, ordering.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "engine_test_support.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

using test::make_org;
using test::rows;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(EngineMatch, OpenTasksPerOwnerOrderedByCount) {
  Graph g;
  make_org(g);
  const auto r = rows(g,
                      "MATCH (p:Person)-[:OWNS]->(t:Task {open: true}) "
                      "RETURN p.name, count(t) AS open, collect(t.text)[..3] AS texts "
                      "ORDER BY open DESC");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].substr(0, 9), "'Bo' | 2 ");
  EXPECT_EQ(r[1], "'Cy' | 1 | ['d']");
}

TEST(EngineMatch, TopOfReportingChainCollectsEveryone) {
  Graph g;
  make_org(g);
  const auto r = rows(g,
                      "MATCH (x:Person)-[:REPORTS_TO*1..]->(top:Person) "
                      "WHERE NOT (top)-[:REPORTS_TO]->() "
                      "WITH top, x ORDER BY x.name "
                      "RETURN top.name, collect(x.name)");
  EXPECT_THAT(r, ElementsAre("'Ada' | ['Bo', 'Cy', 'Di']"));
}

TEST(EngineMatch, VarLengthBoundsAndDirection) {
  Graph g;
  make_org(g);
  EXPECT_THAT(rows(g, "MATCH (:Person {name: 'Cy'})-[:REPORTS_TO*2]->(b) RETURN b.name"),
              ElementsAre("'Ada'"));
  EXPECT_THAT(rows(g, "MATCH (:Person {name: 'Cy'})-[:REPORTS_TO*0..1]->(b) RETURN b.name"),
              UnorderedElementsAre("'Cy'", "'Bo'"));
  EXPECT_THAT(rows(g, "MATCH (a:Person {name: 'Ada'})<-[:REPORTS_TO*..1]-(b) RETURN b.name"),
              UnorderedElementsAre("'Bo'", "'Di'"));
}

TEST(EngineMatch, UnboundedVarLengthNamesTheBound) {
  Graph g;
  run_query(g, "UNWIND range(1, 20) AS i CREATE (:N {i: i})");
  run_query(g, "MATCH (a:N), (b:N) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT]->(b)");
  QueryOptions o;
  o.var_length_bound = 5;
  try {
    run_query(g, "MATCH (a:N {i: 1})-[:NEXT*]->(b) RETURN count(b)", {}, o);
    FAIL() << "expected LimitExceeded";
  } catch (const QueryError& e) {
    EXPECT_EQ(e.error_class(), "LimitExceeded");
    EXPECT_NE(std::string(e.what()).find("var_length_bound = 5"), std::string::npos);
  }
  EXPECT_THAT(rows(g, "MATCH (a:N {i: 1})-[:NEXT*..19]->(b) RETURN count(b)"), ElementsAre("19"));
}

TEST(EngineMatch, ShortestPathFindsFewestHops) {
  Graph g;
  run_query(g,
            "CREATE (a:P {name: 'a'})-[:R]->(b:P {name: 'b'})-[:R]->(c:P {name: 'c'}), "
            "(a)-[:R]->(x:P {name: 'x'})-[:R]->(y:P {name: 'y'})-[:R]->(c), (b)-[:R]->(y)");
  EXPECT_THAT(rows(g,
                   "MATCH p = shortestPath((a:P {name: 'a'})-[:R*]->(c:P {name: 'c'})) "
                   "RETURN length(p), [n IN nodes(p) | n.name]"),
              ElementsAre("2 | ['a', 'b', 'c']"));
  EXPECT_THAT(rows(g,
                   "MATCH p = allShortestPaths((a:P {name: 'a'})-[:R*]->(y:P {name: 'y'})) "
                   "RETURN [n IN nodes(p) | n.name] AS ns ORDER BY ns"),
              ElementsAre("['a', 'b', 'y']", "['a', 'x', 'y']"));
  EXPECT_THAT(rows(g,
                   "MATCH (a:P {name: 'c'}), (b:P {name: 'a'}) "
                   "RETURN shortestPath((a)-[:R*]->(b)) IS NULL"),
              ElementsAre("true"));
}

// The two searches of the bidirectional BFS meet in the middle of long paths, in either
// direction, and every shortest path is read back through every meeting node.
TEST(EngineMatch, ShortestPathsAcrossDiamondsFromBothEnds) {
  Graph g;
  run_query(g,
            "CREATE (a:P {name: 'a'}), (e:P {name: 'e'}), (c:P {name: 'c'}), "
            "(a)-[:R]->(:P {name: 'b1'})-[:R]->(c), (a)-[:R]->(:P {name: 'b2'})-[:R]->(c), "
            "(c)-[:R]->(:P {name: 'd1'})-[:R]->(e), (c)-[:R]->(:P {name: 'd2'})-[:R]->(e), "
            "(a)-[:R]->(:P {name: 'long1'})-[:R]->(:P {name: 'long2'})-[:R]->(:P {name: "
            "'long3'})-[:R]->(:P {name: 'long4'})-[:R]->(e)");
  EXPECT_THAT(rows(g,
                   "MATCH p = allShortestPaths((a:P {name: 'a'})-[:R*]->(e:P {name: 'e'})) "
                   "RETURN [n IN nodes(p) | n.name] AS ns ORDER BY ns"),
              ElementsAre("['a', 'b1', 'c', 'd1', 'e']", "['a', 'b1', 'c', 'd2', 'e']",
                          "['a', 'b2', 'c', 'd1', 'e']", "['a', 'b2', 'c', 'd2', 'e']"));
  EXPECT_THAT(rows(g,
                   "MATCH p = shortestPath((e:P {name: 'e'})<-[:R*]-(a:P {name: 'a'})) "
                   "RETURN length(p), nodes(p)[0].name, nodes(p)[4].name"),
              ElementsAre("4 | 'e' | 'a'"));
  EXPECT_THAT(rows(g,
                   "MATCH p = shortestPath((a:P {name: 'a'})-[:R*..3]-(e:P {name: 'e'})) "
                   "RETURN p"),
              ElementsAre());
  EXPECT_THAT(rows(g,
                   "MATCH p = shortestPath((a:P {name: 'a'})-[:R*..4]-(e:P {name: 'e'})) "
                   "RETURN [n IN nodes(p) | n.name]"),
              ElementsAre("['a', 'b1', 'c', 'd1', 'e']"));
}

// Under DISTINCT (or duplicate-insensitive aggregates) a lone anonymous variable-length
// relationship is searched breadth-first for the nodes it reaches; the answers must be those
// of the walk-by-walk search, the start node included exactly when a closed walk of distinct
// relationships fits (triangles, parallel relationships, self-loops, directed cycles).
TEST(EngineMatch, DistinctEndpointsOfVariableLengthPatternsMatchTheWalks) {
  Graph g;
  run_query(g,
            "CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}), (d:N {name: 'd'}), "
            "(e:N {name: 'e'}), (f:N {name: 'f'}), (h:N {name: 'h'}), (k:N {name: 'k'}), "
            "(a)-[:R]->(b), (b)-[:R]->(c), (c)-[:R]->(a), (c)-[:R]->(d), (c)-[:S]->(d), "
            "(e)-[:R]->(e), (e)-[:R]->(a), (f)-[:R]->(h), (h)-[:S]->(k), (k)-[:R]->(f)");
  const char* patterns[] = {"-[*1..2]-",   "-[*..3]->", "<-[*1..3]-",  "-[*0..2]-",
                            "-[:R*1..4]-", "-[*1..1]-", "-[:R*..2]->", "-[*2]-"};
  for (const char* pattern : patterns) {
    for (const char* start : {"a", "c", "d", "e", "f"}) {
      const std::string match =
          std::string("MATCH (s:N {name: '") + start + "'})" + pattern + "(x) ";
      const std::string fast = match + "RETURN DISTINCT x.name AS name ORDER BY name";
      const std::string walks =
          match + "WITH x, count(*) AS walks RETURN DISTINCT x.name AS name ORDER BY name";
      EXPECT_EQ(rows(g, fast), rows(g, walks)) << start << pattern;
    }
  }
  const std::string plan =
      run_query(g, "EXPLAIN MATCH (s:N {name: 'a'})-[*1..2]-(x) RETURN count(DISTINCT x)").plan;
  EXPECT_NE(plan.find("VarLengthExpand(distinct endpoints, BFS)"), std::string::npos) << plan;
  const std::string counted =
      run_query(g, "EXPLAIN MATCH (s:N {name: 'a'})-[*1..2]-(x) RETURN count(x)").plan;
  EXPECT_EQ(counted.find("distinct endpoints"), std::string::npos) << counted;
}

// The breadth-first search from every start node in turn (its visited array is reused between
// searches), with relationship properties (walked without the CSR view) and an endpoint label:
// the same nodes as the walks give.
TEST(EngineMatch, DistinctEndpointsFromManyStartsWithFilters) {
  Graph g;
  run_query(g,
            "CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:M {name: 'c'}), (d:N {name: 'd'}), "
            "(e:N {name: 'e'}), (a)-[:R {w: 1}]->(b), (b)-[:R {w: 2}]->(c), (c)-[:R {w: 1}]->(d), "
            "(d)-[:R {w: 1}]->(a), (b)-[:R {w: 1}]->(d), (e)-[:R {w: 1}]->(e)");
  const char* patterns[] = {"-[*1..2]-(x)",   "-[*1..3]->(x)",           "-[*1..3 {w: 1}]-(x)",
                            "-[*0..2]-(x:N)", "<-[:R*..2 {w: 1}]-(x:N)", "-[*1..4]-(x)"};
  for (const char* pattern : patterns) {
    const std::string match = std::string("MATCH (s)") + pattern + " ";
    const std::string fast =
        match + "RETURN s.name AS s, count(DISTINCT x) AS n, collect(DISTINCT x.name) AS xs";
    const std::string walks = match +
                              "WITH s, x, count(*) AS walks ORDER BY x.name RETURN s.name AS s, "
                              "count(x) AS n, collect(x.name) AS xs";
    const auto sorted = [&](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    const std::string plan = run_query(g, "EXPLAIN " + fast).plan;
    EXPECT_NE(plan.find("VarLengthExpand(distinct endpoints, BFS)"), std::string::npos) << plan;
    // collect(DISTINCT) keeps the BFS order; compare the sets through the sorted walks.
    const std::string fast_sorted = match +
                                    "WITH DISTINCT s, x ORDER BY x.name RETURN s.name AS s, "
                                    "count(DISTINCT x) AS n, collect(DISTINCT x.name) AS xs";
    EXPECT_EQ(sorted(rows(g, fast_sorted)), sorted(rows(g, walks))) << pattern;
    EXPECT_EQ(rows(g, fast).size(), rows(g, walks).size()) << pattern;
  }
}

TEST(EngineMatch, ExpressionsOverRows) {
  Graph g;
  make_org(g);
  EXPECT_THAT(rows(g, "MATCH (p:Person) WHERE p.name =~ 'A.*|C.' RETURN p.name ORDER BY p.name"),
              ElementsAre("'Ada'", "'Cy'"));
  EXPECT_THAT(rows(g, "RETURN reduce(acc = 0, x IN [1, 2, 3] | acc + x) AS s"), ElementsAre("6"));
  EXPECT_THAT(
      rows(g, "MATCH (p:Person {name: 'Bo'}) RETURN p {.name, n: size([(p)-[:OWNS]->(t) | t])}"),
      ElementsAre("{n: 3, name: 'Bo'}"));
  EXPECT_THAT(rows(g,
                   "MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:OWNS]->(:Task {open: false}) } "
                   "RETURN p.name"),
              ElementsAre("'Bo'"));
}

TEST(EngineMatch, OptionalMatchKeepsRowsWithNulls) {
  Graph g;
  make_org(g);
  EXPECT_THAT(rows(g,
                   "MATCH (p:Person) OPTIONAL MATCH (p)-[:OWNS]->(t:Task) "
                   "RETURN p.name, count(t) AS n ORDER BY p.name"),
              ElementsAre("'Ada' | 0", "'Bo' | 3", "'Cy' | 1", "'Di' | 0"));
}

TEST(EngineMatch, OrderByWithLimitKeepsTopK) {
  Graph g;
  run_query(g, "UNWIND range(1, 100) AS i CREATE (:N {i: i % 37})");
  EXPECT_THAT(rows(g, "MATCH (n:N) RETURN n.i ORDER BY n.i DESC SKIP 1 LIMIT 3"),
              ElementsAre("36", "35", "35"));
}

TEST(EngineMatch, NameSeekKeepsExactEquality) {
  Graph g;
  run_query(g, "CREATE (:Person {name: 'Helga Strøm'}), (:Person {name: 'helga strom'})");
  EXPECT_THAT(rows(g, "MATCH (p:Person {name: 'Helga Strøm'}) RETURN p.name"),
              ElementsAre("'Helga Strøm'"));
  const Result plan = run_query(g, "EXPLAIN MATCH (p:Person {name: 'x'})-[:R]->(q) RETURN q");
  EXPECT_NE(plan.plan.find("NodeByNameSeek"), std::string::npos);
  EXPECT_NE(plan.plan.find("Expand"), std::string::npos);
  EXPECT_TRUE(plan.rows.empty());
}

TEST(EngineMatch, ParametersAndUnion) {
  Graph g;
  make_org(g);
  Map params{{"who", Value("Cy")}};
  EXPECT_THAT(rows(g, "MATCH (p:Person {name: $who}) RETURN p.name", params), ElementsAre("'Cy'"));
  EXPECT_THAT(rows(g, "RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x"),
              UnorderedElementsAre("1", "2"));
  EXPECT_THAT(rows(g, "RETURN 1 AS x UNION ALL RETURN 1 AS x"), ElementsAre("1", "1"));
}

TEST(EngineMatch, SemanticErrorsAtCompileTime) {
  Graph g;
  auto detail = [&](const std::string& q) {
    try {
      run_query(g, q);
    } catch (const QueryError& e) {
      EXPECT_EQ(e.phase(), ErrorPhase::CompileTime) << q;
      return e.detail();
    }
    return std::string("no error");
  };
  EXPECT_EQ(detail("MATCH (a) RETURN b"), "UndefinedVariable");
  EXPECT_EQ(detail("MATCH (a) WHERE count(a) > 1 RETURN a"), "InvalidAggregation");
  EXPECT_EQ(detail("CREATE (a)-[:A|B]->(b)"), "NoSingleRelationshipType");
  EXPECT_EQ(detail("CREATE (a)-[:A]-(b)"), "RequiresDirectedRelationship");
  EXPECT_EQ(detail("MATCH (a) RETURN a, a"), "ColumnNameConflict");
  EXPECT_EQ(detail("RETURN 1 AS a UNION RETURN 2 AS b"), "DifferentColumnsInUnion");
  EXPECT_EQ(detail("MATCH (a) RETURN a.x + count(*)"), "AmbiguousAggregationExpression");
  EXPECT_EQ(detail("MATCH (a)-[a]->() RETURN a"), "VariableTypeConflict");
  EXPECT_EQ(detail("RETURN nosuch(1)"), "UnknownFunction");
  EXPECT_EQ(detail("MATCH (a)"), "InvalidClauseComposition");
}

}  // namespace
}  // namespace kith::query
