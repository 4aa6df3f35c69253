// What is in a graph, by name: labels and relationship types with their counts, and the
// property keys each uses. For :schema, and for completing names at the prompt.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace kith::repl {

struct SchemaEntry {
  std::string name;
  std::size_t count = 0;
  std::vector<std::string> keys;  // sorted
};

struct SchemaSummary {
  std::vector<SchemaEntry> labels;  // by name
  std::vector<SchemaEntry> types;   // by name
  std::vector<std::string> keys;    // every property key in use, sorted
};

SchemaSummary summarize_schema(const Graph& graph);

// The summary as :schema prints it.
std::string format_schema(const SchemaSummary& schema);

// The `name` of every node with one of `labels` (e.g. Person, Account), sorted, no repeats.
std::vector<std::string> node_names(const Graph& graph, const std::vector<std::string>& labels);

}  // namespace kith::repl
