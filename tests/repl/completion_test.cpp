#include "repl/completion.hpp"

#include <gtest/gtest.h>

namespace kith::repl {
namespace {

CompletionWords words() {
  CompletionWords w;
  w.labels = {"Account", "Person", "Project"};
  w.types = {"REPORTS_TO", "WORKS_AT"};
  w.keys = {"name", "title"};
  w.names = {"Wen Li", "Wendy Park", "Ana Ruiz"};
  w.parameters = {"who"};
  w.commands = {":format", ":help", ":param", ":params"};
  w.formats = {"csv", "json", "jsonl", "table", "tsv"};
  return w;
}

Completion at(std::string_view line, const StatementSplitter& s = {}) {
  return complete(s, line, words());
}

using Words = std::vector<std::string>;

TEST(Completion, LabelsAfterAColonInANodePattern) {
  const auto c = at("MATCH (p:P");
  EXPECT_EQ(c.start, 9u);
  EXPECT_EQ(c.candidates, (Words{"Person", "Project"}));
  EXPECT_EQ(at("MATCH (p:pe").candidates, (Words{"Person"})) << "case is ignored";
}

TEST(Completion, TypesInsideARelationshipPattern) {
  EXPECT_EQ(at("MATCH (a)-[r:").candidates, (Words{"REPORTS_TO", "WORKS_AT"}));
  EXPECT_EQ(at("MATCH (a)-[:REPORTS_TO|W").candidates, (Words{"WORKS_AT"}));
  StatementSplitter s;
  s.feed_line("MATCH (a)-[");
  EXPECT_EQ(at("  :R", s).candidates, (Words{"REPORTS_TO"}))
      << "the bracket was on an earlier line";
}

TEST(Completion, PropertyKeysAfterADot) {
  const auto c = at("RETURN p.ti");
  EXPECT_EQ(c.start, 9u);
  EXPECT_EQ(c.candidates, (Words{"title"}));
}

TEST(Completion, ParametersAfterADollar) {
  EXPECT_EQ(at("RETURN $w").candidates, (Words{"who"}));
}

TEST(Completion, NamesInsideQuotesComeWithTheClosingQuote) {
  const auto c = at("MATCH (p {name: 'Wen");
  EXPECT_EQ(c.start, 17u);
  EXPECT_EQ(c.candidates, (Words{"Wen Li'", "Wendy Park'"}));
  EXPECT_EQ(common_prefix(c.candidates), "Wen");
  EXPECT_EQ(at("RETURN \"an").candidates, (Words{"Ana Ruiz\""}));
  EXPECT_EQ(at("MATCH (p:`Pers").candidates, (Words{"Person`"}));
  EXPECT_TRUE(at("RETURN 1 // 'Wen").candidates.empty()) << "nothing inside comments";
}

TEST(Completion, KeywordsFollowTheCaseTyped) {
  const auto upper = at("MAT");
  EXPECT_EQ(upper.start, 0u);
  ASSERT_FALSE(upper.candidates.empty());
  EXPECT_EQ(upper.candidates[0], "MATCH");
  EXPECT_EQ(at("MATCH (n) ret").candidates, (Words{"return"}));
  EXPECT_TRUE(at("RETURN 12").candidates.empty());
}

TEST(Completion, CommandsAndTheirArguments) {
  EXPECT_EQ(at(":par").candidates, (Words{":param", ":params"}));
  EXPECT_EQ(common_prefix(at(":par").candidates), ":param");
  EXPECT_EQ(at(":format j").candidates, (Words{"json", "jsonl"}));
  EXPECT_EQ(at(":format j").start, 8u);
  StatementSplitter s;
  s.feed_line("MATCH (n)");
  EXPECT_TRUE(at(":par", s).candidates.empty()) << "inside a statement ':' starts a label";
}

}  // namespace
}  // namespace kith::repl
