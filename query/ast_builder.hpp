// Turns the parse tree of the grammar (query/grammar/) into the AST (query/ast.hpp), decoding
// literals and applying the syntactic checks that need more context than a PEG rule has.
// Internal to the parser.
#pragma once

#include <cstdint>
#include <vector>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "query/ast.hpp"
#include "query/source_text.hpp"

namespace kith::query {

// `statement` is the parse tree's grammar::statement node; `ws_begin` is the parse's
// ParseContext::ws_begin table, used to trim trailing blanks off node text. Throws QueryError.
ast::Statement build_statement(const tao::pegtl::parse_tree::node& statement,
                               const SourceText& source,
                               const std::vector<std::uint32_t>& ws_begin);

}  // namespace kith::query
