// Query latency on a generated vault: each question the issue names, timed over many runs as
// median and p95, next to a floor measured in the same run where there is one (the graph's own
// index or algorithm called directly, without parsing, planning or rows). Prints Markdown.
//
//   query_bench VAULT [--repeat R] [--only TEXT]
//
// --only runs just the lines whose description contains TEXT (for profiling one query).
#include <algorithm>
#include <chrono>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "graph/algorithms.hpp"
#include "loaders/graph_builder.hpp"
#include "loaders/vault.hpp"
#include "query/engine.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using kith::Map;
using kith::Value;

struct Timing {
  double median_ms = 0;
  double p95_ms = 0;
};

// Runs fn(i) for i in [0, repeat) after one untimed warm-up run.
Timing time_runs(int repeat, const std::function<void(int)>& fn) {
  fn(0);
  std::vector<double> ms;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    fn(i);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  return {at(0.5), at(0.95)};
}

std::vector<std::string> strings(kith::Graph& g, const std::string& query) {
  std::vector<std::string> out;
  for (const auto& row : kith::query::run_query(g, query).rows) {
    if (!row.empty() && row[0].is<std::string>()) out.push_back(row[0].as<std::string>());
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: query_bench VAULT [--repeat R] [--only TEXT]\n");
    return 2;
  }
  int repeat = 50;
  std::string only;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
  }
  using namespace kith;

  const auto load_start = Clock::now();
  const loaders::Vault vault = loaders::read_vault(argv[1]);
  Graph g;
  loaders::build_graph(vault, g);
  const double load_s = std::chrono::duration<double>(Clock::now() - load_start).count();

  // Subjects: people spread over the id range, and the person most influenced (the decision
  // maker the influence questions are about).
  const std::vector<std::string> people =
      strings(g, "MATCH (p:Person) RETURN p.name ORDER BY id(p)");
  if (people.size() < 2) {
    fmt::print(stderr, "query_bench: the vault has fewer than two people\n");
    return 1;
  }
  std::vector<std::string> sample;
  for (int i = 0; i < repeat; ++i)
    sample.push_back(people[(static_cast<std::size_t>(i) * 7919u) % people.size()]);
  const std::string target = strings(g,
                                     "MATCH (p:Person)<-[:INFLUENCES]-() RETURN p.name, count(*) "
                                     "AS c ORDER BY c DESC, p.name LIMIT 1")
                                 .at(0);

  const SymbolId person = *g.find_label("Person");
  auto node_of = [&](const std::string& name) { return g.find_by_name(person, name).at(0); };
  auto type_ids = [&](std::initializer_list<const char*> names) {
    std::vector<SymbolId> out;
    for (const char* n : names) {
      if (auto id = g.find_type(n)) out.push_back(*id);
    }
    return out;
  };

  std::size_t rows = 0;
  auto query = [&](const std::string& text, const std::function<Map(int)>& params) {
    return time_runs(
        repeat, [&, text](int i) { rows += query::run_query(g, text, params(i)).rows.size(); });
  };
  auto by_name = [&](int i) { return Map{{"name", Value(sample[i])}}; };

  struct Line {
    std::string what;
    Timing kith;
    std::optional<Timing> floor;
    std::string target;
  };
  std::vector<Line> lines;
  using Floor = std::function<std::optional<Timing>()>;
  auto no_floor = [] { return std::optional<Timing>(); };
  // Times a line only when --only selects it.
  auto add = [&](const std::string& what, const std::function<Timing()>& kith, const Floor& floor,
                 const std::string& goal) {
    if (what.find(only) == std::string::npos) return;
    const Timing t = kith();
    lines.push_back({what, t, floor(), goal});
  };

  add(
      "name lookup `(p:Person {name: $name})`",
      [&] { return query("MATCH (p:Person {name: $name}) RETURN p", by_name); },
      [&] {
        return time_runs(repeat, [&](int i) { rows += g.find_by_name(person, sample[i]).size(); });
      },
      "< 1 ms");
  std::size_t two_hop_nodes = 0;  // summed over the floor's warm-up and timed runs
  TraversalFilter any_both;
  any_both.direction = Direction::Both;
  add(
      "2-hop neighbourhood, distinct nodes",
      [&] {
        return query("MATCH (p:Person {name: $name})-[*1..2]-(x) RETURN count(DISTINCT x)",
                     by_name);
      },
      [&] {
        return time_runs(repeat, [&](int i) {
          const std::size_t reached = k_hop(g, node_of(sample[i]), 2, any_both).size();
          two_hop_nodes += reached;
          rows += reached;
        });
      },
      "< 10 ms");
  add(
      "REPORTS_TO*1..6 chain to the top",
      [&] {
        return query(
            "MATCH (p:Person {name: $name})-[:REPORTS_TO*1..6]->(top:Person) "
            "WHERE NOT (top)-[:REPORTS_TO]->() RETURN top.name",
            by_name);
      },
      no_floor, "");
  add(
      "open tasks ORDER BY due LIMIT 50",
      [&] {
        return query(
            "MATCH (p:Person)-[:OWNS]->(t:Task {open: true}) "
            "RETURN p.name, t.text, t.due ORDER BY t.due LIMIT 50",
            [](int) { return Map{}; });
      },
      no_floor, "");
  add(
      "open tasks per owner (count, collect)",
      [&] {
        return query(
            "MATCH (p:Person)-[:OWNS]->(t:Task {open: true}) RETURN p.name, "
            "count(t) AS open, collect(t.text)[..3] ORDER BY open DESC",
            [](int) { return Map{}; });
      },
      no_floor, "");
  add(
      fmt::format("kith.influencers('{}'), depth 3", target),
      [&] {
        return query("CALL kith.influencers($name) YIELD person, score RETURN person.name, score",
                     [&](int) {
                       return Map{{"name", Value(target)}};
                     });
      },
      no_floor, "");
  add(
      fmt::format("kith.influencers('{}', {{limit: 10}}), paths and reasons", target),
      [&] {
        return query(
            "CALL kith.influencers($name, {limit: 10}) YIELD person, score, path, reasons "
            "RETURN person.name, score, length(path), size(reasons)",
            [&](int) {
              return Map{{"name", Value(target)}};
            });
      },
      no_floor, "");
  add(
      "kith.influencers, sampled people, depth 3",
      [&] {
        return query("CALL kith.influencers($name) YIELD person, score RETURN person.name, score",
                     by_name);
      },
      no_floor, "");
  TraversalFilter path_view;
  path_view.types = type_ids({"REPORTS_TO", "EMAILED", "ATTENDED"});
  path_view.direction = Direction::Both;
  auto other = [&](int i) { return sample[(static_cast<std::size_t>(i) + 1) % sample.size()]; };
  add(
      "shortestPath over REPORTS_TO|EMAILED|ATTENDED*..6",
      [&] {
        return query(
            "MATCH p = shortestPath((a:Person {name: $a})-[:REPORTS_TO|EMAILED|ATTENDED*..6]-"
            "(b:Person {name: $b})) RETURN length(p)",
            [&](int i) {
              return Map{{"a", Value(sample[i])}, {"b", Value(other(i))}};
            });
      },
      [&] {
        return time_runs(repeat, [&](int i) {
          rows += shortest_path(g, node_of(sample[i]), node_of(other(i)), path_view, 6).has_value();
        });
      },
      "");
  const int slow_repeat = std::max(3, repeat / 10);
  TraversalFilter influence_view;
  influence_view.types = type_ids({"INFLUENCES"});
  influence_view.labels = {person};
  const std::string pagerank =
      "CALL algo.pageRank({types: ['INFLUENCES'], labels: ['Person']}) YIELD node, score "
      "RETURN node.name, score ORDER BY score DESC LIMIT 10";
  add(
      "algo.pageRank over INFLUENCES between people, top 10",
      [&] {
        return time_runs(slow_repeat,
                         [&](int) { rows += query::run_query(g, pagerank).rows.size(); });
      },
      [&] {
        return time_runs(slow_repeat, [&](int) { rows += page_rank(g, influence_view).size(); });
      },
      "");

  const double bytes = static_cast<double>(g.memory_bytes());
  // What the total holds besides the relationships themselves: the evidence every fact keeps
  // (a 20-byte record per citation, plus the interned sentences).
  std::size_t evidence_records = 0;
  g.for_each_node([&](NodeId n) { evidence_records += g.evidence_count(EntityKind::Node, n); });
  g.for_each_relationship(
      [&](RelId r) { evidence_records += g.evidence_count(EntityKind::Relationship, r); });
  fmt::print("{} notes: {} nodes, {} relationships; loaded and built in {:.1f} s\n\n",
             vault.documents.size(), g.node_count(), g.relationship_count(), load_s);
  fmt::print("{} runs each ({} for PageRank), subjects sampled over {} people\n\n", repeat,
             slow_repeat, people.size());
  fmt::print(
      "| query | median ms | p95 ms | floor median ms | floor p95 ms | x floor | target |\n");
  fmt::print("|---|---|---|---|---|---|---|\n");
  for (const Line& l : lines) {
    fmt::print(
        "| {} | {:.3f} | {:.3f} | {} | {} | {} | {} |\n", l.what, l.kith.median_ms, l.kith.p95_ms,
        l.floor ? fmt::format("{:.3f}", l.floor->median_ms) : "",
        l.floor ? fmt::format("{:.3f}", l.floor->p95_ms) : "",
        l.floor ? fmt::format("{:.1f}", l.kith.median_ms / std::max(l.floor->median_ms, 1e-6)) : "",
        l.target);
  }
  const MemoryBreakdown memory = g.memory_breakdown();
  const auto per_rel = [&](std::size_t part) {
    return static_cast<double>(part) / static_cast<double>(g.relationship_count());
  };
  fmt::print(
      "\ngraph store: {:.1f} MB, {:.1f} bytes per node, {:.1f} bytes per relationship "
      "(all of it over either count)\n",
      bytes / 1e6, bytes / static_cast<double>(g.node_count()),
      bytes / static_cast<double>(g.relationship_count()));
  fmt::print(
      "a relationship itself (record, adjacency, properties): {:.1f} bytes (target <= 100)\n\n",
      per_rel(memory.relationship_bytes()));
  fmt::print("| store part | MB | bytes per relationship |\n|---|---|---|\n");
  for (const auto& part : memory.parts())
    fmt::print("| {} | {:.1f} | {:.1f} |\n", part.first, static_cast<double>(part.second) / 1e6,
               per_rel(part.second));
  fmt::print("2-hop neighbourhoods hold {:.0f} nodes on average\n",
             static_cast<double>(two_hop_nodes) / (repeat + 1));
  fmt::print("evidence: {} citations, {:.1f} per relationship\n", evidence_records,
             static_cast<double>(evidence_records) / static_cast<double>(g.relationship_count()));
  return rows == 0 ? 1 : 0;
}
