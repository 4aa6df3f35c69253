// What every physical operator shares while one statement runs: the graph, the parameters, the
// guards (timeout, cancel, row and memory limits), the side-effect counters and the clock the
// functions see. Rows are flat vectors of values whose slots a Scope names.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/graph.hpp"
#include "graph/value.hpp"
#include "query/engine.hpp"
#include "query/functions.hpp"

namespace kith::query {

using Row = std::vector<Value>;

// Rows as keys of DISTINCT, UNION and grouping: equal when every value is equivalent
// (openCypher's grouping equality, where null equals null).
struct RowHash {
  std::size_t operator()(const Row& r) const {
    std::size_t h = r.size();
    for (const Value& v : r)
      h = h * 1000003u ^ hash_value(v);
    return h;
  }
};
struct RowEquivalent {
  bool operator()(const Row& a, const Row& b) const {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!equivalent(a[i], b[i])) return false;
    }
    return true;
  }
};

// The names of a row's slots. Anonymous pattern parts get names starting with a space, which
// no user variable can have, so `RETURN *` can leave them out.
class Scope {
 public:
  int find(std::string_view name) const {
    auto it = index_.find(std::string(name));
    return it == index_.end() ? -1 : it->second;
  }
  // The slot of `name`, adding it when new.
  int add(const std::string& name) {
    if (int s = find(name); s >= 0) return s;
    names_.push_back(name);
    index_.emplace(name, static_cast<int>(names_.size() - 1));
    return static_cast<int>(names_.size() - 1);
  }
  std::size_t size() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }
  static bool is_anonymous(std::string_view name) { return !name.empty() && name[0] == ' '; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> index_;
};

class ExecContext {
 public:
  ExecContext(Graph& graph, const Map& parameters, const QueryOptions& options);

  Graph& graph;
  const Map& parameters;
  const QueryOptions& options;
  const ProcedureRegistry& procedures;
  SideEffects effects;
  FunctionContext functions;
  // Nodes and relationships deleted by this statement: reading their properties afterwards is
  // an error rather than a read of a dead record.
  std::unordered_set<NodeId> deleted_nodes;
  std::unordered_set<RelId> deleted_rels;
  // Entities this statement created: the TCK counts its side effects net, so a property set at
  // creation and overwritten later counts once, and a node created and deleted counts nothing.
  std::unordered_set<NodeId> created_nodes;
  std::unordered_set<RelId> created_rels;

  // Called in every loop that can run long; checks the clock and the cancel flag every few
  // thousand calls so the common case costs one increment.
  void tick() {
    if (++ticks_ % 1024 == 0) check_time();
  }
  void check_time();
  // Called by operators that hold rows: raises LimitExceeded past max_rows or an estimate of
  // max_memory_bytes.
  void check_rows(std::size_t rows, std::size_t row_width);
  [[noreturn]] void limit_exceeded(const std::string& what);

 private:
  std::chrono::steady_clock::time_point start_;
  std::uint64_t ticks_ = 0;
};

}  // namespace kith::query
