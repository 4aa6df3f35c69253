// The expression evaluator: walks the syntax tree, resolves names against the row, the
// comprehension locals and the parameters, and hands values to query/functions.hpp.
#include "query/exec_expression.hpp"

#include <fmt/format.h>

#include "query/argument_errors.hpp"
#include "query/exec_pattern.hpp"
#include "query/executor.hpp"
#include "query/functions.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

[[noreturn]] void semantic(std::string detail, std::string message) {
  throw QueryError(ErrorPhase::CompileTime, "SyntaxError", std::move(detail), std::move(message));
}

const List& expect_list(const Value& v, std::string_view what) {
  if (!v.is<List>()) throw_wrong_type(what, "a LIST", v);
  return v.as<List>();
}

}  // namespace

Tri Evaluator::predicate(const ast::Expr& e) {
  const Value v = eval(e);
  if (v.is_null()) return Tri::Null;
  if (!v.is<bool>()) throw_wrong_type("WHERE", "a BOOLEAN", v);
  return v.as<bool>() ? Tri::True : Tri::False;
}

Value Evaluator::eval(const ast::Expr& e) {
  if (++depth_ > kMaxExpressionDepth) {
    depth_ = 0;
    throw QueryError(ErrorPhase::Runtime, "LimitExceeded", "LimitExceeded",
                     fmt::format("expression nested deeper than {} levels", kMaxExpressionDepth));
  }
  Value v = eval_node(e);
  --depth_;
  return v;
}

const Value* Evaluator::lookup(std::string_view name) const {
  for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
    if (it->name == name) return &it->value;
  }
  const int slot = scope_.find(name);
  return slot >= 0 && static_cast<std::size_t>(slot) < row_.size() ? &row_[slot] : nullptr;
}

Value Evaluator::eval_node(const ast::Expr& e) {
  using namespace ast;
  if (aggregates_) {
    if (auto it = aggregates_->find(&e); it != aggregates_->end()) return it->second;
  }
  return std::visit(
      [&](const auto& n) -> Value {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Literal>) {
          return n.value;
        } else if constexpr (std::is_same_v<T, Parameter>) {
          auto it = ctx_.parameters.find(n.name);
          if (it == ctx_.parameters.end()) {
            throw QueryError(ErrorPhase::CompileTime, "ParameterMissing", "MissingParameter",
                             fmt::format("the parameter ${} was not given", n.name), e.pos.line,
                             e.pos.column);
          }
          return it->second;
        } else if constexpr (std::is_same_v<T, Variable>) {
          if (const Value* v = lookup(n.name)) return *v;
          semantic("UndefinedVariable", fmt::format("variable `{}` not defined", n.name));
        } else if constexpr (std::is_same_v<T, ListLiteral>) {
          List out;
          out.reserve(n.elements.size());
          for (const auto& el : n.elements)
            out.push_back(eval(*el));
          return out;
        } else if constexpr (std::is_same_v<T, MapLiteral>) {
          Map out;
          for (const auto& [k, v] : n.entries)
            out[k] = eval(*v);
          return out;
        } else if constexpr (std::is_same_v<T, PropertyAccess>) {
          return property(eval(*n.object), n.key, ctx_.functions);
        } else if constexpr (std::is_same_v<T, Subscript>) {
          return subscript(eval(*n.object), eval(*n.index), ctx_.functions);
        } else if constexpr (std::is_same_v<T, Slice>) {
          const Value list = eval(*n.object);
          std::optional<Value> from, to;
          if (n.from) from = eval(*n.from);
          if (n.to) to = eval(*n.to);
          return slice(list, from ? &*from : nullptr, to ? &*to : nullptr);
        } else if constexpr (std::is_same_v<T, HasLabels>) {
          const Value v = eval(*n.object);
          if (v.is_null()) return Value();
          if (v.is<RelRef>()) {
            // `r:T` on a relationship tests its type; it has exactly one.
            const SymbolId type = ctx_.graph.rel_type(v.as<RelRef>().id);
            for (const auto& l : n.labels) {
              if (ctx_.graph.type_name(type) != l) return false;
            }
            return true;
          }
          if (!v.is<NodeRef>()) throw_wrong_type("label predicate", "a NODE", v);
          for (const auto& l : n.labels) {
            auto id = ctx_.graph.find_label(l);
            if (!id || !ctx_.graph.has_label(v.as<NodeRef>().id, *id)) return false;
          }
          return true;
        } else if constexpr (std::is_same_v<T, Unary>) {
          const Value v = eval(*n.operand);
          switch (n.op) {
            case UnaryOp::Not:
              return logical_not(v);
            case UnaryOp::Negate:
              return unary_minus(v);
            case UnaryOp::Plus:
              if (!v.is_null() && !v.is_number() && !v.is<Duration>()) {
                throw_wrong_type("unary +", "a NUMBER", v);
              }
              return v;
          }
          return Value();
        } else if constexpr (std::is_same_v<T, Binary>) {
          const Value a = eval(*n.lhs);
          switch (n.op) {
            case BinaryOp::Or:
            case BinaryOp::Xor:
            case BinaryOp::And:
              return logical(n.op, a, eval(*n.rhs));
            case BinaryOp::In:
              return in_list(a, eval(*n.rhs));
            case BinaryOp::StartsWith:
            case BinaryOp::EndsWith:
            case BinaryOp::Contains:
              return string_predicate(n.op, a, eval(*n.rhs));
            case BinaryOp::RegexMatch:
              return regex_match(a, eval(*n.rhs));
            default:
              return arithmetic(n.op, a, eval(*n.rhs));
          }
        } else if constexpr (std::is_same_v<T, Comparison>) {
          Tri result = Tri::True;
          Value left = eval(*n.operands[0]);
          for (std::size_t i = 0; i < n.ops.size(); ++i) {
            Value right = eval(*n.operands[i + 1]);
            const Value c = comparison(n.ops[i], left, right);
            const Tri t = c.is_null() ? Tri::Null : (c.as<bool>() ? Tri::True : Tri::False);
            result = tri_and(result, t);
            left = std::move(right);
          }
          return result == Tri::Null ? Value() : Value(result == Tri::True);
        } else if constexpr (std::is_same_v<T, IsNull>) {
          return eval(*n.operand).is_null() != n.negated;
        } else if constexpr (std::is_same_v<T, FunctionCall>) {
          return function_call(e, n);
        } else if constexpr (std::is_same_v<T, CountStar>) {
          semantic("InvalidAggregation", "count(*) is not allowed here");
        } else if constexpr (std::is_same_v<T, Case>) {
          if (n.subject) {
            const Value subject = eval(*n.subject);
            for (const auto& alt : n.alternatives) {
              if (equals(subject, eval(*alt.when)) == Tri::True) return eval(*alt.then);
            }
          } else {
            for (const auto& alt : n.alternatives) {
              const Value w = eval(*alt.when);
              if (w.is<bool>() && w.as<bool>()) return eval(*alt.then);
            }
          }
          return n.otherwise ? eval(*n.otherwise) : Value();
        } else if constexpr (std::is_same_v<T, ListComprehension>) {
          return comprehension(n);
        } else if constexpr (std::is_same_v<T, Quantifier>) {
          return quantifier(n);
        } else if constexpr (std::is_same_v<T, Reduce>) {
          return reduce(n);
        } else if constexpr (std::is_same_v<T, PatternComprehension>) {
          return pattern_comprehension(n);
        } else if constexpr (std::is_same_v<T, PatternPredicate>) {
          return pattern_exists({&n.pattern}, nullptr);
        } else if constexpr (std::is_same_v<T, ShortestPathExpr>) {
          return shortest_path(n);
        } else if constexpr (std::is_same_v<T, ExistsSubquery>) {
          if (n.query) return exists_query(*n.query);
          std::vector<const PatternPart*> parts;
          for (const auto& part : n.pattern)
            parts.push_back(&part);
          return pattern_exists(parts, n.where.get());
        } else if constexpr (std::is_same_v<T, MapProjection>) {
          return map_projection(n);
        }
      },
      e.node);
}

