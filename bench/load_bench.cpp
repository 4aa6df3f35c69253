// Load throughput: how fast a vault becomes documents and then a graph, next to two floors
// measured in the same run on the same files: reading every file (read(2), nothing else) and
// reading plus cmark parsing every file (cmark_parse_document and cmark_node_free, nothing
// else). The document stage is what `kith` runs to read a vault: read_vault, which lists the
// files, reads them and turns each into a Document on the given number of threads. Each
// repetition runs every measurement once, in turn, and the best of each is kept, so a busy
// machine slows floors and stages alike. The graph build is timed once. Prints Markdown.
//
//   load_bench VAULT [--threads N] [--repeat R]
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <cmark.h>
#include <fmt/format.h>

#include "graph/graph.hpp"
#include "loaders/graph_builder.hpp"
#include "loaders/vault.hpp"
#include "loaders/vault_files.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const std::filesystem::path& p) {
  std::string out;
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  char buffer[1 << 16];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

// The best (shortest) time seen for one measurement.
struct Best {
  double seconds = 1e300;
  template <class F>
  void time(F&& run) {
    const auto start = Clock::now();
    run();
    seconds = std::min(seconds, std::chrono::duration<double>(Clock::now() - start).count());
  }
};

double peak_rss_mb() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: load_bench VAULT [--threads N] [--repeat R]\n");
    return 2;
  }
  const std::filesystem::path root = argv[1];
  unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  int repeat = 3;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--threads") == 0) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[i + 1])));
    } else if (std::strcmp(argv[i], "--repeat") == 0) {
      repeat = std::max(1, std::atoi(argv[i + 1]));
    } else {
      fmt::print(stderr, "load_bench: unknown option {}\n", argv[i]);
      return 2;
    }
  }

  std::vector<kith::doc::Warning> warnings;
  const auto config = kith::loaders::read_vault_config(root, warnings);
  const auto files = kith::loaders::list_vault_files(root, config, warnings);
  std::uint64_t bytes = 0;
  for (const auto& f : files)
    bytes += f.size;
  const double mb = static_cast<double>(bytes) / 1e6;
  const double notes = static_cast<double>(files.size());

  Best read_floor, cmark_floor, one_thread, many_threads, graph_build;
  std::size_t sink = 0;
  std::size_t documents = 0;
  kith::loaders::BuildReport report;
  for (int r = 0; r < repeat; ++r) {
    read_floor.time([&] {
      for (const auto& f : files)
        sink += slurp(f.absolute).size();
    });
    cmark_floor.time([&] {
      for (const auto& f : files) {
        const std::string text = slurp(f.absolute);
        cmark_node* doc = cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS);
        sink += doc != nullptr;
        cmark_node_free(doc);
      }
    });
    kith::loaders::Vault vault;
    one_thread.time([&] {
      kith::loaders::LoadOptions options;
      options.threads = 1;
      vault = kith::loaders::read_vault(root, options);
    });
    documents = vault.documents.size();
    vault = {};
    many_threads.time([&] {
      kith::loaders::LoadOptions options;
      options.threads = threads;
      vault = kith::loaders::read_vault(root, options);
    });
    // Once: it takes longer than all the rest and its cost is the graph builder's own.
    if (r == 0) {
      kith::Graph graph;
      graph_build.time([&] { report = kith::loaders::build_graph(vault, graph); });
    }
  }

  const double per_core_cmark = mb / cmark_floor.seconds;
  fmt::print(
      "{} files, {:.1f} MB, {} documents; best of {} runs; {} threads where more than one\n\n",
      files.size(), mb, documents, repeat, threads);
  fmt::print("| stage | threads | seconds | MB/s | notes/s | per core, x cmark alone |\n");
  fmt::print("|---|---|---|---|---|---|\n");
  auto row = [&](const std::string& what, unsigned t, double s) {
    fmt::print("| {} | {} | {:.3f} | {:.1f} | {:.0f} | {:.2f} |\n", what, t, s, mb / s, notes / s,
               mb / s / t / per_core_cmark);
  };
  row("floor: read() every file", 1, read_floor.seconds);
  row("floor: read + cmark parse alone", 1, cmark_floor.seconds);
  row("kith document stage (read_vault)", 1, one_thread.seconds);
  row("kith document stage (read_vault)", threads, many_threads.seconds);
  fmt::print("| kith graph build (build_graph, one run) | 1 | {:.3f} | {:.1f} | {:.0f} | |\n",
             graph_build.seconds, mb / graph_build.seconds, notes / graph_build.seconds);
  fmt::print("| kith whole load (documents + graph) | {} | {:.3f} | {:.1f} | {:.0f} | |\n", threads,
             many_threads.seconds + graph_build.seconds,
             mb / (many_threads.seconds + graph_build.seconds),
             notes / (many_threads.seconds + graph_build.seconds));
  fmt::print(
      "\ndocument stage, 1 thread: {:.2f}x the cmark-alone throughput (target >= 0.50); "
      "scaling 1 -> {} threads: {:.2f}x; graph: {} nodes, {} relationships; peak RSS {:.0f} MB\n",
      per_core_cmark > 0 ? (mb / one_thread.seconds) / per_core_cmark : 0.0, threads,
      one_thread.seconds / many_threads.seconds, report.nodes, report.relationships, peak_rss_mb());
  return sink == 0 ? 1 : 0;
}
