// Query values as the shell shows them. Nodes, relationships and paths are looked up in the
// graph so they print with their labels, type and properties rather than as bare ids.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "graph/graph.hpp"
#include "graph/value.hpp"

namespace kith::repl {

// The value as an openCypher literal: 'Wen Li', [1, 2], {a: 1}, (:Person {name: 'Wen Li'}),
// [:REPORTS_TO {current: true}], <(:Person {..})-[:REPORTS_TO]->(:Person {..})>. A node or
// relationship no longer in the graph (deleted by the query) prints by id: (#12), [#3].
std::string value_literal(const Value& v, const Graph& graph);

// The value as text in a cell: strings as they are, everything else as value_literal.
std::string value_text(const Value& v, const Graph& graph);

// The value as JSON: plain values as graph/value.hpp's to_json; a node as
// {"id", "labels", "properties"}, a relationship as {"id", "type", "start", "end",
// "properties"}, a path as {"nodes": [...], "relationships": [...]}.
nlohmann::json value_json(const Value& v, const Graph& graph);

}  // namespace kith::repl