Value Evaluator::function_call(const ast::Expr& e, const ast::FunctionCall& f) {
  if (is_aggregate(f.name)) {
    semantic("InvalidAggregation", fmt::format("the aggregate {}() is not allowed here", f.name));
  }
  (void)e;
  // exists(n.prop) and exists((a)-->(b)) test presence rather than compute a value.
  if (f.args.size() == 1 && (f.name == "exists" || f.name == "EXISTS" || f.name == "Exists")) {
    const Value v = eval(*f.args[0]);
    if (f.args[0]->is<ast::PatternPredicate>()) return v;
    return !v.is_null();
  }
  const FunctionInfo* info = find_function(f.name);
  if (!info) semantic("UnknownFunction", fmt::format("unknown function {}()", f.name));
  const int n = static_cast<int>(f.args.size());
  if (n < info->min_args || (info->max_args >= 0 && n > info->max_args)) {
    semantic("InvalidNumberOfArguments",
             fmt::format("{}() takes {} arguments, got {}", info->name, info->min_args, n));
  }
  std::vector<Value> args;
  args.reserve(f.args.size());
  for (const auto& a : f.args)
    args.push_back(eval(*a));
  return info->call(args, ctx_.functions);
}

Value Evaluator::comprehension(const ast::ListComprehension& c) {
  const Value list = eval(*c.list);
  if (list.is_null()) return Value();
  List out;
  for (const Value& item : expect_list(list, "list comprehension")) {
    ctx_.tick();
    locals_.push_back({c.variable, item});
    bool keep = true;
    if (c.where) keep = predicate(*c.where) == Tri::True;
    if (keep) out.push_back(c.projection ? eval(*c.projection) : item);
    locals_.pop_back();
  }
  return out;
}

