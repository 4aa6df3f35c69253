// PageRank by power iteration, hand-written on the CSR view: boost::graph::page_rank has
// neither edge weights nor a personalised teleport vector, and treats dangling nodes
// differently from networkx. Each iteration pulls rank along the edges walked into a node, so
// it reads the CSR sequentially and writes each score once.
//
// The update is networkx.pagerank's:
//   x' = damping * (x Q + (sum of x over dangling nodes) * p) + (1 - damping) * p
// where Q is the walk's weight matrix with rows normalised by out-weight and p the teleport
// vector; dangling nodes (no out-weight) hand their rank out along p.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "graph/algorithms.hpp"

namespace kith {
namespace {

std::vector<double> teleport_vector(const CsrView& view, const PageRankOptions& options) {
  std::vector<double> p(view.vertex_count(), 0.0);
  double total = 0;
  if (options.personalization.empty()) {
    for (std::uint32_t v = 0; v < p.size(); ++v) {
      if (view.includes(v)) p[v] = 1.0;
    }
    total = static_cast<double>(view.included_count());
  } else {
    for (const auto& [node, weight] : options.personalization) {
      if (!(weight >= 0)) throw std::invalid_argument("page_rank: negative personalization");
      if (!view.includes(node)) continue;
      p[node] = weight;
      total += weight;
    }
    if (!(total > 0)) {
      throw std::invalid_argument("page_rank: personalization has no positive weight in view");
    }
  }
  for (double& share : p)
    share /= total;
  return p;
}

// Runs the power iteration. With kWeighted, edge_weight holds each walk edge's weight in the
// order for_each_predecessor visits them, vertex by vertex; out_weight is each node's total.
template <bool kWeighted>
std::vector<double> iterate(const CsrView& view, const PageRankOptions& options,
                            const std::vector<double>& out_weight,
                            const std::vector<double>& edge_weight,
                            const std::vector<double>& teleport) {
  const std::uint32_t n = view.vertex_count();
  const double node_count = static_cast<double>(view.included_count());
  std::vector<double> rank(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (view.includes(v)) rank[v] = 1.0 / node_count;
  }
  std::vector<double> inverse_out_weight(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (out_weight[v] > 0) inverse_out_weight[v] = 1.0 / out_weight[v];
  }

  std::vector<double> share(n);  // rank each node sends along one unit of edge weight
  std::vector<double> next(n);
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    double dangling = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      share[v] = rank[v] * inverse_out_weight[v];
      if (inverse_out_weight[v] == 0) dangling += rank[v];
    }
    const double teleport_scale = options.damping * dangling + (1.0 - options.damping);
    std::size_t edge = 0;
    double change = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      double pulled = 0;
      view.for_each_predecessor(v, [&](std::uint32_t u, std::uint32_t) {
        if constexpr (kWeighted) {
          pulled += share[u] * edge_weight[edge++];
        } else {
          pulled += share[u];
        }
      });
      next[v] = options.damping * pulled + teleport_scale * teleport[v];
      change += std::abs(next[v] - rank[v]);
    }
    rank.swap(next);
    if (change < node_count * options.tolerance) break;
  }
  return rank;
}

}  // namespace

std::vector<NodeScore> page_rank(const Graph& g, const TraversalFilter& f,
                                 const PageRankOptions& options) {
  const auto view = g.csr(f);
  std::vector<NodeScore> scores;
  if (view->included_count() == 0) return scores;
  const std::uint32_t n = view->vertex_count();
  const std::vector<double> teleport = teleport_vector(*view, options);

  std::vector<double> out_weight(n, 0.0);
  std::vector<double> edge_weight;
  std::vector<double> rank;
  if (options.weight_key) {
    edge_weight.reserve(view->edge_count());
    for (std::uint32_t v = 0; v < n; ++v) {
      view->for_each_predecessor(v, [&](std::uint32_t u, std::uint32_t rel) {
        const double w = relationship_weight(g, rel, *options.weight_key, 1.0);
        edge_weight.push_back(w);
        out_weight[u] += w;
      });
    }
    rank = iterate<true>(*view, options, out_weight, edge_weight, teleport);
  } else {
    // Counted from each node's own edges: sequential reads, where the predecessor walk above
    // has to scatter its additions.
    for (std::uint32_t u = 0; u < n; ++u) {
      view->for_each_neighbour(u, [&](std::uint32_t, std::uint32_t) { out_weight[u] += 1; });
    }
    rank = iterate<false>(*view, options, out_weight, edge_weight, teleport);
  }

  scores.reserve(view->included_count());
  for (std::uint32_t v = 0; v < n; ++v) {
    if (view->includes(v)) scores.push_back(NodeScore{v, rank[v]});
  }
  std::sort(scores.begin(), scores.end(), [](const NodeScore& a, const NodeScore& b) {
    return a.score != b.score ? a.score > b.score : a.node < b.node;
  });
  return scores;
}

}  // namespace kith
