// Unweighted shortest paths. Hand-written on the CSR view: Boost's breadth_first_search has no
// bidirectional form, and both searches here stop as soon as the answer is known.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>

#include "graph/algorithms.hpp"

namespace kith {

namespace {

constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kRoot = kUnseen - 1;

NodeId other_end_of(const Graph& g, std::uint32_t rel, NodeId node) {
  return g.source(rel) == node ? g.target(rel) : g.source(rel);
}

// One side of a bidirectional BFS: the relationship each seen node was reached by (kRoot for
// the side's own end) and the nodes of the deepest level.
struct SearchSide {
  std::vector<std::uint32_t> reached_by;
  std::vector<std::uint32_t> frontier;
  int depth = 0;

  SearchSide(std::uint32_t vertex_count, std::uint32_t root) : reached_by(vertex_count, kUnseen) {
    reached_by[root] = kRoot;
    frontier.push_back(root);
  }
  bool seen(std::uint32_t v) const { return reached_by[v] != kUnseen; }
};

// Expands `side` by one level, walking forwards or backwards; returns a node the other side has
// also seen, or kUnseen. The first such node lies on a shortest path: before the expansion no
// node was seen by both sides, so the distance is at least depth + other.depth + 1, and the
// node found gives exactly that.
template <bool kForward>
std::uint32_t expand(const CsrView& view, SearchSide& side, const SearchSide& other) {
  std::vector<std::uint32_t> next;
  std::uint32_t meeting = kUnseen;
  for (std::uint32_t u : side.frontier) {
    auto visit = [&](std::uint32_t w, std::uint32_t rel) {
      if (meeting != kUnseen || side.seen(w)) return;
      side.reached_by[w] = rel;
      if (other.seen(w)) meeting = w;
      next.push_back(w);
    };
    if constexpr (kForward) {
      view.for_each_neighbour(u, visit);
    } else {
      view.for_each_predecessor(u, visit);
    }
    if (meeting != kUnseen) break;
  }
  side.frontier = std::move(next);
  ++side.depth;
  return meeting;
}

// Appends to `path` the steps from `meeting` back to the side's root, in that order.
void walk_to_root(const Graph& g, const SearchSide& side, NodeId meeting, Path& path) {
  for (NodeId v = meeting; side.reached_by[v] != kRoot;) {
    const std::uint32_t rel = side.reached_by[v];
    v = other_end_of(g, rel, v);
    path.rels.push_back(rel);
    path.nodes.push_back(v);
  }
}

}  // namespace

std::optional<Path> shortest_path(const Graph& g, NodeId from, NodeId to, const TraversalFilter& f,
                                  int max_depth) {
  const auto view = g.csr(f);
  if (!view->includes(from) || !view->includes(to)) return std::nullopt;
  if (from == to) return Path{{from}, {}};

  const std::uint32_t n = view->vertex_count();
  SearchSide forward(n, static_cast<std::uint32_t>(from));
  SearchSide backward(n, static_cast<std::uint32_t>(to));
  std::uint32_t meeting = kUnseen;
  while (meeting == kUnseen && !forward.frontier.empty() && !backward.frontier.empty()) {
    if (max_depth >= 0 && forward.depth + backward.depth >= max_depth) return std::nullopt;
    // Growing the smaller frontier keeps the two searches balanced.
    meeting = forward.frontier.size() <= backward.frontier.size()
                  ? expand<true>(*view, forward, backward)
                  : expand<false>(*view, backward, forward);
  }
  if (meeting == kUnseen) return std::nullopt;

  Path path;
  path.nodes.push_back(meeting);
  walk_to_root(g, forward, meeting, path);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.rels.begin(), path.rels.end());
  walk_to_root(g, backward, meeting, path);
  return path;
}

std::vector<Path> all_shortest_paths(const Graph& g, NodeId from, NodeId to,
                                     const TraversalFilter& f, int max_depth, std::size_t limit) {
  const auto view = g.csr(f);
  std::vector<Path> paths;
  if (limit == 0 || !view->includes(from) || !view->includes(to)) return paths;
  if (from == to) {
    paths.push_back(Path{{from}, {}});
    return paths;
  }

  // BFS layering from `from`, stopping with the level that reaches `to`.
  const auto source = static_cast<std::uint32_t>(from);
  const auto target = static_cast<std::uint32_t>(to);
  std::vector<std::uint32_t> depth(view->vertex_count(), kUnseen);
  depth[source] = 0;
  std::vector<std::uint32_t> level{source};
  std::uint32_t d = 0;
  while (depth[target] == kUnseen && !level.empty() &&
         (max_depth < 0 || d < static_cast<std::uint32_t>(max_depth))) {
    std::vector<std::uint32_t> next;
    for (std::uint32_t u : level) {
      view->for_each_neighbour(u, [&](std::uint32_t w, std::uint32_t) {
        if (depth[w] != kUnseen) return;
        depth[w] = d + 1;
        next.push_back(w);
      });
    }
    level = std::move(next);
    ++d;
  }
  if (depth[target] == kUnseen) return paths;
  const std::uint32_t length = depth[target];

  // Walk back from `to` one level at a time, keeping only the edges that go down exactly one
  // level: these form the DAG of all shortest paths, and every node in it reaches `to`.
  struct DagEdge {
    std::uint32_t from, to, rel;
  };
  std::vector<DagEdge> dag;
  std::vector<bool> on_dag(view->vertex_count(), false);
  on_dag[target] = true;
  level.assign(1, target);
  for (std::uint32_t layer = length; layer > 0; --layer) {
    std::vector<std::uint32_t> previous;
    for (std::uint32_t v : level) {
      view->for_each_predecessor(v, [&](std::uint32_t u, std::uint32_t rel) {
        if (depth[u] != layer - 1) return;
        dag.push_back(DagEdge{u, v, rel});
        if (!on_dag[u]) {
          on_dag[u] = true;
          previous.push_back(u);
        }
      });
    }
    level = std::move(previous);
  }
  using Range = std::pair<std::vector<DagEdge>::iterator, std::vector<DagEdge>::iterator>;
  std::sort(dag.begin(), dag.end(), [](const DagEdge& a, const DagEdge& b) {
    return std::tie(a.from, a.to, a.rel) < std::tie(b.from, b.to, b.rel);
  });
  auto successors = [&](std::uint32_t u) {
    // Not std::ranges::equal_range: clang 14 (the fuzzing build) rejects libstdc++ 12's
    // subrange there.
    struct ByFrom {
      bool operator()(const DagEdge& e, std::uint32_t v) const { return e.from < v; }
      bool operator()(std::uint32_t v, const DagEdge& e) const { return v < e.from; }
    };
    return Range{std::equal_range(dag.begin(), dag.end(), u, ByFrom{})};
  };

  // Depth-first enumeration from `from`, successors in (node, relationship) id order, so the
  // paths come out sorted by their step sequence.
  std::vector<Range> stack{successors(source)};
  Path path{{from}, {}};
  while (!stack.empty()) {
    Range& top = stack.back();
    if (top.first == top.second) {
      stack.pop_back();
      if (!path.rels.empty()) {
        path.rels.pop_back();
        path.nodes.pop_back();
      }
      continue;
    }
    const DagEdge step = *top.first++;
    path.nodes.push_back(step.to);
    path.rels.push_back(step.rel);
    if (step.to == target) {
      paths.push_back(path);
      if (paths.size() == limit) break;
      path.nodes.pop_back();
      path.rels.pop_back();
    } else {
      stack.push_back(successors(step.to));
    }
  }
  return paths;
}

}  // namespace kith