Value Evaluator::quantifier(const ast::Quantifier& q) {
  const Value list = eval(*q.list);
  if (list.is_null()) return Value();
  std::size_t trues = 0, nulls = 0, total = 0;
  for (const Value& item : expect_list(list, "quantifier")) {
    ctx_.tick();
    ++total;
    locals_.push_back({q.variable, item});
    const Tri t = q.where ? predicate(*q.where) : Tri::True;
    locals_.pop_back();
    if (t == Tri::True) ++trues;
    if (t == Tri::Null) ++nulls;
  }
  const std::size_t falses = total - trues - nulls;
  switch (q.kind) {
    case ast::QuantifierKind::All:
      if (falses > 0) return false;
      return nulls > 0 ? Value() : Value(true);
    case ast::QuantifierKind::Any:
      if (trues > 0) return true;
      return nulls > 0 ? Value() : Value(false);
    case ast::QuantifierKind::None:
      if (trues > 0) return false;
      return nulls > 0 ? Value() : Value(true);
    case ast::QuantifierKind::Single:
      if (trues > 1) return false;
      if (nulls > 0) return Value();
      return trues == 1;
  }
  return Value();
}

Value Evaluator::reduce(const ast::Reduce& r) {
  Value acc = eval(*r.init);
  const Value list = eval(*r.list);
  if (list.is_null()) return Value();
  for (const Value& item : expect_list(list, "reduce()")) {
    ctx_.tick();
    locals_.push_back({r.accumulator, acc});
    locals_.push_back({r.variable, item});
    Value next = eval(*r.expression);
    locals_.pop_back();
    locals_.pop_back();
    acc = std::move(next);
  }
  return acc;
}

Value Evaluator::map_projection(const ast::MapProjection& m) {
  const Value* subject = lookup(m.variable);
  if (!subject) semantic("UndefinedVariable", fmt::format("variable `{}` not defined", m.variable));
  if (subject->is_null()) return Value();
  Map out;
  for (const auto& item : m.items) {
    switch (item.kind) {
      case ast::MapProjectionItem::Kind::Property:
        out[item.name] = property(*subject, item.name, ctx_.functions);
        break;
      case ast::MapProjectionItem::Kind::AllProperties: {
        const FunctionInfo* props = find_function("properties");
        const Value all = props->call(std::span<const Value>(subject, 1), ctx_.functions);
        if (all.is<Map>()) {
          for (const auto& [k, v] : all.as<Map>())
            out[k] = v;
        }
        break;
      }
      case ast::MapProjectionItem::Kind::Entry:
        out[item.name] = eval(*item.value);
        break;
      case ast::MapProjectionItem::Kind::Variable: {
        const Value* v = lookup(item.name);
        if (!v) semantic("UndefinedVariable", fmt::format("variable `{}` not defined", item.name));
        out[item.name] = *v;
        break;
      }
    }
  }
  return out;
}

void Evaluator::flatten(Scope& scope, Row& row) const {
  scope = scope_;
  row = row_;
  row.resize(scope.size());
  for (const Local& l : locals_) {
    const int slot = scope.add(std::string(l.name));
    if (static_cast<std::size_t>(slot) >= row.size()) row.resize(slot + 1);
    row[slot] = l.value;
  }
}

Value Evaluator::pattern_exists(const std::vector<const ast::PatternPart*>& pattern,
                                const ast::Expr* where) {
  Scope scope;
  Row row;
  flatten(scope, row);
  PatternMatcher matcher(pattern, scope, ctx_, where);
  row.resize(scope.size());
  bool found = false;
  matcher.match(row, [&](Row&) {
    found = true;
    return false;
  });
  return found;
}

Value Evaluator::pattern_comprehension(const ast::PatternComprehension& pc) {
  Scope scope;
  Row row;
  flatten(scope, row);
  PatternMatcher matcher({&pc.pattern}, scope, ctx_, pc.where.get());
  row.resize(scope.size());
  List out;
  matcher.match(row, [&](Row& r) {
    Evaluator inner(r, scope, ctx_);
    out.push_back(inner.eval(*pc.projection));
    ctx_.check_rows(out.size(), 1);
    return true;
  });
  return out;
}

Value Evaluator::shortest_path(const ast::ShortestPathExpr& sp) {
  Scope scope;
  Row row;
  flatten(scope, row);
  PatternMatcher matcher({&sp.pattern}, scope, ctx_);
  row.resize(scope.size());
  const int slot = scope.find(pattern_slot_name(sp.pattern.path_variable, sp.pattern.pos, 'p'));
  List paths;
  matcher.match(row, [&](Row& r) {
    paths.push_back(r[slot]);
    return true;
  });
  if (sp.pattern.search == ast::PathSearch::AllShortestPaths) return paths;
  return paths.empty() ? Value() : paths.front();
}

Value Evaluator::exists_query(const ast::Query& q) {
  Scope scope;
  Row row;
  flatten(scope, row);
  return run_exists_subquery(q, scope, row, ctx_);
}

}  // namespace kith::query
