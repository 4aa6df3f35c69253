// MERGE: per input row, every match of the pattern (then ON MATCH SET), or else the pattern
// created (then ON CREATE SET). Each row sees what earlier rows created, so MERGE over
// duplicate rows creates once.
#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/exec_pattern.hpp"
#include "query/exec_write.hpp"
#include "query/plan.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

class MergeOperator : public Operator {
 public:
  explicit MergeOperator(const ast::Merge& m) : merge_(m) {}

  std::vector<std::string> explain(Scope& scope, ExecContext& ctx) const override {
    std::vector<std::string> lines{"Merge"};
    PatternMatcher matcher({&merge_.pattern}, scope, ctx);
    for (auto& l : matcher.describe())
      lines.push_back("  " + l);
    return lines;
  }

  void run(Table& table, ExecContext& ctx) const override {
    PatternMatcher matcher({&merge_.pattern}, table.scope, ctx);
    const std::size_t width = table.scope.size();
    std::vector<Row> out;
    for (Row& input : table.rows) {
      input.resize(width);
      check_null_properties(input, table.scope, ctx);
      std::vector<Row> found;
      matcher.match(input, [&](Row& row) {
        found.push_back(row);
        ctx.check_rows(found.size(), width);
        return true;
      });
      if (found.empty()) {
        Row row = input;
        create_pattern({&merge_.pattern}, row, table.scope, ctx);
        for (const auto& item : merge_.on_create)
          apply_set_item(item, row, table.scope, ctx);
        out.push_back(std::move(row));
      } else {
        for (Row& row : found) {
          for (const auto& item : merge_.on_match)
            apply_set_item(item, row, table.scope, ctx);
          out.push_back(std::move(row));
        }
      }
      ctx.check_rows(out.size(), width);
    }
    table.rows = std::move(out);
  }

 private:
  // MERGE cannot match on a null property: it could never find what it would create.
  void check_null_properties(const Row& row, const Scope& scope, ExecContext& ctx) const {
    auto check = [&](const ast::Expr* props) {
      if (!props) return;
      Evaluator ev(row, scope, ctx);
      const Value v = ev.eval(*props);
      if (!v.is<Map>()) return;
      for (const auto& [k, val] : v.as<Map>()) {
        if (val.is_null()) {
          throw QueryError(ErrorPhase::Runtime, "SemanticError", "MergeReadOwnWrites",
                           fmt::format("cannot MERGE on a null property value for `{}`", k));
        }
      }
    };
    const ast::PatternPart& p = merge_.pattern;
    check(p.start.properties.get());
    for (const auto& s : p.steps) {
      check(s.relationship.properties.get());
      check(s.node.properties.get());
    }
  }

  const ast::Merge& merge_;
};

}  // namespace

OperatorPtr make_merge(const ast::Merge& merge) {
  return std::make_unique<MergeOperator>(merge);
}

}  // namespace kith::query
