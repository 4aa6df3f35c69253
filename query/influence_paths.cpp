// A hop-bounded max-product search, layer by layer backwards from the target: layer k holds,
// for every person with a k-hop walk to the target, the best such walk's score and its first
// edge. Cycles cannot help (weights are at most 1), so the best walk picked over all layers,
// fewest hops on ties, is a simple path; Dijkstra on -log(weight) would not respect the hop
// bound, which is why the search is layered.
#include "query/influence_paths.hpp"

#include <algorithm>
#include <unordered_map>

#include "graph/csr_view.hpp"

namespace kith::query {

namespace {

struct Step {
  double score = 0.0;
  NodeId next = 0;  // the node one hop closer to the target
  RelId rel = 0;
};

using Layer = std::unordered_map<NodeId, Step>;

}  // namespace

std::vector<InfluencePath> best_influence_paths(const Graph& g, NodeId target,
                                                const InfluenceSearch& search) {
  std::vector<InfluencePath> out;
  const auto type = g.find_type("INFLUENCES");
  const auto weight_key = g.find_key("weight");
  if (!type || !weight_key || !g.node_exists(target)) return out;
  // The cached view of INFLUENCES edges alone: a person's adjacency lists also hold every
  // email, meeting and mention, which a walk of the store would have to skip one by one.
  TraversalFilter filter;
  filter.types = {*type};
  filter.direction = Direction::In;
  const std::shared_ptr<const CsrView> view = g.csr(filter);

  std::vector<Layer> layers(1);
  layers[0][target] = Step{1.0, target, 0};
  for (int k = 1; k <= search.max_hops && !layers.back().empty(); ++k) {
    Layer next;
    for (const auto& entry : layers.back()) {
      // Named copies, not a structured binding: clang 14 cannot capture one in a lambda.
      const NodeId node = entry.first;
      const Step& step = entry.second;
      view->for_each_neighbour(
          static_cast<std::uint32_t>(node), [&](std::uint32_t from, RelId rel) {
            if (from == target) return;
            const Value* w = g.rel_property(rel, *weight_key);
            if (!w || !w->is_number()) return;
            const double weight = std::clamp(w->number(), 0.0, 1.0);
            if (weight <= 0.0 || weight < search.min_weight) return;
            const double score = step.score * weight;
            auto [it, inserted] = next.try_emplace(from, Step{score, node, rel});
            const bool better =
                score > it->second.score || (score == it->second.score && rel < it->second.rel);
            if (!inserted && better) it->second = Step{score, node, rel};
          });
    }
    layers.push_back(std::move(next));
  }

  // The best layer per person: the highest score, the fewest hops on ties.
  std::unordered_map<NodeId, std::size_t> best_layer;
  for (std::size_t k = 1; k < layers.size(); ++k) {
    for (const auto& [node, step] : layers[k]) {
      auto [it, inserted] = best_layer.try_emplace(node, k);
      if (!inserted && step.score > layers[it->second].at(node).score) it->second = k;
    }
  }
  out.reserve(best_layer.size());
  for (const auto& [person, k] : best_layer) {
    InfluencePath p;
    p.score = layers[k].at(person).score;
    NodeId at = person;
    p.path.nodes.push_back(at);
    for (std::size_t layer = k; layer > 0; --layer) {
      const Step& step = layers[layer].at(at);
      p.path.rels.push_back(step.rel);
      at = step.next;
      p.path.nodes.push_back(at);
    }
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const InfluencePath& a, const InfluencePath& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.path.rels.size() != b.path.rels.size()) return a.path.rels.size() < b.path.rels.size();
    return a.path.nodes.front() < b.path.nodes.front();
  });
  return out;
}

}  // namespace kith::query
