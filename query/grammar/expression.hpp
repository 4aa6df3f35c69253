// Expressions, from the loosest-binding operator to atoms:
//   OR < XOR < AND < NOT < comparison (=, <>, <, >, <=, >=; chains like a < b < c)
//   < STARTS WITH / ENDS WITH / CONTAINS / =~ / IN / IS [NOT] NULL
//   < + - < * / % < ^ < unary + - < postfix (.key, [i], [i..j], :Label) < atoms.
#pragma once

#include "query/grammar/lexical.hpp"

namespace kith::query::grammar {

struct expression;
struct relationships_pattern;  // pattern.hpp
struct path_binding;           // pattern.hpp
struct path_search_pattern;    // pattern.hpp
struct pattern;                // pattern.hpp
struct regular_query;          // statement.hpp

using kw_as = keyword<"AS">;
using kw_in = keyword<"IN">;
using kw_is = op_keyword<"IS">;
using kw_not = keyword<"NOT">;
using kw_null = keyword<"NULL">;
using kw_where = keyword<"WHERE">;
using kw_with = keyword<"WITH">;

struct where_condition : pg::seq<kw_where, expression>, kept {};

// ---------------------------------------------------------------------------------------------
// Literals

struct null_literal : keyword<"NULL">, kept {};
struct true_literal : keyword<"TRUE">, kept {};
struct false_literal : keyword<"FALSE">, kept {};

struct list_literal : pg::seq<sym<"[">, pg::opt<pg::list<expression, sym<",">>>, sym<"]">>, kept {};

struct map_entry : pg::seq<property_key_name, sym<":">, expression>, kept {};
struct map_literal : pg::seq<sym<"{">, pg::opt<pg::list<map_entry, sym<",">>>, sym<"}">>, kept {};

// List and map literals are atoms of their own: a list comprehension must be tried before a
// list literal, or `[x IN l]` would be read as a list holding `x IN l`.
struct literal : pg::sor<float_literal, integer_literal, string_literal, null_literal, true_literal,
                         false_literal> {};

// ---------------------------------------------------------------------------------------------
// Compound atoms

struct count_star : pg::seq<keyword<"COUNT">, sym<"(">, op<"*">, sym<")">>, kept {};

struct case_when : pg::seq<keyword<"WHEN">, expression, keyword<"THEN">, expression>, kept {};
struct case_else : pg::seq<keyword<"ELSE">, expression>, kept {};
struct case_expression : pg::seq<keyword<"CASE">, pg::opt<pg::not_at<keyword<"WHEN">>, expression>,
                                 pg::plus<case_when>, pg::opt<case_else>, keyword<"END">>,
                         kept {};

struct projection_bar : pg::seq<sym<"|">, expression>, kept {};

// [x IN list WHERE pred | expr]
struct list_comprehension : pg::seq<sym<"[">, variable, kw_in, expression, pg::opt<where_condition>,
                                    pg::opt<projection_bar>, sym<"]">>,
                            kept {};

// [p = (a)-->(b) WHERE pred | expr]
struct pattern_comprehension : pg::seq<sym<"[">, pg::opt<path_binding>, relationships_pattern,
                                       pg::opt<where_condition>, projection_bar, sym<"]">>,
                               kept {};

struct quantifier_all : keyword<"ALL">, kept {};
struct quantifier_any : keyword<"ANY">, kept {};
struct quantifier_none : keyword<"NONE">, kept {};
struct quantifier_single : keyword<"SINGLE">, kept {};
struct quantifier
    : pg::seq<pg::sor<quantifier_all, quantifier_any, quantifier_none, quantifier_single>, sym<"(">,
              variable, kw_in, expression, pg::opt<where_condition>, sym<")">>,
      kept {};

struct reduce_expression
    : pg::seq<keyword<"REDUCE">, sym<"(">, variable, sym<"=">, expression, sym<",">, variable,
              kw_in, expression, sym<"|">, expression, sym<")">>,
      kept {};

struct exists_name : keyword<"EXISTS">, kept {};
// ns.ns.name: the last part may be `exists`, a reserved word that is also a function.
struct function_name
    : pg::seq<pg::star<symbolic_name, op<".">>, pg::sor<symbolic_name, exists_name>>,
      kept {};
struct distinct_marker : keyword<"DISTINCT">, kept {};
struct function_call : pg::seq<function_name, sym<"(">, pg::opt<distinct_marker>,
                               pg::opt<pg::list<expression, sym<",">>>, sym<")">>,
                       kept {};

// EXISTS { MATCH ... RETURN ... } or EXISTS { (a)-->(b) WHERE ... }
struct exists_subquery
    : pg::seq<keyword<"EXISTS">, sym<"{">,
              guarded<pg::sor<regular_query, pg::seq<pattern, pg::opt<where_condition>>>>,
              sym<"}">>,
      kept {};

struct all_properties_selector : pg::seq<op<".">, op<"*">>, kept {};
struct property_selector : pg::seq<op<".">, property_key_name>, kept {};
struct map_projection
    : pg::seq<
          variable, sym<"{">,
          pg::opt<pg::list<pg::sor<all_properties_selector, property_selector, map_entry, variable>,
                           sym<",">>>,
          sym<"}">>,
      kept {};

// Kept so that the text of `(a)` as a RETURN item keeps its parentheses.
struct parenthesized : pg::seq<sym<"(">, expression, sym<")">>, kept {};

// Every expression starts with an atom (after any prefix operators), so an atom that fails to
// start is reported as a missing expression.
struct atom
    : named<"an expression",
            pg::sor<literal, parameter, case_expression, memo<count_star>, memo<list_comprehension>,
                    memo<pattern_comprehension>, memo<list_literal>, map_literal, memo<quantifier>,
                    memo<reduce_expression>, memo<path_search_pattern>, memo<relationships_pattern>,
                    memo<parenthesized>, exists_subquery, memo<function_call>, memo<map_projection>,
                    variable>> {};

// ---------------------------------------------------------------------------------------------
// Postfix operators

struct property_lookup : pg::seq<op<".">, property_key_name>, kept {};
struct slice_dots : op<"..">, kept {};
// [index] or [from..to] with either bound optional.
struct subscript : pg::seq<op<"[">,
                           pg::sor<pg::seq<slice_dots, pg::opt<expression>>,
                                   pg::seq<expression, pg::opt<slice_dots, pg::opt<expression>>>>,
                           sym<"]">>,
                   kept {};
struct label_test : pg::seq<op<":">, label_name>, kept {};
struct label_predicate : pg::plus<label_test>, kept {};

struct postfix_expression
    : depth_scope<pg::seq<atom, pg::star<deepen<pg::sor<property_lookup, subscript>>>,
                          pg::opt<label_predicate>>>,
      folded {};

// ---------------------------------------------------------------------------------------------
// Operators

struct unary_minus : op<"-">, kept {};
struct unary_plus : op<"+">, kept {};
struct unary_expression
    : pg::sor<pg::seq<pg::sor<unary_minus, unary_plus>, guarded<unary_expression>>,
              postfix_expression>,
      folded {};

struct power_expression : left_chain<unary_expression, op<"^">>, folded {};

struct multiply_operator : op<"*">, kept {};
struct divide_operator : op<"/">, kept {};
struct modulo_operator : op<"%">, kept {};
struct multiplicative_expression
    : left_chain<power_expression, pg::sor<multiply_operator, divide_operator, modulo_operator>>,
      folded {};

struct add_operator : op<"+">, kept {};
struct subtract_operator : op<"-">, kept {};
struct additive_expression
    : left_chain<multiplicative_expression, pg::sor<add_operator, subtract_operator>>,
      folded {};

struct starts_with_suffix : pg::seq<op_keyword<"STARTS">, kw_with, additive_expression>, kept {};
struct ends_with_suffix : pg::seq<op_keyword<"ENDS">, kw_with, additive_expression>, kept {};
struct contains_suffix : pg::seq<op_keyword<"CONTAINS">, additive_expression>, kept {};
struct regex_suffix : pg::seq<op<"=~">, additive_expression>, kept {};
struct in_suffix : pg::seq<op_keyword<"IN">, additive_expression>, kept {};
struct is_not_null_suffix : pg::seq<kw_is, op_keyword<"NOT">, kw_null>, kept {};
struct is_null_suffix : pg::seq<kw_is, kw_null>, kept {};
struct predicate_expression
    : depth_scope<pg::seq<
          additive_expression,
          pg::star<deepen<pg::sor<starts_with_suffix, ends_with_suffix, contains_suffix,
                                  regex_suffix, in_suffix, is_not_null_suffix, is_null_suffix>>>>>,
      folded {};

struct comparison_operator : pg::sor<op<"<>">, op<"<=">, op<">=">, op<"=">, op<"<">, op<">">>,
                             kept {};
struct comparison_expression : left_chain<predicate_expression, comparison_operator>, folded {};

struct not_expression : pg::seq<kw_not, guarded<pg::sor<not_expression, comparison_expression>>>,
                        kept {};
struct and_expression
    : left_chain<pg::sor<not_expression, comparison_expression>, op_keyword<"AND">>,
      folded {};
struct xor_expression : left_chain<and_expression, op_keyword<"XOR">>, folded {};
struct or_expression : left_chain<xor_expression, op_keyword<"OR">>, folded {};

struct expression : named<"an expression", guarded<or_expression>> {};

}  // namespace kith::query::grammar
