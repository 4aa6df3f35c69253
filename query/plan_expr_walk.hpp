// Visiting the direct sub-expressions of an expression, and finding the aggregate calls and the
// variables in one: what the binder's checks, the pattern matcher and the projection need.
#pragma once

#include <string>
#include <vector>

#include "query/ast.hpp"

namespace kith::query {

// Calls fn(const ast::Expr&) for each direct child expression of `e`. Pattern forms report
// their property maps and WHERE; subquery bodies are not entered.
template <class F>
void for_each_child(const ast::Expr& e, F&& fn) {
  using namespace ast;
  auto opt = [&](const ExprPtr& p) {
    if (p) fn(*p);
  };
  auto pattern = [&](const PatternPart& part) {
    opt(part.start.properties);
    for (const auto& s : part.steps) {
      opt(s.relationship.properties);
      opt(s.node.properties);
    }
  };
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ListLiteral>) {
          for (const auto& x : n.elements)
            fn(*x);
        } else if constexpr (std::is_same_v<T, MapLiteral>) {
          for (const auto& [k, v] : n.entries)
            fn(*v);
        } else if constexpr (std::is_same_v<T, PropertyAccess>) {
          fn(*n.object);
        } else if constexpr (std::is_same_v<T, Subscript>) {
          fn(*n.object);
          fn(*n.index);
        } else if constexpr (std::is_same_v<T, Slice>) {
          fn(*n.object);
          opt(n.from);
          opt(n.to);
        } else if constexpr (std::is_same_v<T, HasLabels>) {
          fn(*n.object);
        } else if constexpr (std::is_same_v<T, Unary>) {
          fn(*n.operand);
        } else if constexpr (std::is_same_v<T, Binary>) {
          fn(*n.lhs);
          fn(*n.rhs);
        } else if constexpr (std::is_same_v<T, Comparison>) {
          for (const auto& x : n.operands)
            fn(*x);
        } else if constexpr (std::is_same_v<T, IsNull>) {
          fn(*n.operand);
        } else if constexpr (std::is_same_v<T, FunctionCall>) {
          for (const auto& x : n.args)
            fn(*x);
        } else if constexpr (std::is_same_v<T, Case>) {
          opt(n.subject);
          for (const auto& a : n.alternatives) {
            fn(*a.when);
            fn(*a.then);
          }
          opt(n.otherwise);
        } else if constexpr (std::is_same_v<T, ListComprehension>) {
          fn(*n.list);
          opt(n.where);
          opt(n.projection);
        } else if constexpr (std::is_same_v<T, Quantifier>) {
          fn(*n.list);
          opt(n.where);
        } else if constexpr (std::is_same_v<T, Reduce>) {
          fn(*n.init);
          fn(*n.list);
          fn(*n.expression);
        } else if constexpr (std::is_same_v<T, PatternComprehension>) {
          pattern(n.pattern);
          opt(n.where);
          opt(n.projection);
        } else if constexpr (std::is_same_v<T, PatternPredicate>) {
          pattern(n.pattern);
        } else if constexpr (std::is_same_v<T, ShortestPathExpr>) {
          pattern(n.pattern);
        } else if constexpr (std::is_same_v<T, ExistsSubquery>) {
          for (const auto& p : n.pattern)
            pattern(p);
          opt(n.where);
        } else if constexpr (std::is_same_v<T, MapProjection>) {
          for (const auto& item : n.items)
            opt(item.value);
        }
      },
      e.node);
}

// The aggregate calls in `e` (count(*) included), outermost first; an aggregate's own
// arguments are not searched.
void find_aggregates(const ast::Expr& e, std::vector<const ast::Expr*>& out);

// The variable names `e` may read (a superset: names local to a comprehension are included).
// False when it holds a subquery, whose reads are not followed.
bool variables_read(const ast::Expr& e, std::vector<std::string>& names);

}  // namespace kith::query
