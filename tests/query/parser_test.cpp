// Statements, clauses and patterns, checked through the AST printer; positions of nodes.
#include <gtest/gtest.h>

#include "parser_test_support.hpp"

namespace kith::query {
namespace {

using testing::error_of;
using testing::sexpr;

TEST(ParseStatement, ExplainProfileAndSemicolon) {
  EXPECT_EQ(sexpr("RETURN 1"), "(query (return 1))");
  EXPECT_EQ(sexpr("RETURN 1;"), "(query (return 1))");
  EXPECT_EQ(sexpr("  RETURN 1 ;  "), "(query (return 1))");
  EXPECT_EQ(sexpr("EXPLAIN MATCH (n) RETURN n"),
            "(explain (query (match (pattern (path (node n)))) (return n)))");
  EXPECT_EQ(sexpr("profile RETURN 1"), "(profile (query (return 1)))");
  EXPECT_EQ(parse_query("EXPLAIN RETURN 1").mode, ast::ExplainMode::Explain);
}

TEST(ParseStatement, Union) {
  EXPECT_EQ(sexpr("RETURN 1 AS x UNION RETURN 2 AS x"),
            "(union (query (return (as 1 x))) distinct (query (return (as 2 x))))");
  EXPECT_EQ(sexpr("RETURN 1 AS x UNION ALL RETURN 2 AS x UNION ALL RETURN 3 AS x"),
            "(union (query (return (as 1 x))) all (query (return (as 2 x))) all (query (return "
            "(as 3 x))))");
  const ast::Statement st = parse_query("RETURN 1 UNION ALL RETURN 2");
  ASSERT_EQ(st.query.parts.size(), 2u);
  ASSERT_EQ(st.query.unions.size(), 1u);
  EXPECT_EQ(st.query.unions[0], ast::UnionKind::All);
}

TEST(ParseStatement, WholeInputMustBeConsumed) {
  auto e = error_of("RETURN 1 RETURN 2 )");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->column(), 19u);
  EXPECT_TRUE(error_of(""));
  EXPECT_TRUE(error_of(";"));
  EXPECT_TRUE(error_of("RETURN 1;;"));
}

// ---- reading clauses

TEST(ParseClauses, Match) {
  EXPECT_EQ(sexpr("MATCH (a), (b:B) RETURN a"),
            "(query (match (pattern (path (node a)) (path (node b :B)))) (return a))");
  EXPECT_EQ(sexpr("OPTIONAL MATCH (a)-[r]-(b) WHERE r.w > 1 RETURN b"),
            "(query (optional-match (pattern (path (node a) (rel -- r) (node b))) (where (> (. r "
            "w) 1))) (return b))");
  EXPECT_EQ(sexpr("MATCH (a) MATCH (b) RETURN a, b"),
            "(query (match (pattern (path (node a)))) (match (pattern (path (node b)))) (return a "
            "b))");
}

TEST(ParseClauses, Unwind) {
  EXPECT_EQ(sexpr("UNWIND [1, 2] AS x RETURN x"), "(query (unwind (list 1 2) x) (return x))");
}

TEST(ParseClauses, Call) {
  EXPECT_EQ(sexpr("CALL db.labels()"), "(query (call db.labels (args)))");
  EXPECT_EQ(sexpr("CALL db.labels"), "(query (call db.labels))");
  EXPECT_EQ(sexpr("CALL test.my.proc('a', 1) YIELD *"),
            "(query (call test.my.proc (args 'a' 1) (yield *)))");
  EXPECT_EQ(sexpr("CALL p(1) YIELD a AS b, c WHERE b > 1 RETURN b, c"),
            "(query (call p (args 1) (yield (as a b) c) (where (> b 1))) (return b c))");
  const ast::Statement st = parse_query("CALL db.labels");
  EXPECT_TRUE(st.is_standalone_call());
  const auto& call = st.query.parts[0].clauses[0].as<ast::Call>();
  EXPECT_FALSE(call.args.has_value());
  EXPECT_FALSE(parse_query("CALL p() YIELD x RETURN x").is_standalone_call());
}

TEST(ParseClauses, YieldStarOnlyInAStandaloneCall) {
  auto e = error_of("CALL test.my.proc('Stefan', 1) YIELD *\nRETURN city");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->detail(), "UnexpectedSyntax");
  EXPECT_EQ(e->line(), 1u);
  EXPECT_EQ(e->column(), 38u);
}

