// The pattern matcher. Each comma-separated part starts at one node (its anchor: a node already
// bound, else a name or property-index seek, else the rarest label, else every node) and
// expands hop by hop to the right and then to the left, so a connected pattern never becomes a
// cartesian product. Parts after the first see what earlier parts bound.
#include "query/exec_pattern.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/csr_view.hpp"
#include "query/exec_expression.hpp"
#include "query/exec_shortest_path.hpp"
#include "query/plan_expr_walk.hpp"
#include "query/query_error.hpp"

namespace kith::query {

std::string pattern_slot_name(const std::optional<std::string>& variable, ast::Position pos,
                              char kind) {
  if (variable) return *variable;
  return fmt::format(" {}{}:{}", kind, pos.line, pos.column);
}

// Where the search finds the candidates for a node it has not reached by expansion.
enum class Seek : std::uint8_t { Bound, Name, Index, Label, All };

struct PatternMatcher::NodeStep {
  int slot = -1;
  int event = -1;    // position in the order the search binds slots (filters run after it)
  std::string text;  // for EXPLAIN
  const std::vector<std::string>* labels = nullptr;
  const ast::Expr* properties = nullptr;
  // `key = value` the node must satisfy, from its property map and from WHERE: seek candidates.
  std::vector<std::pair<std::string, const ast::Expr*>> equalities;
  Seek seek = Seek::All;
  std::string seek_label;
  std::string seek_key;
  const ast::Expr* seek_value = nullptr;
  std::size_t seek_cost = SIZE_MAX;
};

struct PatternMatcher::RelStep {
  int slot = -1;
  int event = -1;
  const std::vector<std::string>* types = nullptr;
  const ast::Expr* properties = nullptr;
  ast::Direction direction = ast::Direction::Undirected;
  bool var_length = false;
  bool unbounded = false;  // no maximum was written: options.var_length_bound applies
  // Only which nodes it reaches matters (see PatternMatcher's distinct_rows): a breadth-first
  // search gives each once instead of one match per walk.
  bool endpoints_only = false;
  int min = 1;
  int max = 1;
};

struct PatternMatcher::Part {
  std::vector<NodeStep> nodes;
  std::vector<RelStep> rels;
  int path_slot = -1;
  int path_event = -1;
  ast::PathSearch search = ast::PathSearch::None;
  int anchor = 0;
};

// One AND-ed term of the MATCH's WHERE, run as soon as the slots it reads are bound.
struct PatternMatcher::Filter {
  const ast::Expr* predicate = nullptr;
  int event = -1;     // -1: it reads only the input row
  std::string needs;  // for EXPLAIN
};

std::vector<const ast::PatternPart*> PatternMatcher::parts_of(const ast::Pattern& pattern) {
  std::vector<const ast::PatternPart*> out;
  for (const auto& p : pattern)
    out.push_back(&p);
  return out;
}

namespace {

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

// The AND-ed terms of a predicate.
void conjuncts(const ast::Expr* e, std::vector<const ast::Expr*>& out) {
  if (!e) return;
  if (e->is<ast::Binary>() && e->as<ast::Binary>().op == ast::BinaryOp::And) {
    conjuncts(e->as<ast::Binary>().lhs.get(), out);
    conjuncts(e->as<ast::Binary>().rhs.get(), out);
    return;
  }
  out.push_back(e);
}

// `n.key = value` (either way round) with `n` a variable: (n, key, value).
struct Equality {
  std::string variable;
  std::string key;
  const ast::Expr* value;
};
std::optional<Equality> equality(const ast::Expr& e) {
  if (!e.is<ast::Comparison>()) return std::nullopt;
  const auto& c = e.as<ast::Comparison>();
  if (c.ops.size() != 1 || c.ops[0] != ast::CompareOp::Eq) return std::nullopt;
  for (int side = 0; side < 2; ++side) {
    const ast::Expr& lhs = *c.operands[side];
    if (!lhs.is<ast::PropertyAccess>()) continue;
    const auto& access = lhs.as<ast::PropertyAccess>();
    if (!access.object->is<ast::Variable>()) continue;
    return Equality{access.object->as<ast::Variable>().name, access.key,
                    c.operands[1 - side].get()};
  }
  return std::nullopt;
}

}  // namespace

PatternMatcher::PatternMatcher(const std::vector<const ast::PatternPart*>& parts, Scope& scope,
                               ExecContext& ctx, const ast::Expr* where, bool distinct_rows)
    : scope_(scope), ctx_(ctx) {
  bound_before_.assign(scope.size(), true);

  // The parts' slots, added to the scope in the order written.
  std::vector<Part> written;
  for (const ast::PatternPart* pp : parts) {
    Part part;
    part.search = pp->search;
    if (pp->search != ast::PathSearch::None && pp->steps.size() != 1) {
      throw QueryError(ErrorPhase::CompileTime, "SyntaxError", "InvalidArgument",
                       "shortestPath needs a pattern of exactly one relationship");
    }
    auto add_node = [&](const ast::NodePattern& n) {
      NodeStep step;
      step.slot = scope.add(pattern_slot_name(n.variable, n.pos, 'n'));
      step.labels = &n.labels;
      step.properties = n.properties.get();
      step.text = n.variable.value_or("");
      for (const auto& l : n.labels)
        step.text += ":" + l;
      if (n.properties && n.properties->is<ast::MapLiteral>()) {
        for (const auto& [k, v] : n.properties->as<ast::MapLiteral>().entries)
          step.equalities.emplace_back(k, v.get());
      }
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
    written.push_back(std::move(part));
  }

  // A lone anonymous variable-length relationship whose walks the rows do not keep, feeding a
  // consumer that ignores repeated rows, with a minimum of at most one hop (so the nodes it
  // reaches are those within `max` hops by breadth-first search).
  if (distinct_rows && written.size() == 1 && written[0].rels.size() == 1 &&
      written[0].path_slot < 0 && written[0].search == ast::PathSearch::None) {
    RelStep& r = written[0].rels[0];
    if (r.var_length && r.min <= 1 && !r.unbounded && Scope::is_anonymous(scope.names()[r.slot])) {
      r.endpoints_only = true;
    }
  }

  // WHERE's terms, with the slots each reads; `n.key = value` terms whose value reads only
  // the input also become seek candidates for n.
  std::vector<const ast::Expr*> terms;
  conjuncts(where, terms);
  std::vector<std::vector<int>> term_slots(terms.size());
  std::vector<bool> term_late(terms.size(), false);
  auto reads_only_input = [&](const ast::Expr& e) {
    std::vector<std::string> names;
    if (!variables_read(e, names)) return false;
    return std::all_of(names.begin(), names.end(), [&](const std::string& n) {
      const int slot = scope.find(n);
      return slot < 0 || static_cast<std::size_t>(slot) < bound_before_.size();
    });
  };
  for (std::size_t t = 0; t < terms.size(); ++t) {
    std::vector<std::string> names;
    term_late[t] = !variables_read(*terms[t], names);
    for (const auto& n : names) {
      const int slot = scope.find(n);
      if (slot >= 0 && static_cast<std::size_t>(slot) >= bound_before_.size())
        term_slots[t].push_back(slot);
    }
    if (auto eq = equality(*terms[t]); eq && reads_only_input(*eq->value)) {
      const int slot = scope.find(eq->variable);
      for (Part& part : written) {
        for (NodeStep& n : part.nodes) {
          if (n.slot == slot) n.equalities.emplace_back(eq->key, eq->value);
        }
      }
    }
  }

  // Each part's cheapest start given what is bound; parts are taken cheapest first, so a part
  // connected to what earlier parts bound (cost 0) never becomes a cartesian product.
  std::vector<bool> bound = bound_before_;
  auto is_bound = [&](int slot) {
    return static_cast<std::size_t>(slot) < bound.size() && bound[slot];
  };
  auto mark_bound = [&](int slot) {
    if (static_cast<std::size_t>(slot) >= bound.size()) bound.resize(slot + 1, false);
    bound[slot] = true;
  };
  auto choose_seek = [&](NodeStep& n) {
    n.seek = Seek::All;
    n.seek_cost = ctx.graph.node_count() + 1;
    n.seek_value = nullptr;
    if (is_bound(n.slot)) {
      n.seek = Seek::Bound;
      n.seek_cost = 0;
      return;
    }
    for (const auto& label : *n.labels) {
      auto id = ctx.graph.find_label(label);
      auto consider = [&](Seek seek, std::size_t cost, const std::string& key,
                          const ast::Expr* value) {
        if (cost >= n.seek_cost) return;
        n.seek = seek;
        n.seek_cost = cost;
        n.seek_label = label;
        n.seek_key = key;
        n.seek_value = value;
      };
      consider(Seek::Label, id ? ctx.graph.label_count(*id) : 0, "", nullptr);
      for (const auto& [key, value] : n.equalities) {
        auto kid = ctx.graph.find_key(key);
        if (key == "name") {
          consider(Seek::Name, 1, key, value);
          continue;
        }
        if (!id || !kid) continue;
        if (!ctx.graph.has_property_index(*id, *kid) &&
            ctx.graph.label_count(*id) >= ctx.options.auto_index_min_nodes) {
          ctx.graph.create_property_index(*id, *kid);
        }
        if (ctx.graph.has_property_index(*id, *kid)) consider(Seek::Index, 2, key, value);
      }
    }
  };
  std::vector<bool> taken(written.size(), false);
  int event = 0;
  for (std::size_t round = 0; round < written.size(); ++round) {
    std::size_t best = written.size();
    std::size_t best_cost = SIZE_MAX;
    for (std::size_t i = 0; i < written.size(); ++i) {
      if (taken[i]) continue;
      Part& part = written[i];
      std::size_t cost = SIZE_MAX;
      for (std::size_t k = 0; k < part.nodes.size(); ++k) {
        choose_seek(part.nodes[k]);
        if (part.nodes[k].seek_cost < cost) {
          cost = part.nodes[k].seek_cost;
          part.anchor = static_cast<int>(k);
        }
      }
      if (part.search != ast::PathSearch::None) part.anchor = 0;
      if (cost < best_cost) {
        best_cost = cost;
        best = i;
      }
    }
    taken[best] = true;
    Part part = std::move(written[best]);

    // The order the search binds this part's slots in; a slot bound twice counts at its first.
    auto node_event = [&](NodeStep& n) {
      n.event = event++;
      mark_bound(n.slot);
    };
    auto rel_event = [&](RelStep& r) {
      r.event = event++;
      mark_bound(r.slot);
    };
    if (part.search != ast::PathSearch::None) {
      node_event(part.nodes[0]);
      node_event(part.nodes[1]);
      rel_event(part.rels[0]);
    } else {
      node_event(part.nodes[part.anchor]);
      for (std::size_t i = part.anchor; i < part.rels.size(); ++i) {
        rel_event(part.rels[i]);
        node_event(part.nodes[i + 1]);
      }
      for (int i = part.anchor - 1; i >= 0; --i) {
        rel_event(part.rels[i]);
        node_event(part.nodes[i]);
      }
    }
    if (part.path_slot >= 0) {
      part.path_event = event++;
      mark_bound(part.path_slot);
    }
    parts_.push_back(std::move(part));
  }

  // A term runs after the event that binds the last slot it reads.
  std::vector<int> first_event(scope.size(), -1);
  for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) {
    for (const auto& n : it->nodes)
      first_event[n.slot] =
          first_event[n.slot] < 0 ? n.event : std::min(first_event[n.slot], n.event);
    for (const auto& r : it->rels)
      first_event[r.slot] =
          first_event[r.slot] < 0 ? r.event : std::min(first_event[r.slot], r.event);
    if (it->path_slot >= 0) first_event[it->path_slot] = it->path_event;
  }
  for (std::size_t t = 0; t < terms.size(); ++t) {
    Filter f;
    f.predicate = terms[t];
    f.event = term_late[t] ? event - 1 : -1;
    for (int slot : term_slots[t]) {
      f.event = std::max(f.event, first_event[slot]);
      if (!Scope::is_anonymous(scope.names()[slot])) {
        if (!f.needs.empty()) f.needs += ", ";
        f.needs += scope.names()[slot];
      }
    }
    filters_.push_back(std::move(f));
  }
  filters_at_.assign(event + 1, {});
  for (std::size_t i = 0; i < filters_.size(); ++i)
    filters_at_[filters_[i].event + 1].push_back(i);

  // EXPLAIN's account: per part where it starts, how it expands, and the filters on the way.
  auto filters_after = [&](int ev) {
    for (std::size_t i : filters_at_[ev + 1]) {
      descriptions_.push_back(fmt::format(
          "  Filter{}", filters_[i].needs.empty() ? "" : " on (" + filters_[i].needs + ")"));
    }
  };
  filters_after(-1);
  auto describe_seek = [&](const NodeStep& a) {
    switch (a.seek) {
      case Seek::Bound:
        return fmt::format("Argument ({})", a.text);
      case Seek::Name:
        return fmt::format("NodeByNameSeek ({})", a.text);
      case Seek::Index:
        return fmt::format("NodeIndexSeek ({}) on :{}({})", a.text, a.seek_label, a.seek_key);
      case Seek::Label:
        return fmt::format("NodeByLabelScan ({})", a.text);
      case Seek::All:
        break;
    }
    return fmt::format("AllNodesScan ({})", a.text);
  };
  auto expand = [&](const RelStep& r, const NodeStep& n) {
    descriptions_.push_back(fmt::format("{} ({})",
                                        r.endpoints_only
                                            ? "VarLengthExpand(distinct endpoints, BFS)"
                                            : (r.var_length ? "VarLengthExpand" : "Expand"),
                                        n.text));
    filters_after(r.event);
    filters_after(n.event);
  };
  for (const Part& part : parts_) {
    if (part.search != ast::PathSearch::None) {
      for (const NodeStep& n : part.nodes) {
        descriptions_.push_back(describe_seek(n));
        filters_after(n.event);
      }
      descriptions_.push_back(fmt::format(
          "{} (bidirectional BFS) from ({}) to ({})",
          part.search == ast::PathSearch::ShortestPath ? "ShortestPath" : "AllShortestPaths",
          part.nodes.front().text, part.nodes.back().text));
      filters_after(part.rels[0].event);
    } else {
      descriptions_.push_back(describe_seek(part.nodes[part.anchor]));
      filters_after(part.nodes[part.anchor].event);
      for (std::size_t i = part.anchor; i < part.rels.size(); ++i)
        expand(part.rels[i], part.nodes[i + 1]);
      for (int i = part.anchor - 1; i >= 0; --i)
        expand(part.rels[i], part.nodes[i]);
    }
    if (part.path_slot >= 0) filters_after(part.path_event);
  }
}

PatternMatcher::~PatternMatcher() = default;

std::vector<std::string> PatternMatcher::describe() const {
  return descriptions_;
}

bool PatternMatcher::counts_endpoints_of(const std::string& variable) const {
  if (parts_.size() != 1 || parts_[0].rels.size() != 1 || !parts_[0].rels[0].endpoints_only)
    return false;
  const Part& p = parts_[0];
  const NodeStep& end = p.nodes[1 - p.anchor];
  const int slot = scope_.find(variable);
  if (slot < 0 || end.slot != slot || p.nodes[p.anchor].slot == slot) return false;
  if (static_cast<std::size_t>(slot) < bound_before_.size()) return false;
  if (end.properties) return false;
  return filters_at_[p.rels[0].event + 1].empty() && filters_at_[end.event + 1].empty();
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
    if (n.seek == Seek::All || n.seek == Seek::Bound) {
      bool go = true;
      g_.for_each_node([&](NodeId id) {
        m_.ctx_.tick();
        go = fn(id);
        return go;
      });
      return go;
    }
    auto label = g_.find_label(n.seek_label);
    if (!label) return true;
    if (n.seek == Seek::Name) {
      Evaluator ev(row_, m_.scope_, m_.ctx_);
      const Value name = ev.eval(*n.seek_value);
      if (!name.is<std::string>()) return true;  // no name equals a non-string
      return each(g_.find_by_name(*label, name.as<std::string>()));
    }
    if (n.seek == Seek::Index) {
      auto key = g_.find_key(n.seek_key);
      if (key && g_.has_property_index(*label, *key)) {
        Evaluator ev(row_, m_.scope_, m_.ctx_);
        const Value v = ev.eval(*n.seek_value);
        if (v.is_null()) return true;
        return each(g_.find_by_property(*label, *key, v));
      }
    }
    return each(g_.nodes_with_label(*label));
  }

