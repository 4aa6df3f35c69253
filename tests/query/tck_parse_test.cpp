// Walks the openCypher TCK and parses every query of a `When executing query:` step: those the
// TCK expects to run (or to fail for a reason the binder or executor detects) must parse; those
// it expects to fail with a purely syntactic SyntaxError must be rejected with the TCK's code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "query/parser.hpp"

namespace {

namespace fs = std::filesystem;
using kith::query::parse_query;
using kith::query::QueryError;

struct TckQuery {
  std::string where;  // file and scenario, for failure messages
  std::string text;
  std::string outcome;  // the `Then ...` line
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The cells of a Gherkin table row `| a | b |`; `\|` escapes a bar.
std::vector<std::string> table_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  const std::string r = trim(row);
  for (std::size_t i = 1; i < r.size(); ++i) {
    if (r[i] == '\\' && i + 1 < r.size() && r[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (r[i] == '|') {
      cells.push_back(trim(cell));
      cell.clear();
    } else {
      cell += r[i];
    }
  }
  return cells;
}

std::vector<TckQuery> read_feature(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);

  struct Scenario {
    std::string name;
    std::vector<std::string> queries;
    std::string outcome;
    std::vector<std::map<std::string, std::string>> examples;
  };
  std::vector<Scenario> scenarios;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string t = trim(lines[i]);
    if (t.rfind("Scenario", 0) == 0) {
      scenarios.push_back({t, {}, {}, {}});
    } else if (scenarios.empty()) {
      continue;
    } else if (t == "When executing query:") {
      std::size_t j = i + 1;
      while (j < lines.size() && trim(lines[j]) != "\"\"\"")
        ++j;
      if (j >= lines.size()) break;
      const std::size_t indent = lines[j].find("\"\"\"");
      std::string query;
      for (++j; j < lines.size() && trim(lines[j]) != "\"\"\""; ++j) {
        if (!query.empty()) query += '\n';
        query += lines[j].size() >= indent ? lines[j].substr(indent) : trim(lines[j]);
      }
      scenarios.back().queries.push_back(query);
      i = j;
    } else if (t.rfind("Then ", 0) == 0) {
      scenarios.back().outcome = t;
    } else if (t.rfind("Examples", 0) == 0) {
      std::vector<std::string> header;
      for (std::size_t j = i + 1; j < lines.size() && trim(lines[j]).rfind('|', 0) == 0; ++j) {
        auto cells = table_cells(lines[j]);
        if (header.empty()) {
          header = cells;
          continue;
        }
        std::map<std::string, std::string> row;
        for (std::size_t k = 0; k < header.size() && k < cells.size(); ++k) {
          row[header[k]] = cells[k];
        }
        scenarios.back().examples.push_back(row);
        i = j;
      }
    }
  }

  std::vector<TckQuery> out;
  for (const Scenario& s : scenarios) {
    auto rows = s.examples;
    if (rows.empty()) rows.emplace_back();
    for (const auto& row : rows) {
      for (std::string q : s.queries) {
        for (const auto& [key, value] : row) {
          const std::string placeholder = "<" + key + ">";
          for (std::size_t at = q.find(placeholder); at != std::string::npos;
               at = q.find(placeholder, at + value.size())) {
            q.replace(at, placeholder.size(), value);
          }
        }
        out.push_back({file.filename().string() + " " + s.name, q, s.outcome});
      }
    }
  }
  return out;
}

fs::path tck_features() {
  const char* shared = std::getenv("KITH_SHARED_DIR");
  fs::path root = shared != nullptr ? fs::path(shared) : fs::path(KITH_SOURCE_DIR "/../shared");
  return root / "tck" / "features";
}

// The TCK's SyntaxError codes that a parser can decide from the text alone. The others
// (UndefinedVariable, InvalidAggregation, ...) need scopes or types: the binder's job.
const std::set<std::string> kSyntacticCodes = {
    "UnexpectedSyntax",           "InvalidNumberLiteral",  "IntegerOverflow",
    "FloatingPointOverflow",      "InvalidUnicodeLiteral", "InvalidUnicodeCharacter",
    "InvalidRelationshipPattern",
};

std::string syntax_code(const std::string& outcome) {
  const std::string marker = "SyntaxError should be raised at compile time: ";
  const auto at = outcome.find(marker);
  if (at == std::string::npos) return "";
  return trim(outcome.substr(at + marker.size()));
}

TEST(TckParse, AcceptsEveryValidQueryAndRejectsSyntaxErrors) {
  const fs::path features = tck_features();
  if (!fs::is_directory(features)) GTEST_SKIP() << "no TCK at " << features;

  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(features)) {
    if (entry.path().extension() == ".feature") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::size_t positive = 0, parsed = 0, negative = 0, rejected = 0;
  std::ostringstream failures;
  for (const fs::path& file : files) {
    for (const TckQuery& q : read_feature(file)) {
      const std::string code = syntax_code(q.outcome);
      const bool must_fail = kSyntacticCodes.count(code) > 0;
      std::string error;
      std::string detail;
      try {
        (void)parse_query(q.text);
      } catch (const QueryError& e) {
        error = e.what();
        detail = e.detail();
      }
      if (must_fail) {
        ++negative;
        if (!error.empty() && detail == code) {
          ++rejected;
        } else {
          failures << "\n[should fail with " << code << "] " << q.where << "\n"
                   << q.text
                   << (error.empty() ? "\n(parsed)" : "\n(got " + detail + ": " + error + ")")
                   << "\n";
        }
      } else {
        ++positive;
        if (error.empty()) {
          ++parsed;
        } else {
          failures << "\n[should parse] " << q.where << "\n" << q.text << "\n" << error << "\n";
        }
      }
    }
  }
  ASSERT_GT(positive, 1000u) << "the TCK walk found too few queries: is " << features
                             << " complete?";
  const double rate = 100.0 * static_cast<double>(parsed) / static_cast<double>(positive);
  std::cout << "TCK: parsed " << parsed << " of " << positive << " valid queries (" << rate
            << "%), rejected " << rejected << " of " << negative << " syntactically invalid ones\n";
  EXPECT_EQ(parsed, positive) << failures.str();
  EXPECT_EQ(rejected, negative) << failures.str();
}

}  // namespace
