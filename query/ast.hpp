// The syntax tree of a query, as the parser produces it and the binder consumes it.
//
// The tree mirrors what the user wrote, not what it means: names are unresolved strings, function
// names keep the case they were written in, and nothing is checked beyond the grammar. In
// particular the parser does NOT check clause order (a query may end in MATCH, or put MATCH
// after CREATE without WITH); that is the binder's job (InvalidClauseComposition).
//
// Every node keeps the 1-based line and column (in characters, not bytes) where it starts.
// Children are owned through std::unique_ptr or held by value; there are no raw owning pointers.
// Optional children are null pointers or std::nullopt.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "graph/value.hpp"

namespace kith::query::ast {

struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(Position, Position) = default;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct Query;

// ---------------------------------------------------------------------------------------------
// Patterns

struct NodePattern {
  Position pos;
  std::optional<std::string> variable;
  std::vector<std::string> labels;  // `(n:A:B)`: all must hold
  ExprPtr properties;               // a MapLiteral or a Parameter, or null
};

// `-->` is Right, `<--` is Left; `--` and `<-->` are both Undirected.
enum class Direction : std::uint8_t { Left, Right, Undirected };

// `*` has neither bound, `*2` has both equal to 2, `*1..` only a minimum, `*..3` only a maximum.
struct VarLength {
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
};

struct RelationshipPattern {
  Position pos;
  Direction direction = Direction::Undirected;
  std::optional<std::string> variable;
  std::vector<std::string> types;  // `:A|B`: any of them; empty means any type
  std::optional<VarLength> length;
  ExprPtr properties;  // a MapLiteral or a Parameter, or null
};

struct PatternStep {
  RelationshipPattern relationship;
  NodePattern node;
};

enum class PathSearch : std::uint8_t { None, ShortestPath, AllShortestPaths };

// One comma-separated part of a pattern: `p = shortestPath((a)-[*]->(b))` or `(a)-->(b)<--(c)`.
struct PatternPart {
  Position pos;
  std::optional<std::string> path_variable;
  PathSearch search = PathSearch::None;
  NodePattern start;
  std::vector<PatternStep> steps;
};

using Pattern = std::vector<PatternPart>;

// ---------------------------------------------------------------------------------------------
// Expressions

// A literal number, string, boolean or null. List and map literals are ListLiteral / MapLiteral
// because their elements are expressions.
struct Literal {
  Value value;
};
struct Parameter {
  std::string name;  // `$0` has the name "0"
};
struct Variable {
  std::string name;
};
struct ListLiteral {
  std::vector<ExprPtr> elements;
};
// Keys keep their order and duplicates; the binder decides what a duplicate key means.
struct MapLiteral {
  std::vector<std::pair<std::string, ExprPtr>> entries;
};

struct PropertyAccess {
  ExprPtr object;
  std::string key;
};
struct Subscript {  // `list[i]`, `map[key]`
  ExprPtr object;
  ExprPtr index;
};
struct Slice {  // `list[from..to]`; either bound may be null
  ExprPtr object;
  ExprPtr from;
  ExprPtr to;
};
struct HasLabels {  // `n:A:B` as a predicate
  ExprPtr object;
  std::vector<std::string> labels;
};

enum class UnaryOp : std::uint8_t { Not, Negate, Plus };
struct Unary {
  UnaryOp op;
  ExprPtr operand;
};

enum class BinaryOp : std::uint8_t {
  Or,
  Xor,
  And,
  Add,
  Subtract,
  Multiply,
  Divide,
  Modulo,
  Power,
  In,
  StartsWith,
  EndsWith,
  Contains,
  RegexMatch,
};
struct Binary {
  BinaryOp op;
  ExprPtr lhs;
  ExprPtr rhs;
};

// `a < b <= c` means `a < b AND b <= c` with b evaluated once, so a chain is one node:
// operands.size() == ops.size() + 1 >= 2.
enum class CompareOp : std::uint8_t { Eq, Ne, Lt, Gt, Le, Ge };
struct Comparison {
  std::vector<ExprPtr> operands;
  std::vector<CompareOp> ops;
};

struct IsNull {
  ExprPtr operand;
  bool negated = false;  // IS NOT NULL
};

struct FunctionCall {
  std::string name;  // as written, dotted when namespaced: "date.truncate"
  bool distinct = false;
  std::vector<ExprPtr> args;
};
struct CountStar {};

struct CaseAlternative {
  ExprPtr when;
  ExprPtr then;
};
struct Case {
  ExprPtr subject;  // null for the generic form `CASE WHEN cond THEN ...`
  std::vector<CaseAlternative> alternatives;
  ExprPtr otherwise;  // ELSE, or null
};

struct ListComprehension {  // [x IN list WHERE pred | projection]
  std::string variable;
  ExprPtr list;
  ExprPtr where;       // may be null
  ExprPtr projection;  // may be null
};

enum class QuantifierKind : std::uint8_t { All, Any, None, Single };
struct Quantifier {  // all(x IN list WHERE pred)
  QuantifierKind kind;
  std::string variable;
  ExprPtr list;
  ExprPtr where;  // may be null
};

struct Reduce {  // reduce(acc = init, x IN list | expression)
  std::string accumulator;
  ExprPtr init;
  std::string variable;
  ExprPtr list;
  ExprPtr expression;
};

struct PatternComprehension {  // [p = (a)-->(b) WHERE pred | projection]
  PatternPart pattern;         // path_variable holds `p`
  ExprPtr where;               // may be null
  ExprPtr projection;
};

// A relationship pattern used as a boolean: `WHERE (a)-[:KNOWS]->(b)`. The parser only
// accepts it where a predicate is expected (WHERE, NOT/AND/OR/XOR operands, exists()).
struct PatternPredicate {
  PatternPart pattern;
};

// shortestPath(...) / allShortestPaths(...) used as an expression: evaluates to a path / a list.
struct ShortestPathExpr {
  PatternPart pattern;
};

// EXISTS { MATCH ... RETURN ... } holds a query; EXISTS { (a)-->(b) WHERE ... } a pattern.
struct ExistsSubquery {
  std::unique_ptr<Query> query;  // null when the pattern form was used
  Pattern pattern;
  ExprPtr where;
};

// n{.name, .*, key: expr, var}
struct MapProjectionItem {
  enum class Kind : std::uint8_t { Property, AllProperties, Entry, Variable };
  Kind kind;
  std::string name;  // property key, entry key or variable name; empty for AllProperties
  ExprPtr value;     // only for Entry
};
struct MapProjection {
  std::string variable;
  std::vector<MapProjectionItem> items;
};

struct Expr {
  using Node =
      std::variant<Literal, Parameter, Variable, ListLiteral, MapLiteral, PropertyAccess, Subscript,
                   Slice, HasLabels, Unary, Binary, Comparison, IsNull, FunctionCall, CountStar,
                   Case, ListComprehension, Quantifier, Reduce, PatternComprehension,
                   PatternPredicate, ShortestPathExpr, ExistsSubquery, MapProjection>;
  Position pos;
  Node node;

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(node);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(node);
  }
  template <class T>
  T& as() {
    return std::get<T>(node);
  }
};

