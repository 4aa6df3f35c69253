// The graph the query and session targets run against, and the tight guards they run under so
// that exploding queries end as LimitExceeded errors instead of slow runs.
#pragma once

#include <chrono>
#include <initializer_list>
#include <vector>

#include "graph/graph.hpp"
#include "query/engine.hpp"

namespace kith::fuzz {

// Four people in a reporting chain with a cycle through INFLUENCES, an account, a task, and
// evidence on the reporting lines: enough for every clause, var-length pattern, procedure and
// shell command to have something to walk.
inline void build_small_graph(Graph& g) {
  auto person = g.intern_label("Person");
  auto account = g.intern_label("Account");
  auto task = g.intern_label("Task");
  auto name = g.intern_key("name");
  auto reports_to = g.intern_type("REPORTS_TO");
  auto influences = g.intern_type("INFLUENCES");
  auto works_at = g.intern_type("WORKS_AT");
  auto owns = g.intern_type("OWNS");
  std::vector<NodeId> people;
  for (const char* n : {"Wen Li", "Priya Raman", "Helga Strøm", "東京 太郎"})
    people.push_back(g.create_node({&person, 1}, {{name, Value(n)}}));
  auto contoso = g.create_node(
      {&account, 1}, {{name, Value("Contoso")}, {g.intern_key("internal"), Value(false)}});
  auto t = g.create_node({&task, 1}, {{g.intern_key("text"), Value("Send the MSA")},
                                      {g.intern_key("open"), Value(true)}});
  auto current = g.intern_key("current");
  for (std::size_t i = 0; i + 1 < people.size(); ++i) {
    const RelId r =
        g.create_relationship(people[i], people[i + 1], reports_to, {{current, Value(true)}});
    g.add_evidence(EntityKind::Relationship, r,
                   {"People/Wen Li.md", static_cast<std::uint32_t>(i + 3),
                    "She reports to the next one.", "reports-to"});
    g.create_relationship(people[i + 1], people[i], influences,
                          {{g.intern_key("weight"), Value(0.5)}});
  }
  g.create_relationship(people.front(), people.back(), influences);
  for (auto p : people)
    g.create_relationship(p, contoso, works_at);
  g.create_relationship(people.front(), t, owns);
}

inline query::QueryOptions small_query_options() {
  query::QueryOptions options;
  options.timeout = std::chrono::milliseconds(200);
  options.max_rows = 1000;
  options.max_memory_bytes = 64ull << 20;
  options.var_length_bound = 4;
  return options;
}

}  // namespace kith::fuzz
