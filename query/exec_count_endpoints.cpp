// `MATCH (a)-[*..k]-(x) RETURN count(DISTINCT x)` (or WITH ... AS c): a MATCH and the
// projection after it run as one operator. When the matcher's breadth-first search reaches
// every answer node without anything per-row left to test (PatternMatcher::
// counts_endpoints_of), the reached nodes are marked in a bitmap and counted: a 2-hop
// neighbourhood of 150k nodes no longer becomes 150k rows through the matcher and the
// aggregate. Otherwise the pair runs as usual.
#include <bit>

#include "query/exec_pattern.hpp"
#include "query/plan.hpp"

namespace kith::query {

namespace {

class CountEndpointsOperator : public Operator {
 public:
  CountEndpointsOperator(const ast::Match& match, const ast::Projection& projection,
                         std::string variable, OperatorPtr fallback_match,
                         OperatorPtr fallback_projection)
      : match_(match),
        column_(projection.items[0].alias.value_or(projection.items[0].text)),
        variable_(std::move(variable)),
        fallback_match_(std::move(fallback_match)),
        fallback_projection_(std::move(fallback_projection)) {}

  std::vector<std::string> explain(Scope& scope, ExecContext& ctx) const override {
    Scope inner = scope;
    PatternMatcher matcher(PatternMatcher::parts_of(match_.pattern), inner, ctx, match_.where.get(),
                           true);
    if (!matcher.counts_endpoints_of(variable_)) {
      std::vector<std::string> lines = fallback_match_->explain(scope, ctx);
      for (auto& l : fallback_projection_->explain(scope, ctx))
        lines.push_back(std::move(l));
      return lines;
    }
    std::vector<std::string> lines{"CountDistinctEndpoints (" + variable_ +
                                   ") (the BFS's reached nodes, no rows)"};
    for (auto& l : matcher.describe())
      lines.push_back("  " + l);
    scope = Scope();
    scope.add(column_);
    return lines;
  }

  void run(Table& table, ExecContext& ctx) const override {
    Scope inner = table.scope;
    PatternMatcher matcher(PatternMatcher::parts_of(match_.pattern), inner, ctx, match_.where.get(),
                           true);
    if (!matcher.counts_endpoints_of(variable_)) {
      if (!fallback_match_->run_into(table, ctx, *fallback_projection_, nullptr)) {
        fallback_match_->run(table, ctx);
        fallback_projection_->run(table, ctx);
      }
      return;
    }
    std::vector<std::uint64_t> reached;
    for (Row& input : table.rows) {
      input.resize(inner.size());
      matcher.mark_endpoints(input, reached);
    }
    std::int64_t count = 0;
    for (std::uint64_t word : reached)
      count += std::popcount(word);
    table.scope = Scope();
    table.scope.add(column_);
    table.rows.assign(1, Row{Value(count)});
  }

 private:
  const ast::Match& match_;
  std::string column_;
  std::string variable_;
  OperatorPtr fallback_match_;
  OperatorPtr fallback_projection_;
};

}  // namespace

OperatorPtr make_count_endpoints(const ast::Match& match, const ast::Projection& projection,
                                 const std::string& variable, bool final) {
  return std::make_unique<CountEndpointsOperator>(
      match, projection, variable, make_match(match, true, true),
      make_projection(projection, nullptr, final, true));
}

}  // namespace kith::query
