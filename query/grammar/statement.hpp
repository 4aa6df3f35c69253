// A whole statement: [EXPLAIN | PROFILE] query { UNION [ALL] query } [;]
// The grammar's root, `statement`, must consume the entire input.
#pragma once

#include "query/grammar/projection.hpp"
#include "query/grammar/reading_clauses.hpp"
#include "query/grammar/writing_clauses.hpp"

namespace kith::query::grammar {

struct clause : named<"a clause", pg::sor<match_clause, unwind_clause, call_clause, with_clause,
                                          return_clause, create_clause, merge_clause, set_clause,
                                          remove_clause, delete_clause, foreach_clause>> {};

struct single_query : pg::plus<clause>, kept {};

struct union_all : pg::seq<keyword<"UNION">, keyword<"ALL">>, kept {};
struct union_distinct : keyword<"UNION">, kept {};
struct regular_query
    : pg::seq<single_query, pg::star<pg::sor<union_all, union_distinct>, single_query>>,
      kept {};

struct explain_marker : keyword<"EXPLAIN">, kept {};
struct profile_marker : keyword<"PROFILE">, kept {};

struct statement : pg::seq<blanks, pg::opt<pg::sor<explain_marker, profile_marker>>, regular_query,
                           pg::opt<sym<";">>, end_of_input>,
                   kept {};

}  // namespace kith::query::grammar
