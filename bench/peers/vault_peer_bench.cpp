// The reporting-chain query on a generated vault's graph, for the SQLite comparison
// (sqlite_bench.py): writes the vault's REPORTS_TO relationships and Person names as TSV, picks
// fixed people, and times kith's query engine finding the top of each one's chain.
//
//   vault_peer_bench VAULT DIR [--repeat R] [--people K]
//
// Writes DIR/people.tsv (id, name of every Person), DIR/reports_to.tsv (source id, target id),
// DIR/chain_people.txt (the K names asked about) and DIR/kith_vault.tsv, one
// `operation impl seconds check` line; seconds are the median over R runs of all K queries,
// check is the number of (person, top) rows they returned.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench/peers/rmat_workload.hpp"
#include "loaders/graph_builder.hpp"
#include "loaders/vault.hpp"
#include "query/engine.hpp"

using namespace kith;

// Tops are the people the chain ends at: no REPORTS_TO of their own within six steps.
constexpr const char* kChainQuery =
    "MATCH (p:Person {name: $name})-[:REPORTS_TO*1..6]->(top:Person) "
    "WHERE NOT (top)-[:REPORTS_TO]->() RETURN DISTINCT top.name";

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: vault_peer_bench VAULT DIR [--repeat R] [--people K]\n");
    return 2;
  }
  const std::filesystem::path dir = argv[2];
  int repeat = 5;
  std::size_t wanted = 100;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--people") == 0) wanted = std::strtoull(argv[i + 1], nullptr, 10);
  }

  Graph g;
  loaders::build_graph(loaders::read_vault(argv[1]), g);
  const auto person = g.find_label("Person");
  const auto name = g.find_key("name");
  const auto reports_to = g.find_type("REPORTS_TO");
  if (!person || !name || !reports_to) {
    fmt::print(stderr, "vault_peer_bench: {}: no people or no reporting lines\n", argv[1]);
    return 2;
  }
  auto name_of = [&](NodeId v) {
    const Value* value = g.node_property(v, *name);
    return value && value->is<std::string>() ? value->as<std::string>() : std::string();
  };

  std::ofstream people(dir / "people.tsv");
  for (NodeId v : g.nodes_with_label(*person))
    people << v << '\t' << name_of(v) << '\n';
  std::ofstream edges(dir / "reports_to.tsv");
  std::vector<NodeId> reporting;  // people with a manager, ascending, each once
  g.for_each_relationship([&](RelId r) {
    if (g.rel_type(r) != *reports_to) return;
    edges << g.source(r) << '\t' << g.target(r) << '\n';
    reporting.push_back(g.source(r));
  });
  std::sort(reporting.begin(), reporting.end());
  reporting.erase(std::unique(reporting.begin(), reporting.end()), reporting.end());

  std::vector<std::string> names;  // spread evenly over the reporting people
  const std::size_t k = std::min(wanted, reporting.size());
  for (std::size_t i = 0; i < k; ++i) {
    std::string n = name_of(reporting[i * reporting.size() / k]);
    if (!n.empty()) names.push_back(std::move(n));
  }
  std::ofstream chosen(dir / "chain_people.txt");
  for (const auto& n : names)
    chosen << n << '\n';

  std::size_t rows = 0;
  const double seconds = bench::median_seconds(repeat, [&] {
    rows = 0;
    for (const auto& n : names)
      rows += query::run_query(g, kChainQuery, Map{{"name", Value(n)}}).rows.size();
  });
  std::ofstream(dir / "kith_vault.tsv")
      << fmt::format("reports_to_chain\tkith\t{:.6f}\t{}\n", seconds, rows);
  fmt::print("{} people, {} with a manager; {} chain queries: {:.3f} ms each, {} rows\n",
             g.label_count(*person), reporting.size(), names.size(),
             seconds * 1e3 / static_cast<double>(names.size()), rows);
  return 0;
}
