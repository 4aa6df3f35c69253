// Syntax errors: exact positions, the caret display, what was expected, keyword suggestions,
// TCK detail codes, and hostile input (deep nesting, garbage) that must fail cleanly.
#include <gtest/gtest.h>

#include <string>

#include "parser_test_support.hpp"

namespace kith::query {
namespace {

using testing::error_of;

std::string message(std::string_view query) {
  auto e = error_of(query);
  if (!e) return "(parsed)";
  return e->what();
}

TEST(SyntaxErrors, AreCompileTimeSyntaxErrorsWithPosition) {
  auto e = error_of("MATCH (n)\nRETURN n +");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->phase(), ErrorPhase::CompileTime);
  EXPECT_EQ(e->error_class(), "SyntaxError");
  EXPECT_EQ(e->detail(), "UnexpectedSyntax");
  EXPECT_EQ(e->line(), 2u);
  EXPECT_EQ(e->column(), 11u);
}

TEST(SyntaxErrors, MissingExpression) {
  EXPECT_EQ(message("RETURN 1 +"),
            "syntax error at 1:11: unexpected end of input, expected an expression\n"
            "  RETURN 1 +\n"
            "            ^");
}

TEST(SyntaxErrors, MissingClosingParenthesis) {
  EXPECT_EQ(message("RETURN (1 + 2"),
            "syntax error at 1:14: unexpected end of input, expected ')'\n"
            "  RETURN (1 + 2\n"
            "               ^");
  EXPECT_EQ(message("RETURN [1, 2"),
            "syntax error at 1:13: unexpected end of input, expected ',' or ']'\n"
            "  RETURN [1, 2\n"
            "              ^");
}

TEST(SyntaxErrors, CaretIsOnTheOffendingLine) {
  EXPECT_EQ(message("MATCH (n)\nWHERE n.x = = 1\nRETURN n"),
            "syntax error at 2:13: unexpected '=', expected an expression\n"
            "  WHERE n.x = = 1\n"
            "              ^");
}

TEST(SyntaxErrors, CaretAccountsForTabsAndWideCharacters) {
  EXPECT_EQ(message("RETURN\t'é', )"),
            "syntax error at 1:13: unexpected ')', expected an expression\n"
            "  RETURN\t'é', )\n"
            "        \t     ^");
}

TEST(SyntaxErrors, DidYouMeanAKeyword) {
  EXPECT_EQ(message("MATCH (n) RETRUN n"),
            "syntax error at 1:11: unexpected 'RETRUN', expected ',', WHERE, a clause, UNION, ';' "
            "or end of input; did you mean RETURN?\n"
            "  MATCH (n) RETRUN n\n"
            "            ^");
  EXPECT_NE(message("MACTH (n) RETURN n").find("did you mean MATCH?"), std::string::npos);
  EXPECT_NE(message("match (n) retrun n").find("did you mean RETURN?"), std::string::npos);
  EXPECT_NE(message("OPTINAL MATCH (n) RETURN n").find("did you mean OPTIONAL?"),
            std::string::npos);
  EXPECT_NE(message("MATCH (n) WERE n.x = 1 RETURN n").find("did you mean WHERE?"),
            std::string::npos);
  EXPECT_NE(message("MATCH (n) WHERE n.x = 1 ADN n.y = 2 RETURN n").find("did you mean AND?"),
            std::string::npos);
  EXPECT_NE(message("MATCH (n) RETURN n ORDER BY n.x DSEC").find("did you mean DESC?"),
            std::string::npos);
  EXPECT_NE(message("MATCH (n) RETURN n LIMT 1").find("did you mean LIMIT?"), std::string::npos);
  // No suggestion for a word that is not near any keyword accepted there.
  EXPECT_EQ(message("MATCH (n) FROBNICATE n").find("did you mean"), std::string::npos);
}

TEST(SyntaxErrors, ExpectedNames) {
  EXPECT_NE(message("MATCH (n:) RETURN n").find("expected a label"), std::string::npos);
  EXPECT_NE(message("UNWIND [1] AS RETURN 1").find("expected a variable"), std::string::npos);
  EXPECT_NE(message("MATCH (a)-[r:]->(b) RETURN a").find("expected a relationship type"),
            std::string::npos);
  EXPECT_NE(message("MATCH RETURN 1").find("expected a pattern"), std::string::npos);
  EXPECT_NE(message("CREATE (n) SET RETURN n").find("expected a SET item"), std::string::npos);
}

TEST(SyntaxErrors, TckLiteralForms) {
  struct Case {
    const char* query;
    const char* detail;
  };
  for (const Case& c : {
           Case{"RETURN [, ] AS literal", "UnexpectedSyntax"},
           Case{"RETURN [[[]] AS literal", "UnexpectedSyntax"},
           Case{"RETURN {1B2c3e67:1} AS literal", "UnexpectedSyntax"},
           Case{"RETURN {k1#k: 1} AS literal", "UnexpectedSyntax"},
           Case{"RETURN {k1.k: 1} AS literal", "UnexpectedSyntax"},
           Case{"RETURN {1} AS literal", "UnexpectedSyntax"},
           Case{"RETURN {{}} AS literal", "UnexpectedSyntax"},
           Case{"RETURN 9223372#54775808 AS literal", "UnexpectedSyntax"},
           Case{"RETURN 9223372h54775808 AS literal", "InvalidNumberLiteral"},
       }) {
    auto e = error_of(c.query);
    ASSERT_TRUE(e) << c.query;
    EXPECT_EQ(e->detail(), c.detail) << c.query;
  }
}

TEST(SyntaxErrors, LookalikeUnicodeCharacters) {
  auto e = error_of("RETURN 42 \xE2\x80\x94 41");  // an em dash
  ASSERT_TRUE(e);
  EXPECT_EQ(e->detail(), "InvalidUnicodeCharacter");
  EXPECT_EQ(e->column(), 11u);
  EXPECT_NE(std::string(e->what()).find("U+2014"), std::string::npos);
  EXPECT_NE(std::string(e->what()).find("did you mean '-'?"), std::string::npos);
  e = error_of("RETURN \xE2\x80\x98x\xE2\x80\x99");  // curly quotes
  ASSERT_TRUE(e);
  EXPECT_NE(std::string(e->what()).find("did you mean '''?"), std::string::npos);
}

TEST(SyntaxErrors, UnterminatedTokens) {
  auto e = error_of("RETURN 'abc");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->column(), 8u);
  EXPECT_NE(std::string(e->what()).find("never closed"), std::string::npos);
  e = error_of("RETURN 1 /* comment");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->column(), 10u);
  e = error_of("RETURN `name");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->column(), 8u);
}

