// run_query: parse -> bind -> plan -> execute, plus EXPLAIN and PROFILE.
#include "query/engine.hpp"

#include <fmt/format.h>

#include "query/binder.hpp"
#include "query/exec_context.hpp"
#include "query/executor.hpp"
#include "query/parser.hpp"

namespace kith::query {

namespace {

std::vector<bool> labels_in_use(const Graph& graph) {
  std::vector<bool> out(graph.labels().size());
  for (SymbolId id = 0; id < out.size(); ++id)
    out[id] = graph.label_count(id) > 0;
  return out;
}

}  // namespace

Result run_query(Graph& graph, std::string_view text, const Map& parameters,
                 const QueryOptions& options) {
  const ast::Statement statement = parse_query(text);
  ExecContext ctx(graph, parameters, options);
  bind_statement(statement, ctx.procedures);
  const std::vector<bool> labels_before = labels_in_use(graph);

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
  // A query that ends in an update returns no rows, however many it updated.
  if (!result.columns.empty()) result.rows = std::move(out.rows);
  result.ordered = out.ordered;
  result.effects = ctx.effects;
  // The TCK counts labels as the graph's set of labels in use, before against after.
  const std::vector<bool> labels_after = labels_in_use(graph);
  result.effects.labels_added = 0;
  result.effects.labels_removed = 0;
  for (std::size_t i = 0; i < labels_after.size(); ++i) {
    const bool before = i < labels_before.size() && labels_before[i];
    if (labels_after[i] && !before) ++result.effects.labels_added;
    if (!labels_after[i] && before) ++result.effects.labels_removed;
  }
  if (profiling) {
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    for (const auto& line : profile)
      result.plan += line + "\n";
    result.plan += fmt::format("Total: {} rows, {:.3f} ms\n", result.rows.size(), took.count());
  }
  // Deleted entries leave holes in adjacency lists; drop them now that no iteration is running.
  if (!ctx.deleted_nodes.empty() || !ctx.deleted_rels.empty()) graph.compact();
  return result;
}

}  // namespace kith::query
