// Graph patterns: (n:Label {props})-[r:TYPE|OTHER*1..3 {props}]->(m), named paths and
// shortestPath / allShortestPaths.
#pragma once

#include "query/grammar/expression.hpp"

namespace kith::query::grammar {

struct node_label : pg::seq<sym<":">, label_name>, kept {};
struct properties : pg::sor<map_literal, parameter> {};

struct node_pattern
    : pg::seq<sym<"(">, pg::opt<variable>, pg::star<node_label>, pg::opt<properties>, sym<")">>,
      kept {};

struct relationship_types
    : pg::seq<sym<":">, rel_type_name, pg::star<sym<"|">, pg::opt<sym<":">>, rel_type_name>> {};

struct range_dots : op<"..">, kept {};
// *, *3, *1..3, *..3, *1..
struct variable_length
    : pg::seq<op<"*">, pg::opt<integer_literal>, pg::opt<range_dots, pg::opt<integer_literal>>>,
      kept {};

// A range without its '*', or with a negative bound, is a mistake worth naming precisely.
struct malformed_range : custom_rule<malformed_range> {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    const std::size_t pos = offset_of(in, c);
    const std::string_view rest = c.text.substr(pos);
    // Only sequences that cannot start an expression are diagnosed here: `(a)-[-1]` is a valid
    // subtraction, and this rule also runs while an expression is tried as a pattern.
    if (rest.starts_with("..")) {
      c.fail(pos, "InvalidRelationshipPattern",
             "a variable-length relationship needs '*' before its range, as in [:T*1..3]");
    }
    if (rest.starts_with("*-")) {
      c.fail(pos, "InvalidRelationshipPattern",
             "the bounds of a variable-length relationship cannot be negative");
    }
    return true;
  }
};

struct relationship_detail
    : pg::seq<sym<"[">, pg::opt<variable>, pg::opt<relationship_types>, malformed_range,
              pg::opt<variable_length>, malformed_range, pg::opt<properties>, sym<"]">> {};

// The start of a relationship is not listed as expected: after every node pattern a
// relationship could follow, and saying so would only bury the likelier alternatives.
struct left_arrow : op<"<">, kept {};
struct right_arrow : sym<">">, kept {};
struct relationship_pattern : pg::seq<pg::opt<left_arrow>, op<"-">, pg::opt<relationship_detail>,
                                      sym<"-">, pg::opt<right_arrow>>,
                              kept {};

struct pattern_element
    : pg::sor<pg::seq<node_pattern, pg::star<relationship_pattern, node_pattern>>,
              pg::seq<sym<"(">, guarded<pattern_element>, sym<")">>>,
      kept {};

// The pattern of a predicate or comprehension: at least one relationship.
struct relationships_pattern : pg::seq<node_pattern, pg::plus<relationship_pattern, node_pattern>>,
                               kept {};

struct path_binding : pg::seq<variable, sym<"=">>, kept {};

struct shortest_path : keyword<"shortestPath">, kept {};
struct all_shortest_paths : keyword<"allShortestPaths">, kept {};
struct path_search_pattern
    : pg::seq<pg::sor<shortest_path, all_shortest_paths>, sym<"(">, pattern_element, sym<")">>,
      kept {};

struct pattern_part : pg::seq<pg::opt<path_binding>, pg::sor<path_search_pattern, pattern_element>>,
                      kept {};

struct pattern : named<"a pattern", pg::list<pattern_part, sym<",">>>, kept {};

}  // namespace kith::query::grammar