TEST(SyntaxErrors, LongLinesShowAWindowAroundTheCaret) {
  const std::string query = "RETURN [" + std::string(300, '1') + " 2]";
  const std::string msg = message(query);
  EXPECT_NE(msg.find("syntax error at 1:310:"), std::string::npos);
  const auto caret_line = msg.substr(msg.rfind('\n') + 1);
  const auto shown_line = msg.substr(msg.find('\n') + 1, msg.rfind('\n') - msg.find('\n') - 1);
  EXPECT_LT(shown_line.size(), 140u);
  ASSERT_LT(caret_line.size() - 1, shown_line.size());
  EXPECT_EQ(shown_line[caret_line.size() - 1], '2');
}

// ---- hostile input

TEST(HostileInput, DeepParenthesesAreAnErrorNotACrash) {
  const std::string deep = "RETURN " + std::string(100000, '(') + "1" + std::string(100000, ')');
  auto e = error_of(deep);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->error_class(), "SyntaxError");
  EXPECT_NE(std::string(e->what()).find("nested too deeply"), std::string::npos);
}

TEST(HostileInput, DeepListsMapsAndPrefixes) {
  for (const std::string& q : {
           "RETURN " + std::string(100000, '[') + std::string(100000, ']'),
           "RETURN " + std::string(100000, '['),
           [] {
             std::string s = "RETURN ";
             for (int i = 0; i < 50000; ++i)
               s += "{a:";
             return s + "1" + std::string(50000, '}');
           }(),
           [] {
             std::string s = "RETURN ";
             for (int i = 0; i < 50000; ++i)
               s += "NOT ";
             return s + "true";
           }(),
           "RETURN " + std::string(100000, '-') + "1",
           "MATCH " + std::string(100000, '(') + "n" + std::string(100000, ')') + " RETURN n",
       }) {
    auto e = error_of(q);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->error_class(), "SyntaxError");
  }
}

TEST(HostileInput, LongOperatorChainsAreBounded) {
  std::string chain = "RETURN 1";
  for (int i = 0; i < 100000; ++i)
    chain += "+1";
  auto e = error_of(chain);
  ASSERT_TRUE(e);
  EXPECT_NE(std::string(e->what()).find("nested too deeply"), std::string::npos);

  std::string props = "RETURN n";
  for (int i = 0; i < 100000; ++i)
    props += ".a";
  EXPECT_TRUE(error_of(props));
}

TEST(HostileInput, ModerateNestingStillParses) {
  EXPECT_EQ(testing::expr(std::string(150, '(') + "1" + std::string(150, ')')), "1");
  std::string terms = "1";
  for (int i = 0; i < 1000; ++i)
    terms += " OR x";
  EXPECT_FALSE(error_of("RETURN " + terms));
  std::string list = "RETURN [";
  for (int i = 0; i < 2000; ++i)
    list += i == 0 ? "1" : ", 1";
  EXPECT_FALSE(error_of(list + "]"));  // long flat lists are not nesting
}

TEST(HostileInput, GarbageFailsCleanly) {
  for (const std::string& q :
       {std::string("\x01\x02\x03"), std::string("\xFF\xFE RETURN 1"), std::string("RETURN 1", 9),
        std::string(")))))"), std::string("MATCH (n"),
        std::string("MATCH (n)-[:R*1..2..3]->() RETURN n"), std::string("RETURN $"),
        std::string("RETURN n.")}) {
    auto e = error_of(q);
    ASSERT_TRUE(e) << q;
    EXPECT_EQ(e->error_class(), "SyntaxError") << q;
    EXPECT_GE(e->line(), 1u) << q;
  }
}

// Alternatives that start alike (a list comprehension and a list literal, a pattern and a
// parenthesized expression, a quantifier and a function call) make a PEG parser re-parse
// text after backtracking; nested, that is exponential unless failures are remembered.
std::string nest(const std::string& open, const std::string& inner, const std::string& close,
                 int depth) {
  std::string q;
  for (int i = 0; i < depth; ++i)
    q += open;
  q += inner;
  for (int i = 0; i < depth; ++i)
    q += close;
  return q;
}

TEST(HostileInput, BacktrackingStaysFast) {
  for (const std::string& e : {
           nest("[x IN ", "1", ", 1]", 40),            // comprehension, then list literal
           nest("any(x IN ", "[1]", ", 1)", 40),       // quantifier, then function call
           nest("(n {a: ", "1", "})", 40),             // pattern, then map projection
           nest("[(n {a: ", "1", "})-->() | 1]", 40),  // pattern comprehension
       }) {
    auto err = error_of("RETURN " + e);
    EXPECT_FALSE(err) << err->what();
  }
}

}  // namespace
}  // namespace kith::query
