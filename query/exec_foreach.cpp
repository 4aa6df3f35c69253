// FOREACH (x IN list | updates): runs the updating clauses once per element, with the input
// row plus x; the rows themselves pass through unchanged.
#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/plan.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

class ForeachOperator : public Operator {
 public:
  explicit ForeachOperator(const ast::Foreach& f) : foreach_(f) {
    body_ = std::make_unique<SingleQueryPlan>();
    for (const auto& clause : f.body) {
      std::visit(
          [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, ast::Create>)
              body_->operators.push_back(make_create(c));
            if constexpr (std::is_same_v<T, ast::Merge>) body_->operators.push_back(make_merge(c));
            if constexpr (std::is_same_v<T, ast::Set>) body_->operators.push_back(make_set(c));
            if constexpr (std::is_same_v<T, ast::Remove>)
              body_->operators.push_back(make_remove(c));
            if constexpr (std::is_same_v<T, ast::Delete>)
              body_->operators.push_back(make_delete(c));
            if constexpr (std::is_same_v<T, ast::Foreach>) {
              body_->operators.push_back(make_foreach(c));
            }
          },
          clause.node);
    }
  }

  std::vector<std::string> explain(Scope&, ExecContext&) const override { return {"Foreach"}; }

  void run(Table& table, ExecContext& ctx) const override {
    for (Row& row : table.rows) {
      Value list;
      {
        Evaluator ev(row, table.scope, ctx);
        list = ev.eval(*foreach_.list);
      }
      if (list.is_null()) continue;
      if (!list.is<List>()) {
        throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                         "FOREACH expects a LIST");
      }
      for (const Value& item : list.as<List>()) {
        ctx.tick();
        Table inner;
        inner.scope = table.scope;
        const int slot = inner.scope.add(foreach_.variable);
        Row r = row;
        r.resize(inner.scope.size());
        r[slot] = item;
        inner.rows.push_back(std::move(r));
        for (const auto& op : body_->operators)
          op->run(inner, ctx);
      }
    }
  }

 private:
  const ast::Foreach& foreach_;
  std::unique_ptr<SingleQueryPlan> body_;
};

}  // namespace

OperatorPtr make_foreach(const ast::Foreach& foreach) {
  return std::make_unique<ForeachOperator>(foreach);
}

}  // namespace kith::query
