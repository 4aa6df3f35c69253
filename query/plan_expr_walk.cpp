// Finding aggregate calls in an expression.
#include "query/plan_expr_walk.hpp"

#include "query/functions.hpp"

namespace kith::query {

void find_aggregates(const ast::Expr& e, std::vector<const ast::Expr*>& out) {
  if (e.is<ast::CountStar>() ||
      (e.is<ast::FunctionCall>() && is_aggregate(e.as<ast::FunctionCall>().name))) {
    out.push_back(&e);
    return;
  }
  // Subqueries and pattern comprehensions aggregate on their own, never for the outer query.
  if (e.is<ast::ExistsSubquery>() || e.is<ast::PatternComprehension>()) return;
  for_each_child(e, [&](const ast::Expr& c) { find_aggregates(c, out); });
}

}  // namespace kith::query