template <class T>
ExprPtr make_expr(Position pos, T node) {
  return std::make_unique<Expr>(Expr{pos, Expr::Node(std::move(node))});
}

// ---------------------------------------------------------------------------------------------
// Clauses

struct Match {
  bool optional = false;
  Pattern pattern;
  ExprPtr where;
};

struct Unwind {
  ExprPtr list;
  std::string variable;
};

struct ProjectionItem {
  Position pos;
  ExprPtr expression;
  std::optional<std::string> alias;
  // The expression exactly as written (comments and surrounding blanks removed): it names the
  // result column when there is no alias, as in `RETURN n.name` -> column "n.name".
  std::string text;
};

struct SortItem {
  ExprPtr expression;
  bool descending = false;
};

// The shared body of WITH and RETURN.
struct Projection {
  bool distinct = false;
  bool star = false;  // `*`, possibly followed by more items
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
};

struct With {
  Projection projection;
  ExprPtr where;
};

struct Return {
  Projection projection;
};

struct YieldItem {
  std::string field;     // the procedure's output column
  std::string variable;  // the name it is bound to (== field without AS)
};

// `CALL ns.proc(args) YIELD a AS b, c WHERE ...`. A query made of this one clause is a
// standalone call, the only place where `YIELD *` and the argument-less form `CALL ns.proc`
// (arguments taken from parameters) are allowed.
struct Call {
  std::string procedure;                     // dotted name as written
  std::optional<std::vector<ExprPtr>> args;  // nullopt when written without parentheses
  bool yield_star = false;
  std::vector<YieldItem> yields;  // empty when there is no YIELD (or YIELD *)
  ExprPtr where;
};

struct Create {
  Pattern pattern;
};

struct SetItem {
  enum class Kind : std::uint8_t {
    Property,   // n.prop = value (target is a PropertyAccess)
    Replace,    // n = map
    Merge,      // n += map
    AddLabels,  // n:A:B
  };
  Position pos;
  Kind kind;
  ExprPtr target;                   // PropertyAccess for Property; null otherwise
  std::string variable;             // for Replace, Merge and AddLabels
  ExprPtr value;                    // null for AddLabels
  std::vector<std::string> labels;  // for AddLabels
};

struct Set {
  std::vector<SetItem> items;
};

struct Merge {
  PatternPart pattern;
  std::vector<SetItem> on_create;  // all ON CREATE SET items, in order
  std::vector<SetItem> on_match;   // all ON MATCH SET items, in order
};

struct RemoveItem {
  enum class Kind : std::uint8_t { Property, Labels };
  Position pos;
  Kind kind;
  ExprPtr target;        // PropertyAccess for Property
  std::string variable;  // for Labels
  std::vector<std::string> labels;
};

struct Remove {
  std::vector<RemoveItem> items;
};

struct Delete {
  bool detach = false;
  std::vector<ExprPtr> targets;
};

struct Clause;
struct Foreach {  // FOREACH (x IN list | updating clauses)
  std::string variable;
  ExprPtr list;
  std::vector<Clause> body;
};

struct Clause {
  using Node =
      std::variant<Match, Unwind, With, Return, Call, Create, Merge, Set, Remove, Delete, Foreach>;
  Position pos;
  Node node;

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(node);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(node);
  }
};

// ---------------------------------------------------------------------------------------------
// Queries and statements

struct SingleQuery {
  Position pos;
  std::vector<Clause> clauses;
};

enum class UnionKind : std::uint8_t { Distinct, All };

// `q1 UNION q2 UNION ALL q3`: parts = {q1, q2, q3}, unions = {Distinct, All}.
struct Query {
  Position pos;
  std::vector<SingleQuery> parts;
  std::vector<UnionKind> unions;  // unions.size() == parts.size() - 1
};

enum class ExplainMode : std::uint8_t { None, Explain, Profile };

struct Statement {
  ExplainMode mode = ExplainMode::None;
  Query query;

  // A query consisting of a single CALL clause.
  bool is_standalone_call() const {
    return query.parts.size() == 1 && query.parts[0].clauses.size() == 1 &&
           query.parts[0].clauses[0].is<Call>();
  }
};

}  // namespace kith::query::ast