// ---- projections

TEST(ParseClauses, Return) {
  EXPECT_EQ(sexpr("RETURN *"), "(query (return *))");
  EXPECT_EQ(sexpr("MATCH (n) RETURN *, n.x AS x"),
            "(query (match (pattern (path (node n)))) (return * (as (. n x) x)))");
  EXPECT_EQ(sexpr("MATCH (n) RETURN DISTINCT n.x ORDER BY n.x DESC, n.y ASC, n.z SKIP 1 LIMIT 2"),
            "(query (match (pattern (path (node n)))) (return distinct (. n x) (order-by (desc (. "
            "n x)) (asc (. n y)) (asc (. n z))) (skip 1) (limit 2)))");
  EXPECT_EQ(sexpr("MATCH (n) RETURN n ORDER BY n.a ASCENDING, n.b DESCENDING"),
            "(query (match (pattern (path (node n)))) (return n (order-by (asc (. n a)) (desc (. "
            "n b)))))");
  EXPECT_EQ(sexpr("RETURN 1 AS `the one`"), "(query (return (as 1 `the one`)))");
}

TEST(ParseClauses, ProjectionItemsKeepTheirTextForColumnNames) {
  const ast::Statement st = parse_query(
      "MATCH (n) RETURN n.name, count( * ) /* note */ ,\n  (n.age + 1) AS older, toUpper(n.x)");
  const auto& items = st.query.parts[0].clauses[1].as<ast::Return>().projection.items;
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].text, "n.name");
  EXPECT_EQ(items[1].text, "count( * )");
  EXPECT_EQ(items[2].text, "(n.age + 1)");
  EXPECT_EQ(items[2].alias, "older");
  EXPECT_EQ(items[3].text, "toUpper(n.x)");
  EXPECT_EQ(items[2].pos, (ast::Position{2, 3}));
}

TEST(ParseClauses, With) {
  EXPECT_EQ(sexpr("MATCH (n) WITH DISTINCT n.x AS x ORDER BY x SKIP 2 LIMIT 3 WHERE x > 1 RETURN "
                  "x"),
            "(query (match (pattern (path (node n)))) (with distinct (as (. n x) x) (order-by "
            "(asc x)) (skip 2) (limit 3) (where (> x 1))) (return x))");
  EXPECT_EQ(sexpr("WITH * RETURN 1"), "(query (with *) (return 1))");
}

// ---- updating clauses

TEST(ParseClauses, CreateAndDelete) {
  EXPECT_EQ(sexpr("CREATE (a:A {x: 1})-[:R {w: 2}]->(b), (c)"),
            "(query (create (pattern (path (node a :A (map (x 1))) (rel -> :R (map (w 2))) (node "
            "b)) (path (node c)))))");
  EXPECT_EQ(sexpr("MATCH (n) DELETE n"), "(query (match (pattern (path (node n)))) (delete n))");
  EXPECT_EQ(sexpr("MATCH (n)-[r]->() DETACH DELETE n, r"),
            "(query (match (pattern (path (node n) (rel -> r) (node)))) (detach-delete n r))");
}

