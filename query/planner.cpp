// From the clauses of a single query to its operator pipeline. The binder has already checked
// the clauses compose; the choices about where a pattern starts are made by PatternMatcher,
// which sees the graph's label counts and indexes.
#include "query/plan.hpp"

namespace kith::query {

SingleQueryPlan plan_single_query(const ast::SingleQuery& query) {
  SingleQueryPlan plan;
  const bool standalone = query.clauses.size() == 1 && query.clauses[0].is<ast::Call>();
  for (const ast::Clause& clause : query.clauses) {
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, ast::Match>) {
            plan.operators.push_back(make_match(c));
          } else if constexpr (std::is_same_v<T, ast::Unwind>) {
            plan.operators.push_back(make_unwind(c));
          } else if constexpr (std::is_same_v<T, ast::With>) {
            plan.operators.push_back(make_projection(c.projection, c.where.get(), false));
          } else if constexpr (std::is_same_v<T, ast::Return>) {
            plan.operators.push_back(make_projection(c.projection, nullptr, true));
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
  }
  return plan;
}

}  // namespace kith::query
