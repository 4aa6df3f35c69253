#include <cmath>

#include "graph/algorithms.hpp"

namespace kith {

double relationship_weight(const Graph& g, RelId rel, SymbolId weight_key, double default_weight) {
  const Value* value = g.rel_property(rel, weight_key);
  double weight = value != nullptr && value->is_number() ? value->number() : default_weight;
  if (std::isnan(weight)) weight = default_weight;
  // Written so that a NaN default also ends up as 0.
  return weight >= 0 ? weight : 0.0;
}

}  // namespace kith
