// The semantics of expressions over values: operators, the scalar function library and the
// aggregating functions, as openCypher defines them. The executor evaluates the syntax tree
// and calls into this for everything that is about values rather than about rows or patterns.
//
// Every error is a QueryError (query/query_error.hpp) of phase Runtime whose message names the
// function or operator and the offending value, e.g.
//   TypeError (InvalidArgumentType): toUpper() expects a STRING, got INTEGER 42
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "graph/graph.hpp"
#include "graph/value.hpp"
#include "query/ast.hpp"

namespace kith::query {

// What functions may look at besides their arguments.
struct FunctionContext {
  const Graph& graph;
  // The statement's clock: every call to datetime() / date() / timestamp() within one
  // statement sees the same instant, as openCypher requires.
  std::chrono::system_clock::time_point statement_time;
};

// ---- Operators. Null in, null out (except where three-valued logic says otherwise).
Value unary_minus(const Value& v);
Value arithmetic(ast::BinaryOp op, const Value& a, const Value& b);  // + - * / % ^
// + on numbers, strings (a number joins a string as it prints: 'n' + 1 is 'n1'), lists (list +
// element, element + list), temporal + duration, duration + duration; - * / on numbers and
// durations (duration * number). INTEGER stays INTEGER except for ^, which is always FLOAT;
// integer / truncates and % keeps the dividend's sign. Integer overflow raises ArgumentError
// (IntegerOverflow), integer division by zero ArgumentError (DivisionByZero), other operand
// types TypeError (InvalidArgumentType); a string or list past the size caps LimitExceeded.
Value string_predicate(ast::BinaryOp op, const Value& a, const Value& b);  // STARTS WITH,
                                                                           // ENDS WITH, CONTAINS
// =~ matches the whole string (Java syntax as far as ECMAScript shares it, plus a leading
// (?i)); a bad pattern or one past the length caps raises ArgumentError (InvalidArgumentValue).
Value regex_match(const Value& text, const Value& pattern);
Value in_list(const Value& element, const Value& list);               // IN, three-valued
Value comparison(ast::CompareOp op, const Value& a, const Value& b);  // = <> < > <= >=
Value subscript(const Value& container, const Value& index, FunctionContext& ctx);  // l[i], m[k]
// list[from..to]: nullptr for an omitted bound; an explicit null bound makes the result null
// (`list[1..null]` is null, `list[1..]` is not). Negative bounds count from the end.
Value slice(const Value& list, const Value* from, const Value* to);
// The same with a null Value standing for an omitted bound (it cannot tell `l[..null]` apart).
Value slice(const Value& list, const Value& from, const Value& to);
// AND, OR, XOR over booleans and null in three-valued logic; anything else is a TypeError.
Value logical(ast::BinaryOp op, const Value& a, const Value& b);
Value logical_not(const Value& v);
// n.key / r.key / map.key / temporal.year etc.
Value property(const Value& object, std::string_view key, FunctionContext& ctx);

// ---- Scalar functions
using ScalarFunction = Value (*)(std::span<const Value> args, FunctionContext& ctx);
struct FunctionInfo {
  std::string_view name;  // canonical spelling, e.g. "toUpper", "date.truncate"
  int min_args;
  int max_args;  // -1 for variadic
  ScalarFunction call;
};
// Case-insensitive lookup; nullptr when there is no such scalar function.
const FunctionInfo* find_function(std::string_view name);

// ---- Aggregating functions: count, sum, avg, min, max, collect, stDev, stDevP,
// percentileCont, percentileDisc.
bool is_aggregate(std::string_view name);  // case-insensitive
// How many arguments the aggregate takes (2 for the percentiles, else 1); -1 if not one.
int aggregate_arity(std::string_view name);

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // One row's argument values (after DISTINCT filtering, which the Aggregator does itself when
  // made with distinct = true). Nulls are ignored except by count(*).
  virtual void add(std::span<const Value> args) = 0;
  virtual Value result() const = 0;
  // As add(), for arguments the caller no longer needs: collect() keeps them without a copy.
  virtual void add_owned(std::span<Value> args) { add(args); }
  // The result, once, leaving the aggregator spent: collect() hands over its list.
  virtual Value take() { return result(); }
};
// count(*) is name "count" with star = true. Throws QueryError for an unknown name.
std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct, bool star);

}  // namespace kith::query
