// `count(DISTINCT x)` read off the breadth-first search's reached nodes (CountDistinctEndpoints)
// against the same count over the walk-by-walk search, on graphs made to catch mistakes: the
// start reachable back through a cycle, parallel relationships, self-loops, labels on x, 0 and
// 1 minimum hops, each direction, several start nodes and input rows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine_test_support.hpp"

namespace kith::query {
namespace {

using test::rows;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPushedDown = "CountDistinctEndpoints";

// a -> b -> c -> a (a cycle back to a), c -> d twice (R and S), e -> e, e -> a, f -> h -> k
// -> f (a directed cycle through a different type), b:M and d:M labelled.
void make_graph(Graph& g) {
  run_query(g,
            "CREATE (a:N {name: 'a'}), (b:N:M {name: 'b'}), (c:N {name: 'c'}), "
            "(d:N:M {name: 'd'}), (e:N {name: 'e'}), (f:N {name: 'f'}), (h:N {name: 'h'}), "
            "(k:N {name: 'k'}), (a)-[:R]->(b), (b)-[:R]->(c), (c)-[:R]->(a), (c)-[:R]->(d), "
            "(c)-[:S]->(d), (a)-[:R]->(b), (e)-[:R]->(e), (e)-[:R]->(a), (f)-[:R]->(h), "
            "(h)-[:S]->(k), (k)-[:R]->(f)");
}

std::string plan(Graph& g, const std::string& query) {
  return run_query(g, "EXPLAIN " + query).plan;
}

// The distinct x of every walk, counted without the pushdown or the breadth-first search.
std::string walk_count(Graph& g, const std::string& match) {
  return rows(g, match + " WITH x, count(*) AS walks RETURN count(x)").at(0);
}

TEST(CountEndpoints, SameCountAsTheWalks) {
  Graph g;
  make_graph(g);
  const char* patterns[] = {"-[*1..2]-(x)",    "-[*..3]->(x)",   "<-[*1..3]-(x)",
                            "-[*0..2]-(x)",    "-[:R*1..4]-(x)", "-[*1..1]-(x)",
                            "-[:R*..2]->(x)",  "-[*0..3]->(x)",  "-[*1..3]-(x:M)",
                            "<-[*0..2]-(x:M)", "-[:S*1..2]-(x)", "-[:T*1..2]-(x)"};
  for (const char* pattern : patterns) {
    for (const char* start : {"(s:N {name: 'a'})", "(s:N {name: 'c'})", "(s:N {name: 'e'})",
                              "(s:N {name: 'f'})", "(s:N {name: 'zz'})", "(s)", "(s:M)"}) {
      const std::string match = std::string("MATCH ") + start + pattern;
      const std::string fast = match + " RETURN count(DISTINCT x)";
      // (s)-...-(x:M) starts at the rarer x, whose count is then not the search's endpoints.
      const bool starts_at_x =
          std::string(start) == "(s)" && std::string(pattern).find(":M") != std::string::npos;
      if (starts_at_x) {
        EXPECT_THAT(plan(g, fast), Not(HasSubstr(kPushedDown))) << fast;
      } else {
        EXPECT_THAT(plan(g, fast), HasSubstr(kPushedDown)) << fast;
      }
      EXPECT_THAT(rows(g, fast), ElementsAre(walk_count(g, match))) << fast;
    }
  }
}

TEST(CountEndpoints, WithAliasAndInputRows) {
  Graph g;
  make_graph(g);
  const std::string match =
      "UNWIND ['a', 'f', 'zz'] AS n MATCH (s:N {name: n})-[*1..2]->(x) WHERE s.name <> 'e'";
  const std::string fast = match + " WITH count(DISTINCT x) AS c RETURN c, c + 1 AS more";
  EXPECT_THAT(plan(g, fast), HasSubstr(kPushedDown));
  // a reaches b and c (b twice, through parallel relationships); f reaches h and k.
  EXPECT_THAT(rows(g, fast), ElementsAre("4 | 5"));
  EXPECT_EQ(walk_count(g, match), "4");
  EXPECT_THAT(
      rows(g, "UNWIND [] AS n MATCH (s:N {name: n})-[*1..2]->(x) RETURN count(DISTINCT x) AS c"),
      ElementsAre("0"));
  const Result r = run_query(g, "MATCH (s:N {name: 'a'})-[*1..2]-(x) RETURN count(DISTINCT x)");
  EXPECT_THAT(r.columns, ElementsAre("count(DISTINCT x)"));
}

// Whatever is left to test on x row by row, or whatever needs the rows, keeps the ordinary
// path; the answers stay those of the walks.
TEST(CountEndpoints, FallsBackWhenSomethingPerRowIsLeft) {
  Graph g;
  make_graph(g);
  const std::string queries[] = {
      "MATCH (s:N {name: 'a'})-[*1..2]-(x {name: 'c'})",
      "MATCH (s:N {name: 'a'})-[*1..2]-(x) WHERE x.name <> 'b'",
      "MATCH (s:N {name: 'a'})-[*1..2]-(x) WHERE x <> s",
      "MATCH (x:N {name: 'b'}) WITH x MATCH (s:N {name: 'a'})-[*1..2]-(x)",
      "MATCH (s)-[*1..2]-(x:N {name: 'a'})",
      "MATCH (x)-[*1..2]-(x)",
      "MATCH (s:N {name: 'a'})-[r*1..2]-(x)",
      "MATCH p = (s:N {name: 'a'})-[*1..2]-(x)",
      "MATCH (s:N {name: 'a'})-[*2..3]-(x)",
      "MATCH (s:N {name: 'a'})-[:R]->(m)-[*1..2]-(x)",
  };
  for (const std::string& match : queries) {
    const std::string q = match + " RETURN count(DISTINCT x)";
    EXPECT_THAT(plan(g, q), Not(HasSubstr(kPushedDown))) << q;
    EXPECT_THAT(rows(g, q), ElementsAre(walk_count(g, match))) << q;
  }
  // count(x) and count(*) count walks, which the search does not give; and a projection with
  // more than the count, or ORDER BY, LIMIT or WITH's WHERE, keeps its rows.
  const std::string match = "MATCH (s:N {name: 'a'})-[*1..2]-(x)";
  for (const char* tail :
       {" RETURN count(x)", " RETURN count(*)", " RETURN s, count(DISTINCT x)",
        " RETURN count(DISTINCT x) AS c ORDER BY c", " RETURN count(DISTINCT x) AS c LIMIT 1",
        " WITH count(DISTINCT x) AS c WHERE c > 0 RETURN c", " RETURN count(DISTINCT s)"}) {
    EXPECT_THAT(plan(g, match + tail), Not(HasSubstr(kPushedDown))) << tail;
  }
  EXPECT_THAT(rows(g, "OPTIONAL MATCH (s:N {name: 'zz'})-[*1..2]-(x) RETURN count(DISTINCT x)"),
              ElementsAre("0"));
  EXPECT_THAT(rows(g, match + " WITH count(DISTINCT x) AS c WHERE c > 0 RETURN c"),
              ElementsAre(walk_count(g, match)));
}

}  // namespace
}  // namespace kith::query
