// Finding the matches of a MATCH pattern: the physical operators a pattern is made of (node
// scans and seeks, expand, variable-length expand, shortest path) and the choice of where each
// comma-separated part starts. Relationships are unique within one pattern, as openCypher
// requires.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "query/ast.hpp"
#include "query/exec_context.hpp"

namespace kith::query {

// The slot name a pattern element is bound to: its variable, or a hidden name (starting with a
// space) made from its position for anonymous elements.
std::string pattern_slot_name(const std::optional<std::string>& variable, ast::Position pos,
                              char kind);

class PatternMatcher {
 public:
  // Adds the pattern's variables to `scope` (which describes the rows match() is given). A part
  // searched with shortestPath binds its path even when it has no path variable, to the slot
  // pattern_slot_name(nullopt, part.pos, 'p').
  //
  // `where` (may be null) filters the matches: each AND-ed term runs as soon as the slots it
  // reads are bound, and `n.key = value` terms whose value reads only the input can start the
  // search at n through the name index or a property index, as `{key: value}` can. Parts are
  // searched cheapest start first, so a part sharing a node with one searched before it starts
  // there rather than becoming a cartesian product.
  //
  // `distinct_rows`: whoever reads the matches ignores repeated rows (DISTINCT, or only
  // duplicate-insensitive aggregates), so a lone anonymous variable-length relationship may
  // give each node it reaches once rather than once per walk.
  PatternMatcher(const std::vector<const ast::PatternPart*>& parts, Scope& scope, ExecContext& ctx,
                 const ast::Expr* where = nullptr, bool distinct_rows = false);
  static std::vector<const ast::PatternPart*> parts_of(const ast::Pattern& pattern);
  ~PatternMatcher();

  // Calls emit(row) for every match extending `row` (which must have scope.size() slots; the
  // slots the pattern binds are overwritten). emit returns false to stop the search.
  void match(Row& row, const std::function<bool(Row&)>& emit);

  // Lines for EXPLAIN: where each part starts, how it expands, where WHERE's terms run.
  std::vector<std::string> describe() const;

  // Whether `count(DISTINCT variable)` over the matches can be read off the breadth-first
  // search's reached nodes: the pattern is one distinct-endpoint expansion ending at
  // `variable`, a node the input does not bind, and nothing per-row is left to test on it
  // (no property map, no WHERE term reading it; labels are tested on the reached nodes).
  bool counts_endpoints_of(const std::string& variable) const;
  // With counts_endpoints_of(...) true: adds the nodes the matches extending `row` would bind
  // to the counted variable to `reached` (a bitmap over node ids), without producing rows.
  void mark_endpoints(Row& row, std::vector<std::uint64_t>& reached);

 private:
  struct NodeStep;
  struct RelStep;
  struct Part;
  struct Filter;
  class Search;
  std::vector<Part> parts_;
  std::vector<Filter> filters_;
  std::vector<std::vector<std::size_t>> filters_at_;  // [event + 1] -> filters_ due then
  std::vector<std::string> descriptions_;
  Scope& scope_;
  ExecContext& ctx_;
  std::vector<bool> bound_before_;  // slots the input rows already hold
  // The breadth-first search's node id -> position array, zero between searches, so it is
  // allocated once per operator rather than once per input row.
  std::vector<std::uint32_t> bfs_index_;
  // Set during mark_endpoints(): the search marks endpoints here instead of binding them.
  std::vector<std::uint64_t>* marked_endpoints_ = nullptr;
};

}  // namespace kith::query
