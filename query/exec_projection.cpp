// WITH and RETURN: projection, aggregation (grouping by the non-aggregate items under
// equivalent()), DISTINCT, ORDER BY (order(), with top-K when a LIMIT follows), SKIP, LIMIT and
// WITH's WHERE, in that order. The input arrives row by row (a RowSink), so what is held is one
// entry per group, per distinct row, or the best SKIP + LIMIT rows, never the whole input.
#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "query/exec_expression.hpp"
#include "query/functions.hpp"
#include "query/plan.hpp"
#include "query/plan_expr_walk.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

// One output row before ORDER BY: the projected values and the input row it came from (for
// ORDER BY expressions that use variables the projection dropped).
struct Projected {
  Row values;
  Row input;
  AggregateValues aggregates;
};

// What ORDER BY and WITH's WHERE see: the projected columns first, then the input's
// variables that no column shadows.
struct Combined {
  Combined(const std::vector<std::string>& names, const Scope& input) : width(names.size()) {
    for (const auto& n : names)
      scope.add(n);
    for (const auto& n : input.names())
      input_slots.push_back(scope.add(n));
  }
  Row row(const Projected& p) const {
    Row row(scope.size());
    for (std::size_t c = 0; c < p.input.size() && c < input_slots.size(); ++c) {
      if (static_cast<std::size_t>(input_slots[c]) >= width) row[input_slots[c]] = p.input[c];
    }
    for (std::size_t c = 0; c < width; ++c)
      row[c] = p.values[c];
    return row;
  }
  Scope scope;
  std::vector<int> input_slots;
  std::size_t width;
};

std::int64_t count_argument(const ast::Expr& e, ExecContext& ctx, std::string_view what) {
  Row empty;
  Scope none;
  Evaluator ev(empty, none, ctx);
  const Value v = ev.eval(e);
  if (!v.is<std::int64_t>()) {
    throw QueryError(ErrorPhase::Runtime, "SyntaxError", "InvalidArgumentType",
                     fmt::format("{} expects a non-negative INTEGER", what));
  }
  if (v.as<std::int64_t>() < 0) {
    throw QueryError(
        ErrorPhase::Runtime, "SyntaxError", "NegativeIntegerArgument",
        fmt::format("{} expects a non-negative INTEGER, got {}", what, v.as<std::int64_t>()));
  }
  return v.as<std::int64_t>();
}

class ProjectionOperator : public Operator {
 public:
  ProjectionOperator(const ast::Projection& p, const ast::Expr* where, bool final, bool streamed)
      : p_(p), where_(where), final_(final), streamed_(streamed) {
    for (const auto& item : p.items)
      find_aggregates(*item.expression, item_aggregates_);
    for (const auto& s : p.order_by)
      find_aggregates(*s.expression, sort_aggregates_);
    for (const auto& item : p.items) {
      std::vector<const ast::Expr*> found;
      find_aggregates(*item.expression, found);
      is_key_.push_back(found.empty());
    }
    keys_from_input_ = !p.distinct && !aggregating() && sort_keys_read_only_input();
  }

  std::vector<std::string> explain(Scope& scope, ExecContext&) const override {
    std::vector<std::string> lines;
    lines.push_back(fmt::format("{}{}", final_ ? "Return" : "With",
                                aggregating() ? " (Aggregation)" : " (Projection)"));
    if (streamed_) lines.push_back("  Takes its input row by row");
    if (aggregating()) lines.push_back("  Aggregate by group (holds one row per group)");
    if (p_.distinct) lines.push_back("  Distinct");
    if (!p_.order_by.empty()) {
      lines.push_back(p_.limit ? "  Top-K sort (heap of SKIP + LIMIT rows)" : "  Sort");
    }
    if (p_.skip) lines.push_back("  Skip");
    if (p_.limit) {
      lines.push_back(p_.order_by.empty() && !aggregating() ? "  Limit (stops its input early)"
                                                            : "  Limit");
    }
    if (where_) lines.push_back("  Filter");
    Scope out;
    for (const auto& name : columns(scope))
      out.add(name);
    scope = std::move(out);
    return lines;
  }

