// Graph::memory_breakdown(): what each part of the store holds.
#include "graph/csr_view.hpp"
#include "graph/graph.hpp"
#include "graph/heap_bytes.hpp"

namespace kith {

namespace {

std::size_t properties_bytes(const PropertyList& props) {
  std::size_t bytes = heap_bytes(props);
  for (const auto& entry : props)
    bytes += heap_bytes(entry.second);
  return bytes;
}

}  // namespace

MemoryBreakdown Graph::memory_breakdown() const {
  MemoryBreakdown m;
  m.store_object = sizeof(*this);

  // A node's two adjacency lists sit in its record (and hold up to two ids each inline); they
  // are counted as adjacency, not as node records, so relationships are charged for them.
  const std::size_t adjacency_in_records = nodes_.size() * 2 * sizeof(IdList);
  m.node_records = heap_bytes(nodes_) - adjacency_in_records;
  m.adjacency = adjacency_in_records;
  for (const NodeRecord& rec : nodes_) {
    m.labels += heap_bytes(rec.labels);
    m.node_properties += properties_bytes(rec.properties);
    m.adjacency += rec.out.heap_bytes() + rec.in.heap_bytes();
  }

  m.relationship_records = heap_bytes(rels_);
  m.relationship_properties = heap_bytes(rel_property_slot_) + heap_bytes(rel_property_lists_);
  for (const PropertyList& props : rel_property_lists_)
    m.relationship_properties += properties_bytes(props);

  m.evidence_records = heap_bytes(evidence_);
  m.evidence_records += heap_block(long_chains_.bucket_count() * sizeof(void*));
  for (const auto& entry : long_chains_) {
    const auto& held = entry.second.held;
    m.evidence_records += hash_node_bytes(sizeof(decltype(long_chains_)::value_type)) +
                          heap_block(held.bucket_count() * sizeof(void*)) +
                          held.size() * hash_node_bytes(sizeof(EvidenceKey));
  }
  m.evidence_text = evidence_strings_.memory_bytes();
  m.names = labels_.memory_bytes() + types_.memory_bytes() + keys_.memory_bytes();

  m.indexes = heap_bytes(label_index_);
  for (const auto& ids : label_index_)
    m.indexes += heap_bytes(ids);
  m.indexes += heap_block(name_index_.bucket_count() * sizeof(void*));
  for (const auto& entry : name_index_) {
    m.indexes += hash_node_bytes(sizeof(decltype(name_index_)::value_type)) +
                 heap_bytes(entry.first) + heap_bytes(entry.second);
  }
  m.indexes += heap_block(property_indexes_.bucket_count() * sizeof(void*));
  for (const auto& entry : property_indexes_) {
    const ValueIndex& index = entry.second;
    m.indexes += hash_node_bytes(sizeof(decltype(property_indexes_)::value_type)) +
                 heap_block(index.bucket_count() * sizeof(void*));
    for (const auto& bucket : index) {
      m.indexes += hash_node_bytes(sizeof(ValueIndex::value_type)) + heap_bytes(bucket.first) +
                   heap_bytes(bucket.second);
    }
  }

  std::lock_guard lock(csr_mutex_);
  m.csr_views = heap_bytes(csr_cache_);
  for (const auto& entry : csr_cache_) {
    // The view and its shared_ptr control block are one allocation (make_shared).
    m.csr_views +=
        heap_bytes(entry.first) + heap_block(sizeof(CsrView) + 16) + entry.second->memory_bytes();
  }
  return m;
}

}  // namespace kith
