// The procedure registry, argument checking against signatures, and the built-in procedures:
// db.* (what the graph holds) and algo.* (graph/algorithms.hpp over a filtered view).
//
// Every algo.* procedure takes an options map {labels: [...], types: [...], direction:
// 'OUT'|'IN'|'BOTH', weight: 'key'} as its last argument, which may be left out.
#include "query/procedures.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "graph/algorithms.hpp"
#include "query/procedure_call.hpp"
#include "query/query_error.hpp"

namespace kith::query {

void ProcedureRegistry::add(ProcedureSignature signature, ProcedureBody body) {
  std::string name = signature.name;
  procedures_[name] = Procedure{std::move(signature), std::move(body)};
}

const Procedure* ProcedureRegistry::find(std::string_view name) const {
  auto it = procedures_.find(name);
  return it == procedures_.end() ? nullptr : &it->second;
}

std::vector<std::string> ProcedureRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, p] : procedures_)
    out.push_back(name);
  return out;
}

const Procedure& resolve_procedure(const ast::Call& call, const ProcedureRegistry& registry) {
  const Procedure* p = registry.find(call.procedure);
  if (!p) {
    throw QueryError(ErrorPhase::CompileTime, "ProcedureError", "ProcedureNotFound",
                     fmt::format("there is no procedure {}", call.procedure));
  }
  return *p;
}

bool has_procedure_type(const Value& v, std::string_view type) {
  while (!type.empty() && type.back() == ' ')
    type.remove_suffix(1);
  if (!type.empty() && type.back() == '?') {
    if (v.is_null()) return true;
    type.remove_suffix(1);
  }
  if (v.is_null()) return false;
  if (type == "ANY") return true;
  if (type == "INTEGER") return v.is<std::int64_t>();
  if (type == "FLOAT") return v.is_number();
  if (type == "NUMBER") return v.is_number();
  if (type == "STRING") return v.is<std::string>();
  if (type == "BOOLEAN") return v.is<bool>();
  if (type == "MAP") return v.is<Map>();
  if (type == "NODE") return v.is<NodeRef>();
  if (type == "RELATIONSHIP") return v.is<RelRef>();
  if (type == "PATH") return v.is<Path>();
  if (type.starts_with("LIST")) {
    if (!v.is<List>()) return false;
    const auto of = type.find(" OF ");
    if (of == std::string_view::npos) return true;
    const std::string_view element = type.substr(of + 4);
    return std::all_of(v.as<List>().begin(), v.as<List>().end(),
                       [&](const Value& e) { return has_procedure_type(e, element); });
  }
  return true;  // a type this engine does not know does not reject anything
}

std::vector<Value> check_procedure_arguments(const ProcedureSignature& sig,
                                             std::vector<Value> args) {
  // Trailing MAP? inputs (options) may be left out.
  while (args.size() < sig.inputs.size() && sig.inputs[args.size()].type.starts_with("MAP")) {
    args.emplace_back();
  }
  if (args.size() != sig.inputs.size()) {
    throw QueryError(
        ErrorPhase::CompileTime, "SyntaxError", "InvalidNumberOfArguments",
        fmt::format("{} takes {} arguments, got {}", sig.name, sig.inputs.size(), args.size()));
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& type = sig.inputs[i].type;
    if (!has_procedure_type(args[i], type)) {
      throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                       fmt::format("{}: argument `{}` must be {}, got {}", sig.name,
                                   sig.inputs[i].name, type, type_name(args[i].type())));
    }
    if (type.starts_with("FLOAT") && args[i].is<std::int64_t>()) {
      args[i] = static_cast<double>(args[i].as<std::int64_t>());
    }
  }
  return args;
}

