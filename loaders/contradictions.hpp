// Facts in a built graph that cannot all hold: a person with two current managers or two
// current employers, and current reporting lines that run in a cycle. Every edge involved
// stays in the graph, is marked `contradiction: true`, and is reported with its evidence.
#pragma once

#include <vector>

#include "graph/graph.hpp"
#include "loaders/build_report.hpp"

namespace kith::loaders {

std::vector<Contradiction> find_contradictions(Graph& graph);

}  // namespace kith::loaders
