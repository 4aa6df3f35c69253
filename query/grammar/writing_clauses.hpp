// Updating clauses: CREATE, MERGE (ON CREATE / ON MATCH SET), SET, REMOVE, [DETACH] DELETE and
// FOREACH.
#pragma once

#include "query/grammar/pattern.hpp"

namespace kith::query::grammar {

struct create_clause : pg::seq<keyword<"CREATE">, pattern>, kept {};

// `n.a.b` as a SET or REMOVE target: an atom followed by at least one property lookup.
struct property_target : pg::seq<atom, pg::plus<property_lookup>>, kept {};

struct set_property : pg::seq<property_target, sym<"=">, expression>, kept {};
struct set_replace : pg::seq<variable, sym<"=">, expression>, kept {};
struct set_merge : pg::seq<variable, sym<"+=">, expression>, kept {};
struct set_labels : pg::seq<variable, pg::plus<node_label>>, kept {};
struct set_item : named<"a SET item", pg::sor<set_property, set_replace, set_merge, set_labels>> {};
struct set_clause : pg::seq<keyword<"SET">, pg::list<set_item, sym<",">>>, kept {};

struct on_create : pg::seq<keyword<"ON">, keyword<"CREATE">, set_clause>, kept {};
struct on_match : pg::seq<keyword<"ON">, keyword<"MATCH">, set_clause>, kept {};
struct merge_clause : pg::seq<keyword<"MERGE">, named<"a pattern", pattern_part>,
                              pg::star<pg::sor<on_create, on_match>>>,
                      kept {};

struct remove_labels : pg::seq<variable, pg::plus<node_label>>, kept {};
struct remove_item : named<"a REMOVE item", pg::sor<remove_labels, property_target>> {};
struct remove_clause : pg::seq<keyword<"REMOVE">, pg::list<remove_item, sym<",">>>, kept {};

struct detach_marker : keyword<"DETACH">, kept {};
struct delete_clause
    : pg::seq<pg::opt<detach_marker>, keyword<"DELETE">, pg::list<expression, sym<",">>>,
      kept {};

struct updating_clause;
struct foreach_clause : pg::seq<keyword<"FOREACH">, sym<"(">, variable, kw_in, expression, sym<"|">,
                                guarded<pg::plus<updating_clause>>, sym<")">>,
                        kept {};

struct updating_clause
    : named<"an updating clause", pg::sor<create_clause, merge_clause, set_clause, remove_clause,
                                          delete_clause, foreach_clause>> {};

}  // namespace kith::query::grammar