  bool properties_match(const ast::Expr* properties, const PropertyList& props) {
    if (!properties) return true;
    Evaluator ev(row_, m_.scope_, m_.ctx_);
    auto matches = [&](const std::string& k, const Value& v) {
      auto key = g_.find_key(k);
      if (!key) return false;
      auto it = std::lower_bound(props.begin(), props.end(), *key,
                                 [](const auto& e, SymbolId id) { return e.first < id; });
      return it != props.end() && it->first == *key && equals(it->second, v) == Tri::True;
    };
    // A literal map is checked entry by entry, without building it for every candidate.
    if (properties->is<ast::MapLiteral>()) {
      for (const auto& [k, v] : properties->as<ast::MapLiteral>().entries) {
        if (!matches(k, ev.eval(*v))) return false;
      }
      return true;
    }
    const Value map = ev.eval(*properties);
    if (map.is_null()) return true;
    if (!map.is<Map>()) {
      throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                       "a pattern's properties must be a map");
    }
    for (const auto& [k, v] : map.as<Map>()) {
      if (!matches(k, v)) return false;
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
    // Reading an entity's property list is a cache miss: only when there is a map to test.
    return !n.properties || properties_match(n.properties, g_.node_properties(id));
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
    const bool go = !filters_pass(n.event) || cont();
    bound_[n.slot] = was_bound;
    return go;
  }

