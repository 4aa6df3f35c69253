// The bytes the graph store holds, by part (Graph::memory_breakdown()). Each part counts the
// records themselves plus every heap block they own, as malloc hands them out.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace kith {

struct MemoryBreakdown {
  std::size_t store_object = 0;             // the Graph object itself
  std::size_t node_records = 0;             // one record per node id
  std::size_t labels = 0;                   // each node's label list
  std::size_t relationship_records = 0;     // endpoints, type, evidence reference
  std::size_t adjacency = 0;                // relationship-id lists, both directions, all of them
  std::size_t relationship_properties = 0;  // property slots and lists, with what values own
  std::size_t node_properties = 0;          // property lists, with what values own
  std::size_t evidence_records = 0;         // one per citation, plus long-chain indexes
  std::size_t evidence_text = 0;            // interned files, sentences and rule names
  std::size_t names = 0;                    // interned labels, types and keys
  std::size_t indexes = 0;                  // label, name and property indexes
  std::size_t csr_views = 0;                // cached read-optimised views

  std::size_t total() const;
  // What a relationship *is*: its topology (endpoints and an adjacency entry at each end), its
  // type, its properties and its evidence reference. The citations themselves and the text
  // they quote are shared facts, counted in evidence_records and evidence_text.
  std::size_t relationship_bytes() const {
    return relationship_records + adjacency + relationship_properties;
  }
  // (name, bytes) in the order declared above.
  std::vector<std::pair<std::string_view, std::size_t>> parts() const;
};

}  // namespace kith
