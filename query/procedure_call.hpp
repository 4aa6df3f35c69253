// Resolving a CALL's procedure and checking its arguments against the signature: shared by
// the binder (compile-time errors) and the call operator.
#pragma once

#include <vector>

#include "query/ast.hpp"
#include "query/procedures.hpp"

namespace kith::query {

// The procedure a CALL names; ProcedureError (ProcedureNotFound) at compile time otherwise.
const Procedure& resolve_procedure(const ast::Call& call, const ProcedureRegistry& registry);

// Checks the count and the types of the arguments (an INTEGER passes for a FLOAT and is
// converted); raises SyntaxError (InvalidNumberOfArguments) or TypeError (InvalidArgumentType).
std::vector<Value> check_procedure_arguments(const ProcedureSignature& signature,
                                             std::vector<Value> args);

// Whether `v` has the signature type `type` ("INTEGER?", "LIST? OF STRING?", "ANY?", ...).
bool has_procedure_type(const Value& v, std::string_view type);

}  // namespace kith::query
