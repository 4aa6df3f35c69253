#include "gherkin.hpp"

#include <gtest/gtest.h>

namespace kith::tck {
namespace {

TEST(Gherkin, ScenarioWithDocstringAndTable) {
  const auto f = parse_feature(R"(Feature: Match1 - Match nodes

  Scenario: [2] Matching all nodes
    Given an empty graph
    And having executed:
      """
      CREATE (:A),
        (:B {name: 'b'})
      """
    When executing query:
      """
      MATCH (n) RETURN n
      """
    Then the result should be, in any order:
      | n                |
      | (:A)             |
      | (:B {name: 'b'}) |
    And no side effects
)",
                               "Match1.feature");
  EXPECT_EQ(f.name, "Match1 - Match nodes");
  ASSERT_EQ(f.scenarios.size(), 1u);
  const auto& s = f.scenarios[0];
  EXPECT_EQ(s.name, "[2] Matching all nodes");
  ASSERT_EQ(s.steps.size(), 5u);
  EXPECT_EQ(s.steps[1].text, "having executed:");
  EXPECT_EQ(s.steps[1].docstring, "CREATE (:A),\n  (:B {name: 'b'})");
  ASSERT_TRUE(s.steps[3].table);
  EXPECT_EQ(s.steps[3].table->size(), 3u);
  EXPECT_EQ((*s.steps[3].table)[2][0], "(:B {name: 'b'})");
}

TEST(Gherkin, OutlineExpandsOneScenarioPerExample) {
  const auto f = parse_feature(R"(Feature: F
  Scenario Outline: [6] Fail when indexing #Example: <name>
    Given any graph
    When executing query:
      """
      WITH <expr> AS list RETURN list[0]
      """
    Then a TypeError should be raised at any time: InvalidArgumentType

    Examples:
      | expr   | name    |
      | true   | boolean |
      | 'a\|b' | string  |
)",
                               "F.feature");
  ASSERT_EQ(f.scenarios.size(), 2u);
  EXPECT_EQ(f.scenarios[0].name, "[6] Fail when indexing #Example: boolean (example 1)");
  EXPECT_EQ(f.scenarios[1].steps[1].docstring, "WITH 'a|b' AS list RETURN list[0]");
}

TEST(Gherkin, BackgroundStepsComeFirst) {
  const auto f = parse_feature(
      "Feature: F\n  Background:\n    Given an empty graph\n"
      "  Scenario: s\n    When executing query:\n      \"\"\"\n"
      "      RETURN 1\n      \"\"\"\n",
      "F.feature");
  ASSERT_EQ(f.scenarios.size(), 1u);
  ASSERT_EQ(f.scenarios[0].steps.size(), 2u);
  EXPECT_EQ(f.scenarios[0].steps[0].text, "an empty graph");
}

TEST(Gherkin, UnclosedDocstringNamesTheLine) {
  try {
    parse_feature("Feature: F\n  Scenario: s\n    When executing query:\n      \"\"\"\n RETURN 1\n",
                  "F.feature");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("F.feature:4"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace kith::tck