TEST(ParseClauses, Merge) {
  EXPECT_EQ(sexpr("MERGE (n:P {id: 1}) ON CREATE SET n.created = 1, n.x = 2 ON MATCH SET "
                  "n.seen = true ON CREATE SET n:New"),
            "(query (merge (path (node n :P (map (id 1)))) (on-create (= (. n created) 1) (= (. "
            "n x) 2) (labels n :New)) (on-match (= (. n seen) true))))");
  EXPECT_EQ(sexpr("MERGE p = (a)-[:R]->(b)"),
            "(query (merge (path p = (node a) (rel -> :R) (node b))))");
}

TEST(ParseClauses, SetAndRemove) {
  EXPECT_EQ(sexpr("MATCH (n) SET n.a = 1, n = {b: 2}, n += $props, n:A:B, n.x.y = 3"),
            "(query (match (pattern (path (node n)))) (set (= (. n a) 1) (= n (map (b 2))) (+= n "
            "$props) (labels n :A :B) (= (. (. n x) y) 3)))");
  EXPECT_EQ(sexpr("MATCH (n) REMOVE n.a, n:A:B"),
            "(query (match (pattern (path (node n)))) (remove (. n a) (labels n :A :B)))");
}

TEST(ParseClauses, Foreach) {
  EXPECT_EQ(sexpr("MATCH p = (a)-->(b) FOREACH (n IN nodes(p) | SET n.seen = true CREATE (:L))"),
            "(query (match (pattern (path p = (node a) (rel ->) (node b)))) (foreach n (fn nodes "
            "p) (set (= (. n seen) true)) (create (pattern (path (node :L))))))");
  EXPECT_TRUE(error_of("FOREACH (x IN [1] | MATCH (n))"));
}

// ---- patterns

TEST(ParsePatterns, NodePatterns) {
  EXPECT_EQ(sexpr("MATCH () RETURN 1"), "(query (match (pattern (path (node)))) (return 1))");
  EXPECT_EQ(sexpr("MATCH (:A:B:`C d`) RETURN 1"),
            "(query (match (pattern (path (node :A :B :`C d`)))) (return 1))");
  EXPECT_EQ(sexpr("MATCH (n $props) RETURN 1"),
            "(query (match (pattern (path (node n $props)))) (return 1))");
  EXPECT_EQ(sexpr("MATCH (n:Order) RETURN 1"),  // a reserved word is a fine label
            "(query (match (pattern (path (node n :`Order`)))) (return 1))");
}

TEST(ParsePatterns, RelationshipDirectionsAndTypes) {
  auto part = [](const std::string& p) {
    const ast::Statement st = parse_query("MATCH " + p + " RETURN 1");
    return ast::to_sexpr(st.query.parts[0].clauses[0].as<ast::Match>().pattern[0]);
  };
  EXPECT_EQ(part("(a)-->(b)"), "(path (node a) (rel ->) (node b))");
  EXPECT_EQ(part("(a)<--(b)"), "(path (node a) (rel <-) (node b))");
  EXPECT_EQ(part("(a)--(b)"), "(path (node a) (rel --) (node b))");
  EXPECT_EQ(part("(a)<-->(b)"), "(path (node a) (rel --) (node b))");
  EXPECT_EQ(part("(a) - [ r : T ] -> (b)"), "(path (node a) (rel -> r :T) (node b))");
  EXPECT_EQ(part("(a)-[:A|B]->(b)"), "(path (node a) (rel -> :A|B) (node b))");
  EXPECT_EQ(part("(a)-[:A|:B|C]-(b)"), "(path (node a) (rel -- :A|B|C) (node b))");
  EXPECT_EQ(part("(a)<-[r:T {w: 1}]-(b)-[s]->(c)"),
            "(path (node a) (rel <- r :T (map (w 1))) (node b) (rel -> s) (node c))");
  EXPECT_EQ(part("(a)-[$p]->(b)"), "(path (node a) (rel -> $p) (node b))");
}

