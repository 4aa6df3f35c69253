// run_query: parse -> bind -> plan -> execute, plus EXPLAIN and PROFILE.
#include "query/engine.hpp"

#include <fmt/format.h>

#include "query/binder.hpp"
#include "query/exec_context.hpp"
#include "query/executor.hpp"
#include "query/parser.hpp"

namespace kith::query {

Result run_query(Graph& graph, std::string_view text, const Map& parameters,
                 const QueryOptions& options) {
  const ast::Statement statement = parse_query(text);
  ExecContext ctx(graph, parameters, options);
  bind_statement(statement, ctx.procedures);

  Result result;
  if (statement.mode == ast::ExplainMode::Explain) {
    result.plan = explain_query(statement.query, ctx);
    return result;
  }
  Table input;
  input.rows.emplace_back();
  std::vector<std::string> profile;
  const bool profiling = statement.mode == ast::ExplainMode::Profile;
  const auto start = std::chrono::steady_clock::now();
  QueryOutput out = execute_query(statement.query, ctx, input, profiling ? &profile : nullptr);
  result.columns = std::move(out.columns);
  result.rows = std::move(out.rows);
  result.ordered = out.ordered;
  result.effects = ctx.effects;
  if (profiling) {
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    for (const auto& line : profile)
      result.plan += line + "\n";
    result.plan += fmt::format("Total: {} rows, {:.3f} ms\n", result.rows.size(), took.count());
  }
  // Deleted entries leave holes in adjacency lists; drop them now that no iteration is running.
  if (ctx.effects.nodes_deleted || ctx.effects.relationships_deleted) graph.compact();
  return result;
}

}  // namespace kith::query
