// Builds the QueryError for a syntax error, in the form
//
//   syntax error at 1:11: unexpected 'RETRUN', expected a clause; did you mean RETURN?
//     MATCH (n) RETRUN n
//               ^
#pragma once

#include <cstddef>
#include <string>

#include "query/query_error.hpp"
#include "query/source_text.hpp"

namespace kith::query {

// `detail` is the TCK's code ("UnexpectedSyntax", "InvalidNumberLiteral", ...); `summary` says
// what is wrong in words.
QueryError make_syntax_error(const SourceText& source, std::size_t offset, std::string detail,
                             const std::string& summary);

}  // namespace kith::query