TEST(ParsePatterns, VariableLength) {
  auto rel = [](const std::string& r) {
    const ast::Statement st = parse_query("MATCH (a)-[" + r + "]->(b) RETURN 1");
    return ast::to_sexpr(st.query.parts[0].clauses[0].as<ast::Match>().pattern[0]);
  };
  EXPECT_EQ(rel("*"), "(path (node a) (rel -> *) (node b))");
  EXPECT_EQ(rel("*2"), "(path (node a) (rel -> *2) (node b))");
  EXPECT_EQ(rel("*1..3"), "(path (node a) (rel -> *1..3) (node b))");
  EXPECT_EQ(rel("*..3"), "(path (node a) (rel -> *..3) (node b))");
  EXPECT_EQ(rel("*2.."), "(path (node a) (rel -> *2..) (node b))");
  EXPECT_EQ(rel("r:T*0..1 {x: 1}"), "(path (node a) (rel -> r :T *0..1 (map (x 1))) (node b))");

  const ast::Statement st = parse_query("MATCH (a)-[*..3]->(b) RETURN 1");
  const auto& length =
      st.query.parts[0].clauses[0].as<ast::Match>().pattern[0].steps[0].relationship.length;
  ASSERT_TRUE(length);
  EXPECT_FALSE(length->min);
  EXPECT_EQ(length->max, 3);
}

TEST(ParsePatterns, MalformedVariableLength) {
  for (const char* q :
       {"MATCH (a)-[:LIKES..]->(c) RETURN c", "MATCH (a)-[:LIKES*-2]->(c) RETURN c"}) {
    auto e = error_of(q);
    ASSERT_TRUE(e) << q;
    EXPECT_EQ(e->detail(), "InvalidRelationshipPattern") << q;
  }
}

TEST(ParsePatterns, NamedPathsAndShortestPaths) {
  EXPECT_EQ(sexpr("MATCH p = (a)-->(b) RETURN p"),
            "(query (match (pattern (path p = (node a) (rel ->) (node b)))) (return p))");
  EXPECT_EQ(sexpr("MATCH p = shortestPath((a)-[:R*]-(b)) RETURN p"),
            "(query (match (pattern (shortest-path p = (node a) (rel -- :R *) (node b)))) (return "
            "p))");
  EXPECT_EQ(sexpr("MATCH allShortestPaths((a)-[*]->(b)) RETURN 1"),
            "(query (match (pattern (all-shortest-paths (node a) (rel -> *) (node b)))) (return "
            "1))");
  EXPECT_EQ(sexpr("MATCH ((a)-->(b)) RETURN 1"),
            "(query (match (pattern (path (node a) (rel ->) (node b)))) (return 1))");
}

// ---- positions

TEST(ParsePositions, NodesKnowWhereTheyStart) {
  const ast::Statement st = parse_query("MATCH (a)\n  -[r:T]->(b)\nWHERE a.x = 1\nRETURN b");
  const auto& clauses = st.query.parts[0].clauses;
  EXPECT_EQ(clauses[0].pos, (ast::Position{1, 1}));
  const auto& match = clauses[0].as<ast::Match>();
  EXPECT_EQ(match.pattern[0].start.pos, (ast::Position{1, 7}));
  EXPECT_EQ(match.pattern[0].steps[0].relationship.pos, (ast::Position{2, 3}));
  EXPECT_EQ(match.pattern[0].steps[0].node.pos, (ast::Position{2, 11}));
  EXPECT_EQ(match.where->pos, (ast::Position{3, 7}));
  const auto& cmp = match.where->as<ast::Comparison>();
  EXPECT_EQ(cmp.operands[1]->pos, (ast::Position{3, 13}));
  EXPECT_EQ(clauses[1].pos, (ast::Position{4, 1}));
}

TEST(ParsePositions, ColumnsCountCharactersNotBytes) {
  const ast::Statement st = parse_query("RETURN 'héé', x");
  const auto& items = st.query.parts[0].clauses[0].as<ast::Return>().projection.items;
  EXPECT_EQ(items[1].expression->pos, (ast::Position{1, 15}));
}

}  // namespace
}  // namespace kith::query
