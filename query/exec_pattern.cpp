// The pattern matcher. Each comma-separated part starts at one node (its anchor: a node already
// bound, else a name or property-index seek, else the rarest label, else every node) and
// expands hop by hop to the right and then to the left, so a connected pattern never becomes a
// cartesian product. Parts after the first see what earlier parts bound.
#include "query/exec_pattern.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/exec_shortest_path.hpp"
#include "query/query_error.hpp"

namespace kith::query {

std::string pattern_slot_name(const std::optional<std::string>& variable, ast::Position pos,
                              char kind) {
  if (variable) return *variable;
  return fmt::format(" {}{}:{}", kind, pos.line, pos.column);
}

struct PatternMatcher::NodeStep {
  int slot = -1;
  std::string text;  // for EXPLAIN
  const std::vector<std::string>* labels = nullptr;
  const ast::Expr* properties = nullptr;
};

struct PatternMatcher::RelStep {
  int slot = -1;
  const std::vector<std::string>* types = nullptr;
  const ast::Expr* properties = nullptr;
  ast::Direction direction = ast::Direction::Undirected;
  bool var_length = false;
  bool unbounded = false;  // no maximum was written: options.var_length_bound applies
  int min = 1;
  int max = 1;
};

struct PatternMatcher::Part {
  std::vector<NodeStep> nodes;
  std::vector<RelStep> rels;
  int path_slot = -1;
  ast::PathSearch search = ast::PathSearch::None;
  int anchor = 0;
  enum class Seek : std::uint8_t { Bound, Name, Index, Label, All } seek = Seek::All;
  std::string seek_label;
  std::string seek_key;
};

std::vector<const ast::PatternPart*> PatternMatcher::parts_of(const ast::Pattern& pattern) {
  std::vector<const ast::PatternPart*> out;
  for (const auto& p : pattern)
    out.push_back(&p);
  return out;
}

namespace {

// The value a `{key: value}` map gives for `key`, when the map is a literal with that key.
const ast::Expr* map_entry(const ast::Expr* properties, std::string_view key) {
  if (!properties || !properties->is<ast::MapLiteral>()) return nullptr;
  for (const auto& [k, v] : properties->as<ast::MapLiteral>().entries) {
    if (k == key) return v.get();
  }
  return nullptr;
}

Direction walk_direction(ast::Direction d, bool reversed) {
  switch (d) {
    case ast::Direction::Right:
      return reversed ? Direction::In : Direction::Out;
    case ast::Direction::Left:
      return reversed ? Direction::Out : Direction::In;
    case ast::Direction::Undirected:
      return Direction::Both;
  }
  return Direction::Both;
}

}  // namespace

PatternMatcher::PatternMatcher(const std::vector<const ast::PatternPart*>& parts, Scope& scope,
                               ExecContext& ctx)
    : scope_(scope), ctx_(ctx) {
  bound_before_.assign(scope.size(), true);
  std::vector<bool> bound = bound_before_;
  auto is_bound = [&](int slot) {
    return static_cast<std::size_t>(slot) < bound.size() && bound[slot];
  };
  for (const ast::PatternPart* pp : parts) {
    Part part;
    part.search = pp->search;
    auto add_node = [&](const ast::NodePattern& n) {
      NodeStep step;
      step.slot = scope.add(pattern_slot_name(n.variable, n.pos, 'n'));
      step.labels = &n.labels;
      step.properties = n.properties.get();
      step.text = n.variable.value_or("");
      for (const auto& l : n.labels)
        step.text += ":" + l;
      part.nodes.push_back(step);
    };
    add_node(pp->start);
    for (const auto& s : pp->steps) {
      const auto& r = s.relationship;
      RelStep step;
      step.slot = scope.add(pattern_slot_name(r.variable, r.pos, 'r'));
      step.types = &r.types;
      step.properties = r.properties.get();
      step.direction = r.direction;
      if (r.length) {
        step.var_length = true;
        step.min = static_cast<int>(r.length->min.value_or(1));
        if (r.length->max) {
          step.max = static_cast<int>(std::min<std::int64_t>(*r.length->max, 1 << 30));
        } else {
          step.unbounded = true;
          step.max = ctx.options.var_length_bound;
        }
      }
      part.rels.push_back(step);
      add_node(s.node);
    }
    if (pp->path_variable || pp->search != ast::PathSearch::None) {
      part.path_slot = scope.add(pattern_slot_name(pp->path_variable, pp->pos, 'p'));
    }

    // The anchor: a bound node if there is one, else the most selective seek.
    part.anchor = -1;
    for (std::size_t i = 0; i < part.nodes.size() && part.anchor < 0; ++i) {
      if (is_bound(part.nodes[i].slot)) {
        part.anchor = static_cast<int>(i);
        part.seek = Part::Seek::Bound;
      }
    }
    if (part.anchor < 0) {
      std::size_t best = SIZE_MAX;
      for (std::size_t i = 0; i < part.nodes.size(); ++i) {
        const NodeStep& n = part.nodes[i];
        for (const auto& label : *n.labels) {
          auto id = ctx.graph.find_label(label);
          const std::size_t count = id ? ctx.graph.label_count(*id) : 0;
          std::size_t cost = count;
          Part::Seek seek = Part::Seek::Label;
          std::string key;
          if (map_entry(n.properties, "name")) {
            cost = 1;
            seek = Part::Seek::Name;
          } else if (id && n.properties && n.properties->is<ast::MapLiteral>()) {
            for (const auto& [k, v] : n.properties->as<ast::MapLiteral>().entries) {
              auto kid = ctx.graph.find_key(k);
              if (kid && ctx.graph.has_property_index(*id, *kid)) {
                cost = 2;
                seek = Part::Seek::Index;
                key = k;
                break;
              }
            }
          }
          if (cost < best) {
            best = cost;
            part.anchor = static_cast<int>(i);
            part.seek = seek;
            part.seek_label = label;
            part.seek_key = key;
          }
        }
      }
      if (part.anchor < 0) {
        part.anchor = 0;
        part.seek = Part::Seek::All;
      }
    }
    if (part.search != ast::PathSearch::None) part.anchor = 0;

    // EXPLAIN's account of this part.
    const NodeStep& a = part.nodes[part.anchor];
    switch (part.seek) {
      case Part::Seek::Bound:
        descriptions_.push_back(fmt::format("Argument ({})", a.text));
        break;
      case Part::Seek::Name:
        descriptions_.push_back(fmt::format("NodeByNameSeek ({})", a.text));
        break;
      case Part::Seek::Index:
        descriptions_.push_back(
            fmt::format("NodeIndexSeek ({}) on :{}({})", a.text, part.seek_label, part.seek_key));
        break;
      case Part::Seek::Label:
        descriptions_.push_back(fmt::format("NodeByLabelScan ({})", a.text));
        break;
      case Part::Seek::All:
        descriptions_.push_back(fmt::format("AllNodesScan ({})", a.text));
        break;
    }
    if (part.search != ast::PathSearch::None) {
      descriptions_.push_back(fmt::format(
          "{} to ({})",
          part.search == ast::PathSearch::ShortestPath ? "ShortestPath" : "AllShortestPaths",
          part.nodes.back().text));
    } else {
      for (std::size_t i = part.anchor; i < part.rels.size(); ++i) {
        descriptions_.push_back(fmt::format("{} ({})",
                                            part.rels[i].var_length ? "VarLengthExpand" : "Expand",
                                            part.nodes[i + 1].text));
      }
      for (int i = part.anchor - 1; i >= 0; --i) {
        descriptions_.push_back(fmt::format(
            "{} ({})", part.rels[i].var_length ? "VarLengthExpand" : "Expand", part.nodes[i].text));
      }
    }
    for (const auto& n : part.nodes) {
      if (static_cast<std::size_t>(n.slot) >= bound.size()) bound.resize(n.slot + 1, false);
      bound[n.slot] = true;
    }
    for (const auto& r : part.rels) {
      if (static_cast<std::size_t>(r.slot) >= bound.size()) bound.resize(r.slot + 1, false);
      bound[r.slot] = true;
    }
    parts_.push_back(std::move(part));
  }
}

PatternMatcher::~PatternMatcher() = default;

std::vector<std::string> PatternMatcher::describe() const {
  return descriptions_;
}

// The state of one match() call: which slots hold a value, which relationships the match has
// used (they must be distinct), and the ids each part bound, for its path.
class PatternMatcher::Search {
 public:
  Search(PatternMatcher& m, Row& row, const std::function<bool(Row&)>& emit)
      : m_(m), g_(m.ctx_.graph), row_(row), emit_(emit), bound_(m.scope_.size(), false) {
    std::fill(bound_.begin(), bound_.begin() + m.bound_before_.size(), true);
    ids_.resize(m.parts_.size());
    for (std::size_t i = 0; i < m.parts_.size(); ++i) {
      ids_[i].nodes.resize(m.parts_[i].nodes.size());
      ids_[i].rels.resize(m.parts_[i].rels.size());
    }
  }

