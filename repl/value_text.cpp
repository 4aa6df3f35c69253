#include "repl/value_text.hpp"

namespace kith::repl {

namespace {

// A map key as openCypher writes it (bare, or in backticks when it is not an identifier),
// taken from graph/value's printer so the two never disagree.
std::string key_literal(const std::string& key) {
  const std::string map = to_cypher(Value(Map{{key, Value{}}}));  // {<key>: null}
  constexpr std::size_t kAround = 1 + 7;                          // "{" and ": null}"
  return map.substr(1, map.size() - kAround);
}

void append_literal(std::string& out, const Value& v, const Graph& graph);

void append_properties(std::string& out, const PropertyList& properties, const Graph& graph) {
  if (properties.empty()) return;
  out += " {";
  bool first = true;
  for (const auto& [key, value] : properties) {
    if (!first) out += ", ";
    first = false;
    out += key_literal(graph.key_name(key));
    out += ": ";
    append_literal(out, value, graph);
  }
  out += '}';
}

void append_node(std::string& out, NodeId id, const Graph& graph) {
  if (!graph.node_exists(id)) {
    out += "(#" + std::to_string(id) + ")";
    return;
  }
  out += '(';
  for (const SymbolId label : graph.node_labels(id)) {
    out += ':';
    out += key_literal(graph.label_name(label));
  }
  std::string properties;
  append_properties(properties, graph.node_properties(id), graph);
  // "()" and "(:Person)" have no space to trim; "( {a: 1})" would.
  out += graph.node_labels(id).empty() && !properties.empty() ? properties.substr(1) : properties;
  out += ')';
}

void append_relationship(std::string& out, RelId id, const Graph& graph) {
  if (!graph.relationship_exists(id)) {
    out += "[#" + std::to_string(id) + "]";
    return;
  }
  out += "[:";
  out += key_literal(graph.type_name(graph.rel_type(id)));
  append_properties(out, graph.rel_properties(id), graph);
  out += ']';
}

void append_path(std::string& out, const Path& path, const Graph& graph) {
  out += '<';
  for (std::size_t i = 0; i < path.nodes.size(); ++i) {
    append_node(out, path.nodes[i], graph);
    if (i >= path.rels.size()) continue;
    const RelId rel = path.rels[i];
    // A path may walk a relationship against its direction; the arrow shows which way it points.
    const bool backwards = graph.relationship_exists(rel) && graph.source(rel) != path.nodes[i];
    out += backwards ? "<-" : "-";
    append_relationship(out, rel, graph);
    out += backwards ? "-" : "->";
  }
  out += '>';
}

void append_literal(std::string& out, const Value& v, const Graph& graph) {
  switch (v.type()) {
    case ValueType::Node:
      append_node(out, v.as<NodeRef>().id, graph);
      return;
    case ValueType::Relationship:
      append_relationship(out, v.as<RelRef>().id, graph);
      return;
    case ValueType::Path:
      append_path(out, v.as<Path>(), graph);
      return;
    case ValueType::List: {
      out += '[';
      bool first = true;
      for (const Value& e : v.as<List>()) {
        if (!first) out += ", ";
        first = false;
        append_literal(out, e, graph);
      }
      out += ']';
      return;
    }
    case ValueType::Map: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : v.as<Map>()) {
        if (!first) out += ", ";
        first = false;
        out += key_literal(key);
        out += ": ";
        append_literal(out, value, graph);
      }
      out += '}';
      return;
    }
    default:
      out += to_cypher(v);
  }
}

nlohmann::json properties_json(const PropertyList& properties, const Graph& graph) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : properties)
    out[graph.key_name(key)] = value_json(value, graph);
  return out;
}

nlohmann::json node_json(NodeId id, const Graph& graph) {
  nlohmann::json out = {{"id", id}};
  if (!graph.node_exists(id)) {
    out["deleted"] = true;
    return out;
  }
  nlohmann::json labels = nlohmann::json::array();
  for (const SymbolId label : graph.node_labels(id))
    labels.push_back(graph.label_name(label));
  out["labels"] = std::move(labels);
  out["properties"] = properties_json(graph.node_properties(id), graph);
  return out;
}

nlohmann::json relationship_json(RelId id, const Graph& graph) {
  nlohmann::json out = {{"id", id}};
  if (!graph.relationship_exists(id)) {
    out["deleted"] = true;
    return out;
  }
  out["type"] = graph.type_name(graph.rel_type(id));
  out["start"] = graph.source(id);
  out["end"] = graph.target(id);
  out["properties"] = properties_json(graph.rel_properties(id), graph);
  return out;
}

}  // namespace

std::string value_literal(const Value& v, const Graph& graph) {
  std::string out;
  append_literal(out, v, graph);
  return out;
}

std::string value_text(const Value& v, const Graph& graph) {
  if (v.is<std::string>()) return v.as<std::string>();
  return value_literal(v, graph);
}

nlohmann::json value_json(const Value& v, const Graph& graph) {
  switch (v.type()) {
    case ValueType::Node:
      return node_json(v.as<NodeRef>().id, graph);
    case ValueType::Relationship:
      return relationship_json(v.as<RelRef>().id, graph);
    case ValueType::Path: {
      const Path& p = v.as<Path>();
      nlohmann::json nodes = nlohmann::json::array();
      nlohmann::json rels = nlohmann::json::array();
      for (const NodeId n : p.nodes)
        nodes.push_back(node_json(n, graph));
      for (const RelId r : p.rels)
        rels.push_back(relationship_json(r, graph));
      return {{"nodes", std::move(nodes)}, {"relationships", std::move(rels)}};
    }
    case ValueType::List: {
      nlohmann::json out = nlohmann::json::array();
      for (const Value& e : v.as<List>())
        out.push_back(value_json(e, graph));
      return out;
    }
    case ValueType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [key, value] : v.as<Map>())
        out[key] = value_json(value, graph);
      return out;
    }
    default:
      return to_json(v);
  }
}

}  // namespace kith::repl
