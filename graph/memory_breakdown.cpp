#include "graph/memory_breakdown.hpp"

namespace kith {

std::vector<std::pair<std::string_view, std::size_t>> MemoryBreakdown::parts() const {
  return {{"store object", store_object},
          {"node records", node_records},
          {"labels", labels},
          {"relationship records", relationship_records},
          {"adjacency", adjacency},
          {"relationship properties", relationship_properties},
          {"node properties", node_properties},
          {"evidence records", evidence_records},
          {"evidence text", evidence_text},
          {"names", names},
          {"indexes", indexes},
          {"CSR views", csr_views}};
}

std::size_t MemoryBreakdown::total() const {
  std::size_t bytes = 0;
  for (const auto& part : parts())
    bytes += part.second;
  return bytes;
}

}  // namespace kith