  bool part(std::size_t pi) {
    if (pi == m_.parts_.size()) return emit_(row_);
    const Part& p = m_.parts_[pi];
    if (p.search != ast::PathSearch::None) return shortest(pi);
    return candidates(p, p.anchor, [&](NodeId n) {
      return bind_node(pi, p.anchor, n, [&] { return hop_right(pi, p.anchor); });
    });
  }

 private:
  struct PartIds {
    std::vector<NodeId> nodes;
    std::vector<std::vector<RelId>> rels;  // in pattern order
  };

  template <class F>
  bool candidates(const Part& p, int index, F&& fn) {
    const NodeStep& n = p.nodes[index];
    if (bound_[n.slot]) {
      const Value& v = row_[n.slot];
      if (!v.is<NodeRef>()) return true;  // null (from OPTIONAL MATCH) matches nothing
      return fn(v.as<NodeRef>().id);
    }
    auto each = [&](const std::vector<NodeId>& ids) {
      for (NodeId id : ids) {
        m_.ctx_.tick();
        if (g_.node_exists(id) && !fn(id)) return false;
      }
      return true;
    };
    if (n.labels->empty() || index != p.anchor || p.seek == Part::Seek::All) {
      bool go = true;
      g_.for_each_node([&](NodeId id) {
        m_.ctx_.tick();
        go = fn(id);
        return go;
      });
      return go;
    }
    auto label = g_.find_label(p.seek_label);
    if (!label) return true;
    if (p.seek == Part::Seek::Name) {
      Evaluator ev(row_, m_.scope_, m_.ctx_);
      const Value name = ev.eval(*map_entry(n.properties, "name"));
      if (!name.is<std::string>()) return true;  // equality with a non-string: see node_ok
      return each(g_.find_by_name(*label, name.as<std::string>()));
    }
    if (p.seek == Part::Seek::Index) {
      auto key = g_.find_key(p.seek_key);
      if (key && g_.has_property_index(*label, *key)) {
        Evaluator ev(row_, m_.scope_, m_.ctx_);
        const Value v = ev.eval(*map_entry(n.properties, p.seek_key));
        if (v.is_null()) return true;
        return each(g_.find_by_property(*label, *key, v));
      }
    }
    return each(g_.nodes_with_label(*label));
  }

