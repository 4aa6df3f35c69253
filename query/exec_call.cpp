// CALL proc(args) [YIELD ...] [WHERE ...]: the procedure is run once per input row; each row
// it returns extends the input row with the yielded fields. A standalone CALL without YIELD
// returns every output field, and without parentheses takes its arguments from the parameters
// of the same names.
#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/plan.hpp"
#include "query/procedure_call.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

class CallOperator : public Operator {
 public:
  CallOperator(const ast::Call& c, bool standalone) : call_(c), standalone_(standalone) {}

  std::vector<std::string> explain(Scope& scope, ExecContext& ctx) const override {
    const Procedure& proc = resolve_procedure(call_, ctx.procedures);
    for (const auto& [field, variable] : yields(proc))
      scope.add(variable);
    return {fmt::format("ProcedureCall {}", proc.signature.name)};
  }

  void run(Table& table, ExecContext& ctx) const override {
    const Procedure& proc = resolve_procedure(call_, ctx.procedures);
    const auto ys = yields(proc);
    std::vector<std::size_t> field_index;
    std::vector<int> slots;
    for (const auto& [field, variable] : ys) {
      std::size_t i = 0;
      while (i < proc.signature.outputs.size() && proc.signature.outputs[i].name != field)
        ++i;
      field_index.push_back(i);
      slots.push_back(table.scope.add(variable));
    }
    YieldedOutputs yielded(proc.signature.outputs.size(), false);
    for (std::size_t i : field_index) {
      if (i < yielded.size()) yielded[i] = true;
    }
    const std::size_t width = table.scope.size();
    std::vector<Row> out;
    for (Row& input : table.rows) {
      input.resize(width);
      std::vector<Value> args;
      {
        Evaluator ev(input, table.scope, ctx);
        if (call_.args) {
          for (const auto& a : *call_.args)
            args.push_back(ev.eval(*a));
        } else {
          for (const auto& in : proc.signature.inputs) {
            auto it = ctx.parameters.find(in.name);
            if (it == ctx.parameters.end()) {
              throw QueryError(ErrorPhase::CompileTime, "ParameterMissing", "MissingParameter",
                               fmt::format("the parameter ${} was not given", in.name));
            }
            args.push_back(it->second);
          }
        }
      }
      args = check_procedure_arguments(proc.signature, std::move(args));
      const auto results = proc.run(ctx.graph, args, yielded);
      if (proc.signature.outputs.empty()) {
        out.push_back(std::move(input));
        continue;
      }
      for (const auto& result : results) {
        ctx.tick();
        Row row = input;
        for (std::size_t i = 0; i < slots.size(); ++i) {
          row[slots[i]] = field_index[i] < result.size() ? result[field_index[i]] : Value();
        }
        if (call_.where) {
          Evaluator ev(row, table.scope, ctx);
          if (ev.predicate(*call_.where) != Tri::True) continue;
        }
        out.push_back(std::move(row));
        ctx.check_rows(out.size(), width);
      }
    }
    table.rows = std::move(out);
    if (standalone_) {
      // The standalone call's result is exactly its yielded fields.
      Table result;
      for (const auto& [field, variable] : ys)
        result.scope.add(variable);
      for (Row& row : table.rows) {
        Row r;
        for (int s : slots)
          r.push_back(std::move(row[s]));
        result.rows.push_back(std::move(r));
      }
      table = std::move(result);
    }
  }

 private:
  // (field, variable) pairs the call binds.
  std::vector<std::pair<std::string, std::string>> yields(const Procedure& proc) const {
    std::vector<std::pair<std::string, std::string>> out;
    if (!call_.yields.empty()) {
      for (const auto& y : call_.yields)
        out.emplace_back(y.field, y.variable);
    } else if (standalone_ || call_.yield_star) {
      for (const auto& f : proc.signature.outputs)
        out.emplace_back(f.name, f.name);
    }
    return out;
  }

  const ast::Call& call_;
  bool standalone_;
};

}  // namespace

OperatorPtr make_call(const ast::Call& call, bool standalone) {
  return std::make_unique<CallOperator>(call, standalone);
}

}  // namespace kith::query
