#include "repl/schema_summary.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace kith::repl {

namespace {

struct Tally {
  std::size_t count = 0;
  std::set<std::string> keys;
};

std::vector<SchemaEntry> entries(std::map<std::string, Tally>& tallies) {
  std::vector<SchemaEntry> out;
  for (auto& [name, tally] : tallies) {
    out.push_back({name, tally.count, {tally.keys.begin(), tally.keys.end()}});
  }
  return out;
}

}  // namespace

SchemaSummary summarize_schema(const Graph& graph) {
  std::map<std::string, Tally> labels;
  std::map<std::string, Tally> types;
  std::set<std::string> keys;
  graph.for_each_node([&](NodeId n) {
    for (const SymbolId label : graph.node_labels(n)) {
      Tally& t = labels[graph.label_name(label)];
      ++t.count;
      for (const auto& [key, value] : graph.node_properties(n))
        t.keys.insert(graph.key_name(key));
    }
    for (const auto& [key, value] : graph.node_properties(n))
      keys.insert(graph.key_name(key));
  });
  graph.for_each_relationship([&](RelId r) {
    Tally& t = types[graph.type_name(graph.rel_type(r))];
    ++t.count;
    for (const auto& [key, value] : graph.rel_properties(r)) {
      t.keys.insert(graph.key_name(key));
      keys.insert(graph.key_name(key));
    }
  });
  return {entries(labels), entries(types), {keys.begin(), keys.end()}};
}

std::string format_schema(const SchemaSummary& schema) {
  std::string out;
  auto section = [&](std::string_view title, const std::vector<SchemaEntry>& list,
                     std::string_view open, std::string_view close) {
    out += fmt::format("{}:\n", title);
    if (list.empty()) out += "  (none)\n";
    std::size_t width = 0;
    for (const auto& e : list)
      width = std::max(width, e.name.size() + open.size() + close.size() + 1);
    for (const auto& e : list) {
      const std::string shown = fmt::format("{}:{}{}", open, e.name, close);
      out += fmt::format("  {:<{}} {:>7}", shown, width, e.count);
      if (!e.keys.empty()) out += fmt::format("  {{{}}}", fmt::join(e.keys, ", "));
      out += '\n';
    }
  };
  section("Node labels", schema.labels, "(", ")");
  section("Relationship types", schema.types, "[", "]");
  return out;
}

std::vector<std::string> node_names(const Graph& graph, const std::vector<std::string>& labels) {
  std::set<std::string> names;
  const auto name_key = graph.find_key("name");
  if (!name_key) return {};
  for (const auto& label_name : labels) {
    const auto label = graph.find_label(label_name);
    if (!label) continue;
    for (const NodeId n : graph.nodes_with_label(*label)) {
      const Value* v = graph.node_property(n, *name_key);
      if (v && v->is<std::string>()) names.insert(v->as<std::string>());
    }
  }
  return {names.begin(), names.end()};
}

}  // namespace kith::repl
