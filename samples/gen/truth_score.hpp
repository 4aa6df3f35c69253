// How well a graph built from a generated vault matches the vault's ground truth: precision
// and recall per relationship type, and F1 of the person merge (which spellings are one
// person). Misses cite where the truth says the fact was stated; false positives cite the
// evidence the graph holds for them, so a failing quality test says what to fix.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/graph.hpp"

namespace kith::gen {

struct RelationScore {
  std::string relation;             // "REPORTS_TO (current)", "WORKS_AT", "person merge", ...
  std::size_t stated = 0;           // facts the vault states (recall's denominator)
  std::size_t found = 0;            // facts the graph holds (precision's denominator)
  std::size_t correct = 0;          // found facts that are true
  std::size_t missed = 0;           // stated facts not found
  std::vector<std::string> misses;  // stated in the vault, not in the graph
  std::vector<std::string> wrong;   // in the graph, not true
  double precision() const;
  double recall() const;
  double f1() const;
};

struct QualityReport {
  std::vector<RelationScore> relations;
  // The score named `relation`; throws std::out_of_range when there is none.
  const RelationScore& at(std::string_view relation) const;
};

// Compares the graph built from a generated vault with the truth kith-gen wrote for it.
QualityReport score_graph(const Graph& graph, const nlohmann::json& truth);

// A Markdown table: relation, stated, found, precision, recall, F1.
std::string format_quality_table(const QualityReport& report);

}  // namespace kith::gen
