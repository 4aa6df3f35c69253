// db.*: what the graph holds (labels, relationship types, property keys, its shape).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "query/builtin_procedures.hpp"

namespace kith::query {

void add_db_procedures(ProcedureRegistry& r) {
  r.add({"db.labels", {}, {{"label", "STRING?"}}, false}, [](Graph& g, std::span<const Value>) {
    std::vector<std::vector<Value>> rows;
    for (SymbolId id = 0; id < g.labels().size(); ++id) {
      if (g.label_count(id) > 0) rows.push_back({g.label_name(id)});
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return order(a[0], b[0]) < 0; });
    return rows;
  });
  r.add({"db.relationshipTypes", {}, {{"relationshipType", "STRING?"}}, false},
        [](Graph& g, std::span<const Value>) {
          std::set<std::string> types;
          g.for_each_relationship([&](RelId rel) { types.insert(g.type_name(g.rel_type(rel))); });
          std::vector<std::vector<Value>> rows;
          for (const auto& t : types)
            rows.push_back({t});
          return rows;
        });
  r.add({"db.propertyKeys", {}, {{"propertyKey", "STRING?"}}, false},
        [](Graph& g, std::span<const Value>) {
          std::set<std::string> keys;
          g.for_each_node([&](NodeId n) {
            for (const auto& [k, v] : g.node_properties(n))
              keys.insert(g.key_name(k));
          });
          g.for_each_relationship([&](RelId rel) {
            for (const auto& [k, v] : g.rel_properties(rel))
              keys.insert(g.key_name(k));
          });
          std::vector<std::vector<Value>> rows;
          for (const auto& k : keys)
            rows.push_back({k});
          return rows;
        });
  // One row per (source label, type, target label) with how many relationships have it: the
  // shape of the graph in a form a person (or a model) can read.
  r.add({"db.schema",
         {},
         {{"from", "STRING?"}, {"type", "STRING?"}, {"to", "STRING?"}, {"count", "INTEGER?"}},
         false},
        [](Graph& g, std::span<const Value>) {
          std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> counts;
          auto labels_of = [&](NodeId n) {
            std::vector<std::string> out;
            for (SymbolId l : g.node_labels(n))
              out.push_back(g.label_name(l));
            if (out.empty()) out.emplace_back();
            return out;
          };
          g.for_each_relationship([&](RelId rel) {
            const std::string& type = g.type_name(g.rel_type(rel));
            for (const auto& from : labels_of(g.source(rel))) {
              for (const auto& to : labels_of(g.target(rel)))
                ++counts[{from, type, to}];
            }
          });
          std::vector<std::vector<Value>> rows;
          for (const auto& [key, n] : counts) {
            auto text = [](const std::string& s) { return s.empty() ? Value() : Value(s); };
            rows.push_back({text(std::get<0>(key)), std::get<1>(key), text(std::get<2>(key)), n});
          }
          return rows;
        });
}

}  // namespace kith::query
