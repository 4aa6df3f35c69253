// Weakly connected components with boost::disjoint_sets (union by rank, path compression)
// over 32-bit parent and rank arrays.
#include <cstdint>
#include <limits>
#include <vector>

#include <boost/pending/disjoint_sets.hpp>

#include "graph/algorithms.hpp"

namespace kith {

std::vector<Component> weakly_connected_components(const Graph& g, const TraversalFilter& f) {
  const auto view = g.csr(f);
  const std::uint32_t n = view->vertex_count();
  std::vector<std::uint32_t> parent(n);
  std::vector<std::uint32_t> rank(n);
  boost::disjoint_sets<std::uint32_t*, std::uint32_t*> sets(rank.data(), parent.data());
  for (std::uint32_t v = 0; v < n; ++v)
    sets.make_set(v);
  // Whatever the direction, walking from every node covers every relationship at least once.
  for (std::uint32_t v = 0; v < n; ++v) {
    view->for_each_neighbour(v, [&](std::uint32_t w, std::uint32_t) { sets.union_set(v, w); });
  }

  // Visiting nodes in id order, the first one seen in a set is its smallest id.
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> smallest(n, kNone);
  std::vector<Component> components;
  components.reserve(view->included_count());
  for (std::uint32_t v = 0; v < n; ++v) {
    if (!view->includes(v)) continue;
    std::uint32_t& first = smallest[sets.find_set(v)];
    if (first == kNone) first = v;
    components.push_back(Component{v, first});
  }
  return components;
}

}  // namespace kith
