// Reading clauses: [OPTIONAL] MATCH, UNWIND and CALL.
#pragma once

#include "query/grammar/pattern.hpp"

namespace kith::query::grammar {

struct optional_marker : keyword<"OPTIONAL">, kept {};
struct match_clause
    : pg::seq<pg::opt<optional_marker>, keyword<"MATCH">, pattern, pg::opt<where_condition>>,
      kept {};

struct unwind_clause : pg::seq<keyword<"UNWIND">, expression, kw_as, variable>, kept {};

struct procedure_name : pg::seq<pg::star<symbolic_name, op<".">>, symbolic_name>, kept {};
struct procedure_arguments : pg::seq<sym<"(">, pg::opt<pg::list<expression, sym<",">>>, sym<")">>,
                             kept {};
struct yield_star : op<"*">, kept {};
struct yield_field : named<"a result field", schema_name>, kept {};
struct yield_item : pg::seq<pg::opt<yield_field, kw_as>, variable>, kept {};
struct yield_items : pg::seq<pg::list<yield_item, sym<",">>, pg::opt<where_condition>> {};
struct call_clause : pg::seq<keyword<"CALL">, named<"a procedure name", procedure_name>,
                             pg::opt<procedure_arguments>,
                             pg::opt<keyword<"YIELD">, pg::sor<yield_star, yield_items>>>,
                     kept {};

}  // namespace kith::query::grammar
