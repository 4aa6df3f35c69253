// Writing the graph, or part of it, in formats other tools read: DOT (Graphviz), GraphML
// (networkx, igraph, Gephi, yEd) and JSON node-link (d3, networkx's node_link_graph).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace kith {

// What to export. Empty selection = the whole graph. Relationships whose ends are not in
// `nodes` bring their ends in, so an export never has dangling edges (selected nodes do not
// bring their relationships in). Ids that do not exist or were deleted are skipped.
struct ExportSelection {
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  bool whole_graph() const { return nodes.empty() && rels.empty(); }
};

struct DotOptions {
  std::string graph_name = "kith";
  std::string rankdir = "TB";
  // Node caption: this property when present, else the first label and the id.
  std::string caption_key = "name";
};

// Nodes are written as n<id> (never colliding); every label, property and caption is escaped
// for DOT's double-quoted strings (quotes, backslashes, newlines), and record-special
// characters <>{}| are safe because labels are plain strings, never records. Node attributes:
// label (the caption), labels (colon-joined) and "prop_<key>" per property, so no property can
// set a Graphviz attribute; edges: id "r<id>", label (the type) and "prop_<key>". Invalid UTF-8
// and control characters DOT cannot carry become U+FFFD.
void write_dot(std::ostream& out, const Graph& g, const ExportSelection& sel = {},
               const DotOptions& options = {});

// GraphML with typed <key>s (boolean, long, double, string; lists and maps as JSON strings),
// node attribute "labels" (colon-joined) and edge attribute "type". A key whose values mix
// INTEGER and FLOAT is double; any other mix is string. A property named "labels" (node) or
// "type" (edge) is written as "labels_" / "type_". Node ids n<id>, edge ids r<id>.
void write_graphml(std::ostream& out, const Graph& g, const ExportSelection& sel = {});

// {"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id", "labels", "properties"}],
//  "links": [{"id", "key", "source", "target", "type", "properties"}]}; "key" repeats the id
// because networkx's node_link_graph needs one per multigraph edge. Values as to_json().
void write_json(std::ostream& out, const Graph& g, const ExportSelection& sel = {});

}  // namespace kith
