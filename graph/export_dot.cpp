// Graphviz DOT. Everything user-supplied goes into double-quoted strings (dot_quote.hpp).
// Properties are written as "prop_<key>" attributes so
// that a property called "shape", "label" or "image" cannot change how Graphviz draws or
// what it reads.
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "graph/dot_quote.hpp"
#include "graph/export_scope.hpp"
#include "graph/exporters.hpp"

namespace kith {
namespace {

// Strings as they are; everything else as its openCypher literal.
std::string property_text(const Value& v) {
  if (const auto* s = v.get_if<std::string>()) return *s;
  return to_cypher(v);
}

std::string node_caption(const Graph& g, NodeId n, const DotOptions& options) {
  if (const auto key = g.find_key(options.caption_key)) {
    const Value* v = g.node_property(n, *key);
    if (v && !(v->is<std::string>() && v->as<std::string>().empty())) return property_text(*v);
  }
  const auto& labels = g.node_labels(n);
  // fmt rather than `"#" + std::to_string(n)`: GCC 12 at -O3 raises a false -Wrestrict on the
  // latter, which -Werror turns into a Release build failure.
  if (labels.empty()) return fmt::format("#{}", n);
  return fmt::format("{} #{}", g.label_name(labels.front()), n);
}

void write_properties(std::ostream& out, const Graph& g, const PropertyList& properties) {
  for (const auto& [key, value] : properties) {
    out << ", " << dot_quoted(fmt::format("prop_{}", g.key_name(key))) << '='
        << dot_quoted(property_text(value));
  }
}

}  // namespace

void write_dot(std::ostream& out, const Graph& g, const ExportSelection& sel,
               const DotOptions& options) {
  const ExportScope scope = resolve_export_scope(g, sel);
  out << "digraph " << dot_quoted(options.graph_name) << " {\n";
  out << "  graph [rankdir=" << dot_quoted(options.rankdir) << "];\n";
  out << "  node [shape=box];\n";
  for (const NodeId n : scope.nodes) {
    std::string labels;
    for (const SymbolId label : g.node_labels(n)) {
      if (!labels.empty()) labels += ':';
      labels += g.label_name(label);
    }
    out << "  n" << n << " [label=" << dot_quoted(node_caption(g, n, options))
        << ", labels=" << dot_quoted(labels);
    write_properties(out, g, g.node_properties(n));
    out << "];\n";
  }
  for (const RelId r : scope.rels) {
    out << "  n" << g.source(r) << " -> n" << g.target(r) << " [id=\"r" << r
        << "\", label=" << dot_quoted(g.type_name(g.rel_type(r)));
    write_properties(out, g, g.rel_properties(r));
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace kith
