// The binder's checks, clause by clause. Scopes are small maps from variable name to kind,
// copied where a construct opens a nested scope (comprehensions, subqueries, FOREACH), which
// keeps every check local and easy to read.
#include "query/binder.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "query/ast_printer.hpp"
#include "query/functions.hpp"
#include "query/plan_expr_walk.hpp"
#include "query/procedure_call.hpp"
#include "query/query_error.hpp"

namespace kith::query {

namespace {

// Value: anything (its type is known only at runtime); Scalar: known not to be a graph entity
// (bound to a literal), so using it as a node or relationship is a type conflict.
// MapLiteral: bound to a literal map (property access works, pattern use does not).
enum class Kind : std::uint8_t {
  Node,
  Relationship,
  RelationshipList,
  Path,
  Value,
  Scalar,
  MapLiteral
};

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Node:
      return "a node";
    case Kind::Relationship:
      return "a relationship";
    case Kind::RelationshipList:
      return "a list of relationships";
    case Kind::Path:
      return "a path";
    case Kind::Value:
      return "a value";
    case Kind::Scalar:
      return "a value that is not a node or relationship";
    case Kind::MapLiteral:
      return "a map";
  }
  return "a value";
}

using Vars = std::map<std::string, Kind, std::less<>>;

[[noreturn]] void fail(std::string detail, std::string message, ast::Position pos = {}) {
  throw QueryError(ErrorPhase::CompileTime, "SyntaxError", std::move(detail), std::move(message),
                   pos.line, pos.column);
}

bool is_updating(const ast::Clause& c) {
  return c.is<ast::Create>() || c.is<ast::Merge>() || c.is<ast::Set>() || c.is<ast::Remove>() ||
         c.is<ast::Delete>() || c.is<ast::Foreach>();
}

bool contains_variable(const ast::Expr& e) {
  if (e.is<ast::Variable>() || e.is<ast::PatternPredicate>() || e.is<ast::ExistsSubquery>() ||
      e.is<ast::PatternComprehension>() || e.is<ast::MapProjection>()) {
    return true;
  }
  bool found = false;
  for_each_child(e, [&](const ast::Expr& c) { found = found || contains_variable(c); });
  return found;
}

// For each variable of an enclosing list comprehension or quantifier over a non-empty literal
// list whose elements all have one type, an element: the type every value of it has.
using ElementSamples = std::map<std::string, Value, std::less<>>;

// The value of an expression made only of literals (lists and maps of literals included); a
// variable with a sample stands for it.
std::optional<Value> literal_value(const ast::Expr& e, const ElementSamples* samples = nullptr) {
  if (e.is<ast::Literal>()) return e.as<ast::Literal>().value;
  if (samples && e.is<ast::Variable>()) {
    auto it = samples->find(e.as<ast::Variable>().name);
    if (it != samples->end()) return it->second;
  }
  if (e.is<ast::ListLiteral>()) {
    List out;
    for (const auto& x : e.as<ast::ListLiteral>().elements) {
      auto v = literal_value(*x);
      if (!v) return std::nullopt;
      out.push_back(std::move(*v));
    }
    return Value(std::move(out));
  }
  if (e.is<ast::MapLiteral>()) {
    Map out;
    for (const auto& [k, x] : e.as<ast::MapLiteral>().entries) {
      auto v = literal_value(*x);
      if (!v) return std::nullopt;
      out[k] = std::move(*v);
    }
    return Value(std::move(out));
  }
  return std::nullopt;
}

