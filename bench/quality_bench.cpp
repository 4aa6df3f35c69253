// Extraction quality at scale: generates a vault with kith-gen's library (default 10,000
// notes), loads it with the real loader and prints precision, recall and F1 per relationship
// against the vault's ground truth, with the time each stage took.
//
//   quality_bench [--notes N] [--seed S] [--misses K]
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "graph/graph.hpp"
#include "loaders/graph_builder.hpp"
#include "loaders/vault.hpp"
#include "samples/gen/truth_score.hpp"
#include "samples/gen/vault_writer.hpp"
#include "samples/gen/world.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int notes = 10'000;
  std::uint64_t seed = 42;
  std::size_t show_misses = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--notes") == 0)
      notes = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--seed") == 0)
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--misses") == 0)
      show_misses = std::strtoul(argv[i + 1], nullptr, 10);
  }
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / fmt::format("kith-quality-bench-{}-{}", ::getpid(), notes);
  fs::create_directories(root);

  auto start = Clock::now();
  const int people = std::max(20, notes / 5);
  const auto world = kith::gen::make_world(people, std::max(3, people / 40), seed);
  kith::gen::VaultShape shape;
  shape.notes = notes;
  shape.seed = seed;
  const auto truth = kith::gen::write_vault(world, shape, root);
  const double generated = since(start);

  start = Clock::now();
  const auto vault = kith::loaders::read_vault(root);
  const double read = since(start);
  start = Clock::now();
  kith::Graph graph;
  kith::loaders::build_graph(vault, graph);
  const double built = since(start);
  const auto report = kith::gen::score_graph(graph, truth);

  std::cout << fmt::format(
      "{} notes, {} people, seed {}: generated in {:.2f} s, read in {:.2f} s, graph built in "
      "{:.2f} s\n\n",
      notes, people, seed, generated, read, built);
  std::cout << kith::gen::format_quality_table(report);
  for (const auto& r : report.relations) {
    for (std::size_t k = 0; k < show_misses && k < r.misses.size(); ++k)
      std::cout << fmt::format("missed {}: {}\n", r.relation, r.misses[k]);
    for (std::size_t k = 0; k < show_misses && k < r.wrong.size(); ++k)
      std::cout << fmt::format("wrong {}: {}\n", r.relation, r.wrong[k]);
  }
  std::error_code ec;
  fs::remove_all(root, ec);
  return 0;
}
