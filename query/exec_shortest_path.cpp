// Layered breadth-first search for shortestPath / allShortestPaths.
#include "query/exec_shortest_path.hpp"

#include <algorithm>
#include <unordered_map>

namespace kith::query {

namespace {

struct Parent {
  NodeId node;
  RelId rel;
};

}  // namespace

std::vector<Path> find_shortest_paths(const ShortestPathRequest& req, ExecContext& ctx) {
  const Graph& g = ctx.graph;
  std::vector<Path> out;
  if (req.from == req.to) {
    if (req.min_hops == 0) out.push_back(Path{{req.from}, {}});
    // A path from a node back to itself of length >= 1 is not a shortest path.
    return out;
  }
  // depth of each reached node and, for allShortestPaths, every parent one layer up.
  std::unordered_map<NodeId, int> depth{{req.from, 0}};
  std::unordered_map<NodeId, std::vector<Parent>> parents;
  std::vector<NodeId> frontier{req.from};
  bool found = false;
  for (int d = 1; d <= req.max_hops && !frontier.empty() && !found; ++d) {
    std::vector<NodeId> next;
    for (NodeId n : frontier) {
      g.for_each_relationship(n, req.direction, req.types, [&](RelId r, NodeId other) {
        ctx.tick();
        if (req.accept && !(*req.accept)(r)) return;
        auto [it, inserted] = depth.emplace(other, d);
        if (inserted) next.push_back(other);
        if (it->second != d) return;  // reached earlier: not on a shortest path through n
        auto& ps = parents[other];
        if (req.all || ps.empty()) ps.push_back({n, r});
        if (other == req.to) found = true;
      });
    }
    ctx.check_rows(depth.size(), 2);
    frontier = std::move(next);
  }
  if (!found) return out;

  // Read the paths back from `to`; each parent list is in the order the search met them.
  std::vector<RelId> rels;
  std::vector<NodeId> nodes{req.to};
  auto walk = [&](auto& self, NodeId n) -> void {
    ctx.tick();
    if (n == req.from) {
      Path p;
      p.nodes.assign(nodes.rbegin(), nodes.rend());
      p.rels.assign(rels.rbegin(), rels.rend());
      out.push_back(std::move(p));
      ctx.check_rows(out.size(), out.back().nodes.size());
      return;
    }
    for (const Parent& parent : parents[n]) {
      rels.push_back(parent.rel);
      nodes.push_back(parent.node);
      self(self, parent.node);
      rels.pop_back();
      nodes.pop_back();
      if (!req.all && !out.empty()) return;
    }
  };
  walk(walk, req.to);
  std::sort(out.begin(), out.end(), [](const Path& a, const Path& b) {
    return std::tie(a.nodes, a.rels) < std::tie(b.nodes, b.rels);
  });
  return out;
}

}  // namespace kith::query
