#include "repl/script.hpp"

#include <gtest/gtest.h>

namespace kith::repl {
namespace {

std::vector<std::string> texts(const std::vector<Statement>& statements) {
  std::vector<std::string> out;
  for (const auto& s : statements)
    out.push_back(s.text);
  return out;
}

TEST(Script, SplitsOnSemicolonsOutsideStringsNamesAndComments) {
  const auto s = split_script(
      "MATCH (n) RETURN 'a;b' AS x;\n"
      "RETURN \"c;\\\"d\" AS `we;ird`; RETURN 1 // not; the end\n"
      "AS one;\n"
      "/* a; comment */ RETURN 2;");
  EXPECT_EQ(texts(s), (std::vector<std::string>{
                          "MATCH (n) RETURN 'a;b' AS x",
                          "RETURN \"c;\\\"d\" AS `we;ird`",
                          "RETURN 1                \nAS one",
                          "RETURN 2",
                      }));
}

TEST(Script, RecordsWhereEachStatementStarts) {
  const auto s = split_script("\n  RETURN 1;   RETURN\n 2;\n/* x */ RETURN 'é'; RETURN 3;");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].line, 2u);
  EXPECT_EQ(s[0].column, 3u);
  EXPECT_EQ(s[1].line, 2u);
  EXPECT_EQ(s[1].column, 15u);
  EXPECT_EQ(s[2].line, 4u);
  EXPECT_EQ(s[2].column, 9u);
  EXPECT_EQ(s[3].column, 21u) << "columns count characters, not bytes";
}

TEST(Script, MapsStatementPositionsToTheScript) {
  const auto s = split_script("// header\n   RETURN 1,\n  nope;");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].text, "RETURN 1,\n  nope");
  const auto first_line = source_position(s[0], 1, 8);
  EXPECT_EQ(first_line.line, 2u);
  EXPECT_EQ(first_line.column, 11u);
  const auto second_line = source_position(s[0], 2, 3);
  EXPECT_EQ(second_line.line, 3u);
  EXPECT_EQ(second_line.column, 3u);
}

TEST(Script, CommandsTakeTheirLineBetweenStatements) {
  const auto s =
      split_script(":param name 'Wen Li'\nMATCH (p)\n:Person) RETURN p;\n  :format csv;\n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].kind, Statement::Kind::Command);
  EXPECT_EQ(s[0].text, ":param name 'Wen Li'");
  EXPECT_EQ(s[1].kind, Statement::Kind::Query);
  EXPECT_EQ(s[1].text, "MATCH (p)\n:Person) RETURN p") << "':' inside a statement is a label";
  EXPECT_EQ(s[2].kind, Statement::Kind::Command);
  EXPECT_EQ(s[2].text, ":format csv");
  EXPECT_EQ(s[2].line, 4u);
  EXPECT_EQ(s[2].column, 3u);
}

TEST(Script, TheLastStatementNeedsNoSemicolon) {
  EXPECT_EQ(texts(split_script("RETURN 1;\nRETURN 2\n")),
            (std::vector<std::string>{"RETURN 1", "RETURN 2"}));
  EXPECT_TRUE(split_script("  // only a comment\n;;\n").empty());
}

TEST(Script, UnterminatedStringsAndCommentsAreErrorsAtTheirStart) {
  try {
    split_script("RETURN 1;\nRETURN 'abc;\n");
    FAIL() << "no error";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 8u);
    EXPECT_STREQ(e.what(), "unterminated string");
  }
  EXPECT_THROW(split_script("RETURN 1 /* open"), ScriptError);
  EXPECT_THROW(split_script("RETURN `open"), ScriptError);
}

TEST(Script, StringsAndCommentsMaySpanLines) {
  const auto s = split_script("RETURN 'a\nb;c' /* x\n; y */ AS v;");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].text, "RETURN 'a\nb;c'     \n       AS v");
}

TEST(Script, SplitterFedLineByLineAsTheReplDoes) {
  StatementSplitter splitter;
  splitter.feed_line("MATCH (n)");
  EXPECT_TRUE(splitter.pending());
  EXPECT_TRUE(splitter.take().empty());
  splitter.feed_line("RETURN n; RETURN 'x");
  auto done = splitter.take();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "MATCH (n)\nRETURN n");
  EXPECT_EQ(splitter.context(), LexicalContext::SingleQuoted);
  splitter.reset();
  EXPECT_FALSE(splitter.pending());
  splitter.feed_line(":help");
  done = splitter.take();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].kind, Statement::Kind::Command);
}

TEST(Script, ContextAtTheEnd) {
  EXPECT_EQ(context_at_end("MATCH (p {name: 'We"), LexicalContext::SingleQuoted);
  EXPECT_EQ(context_at_end("MATCH (p {name: \"We"), LexicalContext::DoubleQuoted);
  EXPECT_EQ(context_at_end("MATCH (p:`Per"), LexicalContext::Backticked);
  EXPECT_EQ(context_at_end("MATCH (p) // Per"), LexicalContext::LineComment);
  EXPECT_EQ(context_at_end("MATCH (p) // x\nRETURN p"), LexicalContext::Code);
  EXPECT_EQ(context_at_end("RETURN 'it\\'s"), LexicalContext::SingleQuoted);
  EXPECT_EQ(context_at_end("RETURN 'a' + 'b'"), LexicalContext::Code);
  EXPECT_EQ(context_at_end("/* x\ny"), LexicalContext::BlockComment);
}

}  // namespace
}  // namespace kith::repl
