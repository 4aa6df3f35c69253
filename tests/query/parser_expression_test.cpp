// Expressions: literals, operators and their precedence, postfix operators and every compound
// form, checked through the AST printer.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "parser_test_support.hpp"

namespace kith::query {
namespace {

using testing::error_of;
using testing::expr;

// ---- literals

TEST(ParseLiterals, Integers) {
  EXPECT_EQ(expr("42"), "42");
  EXPECT_EQ(expr("0"), "0");
  EXPECT_EQ(expr("0x1F"), "31");
  EXPECT_EQ(expr("0x7FFFFFFFFFFFFFFF"), "9223372036854775807");
  EXPECT_EQ(expr("0o17"), "15");
  EXPECT_EQ(expr("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(expr("-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(expr("-0x8000000000000000"), "-9223372036854775808");
  EXPECT_EQ(expr("- 7"), "-7");
}

TEST(ParseLiterals, IntegerLiteralIsAnInt64Value) {
  const ast::Statement st = parse_query("RETURN -9223372036854775808");
  const auto& e = *st.query.parts[0].clauses[0].as<ast::Return>().projection.items[0].expression;
  ASSERT_TRUE(e.is<ast::Literal>());
  EXPECT_EQ(e.as<ast::Literal>().value.as<std::int64_t>(),
            std::numeric_limits<std::int64_t>::min());
}

TEST(ParseLiterals, IntegerOverflowIsASyntaxError) {
  for (const char* q :
       {"RETURN 9223372036854775808", "RETURN -9223372036854775809", "RETURN 0x8000000000000000",
        "RETURN 0o1000000000000000000000", "RETURN 99999999999999999999999999"}) {
    auto e = error_of(q);
    ASSERT_TRUE(e) << q;
    EXPECT_EQ(e->error_class(), "SyntaxError") << q;
    EXPECT_EQ(e->detail(), "IntegerOverflow") << q;
    EXPECT_EQ(e->column(), 8u) << q;
  }
}

TEST(ParseLiterals, Floats) {
  EXPECT_EQ(expr("1.5"), "1.5");
  EXPECT_EQ(expr(".5"), "0.5");
  EXPECT_EQ(expr("1e3"), "1000.0");
  EXPECT_EQ(expr("1E-2"), "0.01");
  EXPECT_EQ(expr("2.5e+2"), "250.0");
  EXPECT_EQ(expr("-1.5"), "-1.5");
  EXPECT_EQ(expr("1e-400"), "0.0");  // underflows to zero, as in IEEE arithmetic
  auto e = error_of("RETURN 1.34E999");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->detail(), "FloatingPointOverflow");
}

TEST(ParseLiterals, MalformedNumbers) {
  for (const char* q :
       {"RETURN 0x", "RETURN 0x1g", "RETURN 12abc", "RETURN 1e", "RETURN 0123", "RETURN 1.5x"}) {
    auto e = error_of(q);
    ASSERT_TRUE(e) << q;
    EXPECT_EQ(e->detail(), "InvalidNumberLiteral") << q;
    EXPECT_EQ(e->column(), 8u) << q;
  }
}

TEST(ParseLiterals, Strings) {
  EXPECT_EQ(expr("'abc'"), "'abc'");
  EXPECT_EQ(expr("\"abc\""), "'abc'");
  EXPECT_EQ(expr("''"), "''");
  EXPECT_EQ(expr(R"('it\'s')"), R"('it\'s')");
  EXPECT_EQ(expr(R"("say \"hi\"")"), "'say \"hi\"'");
  EXPECT_EQ(expr(R"('a\\b')"), R"('a\\b')");
  EXPECT_EQ(expr(R"('tab\there')"), R"('tab\there')");
  EXPECT_EQ(expr(R"('line\nbreak')"), R"('line\nbreak')");
  EXPECT_EQ(expr("'\"'"), "'\"'");
}

TEST(ParseLiterals, UnicodeEscapesDecodeToUtf8) {
  EXPECT_EQ(expr(R"('\u01FF')"), "'\xC7\xBF'");
  EXPECT_EQ(expr(R"('\u00e9t\u00E9')"), "'\xC3\xA9t\xC3\xA9'");
  EXPECT_EQ(expr(R"('\U0001F600')"), "'\xF0\x9F\x98\x80'");
  EXPECT_EQ(expr(R"('\uD83D\uDE00')"), "'\xF0\x9F\x98\x80'");  // a UTF-16 surrogate pair
  EXPECT_EQ(expr("'caf\xC3\xA9'"), "'caf\xC3\xA9'");
}

TEST(ParseLiterals, BadEscapes) {
  auto e = error_of(R"(RETURN '\uH')");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->detail(), "InvalidUnicodeLiteral");
  EXPECT_EQ(e->column(), 9u);
  e = error_of(R"(RETURN '\uD800')");  // a lone surrogate is not a character
  ASSERT_TRUE(e);
  EXPECT_EQ(e->detail(), "InvalidUnicodeLiteral");
  e = error_of(R"(RETURN 'a\qb')");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->detail(), "UnexpectedSyntax");
  EXPECT_NE(std::string(e->what()).find("escape"), std::string::npos);
}

TEST(ParseLiterals, BooleansNullListsAndMaps) {
  EXPECT_EQ(expr("true"), "true");
  EXPECT_EQ(expr("FALSE"), "false");
  EXPECT_EQ(expr("Null"), "null");
  EXPECT_EQ(expr("[]"), "(list)");
  EXPECT_EQ(expr("[1, 'a', [2]]"), "(list 1 'a' (list 2))");
  EXPECT_EQ(expr("{}"), "(map)");
  EXPECT_EQ(expr("{a: 1, `b c`: [true], order: null}"),
            "(map (a 1) (`b c` (list true)) (`order` null))");
}

TEST(ParseLiterals, Parameters) {
  EXPECT_EQ(expr("$name"), "$name");
  EXPECT_EQ(expr("$0"), "$0");
  EXPECT_EQ(expr("$`odd name`"), "$`odd name`");
  EXPECT_EQ(expr("$limit"), "$limit");  // reserved words are fine as parameter names
}

// ---- precedence

TEST(ParsePrecedence, BooleanOperators) {
  EXPECT_EQ(expr("a OR b XOR c AND d"), "(or a (xor b (and c d)))");
  EXPECT_EQ(expr("a AND b OR c"), "(or (and a b) c)");
  EXPECT_EQ(expr("NOT a AND b"), "(and (not a) b)");
  EXPECT_EQ(expr("NOT NOT a"), "(not (not a))");
  EXPECT_EQ(expr("NOT a = b"), "(not (= a b))");
  EXPECT_EQ(expr("a OR b OR c"), "(or (or a b) c)");
}

TEST(ParsePrecedence, Comparisons) {
  EXPECT_EQ(expr("a = b"), "(= a b)");
  EXPECT_EQ(expr("a <> b"), "(<> a b)");
  EXPECT_EQ(expr("1 < 2 <= 3"), "(compare 1 < 2 <= 3)");
  EXPECT_EQ(expr("a > b >= c = d"), "(compare a > b >= c = d)");
  EXPECT_EQ(expr("a + 1 < b * 2"), "(< (+ a 1) (* b 2))");
  EXPECT_EQ(expr("a = b IN c"), "(= a (in b c))");
}

TEST(ParsePrecedence, StringListAndNullPredicates) {
  EXPECT_EQ(expr("a STARTS WITH 'x'"), "(starts-with a 'x')");
  EXPECT_EQ(expr("a ENDS WITH 'x'"), "(ends-with a 'x')");
  EXPECT_EQ(expr("a CONTAINS 'x'"), "(contains a 'x')");
  EXPECT_EQ(expr("a =~ 'x.*'"), "(=~ a 'x.*')");
  EXPECT_EQ(expr("a + b IN c"), "(in (+ a b) c)");
  EXPECT_EQ(expr("a IS NULL"), "(is-null a)");
  EXPECT_EQ(expr("a.b IS NOT NULL"), "(is-not-null (. a b))");
  EXPECT_EQ(expr("a IN b IS NULL"), "(is-null (in a b))");
  EXPECT_EQ(expr("NOT a IS NULL"), "(not (is-null a))");
}

TEST(ParsePrecedence, Arithmetic) {
  EXPECT_EQ(expr("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(expr("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(expr("8 / 4 % 3 * 2"), "(* (% (/ 8 4) 3) 2)");
  EXPECT_EQ(expr("2 * 3 ^ 2"), "(* 2 (^ 3 2))");
  EXPECT_EQ(expr("2 ^ 3 ^ 2"), "(^ (^ 2 3) 2)");
  // Unary minus binds tighter than ^: the TCK's -3 ^ 2 is 9.
  EXPECT_EQ(expr("-3 ^ 2"), "(^ -3 2)");
  EXPECT_EQ(expr("-x ^ 2"), "(^ (- x) 2)");
  EXPECT_EQ(expr("-(3 ^ 2)"), "(- (^ 3 2))");
  EXPECT_EQ(expr("+x"), "(+ x)");
  EXPECT_EQ(expr("- -x"), "(- (- x))");
  EXPECT_EQ(expr("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(expr("1--1"), "(- 1 -1)");
}

// ---- postfix operators

TEST(ParsePostfix, PropertiesIndexesSlicesAndLabels) {
  EXPECT_EQ(expr("n.name"), "(. n name)");
  EXPECT_EQ(expr("n.address.city"), "(. (. n address) city)");
  EXPECT_EQ(expr("n.`first name`"), "(. n `first name`)");
  EXPECT_EQ(expr("n.order"), "(. n `order`)");  // printed quoted, as reserved words are
  EXPECT_EQ(expr("l[0]"), "([] l 0)");
  EXPECT_EQ(expr("l[1..3]"), "([..] l 1 3)");
  EXPECT_EQ(expr("l[..3]"), "([..] l _ 3)");
  EXPECT_EQ(expr("l[1..]"), "([..] l 1 _)");
  EXPECT_EQ(expr("l[..]"), "([..] l _ _)");
  EXPECT_EQ(expr("m['k'][0].x"), "(. ([] ([] m 'k') 0) x)");
  EXPECT_EQ(expr("n:Person"), "(has-labels n :Person)");
  EXPECT_EQ(expr("n:Person:Admin"), "(has-labels n :Person :Admin)");
  EXPECT_EQ(expr("n.x:Tag"), "(has-labels (. n x) :Tag)");
  EXPECT_EQ(expr("-n.x"), "(- (. n x))");
  EXPECT_EQ(expr("[1, 2, 3][1]"), "([] (list 1 2 3) 1)");
}

// ---- calls and compound expressions

TEST(ParseCompound, FunctionCalls) {
  EXPECT_EQ(expr("count(*)"), "(count-star)");
  EXPECT_EQ(expr("COUNT( * )"), "(count-star)");
  EXPECT_EQ(expr("count(n)"), "(fn count n)");
  EXPECT_EQ(expr("count(DISTINCT n.name)"), "(fn count distinct (. n name))");
  EXPECT_EQ(expr("toUpper('a')"), "(fn toUpper 'a')");
  EXPECT_EQ(expr("rand()"), "(fn rand)");
  EXPECT_EQ(expr("date.truncate('month', d)"), "(fn date.truncate 'month' d)");
  EXPECT_EQ(expr("apoc.coll.sum([1, 2])"), "(fn apoc.coll.sum (list 1 2))");
  EXPECT_EQ(expr("coalesce(a, b, 'c')"), "(fn coalesce a b 'c')");
}

TEST(ParseCompound, Case) {
  EXPECT_EQ(expr("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END"),
            "(case (when a 1) (when b 2) (else 3))");
  EXPECT_EQ(expr("CASE x WHEN 1 THEN 'one' END"), "(case x (when 1 'one'))");
  EXPECT_EQ(expr("case n.kind when 'a' then 1 else 0 end"),
            "(case (. n kind) (when 'a' 1) (else 0))");
}

TEST(ParseCompound, Comprehensions) {
  EXPECT_EQ(expr("[x IN l WHERE x > 1 | x * 2]"), "(list-comp x l (where (> x 1)) (| (* x 2)))");
  EXPECT_EQ(expr("[x IN l WHERE x > 1]"), "(list-comp x l (where (> x 1)))");
  EXPECT_EQ(expr("[x IN l | x.name]"), "(list-comp x l (| (. x name)))");
  EXPECT_EQ(expr("[x IN range(1, 3)]"), "(list-comp x (fn range 1 3))");
  EXPECT_EQ(expr("[(a)-->(b) | b.name]"),
            "(pattern-comp (path (node a) (rel ->) (node b)) (| (. b name)))");
  EXPECT_EQ(expr("[p = (a)-[:R]->(:B) WHERE a.x = 1 | p]"),
            "(pattern-comp (path p = (node a) (rel -> :R) (node :B)) (where (= (. a x) 1)) (| "
            "p))");
}

TEST(ParseCompound, QuantifiersAndReduce) {
  EXPECT_EQ(expr("all(x IN l WHERE x > 0)"), "(all x l (where (> x 0)))");
  EXPECT_EQ(expr("any(x IN l WHERE x = 1)"), "(any x l (where (= x 1)))");
  EXPECT_EQ(expr("none(x IN l WHERE x IS NULL)"), "(none x l (where (is-null x)))");
  EXPECT_EQ(expr("single(x IN l WHERE x)"), "(single x l (where x))");
  EXPECT_EQ(expr("reduce(acc = 0, x IN l | acc + x)"), "(reduce acc 0 x l (+ acc x))");
}

TEST(ParseCompound, MapProjection) {
  EXPECT_EQ(expr("n{.name, .*, age: n.age + 1, other}"),
            "(map-proj n .name .* (age (+ (. n age) 1)) other)");
  EXPECT_EQ(expr("n {}"), "(map-proj n)");
}

TEST(ParseCompound, ExistsAndPatternPredicates) {
  EXPECT_EQ(expr("exists(n.name)"), "(fn exists (. n name))");
  EXPECT_EQ(expr("exists((n)-->())"), "(fn exists (pattern-pred (path (node n) (rel ->) (node))))");
  EXPECT_EQ(expr("EXISTS { (n)-[:R]->(m) WHERE m.x = 1 }"),
            "(exists (pattern (path (node n) (rel -> :R) (node m))) (where (= (. m x) 1)))");
  EXPECT_EQ(expr("EXISTS { MATCH (n)-->(m) RETURN m }"),
            "(exists (query (match (pattern (path (node n) (rel ->) (node m)))) (return m)))");
  EXPECT_EQ(expr("shortestPath((a)-[*]->(b))"), "(shortest-path (node a) (rel -> *) (node b))");
}

TEST(ParseCompound, PatternPredicatesOnlyWhereABooleanIsExpected) {
  EXPECT_EQ(testing::sexpr("MATCH (n) WHERE (n)-[:R]->() OR NOT (n)<--() RETURN n"),
            "(query (match (pattern (path (node n))) (where (or (pattern-pred (path (node n) "
            "(rel -> :R) (node))) (not (pattern-pred (path (node n) (rel <-) (node))))))) "
            "(return n))");
  for (const char* q :
       {"MATCH (n) RETURN (n)-->()", "MATCH (n) WITH (n)-->() AS x RETURN x",
        "MATCH (n) RETURN size((n)-->())", "MATCH (n) WHERE size((n)-->()) > 1 RETURN n"}) {
    auto e = error_of(q);
    ASSERT_TRUE(e) << q;
    EXPECT_EQ(e->detail(), "UnexpectedSyntax") << q;
  }
}

TEST(ParseCompound, KeywordsAreCaseInsensitiveNamesAreNot) {
  EXPECT_EQ(testing::sexpr("match (N:Person) where N.Age > 1 return N"),
            testing::sexpr("MATCH (N:Person) WHERE N.Age > 1 RETURN N"));
  EXPECT_NE(testing::sexpr("MATCH (n) RETURN n"), testing::sexpr("MATCH (N) RETURN N"));
  EXPECT_EQ(expr("`RETURN`"), "`RETURN`");  // a quoted reserved word is a plain name
  EXPECT_EQ(expr("`we``ird`"), "`we``ird`");
  EXPECT_EQ(expr("count + any + none"), "(+ (+ count any) none)");  // not reserved
}

TEST(ParseCompound, Comments) {
  EXPECT_EQ(testing::sexpr("MATCH (n) // all nodes\n/* then */ RETURN n /* done */;"),
            "(query (match (pattern (path (node n)))) (return n))");
}

}  // namespace
}  // namespace kith::query