  bool properties_match(const ast::Expr* properties, const PropertyList& props) {
    if (!properties) return true;
    Evaluator ev(row_, m_.scope_, m_.ctx_);
    const Value map = ev.eval(*properties);
    if (map.is_null()) return true;
    if (!map.is<Map>()) {
      throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                       "a pattern's properties must be a map");
    }
    for (const auto& [k, v] : map.as<Map>()) {
      auto key = g_.find_key(k);
      if (!key) return false;
      auto it = std::lower_bound(props.begin(), props.end(), *key,
                                 [](const auto& e, SymbolId id) { return e.first < id; });
      if (it == props.end() || it->first != *key) return false;
      if (equals(it->second, v) != Tri::True) return false;
    }
    return true;
  }

  bool node_ok(const NodeStep& n, NodeId id) {
    if (bound_[n.slot]) {
      const Value& v = row_[n.slot];
      if (!v.is<NodeRef>() || v.as<NodeRef>().id != id) return false;
    }
    for (const auto& l : *n.labels) {
      auto label = g_.find_label(l);
      if (!label || !g_.has_label(id, *label)) return false;
    }
    return properties_match(n.properties, g_.node_properties(id));
  }

  template <class F>
  bool bind_node(std::size_t pi, int index, NodeId id, F&& cont) {
    const NodeStep& n = m_.parts_[pi].nodes[index];
    if (!node_ok(n, id)) return true;
    const bool was_bound = bound_[n.slot];
    if (!was_bound) {
      row_[n.slot] = NodeRef{id};
      bound_[n.slot] = true;
    }
    ids_[pi].nodes[index] = id;
    const bool go = cont();
    bound_[n.slot] = was_bound;
    return go;
  }