 public:
  // The WHERE terms due after `event` (-1: before anything is bound).
  bool filters_pass(int event) {
    for (std::size_t i : m_.filters_at_[event + 1]) {
      Evaluator ev(row_, m_.scope_, m_.ctx_);
      if (ev.predicate(*m_.filters_[i].predicate) != Tri::True) return false;
    }
    return true;
  }

 private:
  bool rel_ok(const RelStep& r, RelId id) {
    if (std::find(used_.begin(), used_.end(), id) != used_.end()) return false;
    if (!r.var_length && bound_[r.slot]) {
      const Value& v = row_[r.slot];
      if (!v.is<RelRef>() || v.as<RelRef>().id != id) return false;
    }
    return !r.properties || properties_match(r.properties, g_.rel_properties(id));
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
    if (r.endpoints_only) return endpoints(pi, rel, to, dir, types, start, cont);
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
      go = !filters_pass(r.event) || bind_node(pi, to, other, cont);
      used_.pop_back();
      bound_[r.slot] = was_bound;
      return go;
    });
    return go;
  }

  // The nodes relationship-unique walks of min..max hops (min <= 1) from `start` end at, each
  // once, by breadth-first search: a node within `max` hops is reached by a shortest path,
  // which never repeats a relationship. `start` itself counts when min is 0, or when a closed
  // walk of at most `max` distinct relationships returns to it: an edge back to it (directed),
  // or an edge joining two different first-hop subtrees, or one back to it that is not the
  // tree edge (undirected), at d(u) + d(v) + 1 <= max.
  template <class F>
  bool endpoints(std::size_t pi, int rel, int to, Direction dir, const std::vector<SymbolId>& types,
                 NodeId start, F& cont) {
    const RelStep& r = m_.parts_[pi].rels[rel];
    struct Reached {
      NodeId node;
      int depth;
      NodeId branch;  // the first-hop node it hangs under
      RelId tree_rel;
    };
    constexpr RelId kNoRel = std::numeric_limits<RelId>::max();
    bool closed = r.min == 0;
    // Without relationship properties to test, the cached CSR view of the types is walked: it
    // holds only the relationships that qualify.
    std::shared_ptr<const CsrView> view;
    if (!r.properties) {
      TraversalFilter filter;
      filter.types = types;
      filter.direction = dir;
      view = g_.csr(filter);
      if (start >= view->vertex_count()) view.reset();
    }
    auto neighbours = [&](NodeId n, auto&& fn) {
      if (!view) {
        g_.for_each_relationship(n, dir, types, fn);
        return;
      }
      view->for_each_neighbour(static_cast<std::uint32_t>(n),
                               [&](std::uint32_t m, RelId id) { fn(id, NodeId{m}); });
    };
    // reached[0] is start, then the nodes in the order found. Over the view, node ids index the
    // matcher's array (kept zeroed between searches) instead of a hash map.
    std::vector<Reached> reached{{start, 0, start, kNoRel}};
    std::vector<std::uint32_t>& dense = m_.bfs_index_;
    std::unordered_map<NodeId, std::uint32_t> sparse;
    if (view && dense.size() < view->vertex_count()) dense.resize(view->vertex_count(), 0);
    auto index_of = [&](NodeId n) -> std::uint32_t& { return view ? dense[n] : sparse[n]; };
    index_of(start) = 1;  // index + 1; 0 is not reached
    std::size_t level_begin = 0;
    for (int d = 1; d <= r.max && level_begin < reached.size(); ++d) {
      const std::size_t level_end = reached.size();
      for (std::size_t i = level_begin; i < level_end; ++i) {
        const Reached from = reached[i];
        neighbours(from.node, [&](RelId id, NodeId other) {
          m_.ctx_.tick();
          if (id == from.tree_rel || !rel_ok(r, id)) return;
          if (other == start) {
            closed = true;
            return;
          }
          std::uint32_t& at = index_of(other);
          if (at == 0) {
            reached.push_back({other, d, from.node == start ? other : from.branch, id});
            at = static_cast<std::uint32_t>(reached.size());
            return;
          }
          // At the last level only the start could close a walk (checked above): skipping the
          // lookup of `seen` avoids a cache miss per relationship on the largest level.
          if (closed || d == r.max) return;
          const Reached& seen = reached[at - 1];
          if (dir == Direction::Both && seen.tree_rel != id && seen.branch != from.branch &&
              from.depth + seen.depth + 1 <= r.max) {
            closed = true;
          }
        });
      }
      m_.ctx_.check_rows(reached.size(), 2);
      level_begin = level_end;
    }
    if (m_.marked_endpoints_) {
      // counts_endpoints_of() holds: the end node has only labels to test, and no row is made.
      std::vector<std::uint64_t>& marks = *m_.marked_endpoints_;
      if (view)
        marks.resize(std::max<std::size_t>(marks.size(), (view->vertex_count() + 63) / 64), 0);
      const NodeStep& end = m_.parts_[pi].nodes[to];
      auto mark = [&](NodeId n) {
        if (!node_ok(end, n)) return;
        if (n / 64 >= marks.size()) marks.resize(n / 64 + 1, 0);
        marks[n / 64] |= std::uint64_t{1} << (n % 64);
      };
      if (closed) mark(start);
      for (std::size_t i = 0; i < reached.size(); ++i) {
        if (i > 0) mark(reached[i].node);
        if (view) dense[reached[i].node] = 0;
      }
      return true;
    }
    std::vector<NodeId> order;
    order.reserve(reached.size());
    if (closed) order.push_back(start);
    for (std::size_t i = 0; i < reached.size(); ++i) {
      if (i > 0) order.push_back(reached[i].node);
      if (view) dense[reached[i].node] = 0;
    }
    const bool was_bound = bound_[r.slot];
    row_[r.slot] = Value();
    bound_[r.slot] = true;
    bool go = true;
    if (filters_pass(r.event)) {
      for (std::size_t i = 0; go && i < order.size(); ++i)
        go = bind_node(pi, to, order[i], cont);
    }
    bound_[r.slot] = was_bound;
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
        const bool go = !filters_pass(r.event) || bind_node(pi, to, at, cont);
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
      if (!filters_pass(p.path_event)) return true;
    }
    return part(pi + 1);
  }

  bool shortest(std::size_t pi) {
    const Part& p = m_.parts_[pi];
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
            if (r.properties) req.accept = &accept;
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
              if (!filters_pass(r.event) || !filters_pass(p.path_event)) continue;
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
  if (search.filters_pass(-1)) search.part(0);
}

void PatternMatcher::mark_endpoints(Row& row, std::vector<std::uint64_t>& reached) {
  marked_endpoints_ = &reached;
  const std::function<bool(Row&)> never = [](Row&) { return true; };
  try {
    match(row, never);
  } catch (...) {
    marked_endpoints_ = nullptr;
    throw;
  }
  marked_endpoints_ = nullptr;
}

}  // namespace kith::query
