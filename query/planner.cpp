// From the clauses of a single query to its operator pipeline. The binder has already checked
// the clauses compose; the choices about where a pattern starts are made by PatternMatcher,
// which sees the graph's label counts and indexes.
#include "query/plan.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "query/plan_expr_walk.hpp"

namespace kith::query {

namespace {

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Whether a projection gives the same rows whatever the multiplicity of its input rows: it is
// DISTINCT or aggregates, and every aggregate ignores repeats (DISTINCT, min, max).
bool ignores_repeated_rows(const ast::Projection& p) {
  std::vector<const ast::Expr*> aggregates;
  for (const auto& item : p.items)
    find_aggregates(*item.expression, aggregates);
  for (const auto& s : p.order_by)
    find_aggregates(*s.expression, aggregates);
  if (!p.distinct && aggregates.empty()) return false;
  return std::all_of(aggregates.begin(), aggregates.end(), [](const ast::Expr* a) {
    if (!a->is<ast::FunctionCall>()) return false;  // count(*)
    const auto& f = a->as<ast::FunctionCall>();
    const std::string name = lowercase(f.name);
    return f.distinct || name == "min" || name == "max";
  });
}

bool next_ignores_repeated_rows(const ast::SingleQuery& query, std::size_t i) {
  if (i + 1 >= query.clauses.size()) return false;
  const ast::Clause& next = query.clauses[i + 1];
  if (next.is<ast::With>()) return ignores_repeated_rows(next.as<ast::With>().projection);
  if (next.is<ast::Return>()) return ignores_repeated_rows(next.as<ast::Return>().projection);
  return false;
}

// The x of a projection that is exactly `count(DISTINCT x)` (aliased or not) with nothing
// after it that reads rows (no ORDER BY, SKIP, LIMIT or WHERE): the count is all it keeps.
std::optional<std::string> counted_distinct_variable(const ast::Projection& p,
                                                     const ast::Expr* where) {
  if (where || p.star || p.items.size() != 1 || !p.order_by.empty() || p.skip || p.limit)
    return std::nullopt;
  const ast::Expr& e = *p.items[0].expression;
  if (!e.is<ast::FunctionCall>()) return std::nullopt;
  const auto& f = e.as<ast::FunctionCall>();
  if (!f.distinct || f.args.size() != 1 || !f.args[0]->is<ast::Variable>() ||
      lowercase(f.name) != "count")
    return std::nullopt;
  return f.args[0]->as<ast::Variable>().name;
}

bool next_is_projection(const ast::SingleQuery& query, std::size_t i) {
  return i + 1 < query.clauses.size() &&
         (query.clauses[i + 1].is<ast::With>() || query.clauses[i + 1].is<ast::Return>());
}

}  // namespace

std::unique_ptr<RowSink> Operator::sink(const Scope&, ExecContext&) const {
  return nullptr;
}

bool Operator::run_into(Table&, ExecContext&, const Operator&, std::size_t*) const {
  return false;
}

SingleQueryPlan plan_single_query(const ast::SingleQuery& query) {
  SingleQueryPlan plan;
  const bool standalone = query.clauses.size() == 1 && query.clauses[0].is<ast::Call>();
  for (std::size_t i = 0; i < query.clauses.size(); ++i) {
    const ast::Clause& clause = query.clauses[i];
    const bool streamed_input = !plan.streams.empty() && plan.streams.back();
    if (clause.is<ast::Match>() && !clause.as<ast::Match>().optional &&
        i + 1 < query.clauses.size()) {
      const ast::Clause& next = query.clauses[i + 1];
      const ast::Projection* projection = nullptr;
      const ast::Expr* where = nullptr;
      if (next.is<ast::With>()) {
        projection = &next.as<ast::With>().projection;
        where = next.as<ast::With>().where.get();
      } else if (next.is<ast::Return>()) {
        projection = &next.as<ast::Return>().projection;
      }
      const auto variable =
          projection ? counted_distinct_variable(*projection, where) : std::nullopt;
      if (variable) {
        const bool final = next.is<ast::Return>();
        plan.operators.push_back(
            make_count_endpoints(clause.as<ast::Match>(), *projection, *variable, final));
        plan.streams.push_back(false);
        if (final) plan.returns = true;
        ++i;
        continue;
      }
    }
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, ast::Match>) {
            plan.operators.push_back(
                make_match(c, next_ignores_repeated_rows(query, i), next_is_projection(query, i)));
            plan.streams.push_back(next_is_projection(query, i));
          } else if constexpr (std::is_same_v<T, ast::Unwind>) {
            plan.operators.push_back(make_unwind(c));
          } else if constexpr (std::is_same_v<T, ast::With>) {
            plan.operators.push_back(
                make_projection(c.projection, c.where.get(), false, streamed_input));
          } else if constexpr (std::is_same_v<T, ast::Return>) {
            plan.operators.push_back(make_projection(c.projection, nullptr, true, streamed_input));
            plan.returns = true;
            plan.ordered = !c.projection.order_by.empty();
          } else if constexpr (std::is_same_v<T, ast::Call>) {
            plan.operators.push_back(make_call(c, standalone));
            if (standalone) plan.returns = true;
          } else if constexpr (std::is_same_v<T, ast::Create>) {
            plan.operators.push_back(make_create(c));
          } else if constexpr (std::is_same_v<T, ast::Merge>) {
            plan.operators.push_back(make_merge(c));
          } else if constexpr (std::is_same_v<T, ast::Set>) {
            plan.operators.push_back(make_set(c));
          } else if constexpr (std::is_same_v<T, ast::Remove>) {
            plan.operators.push_back(make_remove(c));
          } else if constexpr (std::is_same_v<T, ast::Delete>) {
            plan.operators.push_back(make_delete(c));
          } else if constexpr (std::is_same_v<T, ast::Foreach>) {
            plan.operators.push_back(make_foreach(c));
          }
        },
        clause.node);
    plan.streams.resize(plan.operators.size(), false);
  }
  return plan;
}

}  // namespace kith::query
