// The binder: the semantic checks between parsing and planning. It walks the clauses with the
// variables in scope and their kinds (node, relationship, path, value) and raises the
// compile-time errors openCypher and its TCK classify: UndefinedVariable, VariableAlreadyBound,
// VariableTypeConflict, InvalidAggregation, AmbiguousAggregationExpression,
// NoSingleRelationshipType, InvalidClauseComposition, ColumnNameConflict, ... so that a query
// that passes the binder only fails at runtime for reasons of data.
#pragma once

#include "query/ast.hpp"
#include "query/procedures.hpp"

namespace kith::query {

// Throws QueryError (phase CompileTime) for the first problem found.
void bind_statement(const ast::Statement& statement, const ProcedureRegistry& procedures);

}  // namespace kith::query
