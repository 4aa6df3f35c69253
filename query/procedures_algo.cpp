// algo.*: graph/algorithms.hpp over a filtered view. Every algo.* procedure takes an options
// map {labels: [...], types: [...], direction: 'OUT'|'IN'|'BOTH', weight: 'key'} as its last
// argument, which may be left out.
#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <fmt/format.h>

#include "graph/algorithms.hpp"
#include "query/builtin_procedures.hpp"

namespace kith::query {

namespace {

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

}  // namespace

void add_algo_procedures(ProcedureRegistry& r) {
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
}

}  // namespace kith::query