  bool rel_ok(const RelStep& r, RelId id) {
    if (std::find(used_.begin(), used_.end(), id) != used_.end()) return false;
    if (!r.var_length && bound_[r.slot]) {
      const Value& v = row_[r.slot];
      if (!v.is<RelRef>() || v.as<RelRef>().id != id) return false;
    }
    return properties_match(r.properties, g_.rel_properties(id));
  }

  // The type ids a relationship pattern allows; false when it names only unknown types.
  bool type_ids(const RelStep& r, std::vector<SymbolId>& out) {
    out.clear();
    for (const auto& t : *r.types) {
      if (auto id = g_.find_type(t)) out.push_back(*id);
    }
    return r.types->empty() || !out.empty();
  }

  bool hop_right(std::size_t pi, int from) {
    const Part& p = m_.parts_[pi];
    if (static_cast<std::size_t>(from) == p.rels.size()) return hop_left(pi, p.anchor);
    return hop(pi, from, from, from + 1, false, [&] { return hop_right(pi, from + 1); });
  }

  bool hop_left(std::size_t pi, int from) {
    if (from == 0) return finish_part(pi);
    return hop(pi, from - 1, from, from - 1, true, [&] { return hop_left(pi, from - 1); });
  }

  template <class F>
  bool hop(std::size_t pi, int rel, int from, int to, bool reversed, F&& cont) {
    const Part& p = m_.parts_[pi];
    const RelStep& r = p.rels[rel];
    std::vector<SymbolId> types;
    if (!type_ids(r, types)) return true;
    const Direction dir = walk_direction(r.direction, reversed);
    const NodeId start = ids_[pi].nodes[from];
    if (r.var_length) {
      std::vector<RelId> path;
      return var_length(pi, rel, to, reversed, dir, types, start, path, cont);
    }
    bool go = true;
    g_.for_each_relationship(start, dir, types, [&](RelId id, NodeId other) {
      m_.ctx_.tick();
      if (!rel_ok(r, id)) return true;
      const bool was_bound = bound_[r.slot];
      row_[r.slot] = RelRef{id};
      bound_[r.slot] = true;
      used_.push_back(id);
      ids_[pi].rels[rel].assign(1, id);
      go = bind_node(pi, to, other, cont);
      used_.pop_back();
      bound_[r.slot] = was_bound;
      return go;
    });
    return go;
  }

