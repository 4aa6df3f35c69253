// Values as the TCK writes them in result tables and parameters ('text', 1.0, [1, 2],
// {a: 1}, (:L {k: 'v'}), [:T {k: 1}], <(:A)-[:T]->(:B)>, null), and kith values rendered in
// the same canonical text, so a result row can be compared to an expected row as strings.
//
// The canonical form: labels sorted, map and property keys sorted, strings single-quoted with
// \' and \\ escaped, floats always with a '.' or exponent (1.0, 1e-305, NaN), integers plain.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "graph/graph.hpp"
#include "graph/value.hpp"

namespace kith::tck {

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The canonical text of a TCK value. With sort_lists, list elements are sorted (the TCK's
// "ignoring element order for lists"). Throws ParseError.
std::string canonical_expected(std::string_view text, bool sort_lists = false);

// A TCK value that holds no graph entities, as a kith Value (for `parameters are:` tables).
Value parse_value(std::string_view text);

// The canonical text of a query result value.
std::string canonical_actual(const Value& v, const Graph& g, bool sort_lists = false);

}  // namespace kith::tck
