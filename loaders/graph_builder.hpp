// Documents -> the property graph: people, accounts, projects, notes, meetings, tasks, emails,
// decisions and the relationships between them, each relationship with its evidence
// ({file, line, text, rule}). docs/schema.md is the contract for the labels, types and
// properties written here.
//
// The same vault always gives the same graph, ids included: accounts, people and projects are
// created in name order, then each note in path order with its tasks, emails and decisions.
#pragma once

#include "graph/graph.hpp"
#include "loaders/build_report.hpp"
#include "loaders/influence.hpp"
#include "loaders/name_similarity.hpp"
#include "loaders/task_duplicates.hpp"
#include "loaders/vault.hpp"

namespace kith::loaders {

struct BuildOptions {
  NameMatchOptions names;  // kith.yaml's names: section, when the vault has one, comes first
  TaskDuplicateOptions task_duplicates;
  InfluenceWeights influence;
};

// Fills `graph` (expected empty) from the vault's documents. Never throws on odd notes: what
// cannot be understood is reported.
BuildReport build_graph(const Vault& vault, Graph& graph, const BuildOptions& options = {});

}  // namespace kith::loaders
