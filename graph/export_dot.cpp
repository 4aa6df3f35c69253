// Graphviz DOT. Everything user-supplied goes into double-quoted strings, written in
// Graphviz's escString convention: \\ for a backslash, \" for a quote, \n for a newline. A
// value ending in a backslash therefore cannot end the string early, and label escapes such
// as \N or \G never appear by accident. Properties are written as "prop_<key>" attributes so
// that a property called "shape", "label" or "image" cannot change how Graphviz draws or
// what it reads.
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "graph/export_scope.hpp"
#include "graph/exporters.hpp"
#include "graph/utf8_repair.hpp"

namespace kith {
namespace {

std::string quoted(std::string_view text) {
  const std::string valid = repair_utf8(text);
  std::string out;
  out.reserve(valid.size() + 2);
  out += '"';
  for (const char c : valid) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += c;
        break;
      default:
        // Other control characters (NUL above all) have no DOT spelling.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

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
    out << ", " << quoted(fmt::format("prop_{}", g.key_name(key))) << '='
        << quoted(property_text(value));
  }
}

}  // namespace

void write_dot(std::ostream& out, const Graph& g, const ExportSelection& sel,
               const DotOptions& options) {
  const ExportScope scope = resolve_export_scope(g, sel);
  out << "digraph " << quoted(options.graph_name) << " {\n";
  out << "  graph [rankdir=" << quoted(options.rankdir) << "];\n";
  out << "  node [shape=box];\n";
  for (const NodeId n : scope.nodes) {
    std::string labels;
    for (const SymbolId label : g.node_labels(n)) {
      if (!labels.empty()) labels += ':';
      labels += g.label_name(label);
    }
    out << "  n" << n << " [label=" << quoted(node_caption(g, n, options))
        << ", labels=" << quoted(labels);
    write_properties(out, g, g.node_properties(n));
    out << "];\n";
  }
  for (const RelId r : scope.rels) {
    out << "  n" << g.source(r) << " -> n" << g.target(r) << " [id=\"r" << r
        << "\", label=" << quoted(g.type_name(g.rel_type(r)));
    write_properties(out, g, g.rel_properties(r));
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace kith
