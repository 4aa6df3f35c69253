// What building the graph decided and could not decide: merges of spellings, similar names
// kept apart, names left unresolved, contradictions, and the vault owner, each with the
// evidence to check it. Text for people, JSON for tools.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/graph.hpp"
#include "loaders/person_resolver.hpp"

namespace kith::loaders {

struct ReportedNearDuplicate {
  std::string a;
  std::string b;
  double similarity = 0;
  std::string why;
  Evidence a_seen;  // where each name was first seen
  Evidence b_seen;
};

// Two facts that cannot both hold, kept both in the graph and marked (contradiction: true).
struct Contradiction {
  std::string kind;                 // "two current managers", ...
  std::string subject;              // the person or entity concerned
  std::vector<std::string> values;  // the competing values ("Marcus Feld", "Leo Hart")
  std::vector<Evidence> evidence;   // one or more per value
};

struct BuildReport {
  std::string owner;         // who @Myself is; empty when unknown
  std::string owner_source;  // "kith.yaml", or how it was inferred

  std::size_t notes = 0;
  std::size_t people = 0;
  std::size_t accounts = 0;
  std::size_t projects = 0;
  std::size_t tasks = 0;
  std::size_t emails = 0;
  std::size_t decisions = 0;
  std::size_t nodes = 0;
  std::size_t relationships = 0;
  double seconds = 0;

  std::vector<PersonMerge> merges;
  std::vector<ReportedNearDuplicate> near_duplicates;
  std::vector<UnresolvedName> unresolved;
  std::vector<Contradiction> contradictions;
  std::vector<std::string> remarks;  // anything else worth saying, one line each
};

// A summary, then each list, one line per entry with `file:line` evidence. Lists longer than
// max_items are cut with a count of what was left out.
std::string format_build_report(const BuildReport& report, std::size_t max_items = 50);
nlohmann::json build_report_json(const BuildReport& report);

}  // namespace kith::loaders