// Whether `e` calls the function `name` (case-insensitive) anywhere.
bool calls_function(const ast::Expr& e, std::string_view name) {
  if (e.is<ast::FunctionCall>()) {
    const std::string& f = e.as<ast::FunctionCall>().name;
    if (std::equal(f.begin(), f.end(), name.begin(), name.end(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return true;
    }
  }
  bool found = false;
  for_each_child(e, [&](const ast::Expr& c) { found = found || calls_function(c, name); });
  return found;
}

// Literals, and operators over literals, that are not null: never a node, relationship or path.
bool is_constant_non_null(const ast::Expr& e) {
  if (e.is<ast::Binary>()) {
    return is_constant_non_null(*e.as<ast::Binary>().lhs) &&
           is_constant_non_null(*e.as<ast::Binary>().rhs);
  }
  if (e.is<ast::Unary>()) return is_constant_non_null(*e.as<ast::Unary>().operand);
  auto v = literal_value(e);
  return v && !v->is_null();
}

// An operator applied to literals of the wrong type fails whatever the data: report it at
// compile time, as the TCK expects. Other errors (overflow, division by zero) stay runtime.
void check_constant_operator(const ast::Expr& e, const ElementSamples& samples) {
  try {
    if (e.is<ast::Unary>()) {
      const auto& u = e.as<ast::Unary>();
      auto v = literal_value(*u.operand, &samples);
      if (!v) return;
      if (u.op == ast::UnaryOp::Not) logical_not(*v);
      if (u.op == ast::UnaryOp::Negate) unary_minus(*v);
    } else if (e.is<ast::Binary>()) {
      const auto& b = e.as<ast::Binary>();
      auto l = literal_value(*b.lhs, &samples);
      auto r = literal_value(*b.rhs, &samples);
      if (!l || !r) return;
      switch (b.op) {
        case ast::BinaryOp::And:
        case ast::BinaryOp::Or:
        case ast::BinaryOp::Xor:
          logical(b.op, *l, *r);
          break;
        case ast::BinaryOp::Add:
        case ast::BinaryOp::Subtract:
        case ast::BinaryOp::Multiply:
        case ast::BinaryOp::Divide:
        case ast::BinaryOp::Modulo:
        case ast::BinaryOp::Power:
          arithmetic(b.op, *l, *r);
          break;
        case ast::BinaryOp::In:
          in_list(*l, *r);
          break;
        default:
          break;
      }
    }
  } catch (const QueryError& err) {
    if (err.error_class() == "TypeError") {
      throw QueryError(ErrorPhase::CompileTime, "SyntaxError", err.detail(), err.what(), e.pos.line,
                       e.pos.column);
    }
  }
}

enum class PatternUse : std::uint8_t { Match, Create, Merge, Predicate, Comprehension };

class Binder {
 public:
  explicit Binder(const ProcedureRegistry& procedures) : procedures_(procedures) {}

  // Returns the columns of the query (those of its first part).
  std::vector<std::string> query(const ast::Query& q, const Vars& outer, bool subquery) {
    for (std::size_t i = 1; i < q.unions.size(); ++i) {
      if (q.unions[i] != q.unions[0]) {
        fail("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed", q.pos);
      }
    }
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < q.parts.size(); ++i) {
      auto cols = single(q.parts[i], outer, subquery);
      if (i == 0) {
        columns = std::move(cols);
      } else if (cols != columns) {
        fail("DifferentColumnsInUnion", "all parts of a UNION must return the same columns",
             q.parts[i].pos);
      }
    }
    return columns;
  }

 private:
  std::vector<std::string> single(const ast::SingleQuery& q, Vars vars, bool subquery) {
    const bool standalone_call = q.clauses.size() == 1 && q.clauses[0].is<ast::Call>();
    bool updated = false;  // an updating clause since the last WITH
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < q.clauses.size(); ++i) {
      const ast::Clause& c = q.clauses[i];
      const bool last = i + 1 == q.clauses.size();
      if (c.is<ast::Return>() && !last) {
        fail("InvalidClauseComposition", "RETURN must be the last clause", c.pos);
      }
      const bool reading = c.is<ast::Match>() || c.is<ast::Unwind>() || c.is<ast::Call>();
      if (reading && updated) {
        fail("InvalidClauseComposition",
             "a reading clause cannot follow an updating clause without WITH in between", c.pos);
      }
      if (is_updating(c)) {
        if (subquery) {
          fail("InvalidClauseComposition", "an EXISTS subquery cannot update the graph", c.pos);
        }
        updated = true;
      }
      if (c.is<ast::With>()) updated = false;
      if (last && !subquery && !standalone_call && !c.is<ast::Return>() && !is_updating(c)) {
        fail("InvalidClauseComposition", "a query must end with RETURN or an updating clause",
             c.pos);
      }
      clause(c, vars, columns, standalone_call);
    }
    return columns;
  }

  void clause(const ast::Clause& c, Vars& vars, std::vector<std::string>& columns,
              bool standalone) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, ast::Match>) {
            Vars declared;
            for (const auto& part : n.pattern)
              pattern(part, vars, declared, PatternUse::Match);
            if (n.where) {
              expr(*n.where, vars, false);
              entity_as_predicate(*n.where, vars);
            }
          } else if constexpr (std::is_same_v<T, ast::Unwind>) {
            expr(*n.list, vars, false);
            if (vars.contains(n.variable)) {
              fail("VariableAlreadyBound",
                   fmt::format("variable `{}` already declared", n.variable), c.pos);
            }
            vars[n.variable] = Kind::Value;
          } else if constexpr (std::is_same_v<T, ast::With>) {
            Vars out = projection(n.projection, vars, false, c.pos);
            if (n.where) {
              // WITH's WHERE filters the projected rows but may still name the input's variables.
              Vars visible = vars;
              for (const auto& [name, k] : out)
                visible[name] = k;
              expr(*n.where, visible, false);
            }
            vars = std::move(out);
          } else if constexpr (std::is_same_v<T, ast::Return>) {
            projection(n.projection, vars, true, c.pos);
            columns.clear();
            if (n.projection.star) {
              for (const auto& [name, k] : vars)
                columns.push_back(name);
            }
            for (const auto& item : n.projection.items) {
              columns.push_back(item.alias.value_or(item.text));
            }
          } else if constexpr (std::is_same_v<T, ast::Call>) {
            call(n, vars, columns, standalone, c.pos);
          } else if constexpr (std::is_same_v<T, ast::Create>) {
            Vars declared;
            for (const auto& part : n.pattern)
              pattern(part, vars, declared, PatternUse::Create);
          } else if constexpr (std::is_same_v<T, ast::Merge>) {
            Vars declared;
            pattern(n.pattern, vars, declared, PatternUse::Merge);
            for (const auto& item : n.on_create)
              set_item(item, vars);
            for (const auto& item : n.on_match)
              set_item(item, vars);
          } else if constexpr (std::is_same_v<T, ast::Set>) {
            for (const auto& item : n.items)
              set_item(item, vars);
          } else if constexpr (std::is_same_v<T, ast::Remove>) {
            for (const auto& item : n.items) {
              if (item.target) expr(*item.target, vars, false);
              if (!item.variable.empty()) variable(item.variable, vars, item.pos);
            }
          } else if constexpr (std::is_same_v<T, ast::Delete>) {
            for (const auto& t : n.targets) {
              if (t->template is<ast::HasLabels>()) {
                fail("InvalidDelete", "DELETE takes nodes, relationships or paths, not labels",
                     t->pos);
              }
              expr(*t, vars, false);
              if (is_constant_non_null(*t)) {
                fail("InvalidArgumentType", "DELETE takes nodes, relationships or paths", t->pos);
              }
            }
          } else if constexpr (std::is_same_v<T, ast::Foreach>) {
            expr(*n.list, vars, false);
            Vars inner = vars;
            inner[n.variable] = Kind::Value;
            std::vector<std::string> unused;
            for (const auto& body : n.body)
              clause(body, inner, unused, false);
          }
        },
        c.node);
  }

  void variable(const std::string& name, const Vars& vars, ast::Position pos) {
    if (!vars.contains(name)) {
      fail("UndefinedVariable", fmt::format("variable `{}` not defined", name), pos);
    }
  }

  void set_item(const ast::SetItem& item, const Vars& vars) {
    if (item.target) expr(*item.target, vars, false);
    if (!item.variable.empty()) variable(item.variable, vars, item.pos);
    if (item.value) expr(*item.value, vars, false);
  }

  void declare(const std::string& name, Kind kind, Vars& vars, ast::Position pos) {
    auto it = vars.find(name);
    if (it != vars.end() && it->second != kind && it->second != Kind::Value) {
      fail("VariableTypeConflict",
           fmt::format("`{}` is {}, not {}", name, kind_name(it->second), kind_name(kind)), pos);
    }
    vars[name] = kind;
  }

  // `declared` holds the variables this clause's pattern introduced so far.
  void pattern(const ast::PatternPart& part, Vars& vars, Vars& declared, PatternUse use) {
    const bool creating = use == PatternUse::Create || use == PatternUse::Merge;
    // `(n $props)` can create but not match: a map parameter is no predicate.
    auto parameter_map = [&](const ast::ExprPtr& props, ast::Position pos) {
      if (props && props->is<ast::Parameter>() && use != PatternUse::Create) {
        fail("InvalidParameterUse", "a parameter map cannot be used to match properties", pos);
      }
    };
    auto node = [&](const ast::NodePattern& n) {
      parameter_map(n.properties, n.pos);
      if (n.properties) expr(*n.properties, vars, false);
      if (!n.variable) return;
      const std::string& name = *n.variable;
      const bool bound = vars.contains(name);
      if (bound && vars.at(name) != Kind::Node && vars.at(name) != Kind::Value) {
        fail("VariableTypeConflict",
             fmt::format("`{}` is {}, not a node", name, kind_name(vars.at(name))), n.pos);
      }
      if (creating && bound && (!n.labels.empty() || n.properties)) {
        fail("VariableAlreadyBound",
             fmt::format("variable `{}` already declared; it cannot get labels or properties here",
                         name),
             n.pos);
      }
      if (creating && bound && !declared.contains(name) && part.steps.empty()) {
        fail("VariableAlreadyBound", fmt::format("variable `{}` already declared", name), n.pos);
      }
      if (use == PatternUse::Predicate && !bound) {
        fail("UndefinedVariable",
             fmt::format("variable `{}` not defined (a pattern predicate cannot introduce one)",
                         name),
             n.pos);
      }
      declare(name, Kind::Node, vars, n.pos);
      declared[name] = Kind::Node;
    };
    node(part.start);
    for (const auto& step : part.steps) {
      const auto& r = step.relationship;
      parameter_map(r.properties, r.pos);
      if (r.properties) expr(*r.properties, vars, false);
      if (r.variable) {
        const std::string& name = *r.variable;
        const Kind kind = r.length ? Kind::RelationshipList : Kind::Relationship;
        if (vars.contains(name) && vars.at(name) != kind && vars.at(name) != Kind::Value) {
          fail("VariableTypeConflict",
               fmt::format("`{}` is {}, not {}", name, kind_name(vars.at(name)), kind_name(kind)),
               r.pos);
        }
        if (declared.contains(name) && !creating) {
          fail("RelationshipUniquenessViolation",
               fmt::format("relationship `{}` appears twice in one pattern", name), r.pos);
        }
        if (vars.contains(name)) {
          if (creating) {
            fail("VariableAlreadyBound", fmt::format("variable `{}` already declared", name),
                 r.pos);
          }
          const Kind had = vars.at(name);
          if (had != kind && had != Kind::Value) {
            fail("VariableTypeConflict",
                 fmt::format("`{}` is {}, not {}", name, kind_name(had), kind_name(kind)), r.pos);
          }
        } else if (use == PatternUse::Predicate) {
          fail("UndefinedVariable",
               fmt::format("variable `{}` not defined (a pattern predicate cannot introduce one)",
                           name),
               r.pos);
        }
        vars[name] = kind;
        declared[name] = kind;
      }
      if (creating) {
        if (r.types.size() != 1) {
          fail("NoSingleRelationshipType", "a relationship to create needs exactly one type",
               r.pos);
        }
        if (r.direction == ast::Direction::Undirected && use == PatternUse::Create) {
          fail("RequiresDirectedRelationship", "a relationship to create needs a direction", r.pos);
        }
        if (r.length)
          fail("CreatingVarLength", "cannot create a variable-length relationship", r.pos);
      }
      node(step.node);
    }
    if (part.path_variable) {
      if (vars.contains(*part.path_variable)) {
        fail("VariableAlreadyBound",
             fmt::format("variable `{}` already declared", *part.path_variable), part.pos);
      }
      vars[*part.path_variable] = Kind::Path;
      declared[*part.path_variable] = Kind::Path;
    }
  }

  Vars projection(const ast::Projection& p, const Vars& vars, bool is_return, ast::Position pos) {
    Vars out;
    std::set<std::string> names;
    if (p.star) {
      if (vars.empty() && p.items.empty() && is_return) {
        fail("NoVariablesInScope", "RETURN * / WITH * needs variables in scope", pos);
      }
      out = vars;
      for (const auto& [name, k] : vars)
        names.insert(name);
    }
    bool aggregating = false;
    const ast::ProjectionItem* unaliased = nullptr;
    for (const auto& item : p.items) {
      expr(*item.expression, vars, true);
      std::vector<const ast::Expr*> aggs;
      find_aggregates(*item.expression, aggs);
      if (!aggs.empty()) aggregating = true;
      // Reported after ORDER BY's checks, whose errors the TCK expects first.
      if (!is_return && !item.alias && !item.expression->is<ast::Variable>() && !unaliased) {
        unaliased = &item;
      }
      const std::string name = item.alias.value_or(item.text);
      if (!names.insert(name).second) {
        fail("ColumnNameConflict", fmt::format("column `{}` is projected twice", name), item.pos);
      }
      Kind kind = Kind::Value;
      if (auto v = literal_value(*item.expression); v && !v->is_null()) {
        kind = v->is<Map>() ? Kind::MapLiteral : Kind::Scalar;
      }
      if (item.expression->is<ast::ListLiteral>()) kind = list_kind(*item.expression, vars);
      if (item.expression->is<ast::Variable>()) {
        auto it = vars.find(item.expression->as<ast::Variable>().name);
        if (it != vars.end()) kind = it->second;
      }
      out[name] = kind;
    }
    if (aggregating) ambiguous_aggregation(p);
    // ORDER BY sees the projected names and, as long as rows still correspond to input rows,
    // the input's variables too.
    Vars sort_vars = vars;
    for (const auto& [name, k] : out)
      sort_vars[name] = k;
    for (const auto& s : p.order_by) {
      std::vector<const ast::Expr*> aggs;
      find_aggregates(*s.expression, aggs);
      if (!aggs.empty() && !aggregating) {
        fail("InvalidAggregation", "ORDER BY can aggregate only when the projection does",
             s.expression->pos);
      }
      expr(*s.expression, sort_vars, aggregating);
      if (p.distinct || aggregating) {
        std::vector<const ast::Expr*> sort_aggs;
        find_aggregates(*s.expression, sort_aggs);
        sort_after_grouping(*s.expression, p, out, !sort_aggs.empty(), false, {});
      }
    }
    if (unaliased) {
      fail("NoExpressionAlias",
           fmt::format("expression `{}` in WITH needs an alias (AS)", unaliased->text),
           unaliased->pos);
    }
    count_argument(p.skip.get(), "SKIP");
    count_argument(p.limit.get(), "LIMIT");
    return out;
  }

  // After DISTINCT or aggregation a row no longer stands for one input row, so ORDER BY may use
  // the columns, expressions the projection computes, and aggregates it computes; another input
  // variable is undefined there, and one the projection only uses inside a larger expression
  // is ambiguous next to an aggregate.
  // `locals` and the variables `e` introduces for its sub-expressions (comprehensions, reduce).
  static std::set<std::string> with_locals_of(const ast::Expr& e, std::set<std::string> locals) {
    if (e.is<ast::ListComprehension>()) locals.insert(e.as<ast::ListComprehension>().variable);
    if (e.is<ast::Quantifier>()) locals.insert(e.as<ast::Quantifier>().variable);
    if (e.is<ast::Reduce>()) {
      locals.insert(e.as<ast::Reduce>().variable);
      locals.insert(e.as<ast::Reduce>().accumulator);
    }
    return locals;
  }

  // `with_aggregate`: the ORDER BY item aggregates, so only columns and plain grouping keys
  // (a variable or its property) may stand next to the aggregate; `in_aggregate`: inside an
  // aggregate the projection does not compute, where only columns are defined.
  void sort_after_grouping(const ast::Expr& e, const ast::Projection& p, const Vars& columns,
                           bool with_aggregate, bool in_aggregate,
                           const std::set<std::string>& locals) {
    const std::string text = to_sexpr(e);
    for (const auto& item : p.items) {
      if (to_sexpr(*item.expression) != text) continue;
      const ast::Expr& x = *item.expression;
      const bool plain_key =
          x.is<ast::Variable>() ||
          (x.is<ast::PropertyAccess>() && x.as<ast::PropertyAccess>().object->is<ast::Variable>());
      std::vector<const ast::Expr*> aggs;
      find_aggregates(x, aggs);
      if (!with_aggregate || plain_key || !aggs.empty() || item.alias) return;
    }
    const bool aggregate = e.is<ast::CountStar>() || (e.is<ast::FunctionCall>() &&
                                                      is_aggregate(e.as<ast::FunctionCall>().name));
    if (e.is<ast::Variable>()) {
      const auto& name = e.as<ast::Variable>().name;
      if (locals.contains(name) || columns.contains(name)) return;
      std::set<std::string> grouping;
      for (const auto& item : p.items)
        variables_outside_aggregates(*item.expression, grouping);
      if (grouping.contains(name) && !p.distinct && !in_aggregate) {
        fail("AmbiguousAggregationExpression",
             fmt::format("`{}` is used next to an aggregate but is not a grouping key", name),
             e.pos);
      }
      fail("UndefinedVariable",
           fmt::format("variable `{}` is not available after {}", name,
                       p.distinct ? "DISTINCT" : "aggregation"),
           e.pos);
    }
    const std::set<std::string> inner = with_locals_of(e, locals);
    for_each_child(e, [&](const ast::Expr& c) {
      sort_after_grouping(c, p, columns, with_aggregate, in_aggregate || aggregate, inner);
    });
  }

  static void variables_outside_aggregates(const ast::Expr& e, std::set<std::string>& out) {
    if (e.is<ast::CountStar>() ||
        (e.is<ast::FunctionCall>() && is_aggregate(e.as<ast::FunctionCall>().name))) {
      return;
    }
    if (e.is<ast::Variable>()) out.insert(e.as<ast::Variable>().name);
    for_each_child(e, [&](const ast::Expr& c) { variables_outside_aggregates(c, out); });
  }

  // In an item that aggregates, what is outside the aggregates must be a grouping key.
  void ambiguous_aggregation(const ast::Projection& p) {
    std::set<std::string> key_vars;
    std::set<std::pair<std::string, std::string>> key_properties;
    for (const auto& item : p.items) {
      std::vector<const ast::Expr*> aggs;
      find_aggregates(*item.expression, aggs);
      if (!aggs.empty()) continue;
      const ast::Expr& e = *item.expression;
      if (e.is<ast::Variable>()) key_vars.insert(e.as<ast::Variable>().name);
      if (e.is<ast::PropertyAccess>() && e.as<ast::PropertyAccess>().object->is<ast::Variable>()) {
        key_properties.emplace(e.as<ast::PropertyAccess>().object->as<ast::Variable>().name,
                               e.as<ast::PropertyAccess>().key);
      }
    }
    std::function<void(const ast::Expr&, const std::set<std::string>&)> walk =
        [&](const ast::Expr& e, const std::set<std::string>& locals) {
          if (e.is<ast::CountStar>() ||
              (e.is<ast::FunctionCall>() && is_aggregate(e.as<ast::FunctionCall>().name))) {
            return;
          }
          if (e.is<ast::PropertyAccess>() &&
              e.as<ast::PropertyAccess>().object->is<ast::Variable>()) {
            const auto& name = e.as<ast::PropertyAccess>().object->as<ast::Variable>().name;
            if (key_properties.contains({name, e.as<ast::PropertyAccess>().key})) return;
          }
          if (e.is<ast::Variable>()) {
            const auto& name = e.as<ast::Variable>().name;
            if (!locals.contains(name) && !key_vars.contains(name)) {
              fail("AmbiguousAggregationExpression",
                   fmt::format("`{}` is used next to an aggregate but is not a grouping key", name),
                   e.pos);
            }
            return;
          }
          const std::set<std::string> inner = with_locals_of(e, locals);
          for_each_child(e, [&](const ast::Expr& c) { walk(c, inner); });
        };
    for (const auto& item : p.items) {
      std::vector<const ast::Expr*> aggs;
      find_aggregates(*item.expression, aggs);
      if (!aggs.empty()) walk(*item.expression, {});
    }
  }

  void count_argument(const ast::Expr* e, const char* what) {
    if (!e) return;
    if (contains_variable(*e)) {
      fail("NonConstantExpression", fmt::format("{} must not depend on variables", what), e->pos);
    }
    const ast::Expr* inner = e;
    bool negative = false;
    if (inner->is<ast::Unary>() && inner->as<ast::Unary>().op == ast::UnaryOp::Negate) {
      negative = true;
      inner = inner->as<ast::Unary>().operand.get();
    }
    if (inner->is<ast::Literal>()) {
      const Value& v = inner->as<ast::Literal>().value;
      if (v.is<double>()) {
        fail("InvalidArgumentType", fmt::format("{} expects an INTEGER", what), e->pos);
      }
      if (v.is<std::int64_t>() &&
          (negative ? v.as<std::int64_t>() > 0 : v.as<std::int64_t>() < 0)) {
        fail("NegativeIntegerArgument", fmt::format("{} expects a non-negative INTEGER", what),
             e->pos);
      }
    }
  }

  void call(const ast::Call& c, Vars& vars, std::vector<std::string>& columns, bool standalone,
            ast::Position pos) {
    const Procedure& proc = resolve_procedure(c, procedures_);
    const auto& sig = proc.signature;
    if (!c.args && !standalone) {
      fail("InvalidArgumentPassingMode", "an in-query CALL must pass its arguments in parentheses",
           pos);
    }
    if (c.args) {
      std::size_t required = sig.inputs.size();
      while (required > 0 && sig.inputs[required - 1].type.starts_with("MAP"))
        --required;
      if (c.args->size() < required || c.args->size() > sig.inputs.size()) {
        fail("InvalidNumberOfArguments",
             fmt::format("{} takes {} arguments, got {}", sig.name, sig.inputs.size(),
                         c.args->size()),
             pos);
      }
      for (const auto& a : *c.args) {
        std::vector<const ast::Expr*> aggs;
        find_aggregates(*a, aggs);
        if (!aggs.empty()) fail("InvalidAggregation", "CALL arguments cannot aggregate", a->pos);
        expr(*a, vars, false);
        // A literal of the wrong type is known to fail before anything runs.
        if (a->is<ast::Literal>()) {
          const std::size_t i = &a - &c.args->front();
          if (i < sig.inputs.size() &&
              !has_procedure_type(a->as<ast::Literal>().value, sig.inputs[i].type)) {
            throw QueryError(ErrorPhase::CompileTime, "SyntaxError", "InvalidArgumentType",
                             fmt::format("{}: argument `{}` must be {}", sig.name,
                                         sig.inputs[i].name, sig.inputs[i].type));
          }
        }
      }
    }
    columns.clear();
    std::vector<std::pair<std::string, std::string>> ys;
    if (!c.yields.empty()) {
      for (const auto& y : c.yields)
        ys.emplace_back(y.field, y.variable);
    } else if (standalone || c.yield_star) {
      for (const auto& f : sig.outputs)
        ys.emplace_back(f.name, f.name);
    }
    for (const auto& [field, var] : ys) {
      // A named copy: clang 14 cannot capture a structured binding in a lambda.
      const std::string& wanted = field;
      const bool known = std::any_of(sig.outputs.begin(), sig.outputs.end(),
                                     [&](const ProcedureField& f) { return f.name == wanted; });
      if (!known) {
        fail("UndefinedVariable", fmt::format("{} has no output `{}`", sig.name, field), pos);
      }
      if (vars.contains(var)) {
        fail("VariableAlreadyBound", fmt::format("variable `{}` already declared", var), pos);
      }
      vars[var] = Kind::Value;
      columns.push_back(var);
    }
    if (c.where) expr(*c.where, vars, false);
  }

  // allow_aggregates: the expression is a WITH/RETURN item or an ORDER BY key of one.
  void expr(const ast::Expr& e, const Vars& vars, bool allow_aggregates,
            bool in_aggregate = false) {
    using namespace ast;
    if (e.is<Variable>()) {
      variable(e.as<Variable>().name, vars, e.pos);
      return;
    }
    if (e.is<CountStar>()) {
      if (in_aggregate) fail("NestedAggregation", "an aggregate cannot contain another", e.pos);
      if (!allow_aggregates) fail("InvalidAggregation", "count(*) is not allowed here", e.pos);
      return;
    }
    if (e.is<FunctionCall>()) {
      const auto& f = e.as<FunctionCall>();
      if (is_aggregate(f.name)) {
        if (in_aggregate) fail("NestedAggregation", "an aggregate cannot contain another", e.pos);
        if (!allow_aggregates) {
          fail("InvalidAggregation", fmt::format("{}() is not allowed here", f.name), e.pos);
        }
        const int arity = aggregate_arity(f.name);
        if (arity >= 0 && static_cast<int>(f.args.size()) != arity) {
          fail("InvalidNumberOfArguments",
               fmt::format("{}() takes {} arguments, got {}", f.name, arity, f.args.size()), e.pos);
        }
        for (const auto& a : f.args) {
          expr(*a, vars, false, true);
          if (calls_function(*a, "rand")) {
            fail("NonConstantExpression",
                 fmt::format("{}() cannot aggregate rand(): the result would differ per run",
                             f.name),
                 a->pos);
          }
        }
        return;
      }
      std::string lower = f.name;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      const bool is_exists = lower == "exists";
      if (!is_exists) {
        const FunctionInfo* info = find_function(f.name);
        if (!info) fail("UnknownFunction", fmt::format("unknown function {}()", f.name), e.pos);
        const int n = static_cast<int>(f.args.size());
        if (n < info->min_args || (info->max_args >= 0 && n > info->max_args)) {
          fail("InvalidNumberOfArguments",
               fmt::format("{}() takes {} arguments, got {}", info->name, info->min_args, n),
               e.pos);
        }
      }
      for (const auto& a : f.args)
        expr(*a, vars, allow_aggregates, in_aggregate);
      argument_kinds(f, vars, e.pos);
      return;
    }
    if (e.is<ListComprehension>()) {
      const auto& c = e.as<ListComprehension>();
      expr(*c.list, vars, allow_aggregates, in_aggregate);
      Vars inner = vars;
      inner[c.variable] = Kind::Value;
      const SampleScope sample(samples_, c.variable, element_sample(*c.list));
      if (c.where) expr(*c.where, inner, false, in_aggregate);
      if (c.projection) expr(*c.projection, inner, false, in_aggregate);
      return;
    }
    if (e.is<Quantifier>()) {
      const auto& q = e.as<Quantifier>();
      expr(*q.list, vars, allow_aggregates, in_aggregate);
      Vars inner = vars;
      inner[q.variable] = Kind::Value;
      const SampleScope sample(samples_, q.variable, element_sample(*q.list));
      if (q.where) expr(*q.where, inner, false, in_aggregate);
      return;
    }
    if (e.is<Reduce>()) {
      const auto& r = e.as<Reduce>();
      expr(*r.init, vars, allow_aggregates, in_aggregate);
      expr(*r.list, vars, allow_aggregates, in_aggregate);
      Vars inner = vars;
      inner[r.accumulator] = Kind::Value;
      inner[r.variable] = Kind::Value;
      const SampleScope accumulator(samples_, r.accumulator, std::nullopt);
      const SampleScope sample(samples_, r.variable, std::nullopt);
      expr(*r.expression, inner, false, in_aggregate);
      return;
    }
    if (e.is<PatternPredicate>()) {
      Vars inner = vars, declared;
      pattern(e.as<PatternPredicate>().pattern, inner, declared, PatternUse::Predicate);
      return;
    }
    if (e.is<PatternComprehension>()) {
      const auto& pc = e.as<PatternComprehension>();
      Vars inner = vars, declared;
      pattern(pc.pattern, inner, declared, PatternUse::Comprehension);
      if (pc.where) expr(*pc.where, inner, false);
      expr(*pc.projection, inner, false);
      return;
    }
    if (e.is<ShortestPathExpr>()) {
      Vars inner = vars, declared;
      pattern(e.as<ShortestPathExpr>().pattern, inner, declared, PatternUse::Comprehension);
      return;
    }
    if (e.is<ExistsSubquery>()) {
      const auto& x = e.as<ExistsSubquery>();
      if (x.query) {
        query(*x.query, vars, true);
        return;
      }
      Vars inner = vars, declared;
      for (const auto& part : x.pattern)
        pattern(part, inner, declared, PatternUse::Match);
      if (x.where) expr(*x.where, inner, false);
      return;
    }
    if (e.is<MapProjection>()) {
      const auto& m = e.as<MapProjection>();
      variable(m.variable, vars, e.pos);
      for (const auto& item : m.items) {
        if (item.kind == MapProjectionItem::Kind::Variable) variable(item.name, vars, e.pos);
        if (item.value) expr(*item.value, vars, allow_aggregates, in_aggregate);
      }
      return;
    }
    check_constant_operator(e, samples_);
    if (e.is<PropertyAccess>() && e.as<PropertyAccess>().object->is<Variable>()) {
      auto it = vars.find(e.as<PropertyAccess>().object->as<Variable>().name);
      if (it != vars.end() && it->second == Kind::Scalar) {
        throw QueryError(ErrorPhase::CompileTime, "TypeError", "InvalidArgumentType",
                         fmt::format("`{}` is not a node, relationship or map", it->first),
                         e.pos.line, e.pos.column);
      }
      if (it != vars.end() && it->second == Kind::Path) {
        fail("InvalidArgumentType",
             fmt::format("`{}` is a path, which has no properties", it->first), e.pos);
      }
    }
    for_each_child(e, [&](const Expr& c) { expr(c, vars, allow_aggregates, in_aggregate); });
  }

  // `WHERE (n)` with n a node: a node, relationship or path is never true or false.
  static void entity_as_predicate(const ast::Expr& where, const Vars& vars) {
    if (!where.is<ast::Variable>()) return;
    auto it = vars.find(where.as<ast::Variable>().name);
    if (it == vars.end()) return;
    if (it->second == Kind::Node || it->second == Kind::Relationship || it->second == Kind::Path) {
      fail("InvalidArgumentType",
           fmt::format("`{}` is {}, not a boolean", it->first, kind_name(it->second)), where.pos);
    }
  }

  // A list literal is never a node or relationship; of relationship variables only, it can
  // stand for a variable-length relationship.
  static Kind list_kind(const ast::Expr& list, const Vars& vars) {
    bool relationships = true;
    for (const auto& x : list.as<ast::ListLiteral>().elements) {
      if (!x->is<ast::Variable>()) {
        relationships = false;
        continue;
      }
      auto it = vars.find(x->as<ast::Variable>().name);
      if (it == vars.end() || it->second == Kind::Value) return Kind::Value;
      relationships = relationships && it->second == Kind::Relationship;
    }
    return relationships ? Kind::RelationshipList : Kind::Scalar;
  }

  // Functions of one graph entity given a variable known to hold another kind of value, or a
  // literal, fail whatever the data: a compile-time error, as the TCK expects.
  static void argument_kinds(const ast::FunctionCall& f, const Vars& vars, ast::Position pos) {
    if (f.args.size() != 1) return;
    std::string name = f.name;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const ast::Expr& arg = *f.args[0];
    std::optional<Kind> kind;
    if (arg.is<ast::Variable>()) {
      if (auto it = vars.find(arg.as<ast::Variable>().name); it != vars.end()) kind = it->second;
    }
    const auto literal = literal_value(arg);
    if (literal && literal->is_null()) return;
    const bool entity_literal_ok = literal && literal->is<Map>();
    bool wrong = false;
    if (name == "type") {
      wrong = literal || kind == Kind::Node || kind == Kind::Path;
    } else if (name == "length") {
      wrong = kind == Kind::Node || kind == Kind::Relationship;
    } else if (name == "labels") {
      wrong = literal || kind == Kind::Relationship || kind == Kind::Path;
    } else if (name == "properties") {
      wrong = (literal && !entity_literal_ok) || kind == Kind::Path;
    } else if (name == "size") {
      wrong = kind == Kind::Path || kind == Kind::Node || kind == Kind::Relationship;
    }
    if (wrong) {
      fail("InvalidArgumentType",
           fmt::format("{}() cannot take {}", f.name,
                       kind ? kind_name(*kind) : type_name(literal->type())),
           pos);
    }
  }

  // An element of `list` when it is a non-empty literal list of non-null values of one type.
  static std::optional<Value> element_sample(const ast::Expr& list) {
    auto v = literal_value(list);
    if (!v || !v->is<List>() || v->as<List>().empty()) return std::nullopt;
    const List& elements = v->as<List>();
    const ValueType type = elements.front().type();
    for (const Value& x : elements) {
      if (x.is_null() || x.type() != type) return std::nullopt;
    }
    return elements.front();
  }

  // Gives a comprehension's variable its sample (or none, shadowing an outer one) while the
  // comprehension's body is checked.
  class SampleScope {
   public:
    SampleScope(ElementSamples& samples, const std::string& name, std::optional<Value> sample)
        : samples_(samples), name_(name) {
      if (auto it = samples.find(name); it != samples.end()) saved_ = it->second;
      if (sample) {
        samples[name] = std::move(*sample);
      } else {
        samples.erase(name);
      }
    }
    ~SampleScope() {
      if (saved_) {
        samples_[name_] = std::move(*saved_);
      } else {
        samples_.erase(name_);
      }
    }
    SampleScope(const SampleScope&) = delete;
    SampleScope& operator=(const SampleScope&) = delete;

   private:
    ElementSamples& samples_;
    std::string name_;
    std::optional<Value> saved_;
  };

  const ProcedureRegistry& procedures_;
  ElementSamples samples_;
};

}  // namespace

void bind_statement(const ast::Statement& statement, const ProcedureRegistry& procedures) {
  Binder(procedures).query(statement.query, {}, false);
}

}  // namespace kith::query
