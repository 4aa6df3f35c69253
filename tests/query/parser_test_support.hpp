// Helpers shared by the parser tests: parse and print, or parse and capture the error.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "query/ast_printer.hpp"
#include "query/parser.hpp"

namespace kith::query::testing {

// The whole statement as an S-expression.
inline std::string sexpr(std::string_view query) {
  return ast::to_sexpr(parse_query(query));
}

// The expression of `RETURN <expr>` as an S-expression.
inline std::string expr(std::string_view expression) {
  const ast::Statement st = parse_query("RETURN " + std::string(expression));
  const auto& ret = st.query.parts.at(0).clauses.at(0).as<ast::Return>();
  return ast::to_sexpr(*ret.projection.items.at(0).expression);
}

// The error parse_query raises, or nullopt when the query parses.
inline std::optional<QueryError> error_of(std::string_view query) {
  try {
    (void)parse_query(query);
  } catch (const QueryError& e) {
    return e;
  }
  return std::nullopt;
}

}  // namespace kith::query::testing
