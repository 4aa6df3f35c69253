#include "loaders/contradictions.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kith::loaders {

namespace {

class Finder {
 public:
  explicit Finder(Graph& g) : g_(g) {
    name_ = g.intern_key("name");
    current_ = g.intern_key("current");
    contradiction_ = g.intern_key("contradiction");
  }

  std::vector<Contradiction> run() {
    const auto person = g_.find_label("Person");
    if (!person) return {};
    people_ = g_.nodes_with_label(*person);
    for (const char* type : {"REPORTS_TO", "WORKS_AT"})
      if (const auto t = g_.find_type(type)) two_current(*t, type);
    if (const auto t = g_.find_type("REPORTS_TO")) cycles(*t);
    return std::move(out_);
  }

 private:
  std::string name(NodeId n) const {
    const Value* v = g_.node_property(n, name_);
    return v && v->is<std::string>() ? v->as<std::string>() : std::string();
  }
  bool current(RelId r) const {
    const Value* c = g_.rel_property(r, current_);
    return c && c->is<bool>() && c->as<bool>();
  }
  std::vector<RelId> current_out(NodeId n, SymbolId type) const {
    std::vector<RelId> rels;
    const SymbolId types[] = {type};
    g_.for_each_relationship(n, Direction::Out, types, [&](RelId r, NodeId) {
      if (current(r)) rels.push_back(r);
    });
    return rels;
  }
  void mark(Contradiction& c, RelId r) {
    g_.set_rel_property(r, contradiction_, true);
    for (auto& e : g_.evidence(EntityKind::Relationship, r))
      c.evidence.push_back(std::move(e));
  }

  // Two current managers, two current employers: every current edge is marked.
  void two_current(SymbolId type, std::string_view type_name) {
    for (NodeId p : people_) {
      const auto rels = current_out(p, type);
      std::set<NodeId> targets;
      for (RelId r : rels)
        targets.insert(g_.target(r));
      if (targets.size() < 2) continue;
      Contradiction c;
      c.kind = type_name == "REPORTS_TO" ? "two current managers" : "two current employers";
      c.subject = name(p);
      for (NodeId t : targets)
        c.values.push_back(name(t));
      for (RelId r : rels)
        mark(c, r);
      out_.push_back(std::move(c));
    }
  }

  // Current reporting lines that lead back to where they started: each cycle once, its edges
  // marked. An iterative depth-first search, as a vault's org chart may be deep.
  void cycles(SymbolId type) {
    enum : std::uint8_t { kNew, kOpen, kDone };
    std::map<NodeId, std::uint8_t> state;
    for (NodeId start : people_) {
      if (state[start] != kNew) continue;
      struct Frame {
        NodeId node;
        std::vector<RelId> out;
        std::size_t next = 0;
      };
      std::vector<Frame> stack;
      std::vector<RelId> path;  // the edge into each frame after the first
      stack.push_back({start, current_out(start, type)});
      state[start] = kOpen;
      while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.next == f.out.size()) {
          state[f.node] = kDone;
          stack.pop_back();
          if (!path.empty()) path.pop_back();
          continue;
        }
        const RelId r = f.out[f.next++];
        const NodeId to = g_.target(r);
        if (state[to] == kOpen) {
          report_cycle(stack, path, r, to);
        } else if (state[to] == kNew) {
          state[to] = kOpen;
          path.push_back(r);
          stack.push_back({to, current_out(to, type)});
        }
      }
    }
  }

  template <class Stack>
  void report_cycle(const Stack& stack, const std::vector<RelId>& path, RelId closing, NodeId to) {
    std::size_t from = 0;
    while (stack[from].node != to)
      ++from;
    Contradiction c;
    c.kind = "reporting cycle";
    c.subject = name(to);
    for (std::size_t k = from; k < stack.size(); ++k)
      c.values.push_back(name(stack[k].node));
    for (std::size_t k = from; k < path.size(); ++k)
      mark(c, path[k]);
    mark(c, closing);
    out_.push_back(std::move(c));
  }

  Graph& g_;
  SymbolId name_, current_, contradiction_;
  std::vector<NodeId> people_;
  std::vector<Contradiction> out_;
};

}  // namespace

std::vector<Contradiction> find_contradictions(Graph& graph) {
  return Finder(graph).run();
}

}  // namespace kith::loaders
