// MATCH and OPTIONAL MATCH: the pattern matcher run once per input row, with the WHERE's terms
// applied during the search as soon as what they read is bound (so no unfiltered intermediate
// table is built, and a failing term prunes the expansion behind it). OPTIONAL MATCH
// keeps a row that found nothing, with the pattern's new variables null.
#include <fmt/format.h>

#include "query/exec_pattern.hpp"
#include "query/plan.hpp"

namespace kith::query {

namespace {

class MatchOperator : public Operator {
 public:
  MatchOperator(const ast::Match& m, bool distinct_rows)
      : match_(m), distinct_rows_(distinct_rows) {}

  std::vector<std::string> explain(Scope& scope, ExecContext& ctx) const override {
    std::vector<std::string> lines{match_.optional ? "OptionalMatch" : "Match"};
    PatternMatcher matcher(PatternMatcher::parts_of(match_.pattern), scope, ctx, match_.where.get(),
                           distinct_rows_);
    for (auto& l : matcher.describe())
      lines.push_back("  " + l);
    return lines;
  }

  void run(Table& table, ExecContext& ctx) const override {
    const std::size_t width_before = table.scope.size();
    PatternMatcher matcher(PatternMatcher::parts_of(match_.pattern), table.scope, ctx,
                           match_.where.get(), distinct_rows_);
    const std::size_t width = table.scope.size();
    std::vector<Row> out;
    for (Row& input : table.rows) {
      input.resize(width);
      bool found = false;
      matcher.match(input, [&](Row& row) {
        found = true;
        out.push_back(row);
        ctx.check_rows(out.size(), width);
        return true;
      });
      if (!found && match_.optional) {
        Row row = input;
        for (std::size_t i = width_before; i < width; ++i)
          row[i] = Value();
        out.push_back(std::move(row));
        ctx.check_rows(out.size(), width);
      }
    }
    table.rows = std::move(out);
  }

 private:
  const ast::Match& match_;
  bool distinct_rows_;
};

}  // namespace

OperatorPtr make_match(const ast::Match& match, bool distinct_rows) {
  return std::make_unique<MatchOperator>(match, distinct_rows);
}

}  // namespace kith::query
