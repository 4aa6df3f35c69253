// UNWIND: one row per element of the list; null gives no row, a non-list value one row.
#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/plan.hpp"

namespace kith::query {

namespace {

class UnwindOperator : public Operator {
 public:
  explicit UnwindOperator(const ast::Unwind& u) : unwind_(u) {}

  std::vector<std::string> explain(Scope& scope, ExecContext&) const override {
    scope.add(unwind_.variable);
    return {fmt::format("Unwind AS {}", unwind_.variable)};
  }

  void run(Table& table, ExecContext& ctx) const override {
    const int slot = table.scope.add(unwind_.variable);
    const std::size_t width = table.scope.size();
    std::vector<Row> out;
    for (Row& input : table.rows) {
      input.resize(width);
      Value list;
      {
        Evaluator ev(input, table.scope, ctx);
        list = ev.eval(*unwind_.list);
      }
      if (list.is_null()) continue;
      if (!list.is<List>()) {
        // UNWIND of a single value yields that value once.
        input[slot] = std::move(list);
        out.push_back(std::move(input));
        ctx.check_rows(out.size(), width);
        continue;
      }
      for (Value& item : list.as<List>()) {
        Row row = input;
        row[slot] = std::move(item);
        out.push_back(std::move(row));
        ctx.check_rows(out.size(), width);
      }
    }
    table.rows = std::move(out);
  }

 private:
  const ast::Unwind& unwind_;
};

}  // namespace

OperatorPtr make_unwind(const ast::Unwind& unwind) {
  return std::make_unique<UnwindOperator>(unwind);
}

}  // namespace kith::query
