// Graph floor benchmark: kith's algorithms on its CSR views against a plain hand-written CSR
// of the same R-MAT graph, built and timed in the same run, plus what the store costs per
// relationship. Prints a Markdown table; ratios are kith / floor (1.0 = as fast as the floor).
//
//   graph_bench [SCALE=20] [EDGES=10000000] [REPEAT=5] [--peers DIR]     (2^SCALE nodes)
//
// --peers DIR also hands the graph to the peer benchmarks (bench/peers/): DIR/edges.bin (the
// relationships as little-endian uint32 source, target pairs), DIR/workload.txt (node count,
// BFS hub, 3-hop sources, shortest-path pairs) and DIR/kith.tsv (kith's and the floor's
// medians on that workload, one `operation impl seconds check` line each).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench/peers/rmat_workload.hpp"
#include "graph/algorithms.hpp"
#include "graph/graph.hpp"

using namespace kith;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

template <class F>
double best_of(int repeat, F&& run) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    run();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

struct SplitMix {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double unit() { return (next() >> 11) * 0x1.0p-53; }
};

struct Floor {
  std::vector<std::uint32_t> out_start, out_to, in_start, in_from;
  std::uint32_t n;
  Floor(std::uint32_t n_, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges)
      : n(n_) {
    build(edges, false, out_start, out_to);
    build(edges, true, in_start, in_from);
  }
  void build(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges, bool rev,
             std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& col) {
    start.assign(n + 1, 0);
    for (auto [s, t] : edges)
      ++start[(rev ? t : s) + 1];
    for (std::uint32_t i = 0; i < n; ++i)
      start[i + 1] += start[i];
    col.resize(edges.size());
    std::vector<std::uint32_t> pos(start.begin(), start.end() - 1);
    for (auto [s, t] : edges)
      col[pos[rev ? t : s]++] = rev ? s : t;
  }
  std::vector<Hop> k_hop(std::uint32_t start, int max_depth, bool both = false) const {
    std::vector<bool> seen(n, false);
    std::vector<Hop> hops;
    seen[start] = true;
    hops.push_back(Hop{start, 0});
    std::size_t level_begin = 0;
    for (int depth = 0; max_depth < 0 || depth < max_depth; ++depth) {
      const std::size_t level_end = hops.size();
      if (level_begin == level_end) break;
      for (std::size_t i = level_begin; i < level_end; ++i) {
        const auto u = static_cast<std::uint32_t>(hops[i].node);
        for (std::uint32_t e = out_start[u]; e < out_start[u + 1]; ++e) {
          const std::uint32_t w = out_to[e];
          if (seen[w]) continue;
          seen[w] = true;
          hops.push_back(Hop{w, depth + 1});
        }
        if (both) {
          for (std::uint32_t e = in_start[u]; e < in_start[u + 1]; ++e) {
            const std::uint32_t w = in_from[e];
            if (seen[w] || w == u) continue;
            seen[w] = true;
            hops.push_back(Hop{w, depth + 1});
          }
        }
      }
      level_begin = level_end;
    }
    return hops;
  }
  // Stops as networkx does: when the L1 change is below tolerance * n (tolerance 0: never).
  std::vector<double> page_rank(int iterations, double damping, double tolerance = 0) const {
    std::vector<double> rank(n, 1.0 / n), share(n), next(n), inv(n);
    for (std::uint32_t v = 0; v < n; ++v) {
      const std::uint32_t d = out_start[v + 1] - out_start[v];
      inv[v] = d ? 1.0 / d : 0.0;
    }
    for (int it = 0; it < iterations; ++it) {
      double dangling = 0;
      for (std::uint32_t v = 0; v < n; ++v) {
        share[v] = rank[v] * inv[v];
        if (inv[v] == 0) dangling += rank[v];
      }
      const double base = (damping * dangling + 1 - damping) / n;
      double change = 0;
      for (std::uint32_t v = 0; v < n; ++v) {
        double pulled = 0;
        for (std::uint32_t e = in_start[v]; e < in_start[v + 1]; ++e)
          pulled += share[in_from[e]];
        next[v] = damping * pulled + base;
        change += std::abs(next[v] - rank[v]);
      }
      rank.swap(next);
      if (change < n * tolerance) break;
    }
    return rank;
  }
  std::vector<NodeScore> sorted(const std::vector<double>& rank) const {
    std::vector<NodeScore> scores;
    scores.reserve(n);
    for (std::uint32_t v = 0; v < n; ++v)
      scores.push_back(NodeScore{v, rank[v]});
    std::sort(scores.begin(), scores.end(), [](const NodeScore& a, const NodeScore& b) {
      return a.score != b.score ? a.score > b.score : a.node < b.node;
    });
    return scores;
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<const char*> args;
  std::filesystem::path peers_dir;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--peers") == 0 && i + 1 < argc) {
      peers_dir = argv[++i];
    } else {
      args.push_back(argv[i]);
    }
  }
  const int scale = args.size() > 0 ? std::atoi(args[0]) : 20;
  const std::size_t m = args.size() > 1 ? std::strtoull(args[1], nullptr, 10) : 10'000'000;
  const int repeat = args.size() > 2 ? std::max(1, std::atoi(args[2])) : 5;
  const std::uint32_t n = 1u << scale;
  SplitMix rng{42};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges(m);
  // R-MAT a=0.57 b=0.19 c=0.19 d=0.05, vertex ids scrambled so hubs are not all low ids.
  std::vector<std::uint32_t> perm(n);
  for (std::uint32_t i = 0; i < n; ++i)
    perm[i] = i;
  for (std::uint32_t i = n - 1; i > 0; --i)
    std::swap(perm[i], perm[rng.next() % (i + 1)]);
  for (auto& e : edges) {
    std::uint32_t s = 0, t = 0;
    for (int b = 0; b < scale; ++b) {
      const double r = rng.unit();
      s = (s << 1) | (r >= 0.76);
      t = (t << 1) | ((r >= 0.57 && r < 0.76) || r >= 0.95);
    }
    e = {perm[s], perm[t]};
  }

  auto start = Clock::now();
  Graph g;
  const SymbolId type = g.intern_type("E");
  for (std::uint32_t i = 0; i < n; ++i)
    g.create_node();
  for (auto [s, t] : edges)
    g.create_relationship(s, t, type);
  const double store_s = seconds_since(start);
  const MemoryBreakdown store_memory = g.memory_breakdown();  // before any view is cached
  TraversalFilter out;
  TraversalFilter both;
  both.direction = Direction::Both;
  start = Clock::now();
  g.csr(out);
  const double view_s = seconds_since(start);
  g.csr(both);
  start = Clock::now();
  const Floor floor(n, edges);
  const double floor_build_s = seconds_since(start);
  if (!peers_dir.empty()) bench::write_edges(peers_dir / "edges.bin", edges);
  edges = {};

  std::uint32_t hub = 0;  // BFS from the node with the largest out-degree
  for (std::uint32_t v = 0; v < n; ++v) {
    if (floor.out_start[v + 1] - floor.out_start[v] >
        floor.out_start[hub + 1] - floor.out_start[hub])
      hub = v;
  }
  std::vector<std::uint32_t> sources;
  for (int i = 0; i < 100; ++i)
    sources.push_back(static_cast<std::uint32_t>(rng.next() % n));

  if (!peers_dir.empty()) {
    bench::PeerWorkload workload{hub, sources, {}};
    while (workload.pairs.size() < 100) {  // ends with edges, so most pairs are connected
      const auto a = static_cast<std::uint32_t>(rng.next() % n);
      const auto b = static_cast<std::uint32_t>(rng.next() % n);
      if (floor.out_start[a + 1] > floor.out_start[a] && floor.in_start[b + 1] > floor.in_start[b])
        workload.pairs.emplace_back(a, b);
    }
    bench::write_workload(peers_dir / "workload.txt", n, m, workload);
    std::ofstream tsv(peers_dir / "kith.tsv");
    bench::time_peer_workload(g, floor, workload, repeat, tsv);
  }

  std::size_t sink = 0;
  PageRankOptions pr;
  pr.max_iterations = 20;
  pr.tolerance = 0;
  struct Row {
    std::string what;
    double kith;
    double floor;
  };
  std::vector<Row> rows;
  rows.push_back({"BFS, outgoing, from the top hub",
                  best_of(repeat, [&] { sink += k_hop(g, hub, -1, out).size(); }),
                  best_of(repeat, [&] { sink += floor.k_hop(hub, -1).size(); })});
  rows.push_back({"BFS, both directions, from the top hub",
                  best_of(repeat, [&] { sink += k_hop(g, hub, -1, both).size(); }),
                  best_of(repeat, [&] { sink += floor.k_hop(hub, -1, true).size(); })});
  rows.push_back({"3-hop from 100 sources",
                  best_of(repeat,
                          [&] {
                            for (auto s : sources)
                              sink += k_hop(g, s, 3, out).size();
                          }),
                  best_of(repeat, [&] {
                    for (auto s : sources)
                      sink += floor.k_hop(s, 3).size();
                  })});
  rows.push_back(
      {"PageRank, 20 iterations, sorted",
       best_of(repeat, [&] { sink += page_rank(g, out, pr).size(); }),
       best_of(repeat, [&] { sink += floor.sorted(floor.page_rank(20, 0.85)).size(); })});

  fmt::print("R-MAT graph: {} nodes, {} relationships; best of {} runs\n\n", g.node_count(),
             g.relationship_count(), repeat);
  fmt::print("| algorithm | kith ms | floor (plain CSR) ms | ratio |\n|---|---|---|---|\n");
  for (const Row& r : rows) {
    fmt::print("| {} | {:.1f} | {:.1f} | {:.2f} |\n", r.what, r.kith * 1e3, r.floor * 1e3,
               r.kith / r.floor);
  }
  const auto per_rel = [&](std::size_t bytes) {
    return static_cast<double>(bytes) / static_cast<double>(g.relationship_count());
  };
  const double wcc_s = best_of(1, [&] { sink += weakly_connected_components(g, out).size(); });
  fmt::print(
      "\nstore: built in {:.2f} s, {:.1f} bytes per relationship (store, incl. nodes and "
      "adjacency), {:.1f} for the relationship itself (record, adjacency, properties); CSR view "
      "built in {:.2f} s (floor CSR {:.2f} s); WCC {:.0f} ms\n",
      store_s, per_rel(store_memory.total()), per_rel(store_memory.relationship_bytes()), view_s,
      floor_build_s, wcc_s * 1e3);
  return sink == 0 ? 1 : 0;
}
