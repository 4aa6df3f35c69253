// The workload graph_bench hands to the peer benchmarks (networkx_bench.py, igraph_bench.py,
// sqlite_bench.py): the R-MAT graph's relationships, the fixed sources and pairs, and kith's and
// the plain-CSR floor's medians on the same operations. Every line of kith.tsv is
// `operation impl seconds check`; a peer whose check differs did different work.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/algorithms.hpp"
#include "graph/graph.hpp"

namespace kith::bench {

struct PeerWorkload {
  std::uint32_t hub = 0;                                       // BFS start
  std::vector<std::uint32_t> sources;                          // 3-hop starts
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // shortest-path ends
};

// How many of the 3-hop sources SQLite runs: a recursive CTE takes seconds per source.
inline constexpr std::size_t kSqliteSources = 10;

inline void write_edges(const std::filesystem::path& file,
                        const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  std::vector<std::uint32_t> flat;
  flat.reserve(2 * edges.size());
  for (auto [s, t] : edges) {
    flat.push_back(s);
    flat.push_back(t);
  }
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(flat.data()),
            static_cast<std::streamsize>(flat.size() * sizeof(std::uint32_t)));
}

inline void write_workload(const std::filesystem::path& file, std::uint32_t nodes,
                           std::size_t edges, const PeerWorkload& w) {
  std::ofstream out(file);
  out << fmt::format("nodes {}\nedges {}\nhub {}\nsources {}\nsqlite_sources {}\npairs", nodes,
                     edges, w.hub, fmt::join(w.sources, " "), kSqliteSources);
  for (auto [a, b] : w.pairs)
    out << ' ' << a << ' ' << b;
  out << '\n';
}

template <class F>
double median_seconds(int repeat, F&& run) {
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

inline std::string top_ten(const std::vector<NodeScore>& scores) {
  std::vector<NodeId> ids;
  for (std::size_t i = 0; i < std::min<std::size_t>(10, scores.size()); ++i)
    ids.push_back(scores[i].node);
  return fmt::format("{}", fmt::join(ids, ","));
}

// PageRank stops, as networkx's does, when the L1 change is below tolerance * node count. With
// networkx's default tolerance (1e-6) a million-node graph stops after its first iteration
// (the change is below 1 at once), far from the answer igraph's exact PRPACK solver gives; so
// every implementation iterates until the L1 change is below kPageRankChange (tolerance
// kPageRankChange / n): 14 iterations on graph_bench 14, 18 on graph_bench 20.
inline constexpr double kPageRankChange = 1e-6;
inline constexpr int kPageRankIterations = 200;

// Floor: graph_bench's plain CSR (k_hop, page_rank, sorted).
template <class Floor>
void time_peer_workload(const Graph& g, const Floor& floor, const PeerWorkload& w, int repeat,
                        std::ostream& tsv) {
  const TraversalFilter out;
  // Each `work` returns its check; it is kept from the last run.
  auto time = [&](const char* op, const char* impl, auto&& work) {
    std::string check;
    const double seconds = median_seconds(repeat, [&] { check = work(); });
    tsv << fmt::format("{}\t{}\t{:.6f}\t{}\n", op, impl, seconds, check);
  };
  time("bfs", "kith", [&] { return std::to_string(k_hop(g, w.hub, -1, out).size()); });
  time("bfs", "floor", [&] { return std::to_string(floor.k_hop(w.hub, -1).size()); });

  const std::vector<std::uint32_t> few(
      w.sources.begin(), w.sources.begin() + std::min(kSqliteSources, w.sources.size()));
  for (const auto* starts : {&w.sources, &few}) {
    const char* op = starts == &few ? "khop3_sqlite_sources" : "khop3";
    time(op, "kith", [&] {
      std::size_t reached = 0;
      for (auto s : *starts)
        reached += k_hop(g, s, 3, out).size();
      return std::to_string(reached);
    });
    time(op, "floor", [&] {
      std::size_t reached = 0;
      for (auto s : *starts)
        reached += floor.k_hop(s, 3).size();
      return std::to_string(reached);
    });
  }

  time("shortest_path", "kith", [&] {
    std::size_t found = 0, hops = 0;
    for (auto [a, b] : w.pairs) {
      if (auto path = shortest_path(g, a, b, out)) {
        ++found;
        hops += path->rels.size();
      }
    }
    return fmt::format("{}/{}", found, hops);
  });

  PageRankOptions converged;
  converged.max_iterations = kPageRankIterations;
  converged.tolerance = kPageRankChange / static_cast<double>(g.node_count());
  time("pagerank", "kith", [&] { return top_ten(page_rank(g, out, converged)); });
  time("pagerank", "floor", [&] {
    return top_ten(floor.sorted(floor.page_rank(kPageRankIterations, 0.85, converged.tolerance)));
  });
}

}  // namespace kith::bench
