// The only translation unit that instantiates the grammar.
#include "query/parser.hpp"

#include <memory>
#include <type_traits>

#include <fmt/format.h>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "query/ast_builder.hpp"
#include "query/grammar/statement.hpp"
#include "query/identifier_chars.hpp"
#include "query/keywords.hpp"
#include "query/source_text.hpp"
#include "query/syntax_error.hpp"

namespace kith::query {

namespace {

namespace pg = tao::pegtl;

template <class Rule>
struct selector : std::bool_constant<std::is_base_of_v<grammar::kept, Rule>> {};

template <class Rule>
requires std::is_base_of_v<grammar::folded, Rule>
struct selector<Rule> : std::true_type {
  template <class Node, class... States>
  static void transform(std::unique_ptr<Node>& n, States&&... /*st*/) {
    if (n->children.size() == 1) n = std::move(n->children.front());
  }
};

// Characters that look like ASCII syntax but are not, as pasted from word processors.
const char* ascii_lookalike(std::int32_t cp) {
  switch (cp) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2033:
      return "\"";
    case 0xFF08:
      return "(";
    case 0xFF09:
      return ")";
    default:
      return nullptr;
  }
}

std::string expected_list(const std::vector<const char*>& expected) {
  std::string out;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (i > 0) out += i + 1 == expected.size() ? " or " : ", ";
    out += expected[i];
  }
  return out;
}

// The error for input the grammar could not match: reported where the parse got furthest,
// with what it expected there.
QueryError unexpected_input(const SourceText& source, const grammar::ParseContext& ctx) {
  const std::string_view text = source.text();
  const std::size_t at = ctx.furthest;
  std::string found;
  std::string detail = "UnexpectedSyntax";
  std::string hint;
  std::string_view word;
  if (at >= text.size()) {
    found = "unexpected end of input";
  } else if (const std::size_t end = grammar::scan_identifier(text, at); end > at) {
    word = text.substr(at, end - at);
    found = fmt::format("unexpected '{}'", word);
  } else {
    std::int32_t cp = 0;
    const std::size_t len = decode_utf8(text, at, cp);
    found = fmt::format("unexpected '{}'", text.substr(at, len));
    if (cp >= 0x80 || cp < 0) {
      detail = "InvalidUnicodeCharacter";
      found = cp >= 0 ? fmt::format("unexpected character '{}' (U+{:04X})", text.substr(at, len),
                                    static_cast<std::uint32_t>(cp))
                      : "invalid UTF-8 byte";
      if (const char* ascii = ascii_lookalike(cp)) hint = fmt::format("did you mean '{}'?", ascii);
    }
  }
  if (!word.empty() && word.size() >= 2) {
    const std::vector<std::string_view> candidates(ctx.keywords.begin(), ctx.keywords.end());
    if (auto keyword = closest_keyword(word, candidates)) {
      hint = fmt::format("did you mean {}?", *keyword);
    }
  }
  std::string summary = found;
  if (!ctx.expected.empty()) summary += ", expected " + expected_list(ctx.expected);
  if (!hint.empty()) summary += "; " + hint;
  return make_syntax_error(source, at, std::move(detail), summary);
}

}  // namespace

ast::Statement parse_query(std::string_view text) {
  const SourceText source(text);
  grammar::ParseContext ctx(text);
  pg::memory_input<> in(text.data(), text.size(), "query");
  std::unique_ptr<pg::parse_tree::node> root;
  try {
    root = pg::parse_tree::parse<grammar::statement, selector>(in, ctx);
  } catch (const grammar::SyntaxFault& fault) {
    throw make_syntax_error(source, fault.offset, fault.detail, fault.message);
  }
  if (!root || root->children.size() != 1) throw unexpected_input(source, ctx);
  return build_statement(*root->children.front(), source, ctx.ws_begin);
}

}  // namespace kith::query
