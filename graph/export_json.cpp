// JSON node-link, the layout of networkx's node_link_data (which d3 also reads). Each link
// carries "key" (its id) as well, because node_link_graph needs a key for multigraph edges.
#include <nlohmann/json.hpp>
#include <ostream>

#include "graph/export_scope.hpp"
#include "graph/exporters.hpp"

namespace kith {
namespace {

nlohmann::json properties_json(const Graph& g, const PropertyList& properties) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : properties)
    out[g.key_name(key)] = to_json(value);
  return out;
}

}  // namespace

void write_json(std::ostream& out, const Graph& g, const ExportSelection& sel) {
  const ExportScope scope = resolve_export_scope(g, sel);
  nlohmann::json nodes = nlohmann::json::array();
  for (const NodeId n : scope.nodes) {
    nlohmann::json labels = nlohmann::json::array();
    for (const SymbolId label : g.node_labels(n))
      labels.push_back(g.label_name(label));
    nodes.push_back({{"id", n},
                     {"labels", std::move(labels)},
                     {"properties", properties_json(g, g.node_properties(n))}});
  }
  nlohmann::json links = nlohmann::json::array();
  for (const RelId r : scope.rels) {
    links.push_back({{"id", r},
                     {"key", r},
                     {"source", g.source(r)},
                     {"target", g.target(r)},
                     {"type", g.type_name(g.rel_type(r))},
                     {"properties", properties_json(g, g.rel_properties(r))}});
  }
  const nlohmann::json doc = {{"directed", true},
                              {"multigraph", true},
                              {"graph", nlohmann::json::object()},
                              {"nodes", std::move(nodes)},
                              {"links", std::move(links)}};
  // Invalid UTF-8 from a note becomes U+FFFD instead of an exception halfway through.
  out << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace kith
