// Finding aggregate calls and variables in an expression.
#include "query/plan_expr_walk.hpp"

#include "query/functions.hpp"

namespace kith::query {

namespace {

void pattern_variables(const ast::PatternPart& part, std::vector<std::string>& names) {
  if (part.path_variable) names.push_back(*part.path_variable);
  if (part.start.variable) names.push_back(*part.start.variable);
  for (const auto& s : part.steps) {
    if (s.relationship.variable) names.push_back(*s.relationship.variable);
    if (s.node.variable) names.push_back(*s.node.variable);
  }
}

}  // namespace

bool variables_read(const ast::Expr& e, std::vector<std::string>& names) {
  bool known = true;
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::Variable>) {
          names.push_back(n.name);
        } else if constexpr (std::is_same_v<T, ast::MapProjection>) {
          names.push_back(n.variable);
          for (const auto& item : n.items) {
            if (item.kind == ast::MapProjectionItem::Kind::Variable) names.push_back(item.name);
          }
        } else if constexpr (std::is_same_v<T, ast::PatternPredicate> ||
                             std::is_same_v<T, ast::ShortestPathExpr> ||
                             std::is_same_v<T, ast::PatternComprehension>) {
          pattern_variables(n.pattern, names);
        } else if constexpr (std::is_same_v<T, ast::ExistsSubquery>) {
          if (n.query) known = false;
          for (const auto& p : n.pattern)
            pattern_variables(p, names);
        }
      },
      e.node);
  for_each_child(e, [&](const ast::Expr& child) { known = variables_read(child, names) && known; });
  return known;
}

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
