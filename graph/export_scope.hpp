// The nodes and relationships an export writes, worked out once from an ExportSelection.
#pragma once

#include <vector>

#include "graph/exporters.hpp"

namespace kith {

struct ExportScope {
  std::vector<NodeId> nodes;  // ascending, no repeats, all live
  std::vector<RelId> rels;    // ascending, no repeats, all live
};

// The whole graph for an empty selection; otherwise the selected live nodes and relationships
// plus both ends of every selected relationship. Ids that do not exist (or were deleted) are
// left out rather than written as dangling references.
ExportScope resolve_export_scope(const Graph& g, const ExportSelection& sel);

}  // namespace kith
