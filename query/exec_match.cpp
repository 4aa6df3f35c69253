// MATCH and OPTIONAL MATCH: the pattern matcher run once per input row, with the WHERE's terms
// applied during the search as soon as what they read is bound (so no unfiltered intermediate
// table is built, and a failing term prunes the expansion behind it). OPTIONAL MATCH
// keeps a row that found nothing, with the pattern's new variables null. Before a WITH or
// RETURN the matches go straight into its sink rather than into a table.
#include <fmt/format.h>

#include "query/exec_pattern.hpp"
#include "query/plan.hpp"

namespace kith::query {

namespace {

class MatchOperator : public Operator {
 public:
  MatchOperator(const ast::Match& m, bool distinct_rows, bool streams)
      : match_(m), distinct_rows_(distinct_rows), streams_(streams) {}

  std::vector<std::string> explain(Scope& scope, ExecContext& ctx) const override {
    std::vector<std::string> lines{match_.optional ? "OptionalMatch" : "Match"};
    if (streams_) lines.push_back("  Streams its rows into the next clause");
    PatternMatcher matcher(PatternMatcher::parts_of(match_.pattern), scope, ctx, match_.where.get(),
                           distinct_rows_);
    for (auto& l : matcher.describe())
      lines.push_back("  " + l);
    return lines;
  }

  void run(Table& table, ExecContext& ctx) const override {
    std::vector<Row> out;
    std::size_t width = 0;
    produce(
        table, ctx, [&](const Scope& scope) { width = scope.size(); },
        [&](const Row& row) {
          out.push_back(row);
          ctx.check_rows(out.size(), width);
          return true;
        });
    table.rows = std::move(out);
  }

  bool run_into(Table& table, ExecContext& ctx, const Operator& consumer,
                std::size_t* produced) const override {
    std::unique_ptr<RowSink> sink;
    std::size_t count = 0;
    produce(
        table, ctx, [&](const Scope& scope) { sink = consumer.sink(scope, ctx); },
        [&](const Row& row) {
          ++count;
          return sink->add(row);
        });
    if (produced) *produced = count;
    sink->finish(table);
    return true;
  }

 private:
  // Calls start(scope) once the pattern's variables are in the scope, then out(row) for each
  // output row until it returns false.
  template <class Start, class Out>
  void produce(Table& table, ExecContext& ctx, Start&& start, Out&& out) const {
    const std::size_t width_before = table.scope.size();
    PatternMatcher matcher(PatternMatcher::parts_of(match_.pattern), table.scope, ctx,
                           match_.where.get(), distinct_rows_);
    const std::size_t width = table.scope.size();
    start(table.scope);
    bool more = true;
    for (std::size_t r = 0; more && r < table.rows.size(); ++r) {
      Row& input = table.rows[r];
      input.resize(width);
      bool found = false;
      matcher.match(input, [&](Row& row) {
        found = true;
        more = out(row);
        return more;
      });
      if (!found && match_.optional) {
        Row row = input;
        for (std::size_t i = width_before; i < width; ++i)
          row[i] = Value();
        more = out(row);
      }
    }
  }

  const ast::Match& match_;
  bool distinct_rows_;
  bool streams_;
};

}  // namespace

OperatorPtr make_match(const ast::Match& match, bool distinct_rows, bool streams) {
  return std::make_unique<MatchOperator>(match, distinct_rows, streams);
}

}  // namespace kith::query
