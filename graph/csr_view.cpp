#include "graph/csr_view.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "graph/heap_bytes.hpp"

namespace kith {

std::string TraversalFilter::key() const {
  auto sorted = [](std::vector<SymbolId> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return fmt::format("{}", fmt::join(ids, ","));
  };
  return fmt::format("t={};l={};d={}", sorted(types), sorted(labels), static_cast<int>(direction));
}

CsrView::CsrView(const Graph& graph, const TraversalFilter& filter) : direction_(filter.direction) {
  constexpr std::size_t kMaxIndex = std::numeric_limits<std::uint32_t>::max();
  const std::size_t n = graph.node_id_bound();
  if (n > kMaxIndex || graph.rel_id_bound() > kMaxIndex) {
    throw std::length_error("graph too large for a 32-bit CSR view");
  }
  included_.assign(n, false);
  graph.for_each_node([&](NodeId id) {
    bool ok = filter.labels.empty();
    for (SymbolId label : filter.labels)
      ok = ok || graph.has_label(id, label);
    if (ok) {
      included_[id] = true;
      ++included_count_;
    }
  });
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<CsrEdge> props;
  const bool all_types = filter.types.empty();
  const bool all_nodes = included_count_ == graph.node_count();
  if (all_types && all_nodes) {
    edges.reserve(graph.relationship_count());
    props.reserve(graph.relationship_count());
  }
  graph.for_each_relationship([&](RelId r) {
    if (!all_types && std::find(filter.types.begin(), filter.types.end(), graph.rel_type(r)) ==
                          filter.types.end()) {
      return;
    }
    const NodeId s = graph.source(r);
    const NodeId t = graph.target(r);
    if (!included_[s] || !included_[t]) return;
    edges.emplace_back(static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(t));
    props.push_back(CsrEdge{static_cast<std::uint32_t>(r)});
  });
  // The unsorted constructor places edges with a stable counting sort, so each node's
  // out-edges keep relationship id order.
  csr_ = CsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), props.begin(),
                  static_cast<std::uint32_t>(n));
}

std::size_t CsrView::memory_bytes() const {
  const auto& fwd = csr_.m_forward;
  const auto& back = csr_.m_backward;
  // Boost keeps each direction's edge properties beside its column, one per edge.
  return heap_bytes(fwd.m_rowstart) + heap_bytes(fwd.m_column) +
         heap_block(fwd.m_column.size() * sizeof(CsrEdge)) + heap_bytes(back.m_rowstart) +
         heap_bytes(back.m_column) + heap_block(back.m_column.size() * sizeof(std::uint32_t)) +
         heap_block((included_.capacity() + 7) / 8);
}

}  // namespace kith
