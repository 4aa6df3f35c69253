// Evaluating an expression of the syntax tree against one row. Value semantics (operators,
// functions, aggregates) live in query/functions.hpp; this file adds what is about rows:
// variables, parameters, local variables of comprehensions, pattern predicates and subqueries.
#pragma once

#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/ast.hpp"
#include "query/exec_context.hpp"

namespace kith::query {

// The values the aggregation operator computed for the aggregate calls inside an expression,
// keyed by the call's node in the syntax tree.
using AggregateValues = std::unordered_map<const ast::Expr*, Value>;

// Expressions deeper than this are refused rather than risking the stack.
inline constexpr int kMaxExpressionDepth = 400;

class Evaluator {
 public:
  Evaluator(const Row& row, const Scope& scope, ExecContext& ctx,
            const AggregateValues* aggregates = nullptr)
      : row_(row), scope_(scope), ctx_(ctx), aggregates_(aggregates) {}

  Value eval(const ast::Expr& e);
  // WHERE's reading: true, false or null (null filters the row out like false); anything else
  // is a TypeError.
  Tri predicate(const ast::Expr& e);

 private:
  struct Local {
    std::string_view name;
    Value value;
  };
  Value eval_node(const ast::Expr& e);
  const Value* lookup(std::string_view name) const;
  Value function_call(const ast::Expr& e, const ast::FunctionCall& f);
  Value comprehension(const ast::ListComprehension& c);
  Value quantifier(const ast::Quantifier& q);
  Value reduce(const ast::Reduce& r);
  Value map_projection(const ast::MapProjection& m);
  // Pattern forms: run the pattern matcher with the current row and locals as bound input.
  Value pattern_comprehension(const ast::PatternComprehension& pc);
  Value pattern_exists(const std::vector<const ast::PatternPart*>& pattern, const ast::Expr* where);
  Value exists_query(const ast::Query& q);
  Value shortest_path(const ast::ShortestPathExpr& sp);
  // The current row and locals as one scope and row, for the matcher.
  void flatten(Scope& scope, Row& row) const;

  const Row& row_;
  const Scope& scope_;
  ExecContext& ctx_;
  const AggregateValues* aggregates_;
  std::vector<Local> locals_;
  int depth_ = 0;
};

}  // namespace kith::query
