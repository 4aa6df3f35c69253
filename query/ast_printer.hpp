// Prints a syntax tree as stable S-expression text, for tests and EXPLAIN. One statement prints
// on one line, e.g. `MATCH (a:Person)-[:KNOWS]->(b) WHERE a.age > 30 RETURN b.name AS name`
// prints as
//   (query (match (pattern (path (node a :Person) (rel -> :KNOWS) (node b)))
//          (where (> (. a age) 30))) (return (as (. b name) name)))
// (wrapped here for width).
#pragma once

#include <string>

#include "query/ast.hpp"

namespace kith::query::ast {

std::string to_sexpr(const Statement& statement);
std::string to_sexpr(const Query& query);
std::string to_sexpr(const Clause& clause);
std::string to_sexpr(const Expr& expr);
std::string to_sexpr(const PatternPart& part);

}  // namespace kith::query::ast
