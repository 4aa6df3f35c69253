// The query pipeline on arbitrary text: parse, bind, plan, and execute against a small graph
// of the kith schema with tight guards, so exploding queries end as LimitExceeded errors.
// Any exception other than QueryError, and any sanitizer report, is a finding.
#include <chrono>
#include <initializer_list>

#include "fuzz_target.hpp"
#include "graph/graph.hpp"
#include "query/engine.hpp"
#include "query/query_error.hpp"

namespace {

// Four people in a reporting chain with a cycle through INFLUENCES, an account, a task:
// enough for every clause and var-length pattern to have something to walk.
void build_graph(kith::Graph& g) {
  auto person = g.intern_label("Person");
  auto account = g.intern_label("Account");
  auto task = g.intern_label("Task");
  auto name = g.intern_key("name");
  auto reports_to = g.intern_type("REPORTS_TO");
  auto influences = g.intern_type("INFLUENCES");
  auto works_at = g.intern_type("WORKS_AT");
  auto owns = g.intern_type("OWNS");
  std::vector<kith::NodeId> people;
  for (const char* n : {"Wen Li", "Priya Raman", "Helga Strøm", "東京 太郎"})
    people.push_back(g.create_node({&person, 1}, {{name, kith::Value(n)}}));
  auto contoso = g.create_node({&account, 1}, {{name, kith::Value("Contoso")},
                                               {g.intern_key("internal"), kith::Value(false)}});
  auto t = g.create_node({&task, 1}, {{g.intern_key("text"), kith::Value("Send the MSA")},
                                      {g.intern_key("open"), kith::Value(true)}});
  auto current = g.intern_key("current");
  for (std::size_t i = 0; i + 1 < people.size(); ++i) {
    g.create_relationship(people[i], people[i + 1], reports_to, {{current, kith::Value(true)}});
    g.create_relationship(people[i + 1], people[i], influences,
                          {{g.intern_key("weight"), kith::Value(0.5)}});
  }
  g.create_relationship(people.front(), people.back(), influences);
  for (auto p : people)
    g.create_relationship(p, contoso, works_at);
  g.create_relationship(people.front(), t, owns);
}

}  // namespace

KITH_FUZZ_TARGET(query) {
  kith::Graph graph;
  build_graph(graph);
  kith::query::QueryOptions options;
  options.timeout = std::chrono::milliseconds(200);
  options.max_rows = 1000;
  options.max_memory_bytes = 64ull << 20;
  options.var_length_bound = 4;
  try {
    kith::query::run_query(graph, kith::fuzz::as_text(data, size), {}, options);
  } catch (const kith::query::QueryError&) {
    // A clear error is the right answer to most random text.
  }
  return 0;
}
