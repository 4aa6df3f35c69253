// The projection clauses WITH and RETURN and their shared body:
// [DISTINCT] items [ORDER BY ...] [SKIP n] [LIMIT n].
#pragma once

#include "query/grammar/expression.hpp"

namespace kith::query::grammar {

struct projection_star : op<"*">, kept {};
struct projection_item : pg::seq<expression, pg::opt<kw_as, variable>>, kept {};
struct projection_items : pg::sor<pg::seq<projection_star, pg::star<sym<",">, projection_item>>,
                                  pg::list<projection_item, sym<",">>> {};

struct ascending : pg::sor<keyword<"ASCENDING">, keyword<"ASC">>, kept {};
struct descending : pg::sor<keyword<"DESCENDING">, keyword<"DESC">>, kept {};
struct sort_item : pg::seq<expression, pg::opt<pg::sor<ascending, descending>>>, kept {};
struct order_by : pg::seq<keyword<"ORDER">, keyword<"BY">, pg::list<sort_item, sym<",">>>, kept {};
struct skip_clause : pg::seq<keyword<"SKIP">, expression>, kept {};
struct limit_clause : pg::seq<keyword<"LIMIT">, expression>, kept {};

struct projection_body : pg::seq<pg::opt<distinct_marker>, projection_items, pg::opt<order_by>,
                                 pg::opt<skip_clause>, pg::opt<limit_clause>> {};

struct with_clause : pg::seq<kw_with, projection_body, pg::opt<where_condition>>, kept {};
struct return_clause : pg::seq<keyword<"RETURN">, projection_body>, kept {};

}  // namespace kith::query::grammar