namespace {

[[noreturn]] void procedure_error(const std::string& name, const std::string& why) {
  throw QueryError(ErrorPhase::Runtime, "ProcedureError", "ProcedureCallFailed",
                   fmt::format("{}: {}", name, why));
}

// The view an algo.* call runs over, from its options map.
struct AlgoOptions {
  TraversalFilter filter;
  std::optional<SymbolId> weight;
  bool unknown_name = false;  // a label or type the graph does not have: the view is empty
};

AlgoOptions algo_options(const std::string& proc, Graph& g, const Value& options,
                         Direction default_direction) {
  AlgoOptions out;
  out.filter.direction = default_direction;
  if (options.is_null()) return out;
  const Map& m = options.as<Map>();
  auto names = [&](const char* key, auto&& find, std::vector<SymbolId>& ids) {
    auto it = m.find(key);
    if (it == m.end() || it->second.is_null()) return;
    List list;
    if (it->second.is<std::string>()) {
      list.push_back(it->second);
    } else if (it->second.is<List>()) {
      list = it->second.as<List>();
    } else {
      procedure_error(proc, fmt::format("option {} must be a string or a list of strings", key));
    }
    for (const Value& v : list) {
      if (!v.is<std::string>())
        procedure_error(proc, fmt::format("option {} holds a non-string", key));
      if (auto id = find(v.as<std::string>())) {
        ids.push_back(*id);
      } else {
        out.unknown_name = true;
      }
    }
    // Only unknown names asked for: nothing can pass the filter.
    if (!list.empty() && ids.empty()) out.unknown_name = true;
  };
  names(
      "labels", [&](const std::string& s) { return g.find_label(s); }, out.filter.labels);
  names(
      "types", [&](const std::string& s) { return g.find_type(s); }, out.filter.types);
  if (auto it = m.find("direction"); it != m.end() && !it->second.is_null()) {
    if (!it->second.is<std::string>()) procedure_error(proc, "option direction must be a string");
    std::string d = it->second.as<std::string>();
    std::transform(d.begin(), d.end(), d.begin(), [](unsigned char c) { return std::toupper(c); });
    if (d == "OUT" || d == "OUTGOING") {
      out.filter.direction = Direction::Out;
    } else if (d == "IN" || d == "INCOMING") {
      out.filter.direction = Direction::In;
    } else if (d == "BOTH" || d == "UNDIRECTED") {
      out.filter.direction = Direction::Both;
    } else {
      procedure_error(proc, "option direction must be 'OUT', 'IN' or 'BOTH'");
    }
  }
  if (auto it = m.find("weight"); it != m.end() && !it->second.is_null()) {
    if (!it->second.is<std::string>()) procedure_error(proc, "option weight must be a string");
    // A key no relationship has yet still names a weight: every relationship weighs the default.
    out.weight = g.intern_key(it->second.as<std::string>());
  }
  for (const auto& [key, v] : m) {
    if (key != "labels" && key != "types" && key != "direction" && key != "weight") {
      procedure_error(proc, fmt::format("unknown option {}", key));
    }
  }
  return out;
}

std::vector<std::vector<Value>> score_rows(const std::vector<NodeScore>& scores) {
  std::vector<std::vector<Value>> rows;
  rows.reserve(scores.size());
  for (const auto& s : scores)
    rows.push_back({NodeRef{s.node}, s.score});
  return rows;
}

ProcedureRegistry make_builtins() {
  ProcedureRegistry r;
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
  r.add({"algo.pageRank", {{"options", "MAP?"}}, {{"node", "NODE?"}, {"score", "FLOAT?"}}, false},
        [](Graph& g, std::span<const Value> args) {
          const AlgoOptions o = algo_options("algo.pageRank", g, args[0], Direction::Out);
          if (o.unknown_name) return std::vector<std::vector<Value>>{};
          PageRankOptions pr;
          pr.weight_key = o.weight;
          return score_rows(page_rank(g, o.filter, pr));
        });
  r.add({"algo.personalizedPageRank",
         {{"sources", "LIST? OF NODE?"}, {"options", "MAP?"}},
         {{"node", "NODE?"}, {"score", "FLOAT?"}},
         false},
        [](Graph& g, std::span<const Value> args) {
          const AlgoOptions o =
              algo_options("algo.personalizedPageRank", g, args[1], Direction::Out);
          if (o.unknown_name || args[0].is_null()) return std::vector<std::vector<Value>>{};
          PageRankOptions pr;
          pr.weight_key = o.weight;
          for (const Value& v : args[0].as<List>()) {
            if (v.is<NodeRef>()) pr.personalization[v.as<NodeRef>().id] = 1.0;
          }
          if (pr.personalization.empty()) return std::vector<std::vector<Value>>{};
          try {
            return score_rows(page_rank(g, o.filter, pr));
          } catch (const std::invalid_argument&) {
            procedure_error("algo.personalizedPageRank", "no source node is in the view");
          }
        });
  r.add(
      {"algo.betweenness", {{"options", "MAP?"}}, {{"node", "NODE?"}, {"score", "FLOAT?"}}, false},
      [](Graph& g, std::span<const Value> args) {
        const AlgoOptions o = algo_options("algo.betweenness", g, args[0], Direction::Both);
        if (o.unknown_name) return std::vector<std::vector<Value>>{};
        return score_rows(betweenness(g, o.filter, true));
      });
  r.add({"algo.wcc", {{"options", "MAP?"}}, {{"node", "NODE?"}, {"component", "INTEGER?"}}, false},
        [](Graph& g, std::span<const Value> args) {
          const AlgoOptions o = algo_options("algo.wcc", g, args[0], Direction::Both);
          std::vector<std::vector<Value>> rows;
          if (o.unknown_name) return rows;
          for (const auto& c : weakly_connected_components(g, o.filter)) {
            rows.push_back({NodeRef{c.node}, static_cast<std::int64_t>(c.component)});
          }
          return rows;
        });
  r.add({"algo.shortestPath",
         {{"from", "NODE?"}, {"to", "NODE?"}, {"options", "MAP?"}},
         {{"path", "PATH?"}, {"cost", "FLOAT?"}},
         false},
        [](Graph& g, std::span<const Value> args) {
          std::vector<std::vector<Value>> rows;
          if (args[0].is_null() || args[1].is_null()) return rows;
          const AlgoOptions o = algo_options("algo.shortestPath", g, args[2], Direction::Out);
          if (o.unknown_name) return rows;
          const NodeId from = args[0].as<NodeRef>().id;
          const NodeId to = args[1].as<NodeRef>().id;
          std::optional<WeightedPath> found;
          if (o.weight) {
            found = weighted_shortest_path(g, from, to, o.filter, *o.weight, 1.0);
          } else if (auto path = shortest_path(g, from, to, o.filter)) {
            // Without a weight every relationship costs 1: the cost is the hop count.
            const double hops = static_cast<double>(path->rels.size());
            found = WeightedPath{std::move(*path), hops};
          }
          if (found) rows.push_back({found->path, found->cost});
          return rows;
        });
  return r;
}

}  // namespace

const ProcedureRegistry& builtin_procedures() {
  static const ProcedureRegistry registry = make_builtins();
  return registry;
}

}  // namespace kith::query
