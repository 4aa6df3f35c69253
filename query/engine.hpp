// Running a query: text in, rows out. The one entry point the REPL, scripts, the TCK runner
// and tests use; the stages behind it (parse -> bind -> plan -> execute) are internal.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "graph/value.hpp"
#include "query/procedures.hpp"

namespace kith::query {

// Guards that keep one query from taking the process down. Exceeding one raises
// QueryError{Runtime, "LimitExceeded", <limit name>} with a message naming the limit.
struct QueryOptions {
  std::chrono::milliseconds timeout{60'000};
  std::uint64_t max_rows = 10'000'000;          // rows held by any one operator
  std::uint64_t max_memory_bytes = 4ull << 30;  // estimated bytes held by the query
  int var_length_bound = 15;                    // the upper bound given to `*` and `*m..` patterns
  // An equality on (label, key) starts a search through a property index, which the planner
  // creates (Graph::create_property_index) when the label has at least this many nodes.
  std::size_t auto_index_min_nodes = 1000;
  // Set to true from another thread (Ctrl-C) to cancel; checked as often as the timeout.
  const std::atomic<bool>* cancel = nullptr;
  // The procedures CALL can reach; nullptr means builtin_procedures().
  const ProcedureRegistry* procedures = nullptr;
};

// What a writing query changed, as the TCK counts it.
struct SideEffects {
  std::int64_t nodes_created = 0;
  std::int64_t nodes_deleted = 0;
  std::int64_t relationships_created = 0;
  std::int64_t relationships_deleted = 0;
  std::int64_t properties_set = 0;      // +properties: set or overwritten to a non-null value
  std::int64_t properties_removed = 0;  // -properties: removed, or set to null while present
  std::int64_t labels_added = 0;
  std::int64_t labels_removed = 0;
  bool any() const {
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
           properties_set || properties_removed || labels_added || labels_removed;
  }
};

struct Result {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  SideEffects effects;
  bool ordered = false;  // the query ended in ORDER BY: row order is part of the answer
  std::string plan;      // EXPLAIN / PROFILE output, empty otherwise
};

// Parses, binds, plans and runs one statement against `graph` (writes change it in memory).
// Throws QueryError (query/query_error.hpp) for syntax, semantic and runtime errors.
Result run_query(Graph& graph, std::string_view text, const Map& parameters = {},
                 const QueryOptions& options = {});

}  // namespace kith::query
