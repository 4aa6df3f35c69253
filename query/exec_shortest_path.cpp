// shortestPath / allShortestPaths: a layered breadth-first search from both ends at once,
// always growing the smaller frontier, so the search touches about 2 * b^(d/2) nodes instead
// of b^d. Each side keeps, per node, its depth and its parents one layer closer to that side's
// start (all of them for allShortestPaths, the first for shortestPath). The first layer that
// reaches a node the other side has seen fixes the length; every shortest path crosses that
// layer at one of the meeting nodes, so the paths are read back through them.
#include "query/exec_shortest_path.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <unordered_map>

#include "graph/csr_view.hpp"

namespace kith::query {

namespace {

struct Parent {
  NodeId node;
  RelId rel;
};

// What one side knows of a node: its depth and its parents. One map entry holds both, the
// first parent inline: shortestPath never needs more, so a search allocates nothing per node
// beyond the entry.
struct Seen {
  int depth = 0;
  bool has_parent = false;
  Parent first{};
  std::vector<Parent> more;  // allShortestPaths: the other parents
};

struct Side {
  Direction direction;
  std::unordered_map<NodeId, Seen> seen;
  std::vector<NodeId> frontier;
  int reached = 0;  // depth of the frontier
};

Direction reversed(Direction d) {
  if (d == Direction::Out) return Direction::In;
  if (d == Direction::In) return Direction::Out;
  return Direction::Both;
}

// Grows `side` by one layer; returns the nodes of the new layer that `other` has seen. Without
// a test per relationship the walk reads the cached CSR view of the pattern's types, which
// skips the relationships of other types a node's adjacency lists hold.
std::vector<NodeId> grow(Side& side, const Side& other, const ShortestPathRequest& req,
                         const CsrView* view, ExecContext& ctx) {
  const Graph& g = ctx.graph;
  const int d = side.reached + 1;
  std::vector<NodeId> next;
  std::vector<NodeId> met;
  auto neighbours = [&](NodeId n, auto&& fn) {
    if (!view) {
      g.for_each_relationship(n, side.direction, req.types, fn);
    } else if (side.direction == view->direction()) {
      view->for_each_neighbour(static_cast<std::uint32_t>(n),
                               [&](std::uint32_t m, RelId r) { fn(r, NodeId{m}); });
    } else {
      view->for_each_predecessor(static_cast<std::uint32_t>(n),
                                 [&](std::uint32_t m, RelId r) { fn(r, NodeId{m}); });
    }
  };
  for (NodeId n : side.frontier) {
    neighbours(n, [&](RelId r, NodeId other_end) {
      ctx.tick();
      if (req.accept && !(*req.accept)(r)) return;
      auto [it, inserted] = side.seen.try_emplace(other_end);
      Seen& s = it->second;
      if (inserted) {
        s.depth = d;
        next.push_back(other_end);
        if (other.seen.contains(other_end)) met.push_back(other_end);
      }
      if (s.depth != d) return;  // reached earlier: not on a shortest path through n
      if (!s.has_parent) {
        s.has_parent = true;
        s.first = {n, r};
      } else if (req.all) {
        s.more.push_back({n, r});
      }
    });
  }
  ctx.check_rows(side.seen.size() + other.seen.size(), 2);
  side.frontier = std::move(next);
  side.reached = d;
  return met;
}

// Every way (or the first) from `n` back to its side's start, as (nodes, rels) from n outwards.
template <class F>
void walk_back(const Side& side, NodeId n, bool all, std::vector<NodeId>& nodes,
               std::vector<RelId>& rels, ExecContext& ctx, F&& found) {
  ctx.tick();
  auto it = side.seen.find(n);
  if (it == side.seen.end() || !it->second.has_parent) {
    found();
    return;
  }
  auto follow = [&](const Parent& parent) {
    rels.push_back(parent.rel);
    nodes.push_back(parent.node);
    walk_back(side, parent.node, all, nodes, rels, ctx, found);
    rels.pop_back();
    nodes.pop_back();
  };
  follow(it->second.first);
  if (!all) return;
  for (const Parent& parent : it->second.more)
    follow(parent);
}

}  // namespace

std::vector<Path> find_shortest_paths(const ShortestPathRequest& req, ExecContext& ctx) {
  std::vector<Path> out;
  if (req.from == req.to) {
    if (req.min_hops == 0) out.push_back(Path{{req.from}, {}});
    // A path from a node back to itself of length >= 1 is not a shortest path.
    return out;
  }
  std::shared_ptr<const CsrView> view;
  if (!req.accept) {
    TraversalFilter filter;
    filter.types.assign(req.types.begin(), req.types.end());
    filter.direction = req.direction;
    view = ctx.graph.csr(filter);
  }
  Side forward{req.direction, {{req.from, Seen{}}}, {req.from}, 0};
  Side backward{reversed(req.direction), {{req.to, Seen{}}}, {req.to}, 0};
  std::vector<NodeId> met;
  bool forward_grew = true;
  while (met.empty() && forward.reached + backward.reached < req.max_hops &&
         !forward.frontier.empty() && !backward.frontier.empty()) {
    forward_grew = forward.frontier.size() <= backward.frontier.size();
    met = forward_grew ? grow(forward, backward, req, view.get(), ctx)
                       : grow(backward, forward, req, view.get(), ctx);
  }
  if (met.empty()) return out;
  std::sort(met.begin(), met.end());
  if (!req.all) met.erase(std::next(met.begin()), met.end());

  // A path is the forward walk from `from` to the meeting node, then the backward walk on.
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  for (NodeId m : met) {
    std::vector<std::pair<std::vector<NodeId>, std::vector<RelId>>> heads;  // from -> m
    nodes.assign(1, m);
    rels.clear();
    walk_back(forward, m, req.all, nodes, rels, ctx, [&] {
      heads.emplace_back(std::vector<NodeId>(nodes.rbegin(), nodes.rend()),
                         std::vector<RelId>(rels.rbegin(), rels.rend()));
    });
    nodes.clear();
    rels.clear();
    walk_back(backward, m, req.all, nodes, rels, ctx, [&] {
      for (const auto& [head_nodes, head_rels] : heads) {
        Path p{head_nodes, head_rels};
        p.nodes.insert(p.nodes.end(), nodes.begin(), nodes.end());
        p.rels.insert(p.rels.end(), rels.begin(), rels.end());
        out.push_back(std::move(p));
        ctx.check_rows(out.size(), out.back().nodes.size());
      }
    });
  }
  std::sort(out.begin(), out.end(), [](const Path& a, const Path& b) {
    return std::tie(a.nodes, a.rels) < std::tie(b.nodes, b.rels);
  });
  return out;
}

}  // namespace kith::query
