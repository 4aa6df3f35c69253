// Helpers for the engine tests: run a query and read its rows as TCK-style literals.
#pragma once

#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "query/engine.hpp"

namespace kith::query::test {

// Each row as "v1 | v2 | ..." with values printed by to_cypher, nodes as their `name`
// property when they have one.
inline std::string cell(const Graph& g, const Value& v) {
  if (v.is<NodeRef>()) {
    if (auto key = g.find_key("name")) {
      if (const Value* name = g.node_property(v.as<NodeRef>().id, *key)) return to_cypher(*name);
    }
  }
  if (v.is<List>()) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.as<List>().size(); ++i) {
      if (i) out += ", ";
      out += cell(g, v.as<List>()[i]);
    }
    return out + "]";
  }
  return to_cypher(v);
}

inline std::vector<std::string> rows(Graph& g, const std::string& query, const Map& params = {},
                                     const QueryOptions& options = {}) {
  const Result r = run_query(g, query, params, options);
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) line += " | ";
      line += cell(g, row[i]);
    }
    out.push_back(line);
  }
  return out;
}

// A small organisation: Ada <- Bo <- Cy (REPORTS_TO chain), tasks owned by people.
inline void make_org(Graph& g) {
  run_query(g,
            "CREATE (ada:Person {name: 'Ada'}), (bo:Person {name: 'Bo'}), "
            "(cy:Person {name: 'Cy'}), (di:Person {name: 'Di'}), "
            "(bo)-[:REPORTS_TO]->(ada), (cy)-[:REPORTS_TO]->(bo), (di)-[:REPORTS_TO]->(ada), "
            "(bo)-[:OWNS]->(:Task {text: 'a', open: true}), "
            "(bo)-[:OWNS]->(:Task {text: 'b', open: true}), "
            "(bo)-[:OWNS]->(:Task {text: 'c', open: false}), "
            "(cy)-[:OWNS]->(:Task {text: 'd', open: true})");
}

}  // namespace kith::query::test
