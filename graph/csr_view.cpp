#include "graph/csr_view.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

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
  const std::size_t n = graph.node_id_bound();
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
  graph.for_each_relationship([&](RelId r) {
    if (!filter.types.empty() && std::find(filter.types.begin(), filter.types.end(),
                                           graph.rel_type(r)) == filter.types.end()) {
      return;
    }
    const NodeId s = graph.source(r);
    const NodeId t = graph.target(r);
    if (!included_[s] || !included_[t]) return;
    edges.emplace_back(static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(t));
    props.push_back(CsrEdge{static_cast<std::uint32_t>(r)});
  });
  csr_ = CsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), props.begin(),
                  static_cast<std::uint32_t>(n));
}

}  // namespace kith
