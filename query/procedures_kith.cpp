// kith.*: questions about the vault's people that plain patterns answer badly.
//
//   kith.influencers(person, {depth: 3, limit: null, minWeight: 0.0})
//     YIELD person, score, path, reasons
//   kith.evidence(entity) YIELD file, line, text, rule
//
// `person` is a Person node or a name, resolved through the graph's name index (aliases, case
// and accents folded); a name that finds no one, or more than one person, is an error.
#include <fmt/format.h>

#include "query/builtin_procedures.hpp"
#include "query/influence_paths.hpp"

namespace kith::query {

namespace {

constexpr int kMaxInfluenceDepth = 10;

NodeId resolve_person(const std::string& proc, const Graph& g, const Value& who) {
  if (who.is<NodeRef>()) return who.as<NodeRef>().id;
  if (!who.is<std::string>()) procedure_error(proc, "person must be a name or a Person node");
  const std::string& name = who.as<std::string>();
  const auto person = g.find_label("Person");
  const std::vector<NodeId> found = person ? g.find_by_name(*person, name) : std::vector<NodeId>{};
  if (found.empty()) procedure_error(proc, fmt::format("no person is named '{}'", name));
  if (found.size() > 1) {
    std::vector<std::string> names;
    const auto name_key = g.find_key("name");
    for (NodeId id : found) {
      const Value* n = name_key ? g.node_property(id, *name_key) : nullptr;
      names.push_back(fmt::format("{} (node {})", n ? to_cypher(*n) : "?", id));
    }
    procedure_error(proc, fmt::format("'{}' names {} people: {}; pass the node instead", name,
                                      found.size(), fmt::join(names, ", ")));
  }
  return found.front();
}

struct InfluencerOptions {
  InfluenceSearch search;
  std::optional<std::int64_t> limit;
};

InfluencerOptions influencer_options(const std::string& proc, const Value& options) {
  InfluencerOptions out;
  if (options.is_null()) return out;
  for (const auto& [key, v] : options.as<Map>()) {
    if (v.is_null()) continue;
    if (key == "depth") {
      if (!v.is<std::int64_t>() || v.as<std::int64_t>() < 1 ||
          v.as<std::int64_t>() > kMaxInfluenceDepth) {
        procedure_error(
            proc, fmt::format("option depth must be an integer from 1 to {}", kMaxInfluenceDepth));
      }
      out.search.max_hops = static_cast<int>(v.as<std::int64_t>());
    } else if (key == "limit") {
      if (!v.is<std::int64_t>() || v.as<std::int64_t>() < 0)
        procedure_error(proc, "option limit must be a non-negative integer");
      out.limit = v.as<std::int64_t>();
    } else if (key == "minWeight") {
      if (!v.is_number() || v.number() < 0.0 || v.number() > 1.0)
        procedure_error(proc, "option minWeight must be a number from 0 to 1");
      out.search.min_weight = v.number();
    } else {
      procedure_error(proc, fmt::format("unknown option {} (depth, limit, minWeight)", key));
    }
  }
  return out;
}

// The reason strings of the path's edges, first edge first.
List path_reasons(const Graph& g, const Path& path) {
  List out;
  const auto reasons_key = g.find_key("reasons");
  if (!reasons_key) return out;
  for (RelId rel : path.rels) {
    const Value* reasons = g.rel_property(rel, *reasons_key);
    if (!reasons) continue;
    if (reasons->is<List>()) {
      for (const Value& r : reasons->as<List>())
        out.push_back(r);
    } else {
      out.push_back(*reasons);
    }
  }
  return out;
}

// Outputs: person, score, path, reasons. Paths are built only when path or reasons is yielded.
std::vector<std::vector<Value>> influencers(Graph& g, std::span<const Value> args,
                                            const YieldedOutputs& yielded) {
  const std::string proc = "kith.influencers";
  std::vector<std::vector<Value>> rows;
  if (args[0].is_null()) return rows;
  const NodeId target = resolve_person(proc, g, args[0]);
  InfluencerOptions options = influencer_options(proc, args[1]);
  const bool want_path = yielded.at(2);
  const bool want_reasons = yielded.at(3);
  options.search.paths = want_path || want_reasons;
  if (options.limit) options.search.limit = static_cast<std::size_t>(*options.limit);
  for (InfluencePath& p : best_influence_paths(g, target, options.search)) {
    Value reasons = want_reasons ? Value(path_reasons(g, p.path)) : Value();
    Value path = want_path ? Value(std::move(p.path)) : Value();
    rows.push_back({NodeRef{p.person}, p.score, std::move(path), std::move(reasons)});
  }
  return rows;
}

void add_evidence_rows(const Graph& g, EntityKind kind, std::uint64_t id,
                       std::vector<std::vector<Value>>& rows) {
  for (const Evidence& e : g.evidence(kind, id)) {
    rows.push_back({e.file, static_cast<std::int64_t>(e.line), e.text, e.rule});
  }
}

std::vector<std::vector<Value>> evidence(Graph& g, std::span<const Value> args) {
  std::vector<std::vector<Value>> rows;
  const Value& entity = args[0];
  if (entity.is_null()) return rows;
  if (entity.is<NodeRef>()) {
    const NodeId id = entity.as<NodeRef>().id;
    if (g.node_exists(id)) add_evidence_rows(g, EntityKind::Node, id, rows);
  } else if (entity.is<RelRef>()) {
    const RelId id = entity.as<RelRef>().id;
    if (g.relationship_exists(id)) add_evidence_rows(g, EntityKind::Relationship, id, rows);
  } else if (entity.is<Path>()) {
    // A path's evidence is its relationships', in path order.
    for (RelId id : entity.as<Path>().rels) {
      if (g.relationship_exists(id)) add_evidence_rows(g, EntityKind::Relationship, id, rows);
    }
  } else {
    procedure_error("kith.evidence", "entity must be a node, a relationship or a path");
  }
  return rows;
}

}  // namespace

void add_kith_procedures(ProcedureRegistry& r) {
  r.add({"kith.influencers",
         {{"person", "ANY?"}, {"options", "MAP?"}},
         {{"person", "NODE?"},
          {"score", "FLOAT?"},
          {"path", "PATH?"},
          {"reasons", "LIST? OF STRING?"}},
         false},
        ProcedureBodyWithYields(influencers));
  r.add({"kith.evidence",
         {{"entity", "ANY?"}},
         {{"file", "STRING?"}, {"line", "INTEGER?"}, {"text", "STRING?"}, {"rule", "STRING?"}},
         false},
        evidence);
}

}  // namespace kith::query
