// Drives the operator pipelines: one per single query, combined by UNION (ALL).
#include "query/executor.hpp"

#include <chrono>
#include <unordered_set>

#include <fmt/format.h>

#include "query/query_error.hpp"

namespace kith::query {

namespace {

QueryOutput run_single(const ast::SingleQuery& query, ExecContext& ctx, const Table& input,
                       std::vector<std::string>* profile) {
  const SingleQueryPlan plan = plan_single_query(query);
  Table table = input;
  for (std::size_t i = 0; i < plan.operators.size(); ++i) {
    const Operator& op = *plan.operators[i];
    const Operator* consumer = plan.streams[i] ? plan.operators[i + 1].get() : nullptr;
    if (!profile) {
      if (consumer && op.run_into(table, ctx, *consumer, nullptr)) {
        ++i;
      } else {
        op.run(table, ctx);
      }
      continue;
    }
    Scope before = table.scope;
    const auto name = op.explain(before, ctx);
    const auto start = std::chrono::steady_clock::now();
    std::size_t produced = 0;
    const bool streamed = consumer && op.run_into(table, ctx, *consumer, &produced);
    if (!streamed) op.run(table, ctx);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    if (streamed) {
      // The pair ran as one: the producer's rows went by without a table, the time is shared.
      profile->push_back(fmt::format("{}  (rows: {}, streamed)", name.front(), produced));
      for (std::size_t k = 1; k < name.size(); ++k)
        profile->push_back(name[k]);
      const auto next = consumer->explain(before, ctx);
      profile->push_back(fmt::format("{}  (rows: {}, time: {:.3f} ms with the {})", next.front(),
                                     table.rows.size(), took.count(), name.front()));
      for (std::size_t k = 1; k < next.size(); ++k)
        profile->push_back(next[k]);
      ++i;
      continue;
    }
    profile->push_back(fmt::format("{}  (rows: {}, time: {:.3f} ms)", name.front(),
                                   table.rows.size(), took.count()));
    for (std::size_t k = 1; k < name.size(); ++k)
      profile->push_back(name[k]);
  }
  QueryOutput out;
  if (plan.returns) {
    out.columns = table.scope.names();
    out.rows = std::move(table.rows);
    out.ordered = plan.ordered;
  } else {
    // A query ending in an update returns nothing; a subquery's rows still tell EXISTS.
    out.rows = std::move(table.rows);
    for (Row& r : out.rows)
      r.clear();
  }
  return out;
}

}  // namespace

QueryOutput execute_query(const ast::Query& query, ExecContext& ctx, const Table& input,
                          std::vector<std::string>* profile) {
  QueryOutput out = run_single(query.parts[0], ctx, input, profile);
  bool distinct = false;
  for (std::size_t i = 1; i < query.parts.size(); ++i) {
    if (profile)
      profile->push_back(query.unions[i - 1] == ast::UnionKind::All ? "UnionAll" : "Union");
    QueryOutput next = run_single(query.parts[i], ctx, input, profile);
    if (next.columns != out.columns) {
      throw QueryError(ErrorPhase::CompileTime, "SyntaxError", "DifferentColumnsInUnion",
                       "all parts of a UNION must return the same columns");
    }
    for (Row& r : next.rows)
      out.rows.push_back(std::move(r));
    ctx.check_rows(out.rows.size(), out.columns.size());
    if (query.unions[i - 1] == ast::UnionKind::Distinct) distinct = true;
    out.ordered = false;
  }
  if (distinct) {
    std::unordered_set<Row, RowHash, RowEquivalent> seen;
    std::vector<Row> unique;
    for (Row& r : out.rows) {
      if (seen.insert(r).second) unique.push_back(std::move(r));
    }
    out.rows = std::move(unique);
  }
  return out;
}

std::string explain_query(const ast::Query& query, ExecContext& ctx) {
  std::string out;
  for (std::size_t i = 0; i < query.parts.size(); ++i) {
    if (i > 0) out += query.unions[i - 1] == ast::UnionKind::All ? "UnionAll\n" : "Union\n";
    const SingleQueryPlan plan = plan_single_query(query.parts[i]);
    Scope scope;
    for (const auto& op : plan.operators) {
      for (const auto& line : op->explain(scope, ctx))
        out += line + "\n";
    }
  }
  return out;
}

Value run_exists_subquery(const ast::Query& query, const Scope& scope, const Row& row,
                          ExecContext& ctx) {
  Table input;
  input.scope = scope;
  input.rows.push_back(row);
  return !execute_query(query, ctx, input).rows.empty();
}

}  // namespace kith::query
