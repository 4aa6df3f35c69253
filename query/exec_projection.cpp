// WITH and RETURN: projection, aggregation (grouping by the non-aggregate items under
// equivalent()), DISTINCT, ORDER BY (order(), with top-K when a LIMIT follows), SKIP, LIMIT and
// WITH's WHERE, in that order.
#include <algorithm>
#include <numeric>
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
  ProjectionOperator(const ast::Projection& p, const ast::Expr* where, bool final)
      : p_(p), where_(where), final_(final) {
    for (const auto& item : p.items)
      find_aggregates(*item.expression, item_aggregates_);
    for (const auto& s : p.order_by)
      find_aggregates(*s.expression, sort_aggregates_);
    for (const auto& item : p.items) {
      std::vector<const ast::Expr*> found;
      find_aggregates(*item.expression, found);
      is_key_.push_back(found.empty());
    }
  }

  std::vector<std::string> explain(Scope& scope, ExecContext&) const override {
    std::vector<std::string> lines;
    const bool aggregating = !item_aggregates_.empty();
    lines.push_back(fmt::format("{}{}", final_ ? "Return" : "With",
                                aggregating ? " (Aggregation)" : " (Projection)"));
    if (p_.distinct) lines.push_back("  Distinct");
    if (!p_.order_by.empty()) lines.push_back(p_.limit ? "  Top-K sort" : "  Sort");
    if (p_.skip) lines.push_back("  Skip");
    if (p_.limit) lines.push_back("  Limit");
    if (where_) lines.push_back("  Filter");
    Scope out;
    for (const auto& name : columns(scope))
      out.add(name);
    scope = std::move(out);
    return lines;
  }

  void run(Table& table, ExecContext& ctx) const override {
    const std::vector<std::string> names = columns(table.scope);
    std::vector<int> star_slots;
    if (p_.star) {
      for (const auto& n : star_names(table.scope))
        star_slots.push_back(table.scope.find(n));
    }
    std::vector<Projected> rows = item_aggregates_.empty() && sort_aggregates_.empty()
                                      ? project(table, star_slots, ctx)
                                      : aggregate(table, star_slots, ctx);
    if (p_.distinct) {
      std::unordered_set<Row, RowHash, RowEquivalent> seen;
      std::vector<Projected> unique;
      for (auto& r : rows) {
        ctx.tick();
        if (seen.insert(r.values).second) unique.push_back(std::move(r));
      }
      rows = std::move(unique);
    }
    std::int64_t skip = p_.skip ? count_argument(*p_.skip, ctx, "SKIP") : 0;
    std::int64_t limit = p_.limit ? count_argument(*p_.limit, ctx, "LIMIT") : -1;
    if (!p_.order_by.empty()) sort(rows, names, table.scope, skip, limit, ctx);

    Table out;
    for (const auto& n : names)
      out.scope.add(n);
    const std::size_t begin = std::min<std::size_t>(rows.size(), skip);
    std::size_t end = rows.size();
    if (limit >= 0) end = std::min<std::size_t>(end, begin + limit);
    const Combined combined(names, table.scope);
    for (std::size_t i = begin; i < end; ++i) {
      if (where_) {
        const Row row = combined.row(rows[i]);
        Evaluator ev(row, combined.scope, ctx);
        if (ev.predicate(*where_) != Tri::True) continue;
      }
      out.rows.push_back(std::move(rows[i].values));
    }
    table = std::move(out);
  }

 private:
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

  std::vector<Projected> project(Table& table, const std::vector<int>& star_slots,
                                 ExecContext& ctx) const {
    std::vector<Projected> out;
    out.reserve(table.rows.size());
    for (Row& input : table.rows) {
      ctx.tick();
      Projected r;
      for (int s : star_slots)
        r.values.push_back(input[s]);
      Evaluator ev(input, table.scope, ctx);
      for (const auto& item : p_.items)
        r.values.push_back(ev.eval(*item.expression));
      if (!p_.order_by.empty() || where_) r.input = std::move(input);
      out.push_back(std::move(r));
    }
    return out;
  }

  std::vector<Projected> aggregate(Table& table, const std::vector<int>& star_slots,
                                   ExecContext& ctx) const {
    struct Group {
      Row input;
      std::vector<std::unique_ptr<Aggregator>> aggregators;
    };
    std::vector<const ast::Expr*> aggs = item_aggregates_;
    aggs.insert(aggs.end(), sort_aggregates_.begin(), sort_aggregates_.end());
    std::unordered_map<Row, std::size_t, RowHash, RowEquivalent> index;
    std::vector<Group> groups;
    auto new_group = [&](Row input) {
      Group g;
      g.input = std::move(input);
      for (const ast::Expr* a : aggs) {
        if (a->is<ast::CountStar>()) {
          g.aggregators.push_back(make_aggregator("count", false, true));
        } else {
          const auto& f = a->as<ast::FunctionCall>();
          g.aggregators.push_back(make_aggregator(f.name, f.distinct, false));
        }
      }
      groups.push_back(std::move(g));
      ctx.check_rows(groups.size(), aggs.size() + table.scope.size());
      return groups.size() - 1;
    };
    for (Row& input : table.rows) {
      ctx.tick();
      Evaluator ev(input, table.scope, ctx);
      Row key;
      for (int s : star_slots)
        key.push_back(input[s]);
      for (std::size_t i = 0; i < p_.items.size(); ++i) {
        if (is_key_[i]) key.push_back(ev.eval(*p_.items[i].expression));
      }
      auto it = index.find(key);
      std::size_t gi;
      if (it == index.end()) {
        gi = new_group(input);
        index.emplace(std::move(key), gi);
      } else {
        gi = it->second;
      }
      for (std::size_t a = 0; a < aggs.size(); ++a) {
        if (aggs[a]->is<ast::CountStar>()) {
          groups[gi].aggregators[a]->add({});
          continue;
        }
        std::vector<Value> args;
        for (const auto& arg : aggs[a]->as<ast::FunctionCall>().args)
          args.push_back(ev.eval(*arg));
        groups[gi].aggregators[a]->add(args);
      }
    }
    // Aggregating nothing with no grouping keys still gives one row: count(*) = 0.
    const bool has_keys =
        !star_slots.empty() || std::find(is_key_.begin(), is_key_.end(), true) != is_key_.end();
    if (groups.empty() && !has_keys) new_group(Row(table.scope.size()));

    std::vector<Projected> out;
    for (Group& g : groups) {
      ctx.tick();
      Projected r;
      for (std::size_t a = 0; a < aggs.size(); ++a) {
        r.aggregates[aggs[a]] = g.aggregators[a]->result();
      }
      for (int s : star_slots)
        r.values.push_back(g.input[s]);
      Evaluator ev(g.input, table.scope, ctx, &r.aggregates);
      for (const auto& item : p_.items)
        r.values.push_back(ev.eval(*item.expression));
      r.input = std::move(g.input);
      out.push_back(std::move(r));
    }
    return out;
  }

  void sort(std::vector<Projected>& rows, const std::vector<std::string>& names,
            const Scope& input_scope, std::int64_t skip, std::int64_t limit,
            ExecContext& ctx) const {
    const Combined combined(names, input_scope);
    struct Keyed {
      std::vector<Value> keys;
      std::size_t index;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      ctx.tick();
      const Row row = combined.row(rows[i]);
      Evaluator ev(row, combined.scope, ctx,
                   rows[i].aggregates.empty() ? nullptr : &rows[i].aggregates);
      Keyed k{{}, i};
      for (const auto& s : p_.order_by)
        k.keys.push_back(ev.eval(*s.expression));
      keyed.push_back(std::move(k));
    }
    auto less = [&](const Keyed& a, const Keyed& b) {
      for (std::size_t i = 0; i < p_.order_by.size(); ++i) {
        int c = order(a.keys[i], b.keys[i]);
        if (p_.order_by[i].descending) c = -c;
        if (c != 0) return c < 0;
      }
      return a.index < b.index;  // ties keep their input order
    };
    const std::size_t wanted =
        limit >= 0 ? static_cast<std::size_t>(skip) + static_cast<std::size_t>(limit) : SIZE_MAX;
    if (wanted < keyed.size()) {
      // Top-K: only the first skip + limit rows need to be in order.
      std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(wanted),
                        keyed.end(), less);
      keyed.resize(wanted);
    } else {
      std::sort(keyed.begin(), keyed.end(), less);
    }
    std::vector<Projected> sorted;
    sorted.reserve(keyed.size());
    for (const Keyed& k : keyed)
      sorted.push_back(std::move(rows[k.index]));
    rows = std::move(sorted);
  }

  const ast::Projection& p_;
  const ast::Expr* where_;
  bool final_;
  std::vector<const ast::Expr*> item_aggregates_;
  std::vector<const ast::Expr*> sort_aggregates_;
  std::vector<bool> is_key_;  // per item: has no aggregate, so it is a grouping key
};

}  // namespace

OperatorPtr make_projection(const ast::Projection& projection, const ast::Expr* with_where,
                            bool final) {
  return std::make_unique<ProjectionOperator>(projection, with_where, final);
}

}  // namespace kith::query
