// A hop-bounded max-product search, layer by layer backwards from the target: layer k holds,
// for every person with a k-hop walk to the target, the best such walk's score and its first
// edge. Cycles cannot help (weights are at most 1), so the best walk picked over all layers,
// fewest hops on ties, is a simple path; Dijkstra on -log(weight) would not respect the hop
// bound, which is why the search is layered. Layers are arrays over node ids, not hash maps,
// and the weights come from InfluenceEdges: a central person's search reaches most people.
#include "query/influence_paths.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "query/influence_edges.hpp"

namespace kith::query {

namespace {

// A walk's best score for one node of a layer, and its first edge.
struct Step {
  std::uint32_t node = 0;
  double score = 0.0;
  std::uint32_t next = 0;  // the node one hop closer to the target
  RelId rel = 0;
};

}  // namespace

std::vector<InfluencePath> best_influence_paths(const Graph& g, NodeId target,
                                                const InfluenceSearch& search) {
  std::vector<InfluencePath> out;
  if (!g.node_exists(target)) return out;
  const std::shared_ptr<const InfluenceEdges> influence = InfluenceEdges::of(g);
  if (!influence || target >= influence->node_count()) return out;
  const std::uint32_t n = influence->node_count();

  // layers[k]: every node with a k-hop walk to the target, its best such walk, sorted by node.
  // `slot` maps a node to its position + 1 in the layer being built (0: not in it).
  std::vector<std::uint32_t> slot(n, 0);
  std::vector<std::vector<Step>> layers(1);
  layers[0].push_back(
      Step{static_cast<std::uint32_t>(target), 1.0, static_cast<std::uint32_t>(target), 0});
  for (int k = 1; k <= search.max_hops && !layers.back().empty(); ++k) {
    std::vector<Step> next;
    for (const Step& step : layers.back()) {
      for (const InfluenceEdge& e : influence->into(step.node)) {
        if (e.from == target || e.weight < search.min_weight) continue;
        const double score = step.score * e.weight;
        std::uint32_t& at = slot[e.from];
        if (at == 0) {
          next.push_back(Step{e.from, score, step.node, e.rel});
          at = static_cast<std::uint32_t>(next.size());
          continue;
        }
        Step& best = next[at - 1];
        if (score > best.score || (score == best.score && e.rel < best.rel)) {
          best = Step{e.from, score, step.node, e.rel};
        }
      }
    }
    for (const Step& s : next)
      slot[s.node] = 0;
    std::sort(next.begin(), next.end(),
              [](const Step& a, const Step& b) { return a.node < b.node; });
    layers.push_back(std::move(next));
  }
  auto step_at = [&](std::size_t layer, std::uint32_t node) -> const Step& {
    const auto& l = layers[layer];
    return *std::lower_bound(l.begin(), l.end(), node,
                             [](const Step& s, std::uint32_t v) { return s.node < v; });
  };

  // The best layer per person: the highest score, the fewest hops on ties.
  struct Best {
    std::uint32_t node;
    std::size_t layer;
    double score;
  };
  std::vector<Best> chosen;
  for (std::size_t k = 1; k < layers.size(); ++k) {
    for (const Step& s : layers[k]) {
      std::uint32_t& at = slot[s.node];
      if (at == 0) {
        chosen.push_back({s.node, k, s.score});
        at = static_cast<std::uint32_t>(chosen.size());
      } else if (s.score > chosen[at - 1].score) {
        chosen[at - 1] = {s.node, k, s.score};
      }
    }
  }
  // The result's order (score, hops, person), applied before any path is built so that a
  // limit spares the paths of everyone past it.
  auto before = [](const Best& a, const Best& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.layer != b.layer) return a.layer < b.layer;
    return a.node < b.node;
  };
  const std::size_t keep = std::min(chosen.size(), search.limit.value_or(chosen.size()));
  std::partial_sort(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(keep),
                    chosen.end(), before);
  chosen.resize(keep);
  out.reserve(chosen.size());
  for (const Best& b : chosen) {
    InfluencePath p;
    p.person = b.node;
    p.hops = static_cast<int>(b.layer);
    p.score = b.score;
    if (!search.paths) {
      out.push_back(std::move(p));
      continue;
    }
    std::uint32_t at = b.node;
    p.path.nodes.push_back(at);
    for (std::size_t layer = b.layer; layer > 0; --layer) {
      const Step& step = step_at(layer, at);
      p.path.rels.push_back(step.rel);
      at = step.next;
      p.path.nodes.push_back(at);
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace kith::query
