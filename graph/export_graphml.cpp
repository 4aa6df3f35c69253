// GraphML (http://graphml.graphdrawing.org/). Each property key becomes one typed <key> per
// domain: boolean, long or double when every value of it agrees, else string.
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>

#include <fmt/format.h>

#include "graph/export_scope.hpp"
#include "graph/exporters.hpp"
#include "graph/xml_escape.hpp"

namespace kith {
namespace {

enum class KeyType { Boolean, Long, Double, String };

const char* graphml_type(KeyType t) {
  switch (t) {
    case KeyType::Boolean:
      return "boolean";
    case KeyType::Long:
      return "long";
    case KeyType::Double:
      return "double";
    case KeyType::String:
      break;
  }
  return "string";
}

KeyType type_of(const Value& v) {
  switch (v.type()) {
    case ValueType::Bool:
      return KeyType::Boolean;
    case ValueType::Int:
      return KeyType::Long;
    case ValueType::Float:
      return KeyType::Double;
    default:
      return KeyType::String;
  }
}

KeyType widened(KeyType a, KeyType b) {
  if (a == b) return a;
  const bool numbers =
      (a == KeyType::Long || a == KeyType::Double) && (b == KeyType::Long || b == KeyType::Double);
  return numbers ? KeyType::Double : KeyType::String;
}

std::string data_text(const Value& v, KeyType type) {
  if (type == KeyType::Double) return to_cypher(Value(v.number()));  // 1 in a double key: 1.0
  switch (v.type()) {
    case ValueType::String:
      return v.as<std::string>();
    case ValueType::List:
    case ValueType::Map:
      return to_json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    default:
      return to_cypher(v);  // numbers, booleans, and temporals in their ISO form
  }
}

// The <key>s of one domain (node or edge): property key -> GraphML key id and type.
struct KeySet {
  struct Entry {
    std::string id;
    std::string name;
    KeyType type;
  };
  std::map<SymbolId, Entry> by_property;
};

KeySet collect_keys(const Graph& g, const std::vector<const PropertyList*>& lists,
                    const std::string& reserved_name, int& next_id) {
  std::map<SymbolId, KeyType> types;
  for (const PropertyList* list : lists) {
    for (const auto& [key, value] : *list) {
      const KeyType t = type_of(value);
      auto [it, fresh] = types.emplace(key, t);
      if (!fresh) it->second = widened(it->second, t);
    }
  }
  // Attribute names must be unique within a domain, so a property that happens to be called
  // like our own attribute ("labels", "type") is renamed by appending underscores.
  std::set<std::string> taken = {reserved_name};
  KeySet keys;
  for (const auto& [key, type] : types) {
    std::string name = g.key_name(key);
    while (taken.count(name))
      name += '_';
    taken.insert(name);
    keys.by_property[key] = {fmt::format("d{}", next_id++), name, type};
  }
  return keys;
}

void write_key(std::ostream& out, const std::string& id, const char* domain,
               const std::string& name, KeyType type) {
  out << "  <key id=\"" << id << "\" for=\"" << domain << "\" attr.name=\""
      << xml_escaped(name, true) << "\" attr.type=\"" << graphml_type(type) << "\"/>\n";
}

void write_data(std::ostream& out, const PropertyList& properties, const KeySet& keys) {
  for (const auto& [key, value] : properties) {
    const KeySet::Entry& entry = keys.by_property.at(key);
    out << "      <data key=\"" << entry.id << "\">" << xml_escaped(data_text(value, entry.type))
        << "</data>\n";
  }
}

}  // namespace

void write_graphml(std::ostream& out, const Graph& g, const ExportSelection& sel) {
  const ExportScope scope = resolve_export_scope(g, sel);
  std::vector<const PropertyList*> node_lists;
  std::vector<const PropertyList*> rel_lists;
  for (const NodeId n : scope.nodes)
    node_lists.push_back(&g.node_properties(n));
  for (const RelId r : scope.rels)
    rel_lists.push_back(&g.rel_properties(r));
  int next_id = 2;  // d0 and d1 are the labels and type keys
  const KeySet node_keys = collect_keys(g, node_lists, "labels", next_id);
  const KeySet rel_keys = collect_keys(g, rel_lists, "type", next_id);

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      << "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      << "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  write_key(out, "d0", "node", "labels", KeyType::String);
  write_key(out, "d1", "edge", "type", KeyType::String);
  for (const auto& [key, e] : node_keys.by_property)
    write_key(out, e.id, "node", e.name, e.type);
  for (const auto& [key, e] : rel_keys.by_property)
    write_key(out, e.id, "edge", e.name, e.type);

  out << "  <graph id=\"kith\" edgedefault=\"directed\">\n";
  for (const NodeId n : scope.nodes) {
    std::string labels;
    for (const SymbolId label : g.node_labels(n)) {
      if (!labels.empty()) labels += ':';
      labels += g.label_name(label);
    }
    out << "    <node id=\"n" << n << "\">\n"
        << "      <data key=\"d0\">" << xml_escaped(labels) << "</data>\n";
    write_data(out, g.node_properties(n), node_keys);
    out << "    </node>\n";
  }
  for (const RelId r : scope.rels) {
    out << "    <edge id=\"r" << r << "\" source=\"n" << g.source(r) << "\" target=\"n"
        << g.target(r) << "\">\n"
        << "      <data key=\"d1\">" << xml_escaped(g.type_name(g.rel_type(r))) << "</data>\n";
    write_data(out, g.rel_properties(r), rel_keys);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace kith
