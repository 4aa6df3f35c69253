// Building the weighted in-edge arrays, and the one-entry cache of them. The cache is keyed by
// the identity of the graph's CSR view: Graph::csr() replaces the view after every write, and
// the weak_ptr kept here pins its control block, so a new view can never look like the old.
#include "query/influence_edges.hpp"

#include <algorithm>
#include <mutex>

#include "graph/csr_view.hpp"

namespace kith::query {

std::shared_ptr<const InfluenceEdges> InfluenceEdges::of(const Graph& g) {
  const auto type = g.find_type("INFLUENCES");
  const auto weight_key = g.find_key("weight");
  if (!type || !weight_key) return nullptr;
  TraversalFilter filter;
  filter.types = {*type};
  filter.direction = Direction::In;
  const std::shared_ptr<const CsrView> view = g.csr(filter);

  static std::mutex mutex;
  static std::weak_ptr<const CsrView> cached_view;
  static std::shared_ptr<const InfluenceEdges> cached;
  std::lock_guard lock(mutex);
  if (cached && !cached_view.owner_before(view) && !view.owner_before(cached_view)) return cached;

  auto out = std::make_shared<InfluenceEdges>();
  const std::uint32_t n = view->vertex_count();
  out->begin_.reserve(n + 1);
  for (std::uint32_t node = 0; node < n; ++node) {
    out->begin_.push_back(static_cast<std::uint32_t>(out->edges_.size()));
    view->for_each_neighbour(node, [&](std::uint32_t from, RelId rel) {
      const Value* w = g.rel_property(rel, *weight_key);
      if (!w || !w->is_number()) return;
      const double weight = std::clamp(w->number(), 0.0, 1.0);
      if (weight > 0.0) out->edges_.push_back({from, rel, weight});
    });
  }
  out->begin_.push_back(static_cast<std::uint32_t>(out->edges_.size()));
  cached_view = view;
  cached = out;
  return out;
}

}  // namespace kith::query
