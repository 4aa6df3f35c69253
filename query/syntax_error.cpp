#include "query/syntax_error.hpp"

#include <fmt/format.h>

#include "query/caret_lines.hpp"

namespace kith::query {

QueryError make_syntax_error(const SourceText& source, std::size_t offset, std::string detail,
                             const std::string& summary) {
  const ast::Position pos = source.position(offset);
  std::string message = fmt::format("syntax error at {}:{}: {}\n{}", pos.line, pos.column, summary,
                                    caret_lines(source.line(pos.line), pos.column));
  return QueryError(ErrorPhase::CompileTime, "SyntaxError", std::move(detail), std::move(message),
                    pos.line, pos.column);
}

}  // namespace kith::query
