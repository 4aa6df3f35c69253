// Running planned queries: the pipeline of each single query, UNION between them, EXPLAIN and
// PROFILE output, and EXISTS subqueries (run with the outer row as their input).
#pragma once

#include <string>
#include <vector>

#include "query/ast.hpp"
#include "query/exec_context.hpp"
#include "query/plan.hpp"

namespace kith::query {

struct QueryOutput {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  bool ordered = false;
};

// Runs `query` starting from `input` (one empty row for a top-level statement). With
// `profile`, appends one line per operator with the rows it produced and the time it took.
QueryOutput execute_query(const ast::Query& query, ExecContext& ctx, const Table& input,
                          std::vector<std::string>* profile = nullptr);

// The plan as EXPLAIN prints it, one operator per line.
std::string explain_query(const ast::Query& query, ExecContext& ctx);

// EXISTS { MATCH ... [RETURN ...] }: true when the subquery yields a row for this outer row.
Value run_exists_subquery(const ast::Query& query, const Scope& scope, const Row& row,
                          ExecContext& ctx);

}  // namespace kith::query
