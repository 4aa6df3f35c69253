// The subset of Gherkin the openCypher TCK is written in: Feature, Background, Scenario,
// Scenario Outline with Examples, steps with docstrings and tables. Outlines are expanded, one
// Scenario per Examples row, with <placeholders> substituted in step text, docstrings and cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kith::tck {

using Table = std::vector<std::vector<std::string>>;  // rows of trimmed cells; row 0 = header

struct Step {
  std::string keyword;  // Given / When / Then / And / But
  std::string text;     // after the keyword, trimmed
  std::optional<std::string> docstring;
  std::optional<Table> table;
  int line = 0;
};

struct Scenario {
  std::string name;  // with the outline's example number appended: "[6] Fail ... (example 2)"
  int line = 0;
  std::vector<Step> steps;  // the Background's steps first
};

struct Feature {
  std::string path;
  std::string name;
  std::vector<Scenario> scenarios;
};

// Throws std::runtime_error with path:line on text it cannot read.
Feature parse_feature(const std::string& text, const std::string& path);

}  // namespace kith::tck