  void run(Table& table, ExecContext& ctx) const override;
  std::unique_ptr<RowSink> sink(const Scope& scope, ExecContext& ctx) const override;

 private:
  class Sink;

  bool aggregating() const { return !item_aggregates_.empty() || !sort_aggregates_.empty(); }

  // Whether ORDER BY reads no column of this projection, so its keys can be computed from the
  // input row alone, before the row's columns (which a top-K then skips for most rows).
  bool sort_keys_read_only_input() const {
    std::vector<std::string> names;
    for (const auto& s : p_.order_by) {
      if (!variables_read(*s.expression, names)) return false;
    }
    return std::none_of(names.begin(), names.end(), [&](const std::string& n) {
      return std::any_of(p_.items.begin(), p_.items.end(), [&](const ast::ProjectionItem& item) {
        return item.alias.value_or(item.text) == n;
      });
    });
  }

  std::vector<std::string> star_names(const Scope& scope) const {
    std::vector<std::string> out;
    for (const auto& n : scope.names()) {
      if (!Scope::is_anonymous(n)) out.push_back(n);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::vector<std::string> columns(const Scope& scope) const {
    std::vector<std::string> out;
    if (p_.star) out = star_names(scope);
    for (const auto& item : p_.items)
      out.push_back(item.alias.value_or(item.text));
    return out;
  }

  const ast::Projection& p_;
  const ast::Expr* where_;
  bool final_;
  bool streamed_;
  bool keys_from_input_ = false;
  std::vector<const ast::Expr*> item_aggregates_;
  std::vector<const ast::Expr*> sort_aggregates_;
  std::vector<bool> is_key_;  // per item: has no aggregate, so it is a grouping key
};

class ProjectionOperator::Sink final : public RowSink {
 public:
  Sink(const ProjectionOperator& op, const Scope& input, ExecContext& ctx)
      : op_(op),
        p_(op.p_),
        input_(input),
        ctx_(ctx),
        names_(op.columns(input)),
        combined_(names_, input) {
    if (p_.star) {
      for (const auto& n : op.star_names(input))
        star_slots_.push_back(input.find(n));
    }
    aggs_ = op.item_aggregates_;
    aggs_.insert(aggs_.end(), op.sort_aggregates_.begin(), op.sort_aggregates_.end());
    skip_ = p_.skip ? count_argument(*p_.skip, ctx, "SKIP") : 0;
    limit_ = p_.limit ? count_argument(*p_.limit, ctx, "LIMIT") : -1;
    if (limit_ >= 0) {
      wanted_ = static_cast<std::uint64_t>(skip_) + static_cast<std::uint64_t>(limit_);
    }
  }

  bool add(const Row& row) override {
    ctx_.tick();
    if (op_.aggregating()) {
      accumulate(row);
      return true;
    }
    const bool ordered = !p_.order_by.empty();
    if (!ordered && kept_.size() >= wanted_) return false;
    std::optional<Row> keys;
    if (ordered && op_.keys_from_input_) {
      Evaluator ev(row, input_, ctx_);
      keys.emplace();
      for (const auto& s : p_.order_by)
        keys->push_back(ev.eval(*s.expression));
      // A full top-K heap: a row that does not beat its worst entry is never projected.
      if (sorted_.size() >= wanted_ && (wanted_ == 0 || !before(*keys, seq_, sorted_.front()))) {
        ++seq_;
        return true;
      }
    }
    Projected r;
    r.values.reserve(star_slots_.size() + p_.items.size());
    for (int s : star_slots_)
      r.values.push_back(row[s]);
    Evaluator ev(row, input_, ctx_);
    for (const auto& item : p_.items)
      r.values.push_back(ev.eval(*item.expression));
    if (ordered && !keys) keys = sort_keys(r.values, row, nullptr);
    if (op_.where_) r.input = row;
    return offer(std::move(r), keys);
  }

  void finish(Table& table) override {
    if (op_.aggregating()) emit_groups();
    std::vector<Projected> rows;
    if (p_.order_by.empty()) {
      rows = std::move(kept_);
    } else {
      std::sort(sorted_.begin(), sorted_.end(),
                [&](const Keyed& a, const Keyed& b) { return before(a.keys, a.seq, b); });
      rows.reserve(sorted_.size());
      for (Keyed& k : sorted_)
        rows.push_back(std::move(k.row));
    }
    Table out;
    for (const auto& n : names_)
      out.scope.add(n);
    const std::size_t begin = std::min<std::size_t>(rows.size(), skip_);
    std::size_t end = rows.size();
    if (limit_ >= 0) end = std::min<std::size_t>(end, begin + limit_);
    for (std::size_t i = begin; i < end; ++i) {
      if (op_.where_) {
        const Row row = combined_.row(rows[i]);
        Evaluator ev(row, combined_.scope, ctx_);
        if (ev.predicate(*op_.where_) != Tri::True) continue;
      }
      out.rows.push_back(std::move(rows[i].values));
    }
    table = std::move(out);
  }

 private:
  struct Keyed {
    Row keys;
    std::uint64_t seq;  // input order: ties keep it
    Projected row;
  };
  struct Group {
    Row input;
    std::vector<std::unique_ptr<Aggregator>> aggregators;
  };

  // Whether a row with `keys` arriving at `seq` sorts before `b`.
  bool before(const Row& keys, std::uint64_t seq, const Keyed& b) const {
    for (std::size_t i = 0; i < p_.order_by.size(); ++i) {
      int c = order(keys[i], b.keys[i]);
      if (p_.order_by[i].descending) c = -c;
      if (c != 0) return c < 0;
    }
    return seq < b.seq;
  }

  // ORDER BY's keys over the projected columns and the input's variables they do not shadow.
  // The columns are moved into the scratch row and back rather than copied.
  Row sort_keys(Row& values, const Row& input, const AggregateValues* aggregates) {
    scratch_.assign(combined_.scope.size(), Value());
    for (std::size_t c = 0; c < input.size() && c < combined_.input_slots.size(); ++c) {
      const auto slot = static_cast<std::size_t>(combined_.input_slots[c]);
      if (slot >= combined_.width) scratch_[slot] = input[c];
    }
    for (std::size_t c = 0; c < combined_.width; ++c)
      scratch_[c] = std::move(values[c]);
    Row keys;
    {
      Evaluator ev(scratch_, combined_.scope, ctx_,
                   aggregates && !aggregates->empty() ? aggregates : nullptr);
      for (const auto& s : p_.order_by)
        keys.push_back(ev.eval(*s.expression));
    }
    for (std::size_t c = 0; c < combined_.width; ++c)
      values[c] = std::move(scratch_[c]);
    return keys;
  }

  // One output row (before SKIP, LIMIT and WHERE) through DISTINCT and into the kept rows or
  // the sort. False once an unordered projection holds all the rows LIMIT lets through.
  bool offer(Projected&& r, std::optional<Row>& keys) {
    if (p_.distinct && !seen_.insert(r.values).second) return true;
    if (p_.order_by.empty()) {
      kept_.push_back(std::move(r));
      ctx_.check_rows(kept_.size(), names_.size());
      return kept_.size() < wanted_;
    }
    auto worse = [&](const Keyed& a, const Keyed& b) { return before(a.keys, a.seq, b); };
    Keyed k{std::move(*keys), seq_++, std::move(r)};
    if (sorted_.size() < wanted_) {
      sorted_.push_back(std::move(k));
      if (wanted_ != kAll) std::push_heap(sorted_.begin(), sorted_.end(), worse);
      ctx_.check_rows(sorted_.size(), names_.size() + input_.size());
    } else if (wanted_ > 0 && worse(k, sorted_.front())) {
      // The heap's front is its worst row (the last of the best `wanted_` so far).
      std::pop_heap(sorted_.begin(), sorted_.end(), worse);
      sorted_.back() = std::move(k);
      std::push_heap(sorted_.begin(), sorted_.end(), worse);
    }
    return true;
  }

  void accumulate(const Row& row) {
    Evaluator ev(row, input_, ctx_);
    key_.clear();
    for (int s : star_slots_)
      key_.push_back(row[s]);
    for (std::size_t i = 0; i < p_.items.size(); ++i) {
      if (op_.is_key_[i]) key_.push_back(ev.eval(*p_.items[i].expression));
    }
    std::size_t gi;
    if (key_.empty() && !groups_.empty()) {
      gi = 0;  // no grouping keys: one group, no lookup
    } else if (auto it = index_.find(key_); it != index_.end()) {
      gi = it->second;
    } else {
      gi = new_group(row);
      index_.emplace(key_, gi);
    }
    for (std::size_t a = 0; a < aggs_.size(); ++a) {
      args_.clear();
      if (!aggs_[a]->is<ast::CountStar>()) {
        for (const auto& arg : aggs_[a]->as<ast::FunctionCall>().args)
          args_.push_back(ev.eval(*arg));
      }
      groups_[gi].aggregators[a]->add_owned(args_);
    }
  }

  std::size_t new_group(const Row& input) {
    Group g;
    g.input = input;
    for (const ast::Expr* a : aggs_) {
      if (a->is<ast::CountStar>()) {
        g.aggregators.push_back(make_aggregator("count", false, true));
      } else {
        const auto& f = a->as<ast::FunctionCall>();
        g.aggregators.push_back(make_aggregator(f.name, f.distinct, false));
      }
    }
    groups_.push_back(std::move(g));
    ctx_.check_rows(groups_.size(), aggs_.size() + input_.size());
    return groups_.size() - 1;
  }

  void emit_groups() {
    // Aggregating nothing with no grouping keys still gives one row: count(*) = 0.
    const bool has_keys = !star_slots_.empty() || std::find(op_.is_key_.begin(), op_.is_key_.end(),
                                                            true) != op_.is_key_.end();
    if (groups_.empty() && !has_keys) new_group(Row(input_.size()));
    for (Group& g : groups_) {
      ctx_.tick();
      Projected r;
      for (std::size_t a = 0; a < aggs_.size(); ++a)
        r.aggregates[aggs_[a]] = g.aggregators[a]->take();
      for (int s : star_slots_)
        r.values.push_back(g.input[s]);
      Evaluator ev(g.input, input_, ctx_, &r.aggregates);
      for (const auto& item : p_.items)
        r.values.push_back(ev.eval(*item.expression));
      std::optional<Row> keys;
      if (!p_.order_by.empty()) keys = sort_keys(r.values, g.input, &r.aggregates);
      r.input = std::move(g.input);
      offer(std::move(r), keys);
    }
    groups_.clear();
  }

  static constexpr std::uint64_t kAll = std::numeric_limits<std::uint64_t>::max();

  const ProjectionOperator& op_;
  const ast::Projection& p_;
  const Scope input_;
  ExecContext& ctx_;
  const std::vector<std::string> names_;
  const Combined combined_;
  std::vector<int> star_slots_;
  std::vector<const ast::Expr*> aggs_;
  std::int64_t skip_ = 0;
  std::int64_t limit_ = -1;
  std::uint64_t wanted_ = kAll;  // SKIP + LIMIT: the rows that can reach the output
  std::uint64_t seq_ = 0;
  std::vector<Projected> kept_;  // without ORDER BY
  std::vector<Keyed> sorted_;    // with ORDER BY: all rows, or a heap of the best `wanted_`
  std::unordered_set<Row, RowHash, RowEquivalent> seen_;
  std::unordered_map<Row, std::size_t, RowHash, RowEquivalent> index_;
  std::vector<Group> groups_;
  Row key_;
  std::vector<Value> args_;
  Row scratch_;
};

void ProjectionOperator::run(Table& table, ExecContext& ctx) const {
  Sink sink(*this, table.scope, ctx);
  for (const Row& row : table.rows) {
    if (!sink.add(row)) break;
  }
  sink.finish(table);
}

std::unique_ptr<RowSink> ProjectionOperator::sink(const Scope& scope, ExecContext& ctx) const {
  return std::make_unique<Sink>(*this, scope, ctx);
}

}  // namespace

OperatorPtr make_projection(const ast::Projection& projection, const ast::Expr* with_where,
                            bool final, bool streamed) {
  return std::make_unique<ProjectionOperator>(projection, with_where, final, streamed);
}

}  // namespace kith::query
