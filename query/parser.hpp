// The front end of the query language: query text -> syntax tree.
#pragma once

#include <string_view>

#include "query/ast.hpp"
#include "query/query_error.hpp"

namespace kith::query {

using Statement = ast::Statement;

// Parses one statement (a trailing ';' is allowed). Throws QueryError with phase CompileTime
// and class "SyntaxError" when the text is not a statement; its message shows the line and
// column, the offending line with a caret, what was expected and, for a misspelt keyword, the
// keyword meant. Detail codes follow the TCK: InvalidNumberLiteral, IntegerOverflow,
// FloatingPointOverflow, InvalidUnicodeLiteral, InvalidUnicodeCharacter,
// InvalidRelationshipPattern, and UnexpectedSyntax for everything else.
ast::Statement parse_query(std::string_view text);

}  // namespace kith::query