  // Depth-first over relationship-unique walks of min..max hops from `at`.
  template <class F>
  bool var_length(std::size_t pi, int rel, int to, bool reversed, Direction dir,
                  const std::vector<SymbolId>& types, NodeId at, std::vector<RelId>& path,
                  F& cont) {
    const RelStep& r = m_.parts_[pi].rels[rel];
    m_.ctx_.tick();
    const int depth = static_cast<int>(path.size());
    if (depth >= r.min) {
      List rels;
      std::vector<RelId> ordered = path;
      if (reversed) std::reverse(ordered.begin(), ordered.end());
      for (RelId id : ordered)
        rels.push_back(RelRef{id});
      bool fits = true;
      if (bound_[r.slot]) fits = equivalent(row_[r.slot], Value(rels));
      if (fits) {
        const bool was_bound = bound_[r.slot];
        if (!was_bound) row_[r.slot] = std::move(rels);
        bound_[r.slot] = true;
        ids_[pi].rels[rel] = std::move(ordered);
        const bool go = bind_node(pi, to, at, cont);
        bound_[r.slot] = was_bound;
        if (!go) return false;
      }
    }
    if (depth >= r.max) {
      if (r.unbounded) {
        g_.for_each_relationship(at, dir, types, [&](RelId id, NodeId) {
          if (rel_ok(r, id)) {
            m_.ctx_.limit_exceeded(
                fmt::format("a variable-length pattern without an upper bound needs more than "
                            "var_length_bound = {} hops; give it an explicit maximum",
                            m_.ctx_.options.var_length_bound));
          }
        });
      }
      return true;
    }
    bool go = true;
    g_.for_each_relationship(at, dir, types, [&](RelId id, NodeId other) {
      if (!rel_ok(r, id)) return true;
      path.push_back(id);
      used_.push_back(id);
      go = var_length(pi, rel, to, reversed, dir, types, other, path, cont);
      used_.pop_back();
      path.pop_back();
      return go;
    });
    return go;
  }

  bool finish_part(std::size_t pi) {
    const Part& p = m_.parts_[pi];
    if (p.path_slot >= 0) {
      Path path;
      NodeId at = ids_[pi].nodes[0];
      path.nodes.push_back(at);
      for (const auto& rels : ids_[pi].rels) {
        for (RelId r : rels) {
          at = g_.other_end(r, at);
          path.rels.push_back(r);
          path.nodes.push_back(at);
        }
      }
      row_[p.path_slot] = std::move(path);
    }
    return part(pi + 1);
  }

  bool shortest(std::size_t pi) {
    const Part& p = m_.parts_[pi];
    if (p.rels.size() != 1) {
      throw QueryError(ErrorPhase::CompileTime, "SyntaxError", "InvalidArgument",
                       "shortestPath needs a pattern of exactly one relationship");
    }
    const RelStep& r = p.rels[0];
    std::vector<SymbolId> types;
    if (!type_ids(r, types)) return true;
    std::function<bool(RelId)> accept = [&](RelId id) {
      return properties_match(r.properties, g_.rel_properties(id));
    };
    return candidates(p, 0, [&](NodeId from) {
      return bind_node(pi, 0, from, [&] {
        return candidates(p, 1, [&](NodeId to) {
          return bind_node(pi, 1, to, [&] {
            ShortestPathRequest req;
            req.from = from;
            req.to = to;
            req.direction = walk_direction(r.direction, false);
            req.types = types;
            req.min_hops = r.var_length ? r.min : 1;
            req.max_hops = r.var_length ? r.max : 1;
            req.all = p.search == ast::PathSearch::AllShortestPaths;
            req.accept = &accept;
            for (Path& path : find_shortest_paths(req, m_.ctx_)) {
              if (r.var_length) {
                List rels;
                for (RelId id : path.rels)
                  rels.push_back(RelRef{id});
                row_[r.slot] = std::move(rels);
              } else {
                row_[r.slot] = RelRef{path.rels.at(0)};
              }
              row_[p.path_slot] = std::move(path);
              if (!part(pi + 1)) return false;
            }
            return true;
          });
        });
      });
    });
  }

  PatternMatcher& m_;
  const Graph& g_;
  Row& row_;
  const std::function<bool(Row&)>& emit_;
  std::vector<bool> bound_;
  std::vector<RelId> used_;
  std::vector<PartIds> ids_;
};

void PatternMatcher::match(Row& row, const std::function<bool(Row&)>& emit) {
  row.resize(scope_.size());
  Search search(*this, row, emit);
  search.part(0);
}

}  // namespace kith::query
