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
#include <time.h>
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

// CPU time of the whole process (all threads, user and system), which a busy machine does not
// inflate the way it inflates the wall clock: with the scheduler's autogroups, a process gets
// one group's share of the cores however many threads it runs.
double process_cpu_seconds() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// The best (shortest) wall and CPU times seen for one measurement.
struct Best {
  double wall = 1e300;
  double cpu = 1e300;
  template <class F>
  void time(F&& run) {
    const double cpu_start = process_cpu_seconds();
    const auto start = Clock::now();
    run();
    wall = std::min(wall, std::chrono::duration<double>(Clock::now() - start).count());
    cpu = std::min(cpu, process_cpu_seconds() - cpu_start);
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

  fmt::print(
      "{} files, {:.1f} MB, {} documents; best of {} runs (the graph build: one run); {} "
      "threads where more than one\n\n",
      files.size(), mb, documents, repeat, threads);
  fmt::print(
      "| stage | threads | wall s | MB/s | notes/s | CPU s | MB per CPU s | x cmark alone, per "
      "core (wall) | x cmark alone, per CPU s |\n");
  fmt::print("|---|---|---|---|---|---|---|---|---|\n");
  auto row = [&](const std::string& what, unsigned t, const Best& b) {
    fmt::print("| {} | {} | {:.3f} | {:.1f} | {:.0f} | {:.3f} | {:.1f} | {:.2f} | {:.2f} |\n", what,
               t, b.wall, mb / b.wall, notes / b.wall, b.cpu, mb / b.cpu,
               cmark_floor.wall / (b.wall * t), cmark_floor.cpu / b.cpu);
  };
  row("floor: read() every file", 1, read_floor);
  row("floor: read + cmark parse alone", 1, cmark_floor);
  row("kith document stage (read_vault)", 1, one_thread);
  row("kith document stage (read_vault)", threads, many_threads);
  fmt::print("| kith graph build (build_graph) | 1 | {:.3f} | {:.1f} | {:.0f} | {:.3f} | | | |\n",
             graph_build.wall, mb / graph_build.wall, notes / graph_build.wall, graph_build.cpu);
  const double whole = many_threads.wall + graph_build.wall;
  fmt::print("| kith whole load (documents + graph) | {} | {:.3f} | {:.1f} | {:.0f} | | | | |\n",
             threads, whole, mb / whole, notes / whole);
  fmt::print(
      "\ndocument stage on 1 thread: {:.2f}x the cmark-alone throughput by the wall clock, {:.2f}x "
      "by CPU time (target >= 0.50)\n",
      cmark_floor.wall / one_thread.wall, cmark_floor.cpu / one_thread.cpu);
  fmt::print(
      "scaling 1 -> {} threads: {:.2f}x by the wall clock; the {} threads spend {:.2f}x the CPU "
      "time of one (1.00 = no cost of running in parallel)\n",
      threads, one_thread.wall / many_threads.wall, threads, many_threads.cpu / one_thread.cpu);
  fmt::print("graph: {} nodes, {} relationships; peak RSS {:.0f} MB\n", report.nodes,
             report.relationships, peak_rss_mb());
  return sink == 0 ? 1 : 0;
}
