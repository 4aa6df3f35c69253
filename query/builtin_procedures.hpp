// The built-in procedures, one registering function per namespace, and the error their bodies
// raise when a call cannot be answered.
#pragma once

#include <string>

#include "query/procedures.hpp"

namespace kith::query {

void add_db_procedures(ProcedureRegistry& registry);    // what the graph holds
void add_algo_procedures(ProcedureRegistry& registry);  // graph/algorithms.hpp over a view
void add_kith_procedures(ProcedureRegistry& registry);  // influence and evidence

// ProcedureError (ProcedureCallFailed): "`name`: `why`".
[[noreturn]] void procedure_error(const std::string& name, const std::string& why);

}  // namespace kith::query
