// Lexical grammar: blanks and comments, keywords, punctuation, names, number, string and
// parameter tokens, plus the rule combinators the rest of the grammar is built from.
//
// Every token consumes the blanks and comments that FOLLOW it, so a rule always starts on a
// significant character: that is where an error caret should point.
//
// Rules deriving from `kept` become nodes of the parse tree the AST builder reads; rules
// deriving from `folded` are kept only when they have more than one child (an operator chain of
// length one is just its operand).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <tao/pegtl.hpp>

#include "query/grammar/parse_context.hpp"
#include "query/identifier_chars.hpp"
#include "query/keywords.hpp"

namespace kith::query::grammar {

namespace pg = tao::pegtl;

struct kept {};
struct folded : kept {};

template <std::size_t N>
struct fixed_string {
  char value[N];
  constexpr fixed_string(const char (&s)[N]) { std::copy_n(s, N, value); }
  static constexpr std::size_t size = N - 1;
  constexpr std::string_view view() const { return {value, N - 1}; }
};

template <class Input>
std::size_t offset_of(const Input& in, const ParseContext& c) {
  return static_cast<std::size_t>(in.current() - c.text.data());
}

// Skips blanks and comments from the input's position, recording the run for the tree builder.
template <class Input>
void skip_blanks(Input& in, ParseContext& c) {
  const std::size_t begin = offset_of(in, c);
  std::size_t pos = begin;
  const std::string_view t = c.text;
  for (;;) {
    if (std::size_t n = blank_length(t, pos)) {
      pos += n;
    } else if (t.compare(pos, 2, "//") == 0) {
      std::size_t eol = t.find('\n', pos);
      pos = eol == std::string_view::npos ? t.size() : eol + 1;
    } else if (t.compare(pos, 2, "/*") == 0) {
      std::size_t close = t.find("*/", pos + 2);
      if (close == std::string_view::npos) {
        c.fail(pos, "UnexpectedSyntax", "this comment is never closed: expected '*/'");
      }
      pos = close + 2;
    } else {
      break;
    }
  }
  if (pos != begin) {
    in.bump(pos - begin);
    c.ws_begin[pos] = static_cast<std::uint32_t>(begin);
  }
}

template <class Input>
void count_step(const Input& in, ParseContext& c) {
  if (++c.steps > c.step_budget) {
    c.fail(offset_of(in, c), "UnexpectedSyntax", "the query is too complex to parse");
  }
}

// Base for hand-written rules: no sub-rules as far as PEGTL's analysis is concerned.
template <class Self>
struct custom_rule {
  using rule_t = Self;
  using subs_t = pg::type_list<>;
};

#define KITH_RULE_MATCH                                                            \
  template <pg::apply_mode A, pg::rewind_mode M, template <class...> class Action, \
            template <class...> class Control, class ParseInput, class... States>  \
  [[nodiscard]] static bool match(ParseInput& in, States&&... st)

struct blanks : custom_rule<blanks> {
  KITH_RULE_MATCH {
    skip_blanks(in, context_of(st...));
    return true;
  }
};

// A case-insensitive keyword that is not the prefix of a longer name: `keyword<"MATCH">`.
// Unlisted keywords (the operators AND, IN, ...) are offered as "did you mean" suggestions but
// not listed as expected, for the same reason operators are not.
template <fixed_string Word, bool Listed = true>
struct keyword : custom_rule<keyword<Word, Listed>> {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::size_t pos = offset_of(in, c);
    const std::string_view t = c.text;
    constexpr std::size_t n = Word.size;
    bool ok = t.size() - pos >= n && identifier_part_length(t, pos + n) == 0;
    for (std::size_t i = 0; ok && i < n; ++i) {
      char a = t[pos + i];
      if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
      char b = Word.value[i];
      if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
      ok = a == b;
    }
    if (!ok) {
      c.expect(pos, Word.value, true, Listed);
      return false;
    }
    in.bump(n);
    skip_blanks(in, c);
    return true;
  }
};

// Punctuation or an operator, followed by blanks. Named tokens appear in "expected ..." lists;
// operators do not (after any operand nearly every operator could follow, which says nothing).
template <fixed_string Text, bool Named>
struct token_rule : custom_rule<token_rule<Text, Named>> {
  static constexpr auto quoted = [] {
    std::array<char, Text.size + 3> q{};
    q[0] = '\'';
    std::copy_n(Text.value, Text.size, q.begin() + 1);
    q[Text.size + 1] = '\'';
    return q;
  }();
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::size_t pos = offset_of(in, c);
    if (c.text.compare(pos, Text.size, Text.view()) != 0) {
      if constexpr (Named) c.expect(pos, quoted.data(), false, true);
      return false;
    }
    in.bump(Text.size);
    skip_blanks(in, c);
    return true;
  }
};
template <fixed_string Word>
using op_keyword = keyword<Word, false>;

template <fixed_string Text>
using sym = token_rule<Text, true>;
template <fixed_string Text>
using op = token_rule<Text, false>;

// Reports a failure of Rule at its start as "expected <What>" rather than listing everything
// Rule's first token could have been.
template <fixed_string What, class Rule>
struct named {
  using rule_t = named;
  using subs_t = pg::type_list<Rule>;
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    const std::size_t pos = offset_of(in, c);
    c.named_starts.push_back(pos);
    const bool ok = Control<Rule>::template match<A, M, Action, Control>(in, st...);
    c.named_starts.pop_back();
    if (!ok) c.expect(pos, What.value, false, true);
    return ok;
  }
};

// A level of recursion (parentheses, brackets, NOT, subqueries): bounded so that deeply nested
// input is an error instead of a stack overflow.
template <class Rule>
struct guarded {
  using rule_t = guarded;
  using subs_t = pg::type_list<Rule>;
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    if (++c.nesting > kMaxNesting || ++c.depth > kMaxTreeDepth) {
      c.fail(offset_of(in, c), "UnexpectedSyntax", "the query is nested too deeply");
    }
    const bool ok = Control<Rule>::template match<A, M, Action, Control>(in, st...);
    --c.nesting;
    --c.depth;
    return ok;
  }
};

// Remembers where Rule failed, so backtracking never re-attempts it at the same offset.
// Alternatives that start alike (a list comprehension and a list literal, a pattern predicate
// and a parenthesized expression) then cost at worst quadratic time in the nesting depth
// instead of exponential. A failure is safe to replay: it depends only on the offset.
template <class Rule>
struct memo {
  using rule_t = memo;
  using subs_t = pg::type_list<Rule>;
  static constexpr char tag = 0;
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    const auto key = std::make_pair(static_cast<const void*>(&tag), offset_of(in, c));
    if (c.failures.count(key) != 0) return false;
    const bool ok = Control<Rule>::template match<A, M, Action, Control>(in, st...);
    if (!ok) c.failures.insert(key);
    return ok;
  }
};

// One more operator in a chain: the resulting tree grows a level (undone by depth_scope).
template <class Rule>
struct deepen {
  using rule_t = deepen;
  using subs_t = pg::type_list<Rule>;
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    if (++c.depth > kMaxTreeDepth) {
      c.fail(offset_of(in, c), "UnexpectedSyntax", "the expression is nested too deeply");
    }
    return Control<Rule>::template match<A, M, Action, Control>(in, st...);
  }
};

template <class Rule>
struct depth_scope {
  using rule_t = depth_scope;
  using subs_t = pg::type_list<Rule>;
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    const std::size_t saved = c.depth;
    const bool ok = Control<Rule>::template match<A, M, Action, Control>(in, st...);
    c.depth = saved;
    return ok;
  }
};

// Operand { Operator Operand }, left-associative.
template <class Operand, class Operator>
using left_chain = depth_scope<pg::seq<Operand, pg::star<deepen<pg::seq<Operator, Operand>>>>>;

struct end_of_input : custom_rule<end_of_input> {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    if (in.empty()) return true;
    c.expect(offset_of(in, c), "end of input", false, true);
    return false;
  }
};

// ---------------------------------------------------------------------------------------------
// Names

// Scans an unquoted name at pos; returns its end (pos when there is none).
inline std::size_t scan_identifier(std::string_view t, std::size_t pos) {
  std::size_t n = identifier_start_length(t, pos);
  if (n == 0) return pos;
  pos += n;
  while (std::size_t m = identifier_part_length(t, pos))
    pos += m;
  return pos;
}

// An unquoted name; reserved words are accepted only when AllowReserved (labels, property keys
// and relationship types may be called `ORDER`, variables may not).
template <bool AllowReserved>
struct unquoted_name_rule : custom_rule<unquoted_name_rule<AllowReserved>> {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::size_t pos = offset_of(in, c);
    const std::size_t end = scan_identifier(c.text, pos);
    if (end == pos) return false;
    if (!AllowReserved && is_reserved_word(c.text.substr(pos, end - pos))) return false;
    in.bump(end - pos);
    skip_blanks(in, c);
    return true;
  }
};
struct plain_name : unquoted_name_rule<false>, kept {};
struct any_name : unquoted_name_rule<true>, kept {};

// `name with spaces`; a doubled backtick stands for one backtick.
struct quoted_name : custom_rule<quoted_name>, kept {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::size_t pos = offset_of(in, c);
    const std::string_view t = c.text;
    if (pos >= t.size() || t[pos] != '`') return false;
    std::size_t i = pos + 1;
    for (;;) {
      std::size_t close = t.find('`', i);
      if (close == std::string_view::npos) {
        c.fail(pos, "UnexpectedSyntax", "this quoted name is never closed: expected '`'");
      }
      if (close + 1 < t.size() && t[close + 1] == '`') {
        i = close + 2;
        continue;
      }
      in.bump(close + 1 - pos);
      break;
    }
    skip_blanks(in, c);
    return true;
  }
};

struct symbolic_name : pg::sor<quoted_name, plain_name> {};
struct schema_name : pg::sor<quoted_name, any_name> {};

struct variable : named<"a variable", symbolic_name>, kept {};
struct property_key_name : named<"a property name", schema_name> {};
struct label_name : named<"a label", schema_name> {};
struct rel_type_name : named<"a relationship type", schema_name>, kept {};

// ---------------------------------------------------------------------------------------------
// Numbers

inline bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}
inline bool is_hex_digit(char ch) {
  return is_digit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

// A number must not run into a name: `123abc` and `0x12g` are malformed numbers, not a number
// followed by a name.
template <class Input>
void check_number_end(Input& /*in*/, ParseContext& c, std::size_t start, std::size_t end) {
  if (identifier_part_length(c.text, end) == 0) return;
  std::size_t e = end;
  while (std::size_t m = identifier_part_length(c.text, e))
    e += m;
  c.fail(start, "InvalidNumberLiteral",
         "invalid number literal '" + std::string(c.text.substr(start, e - start)) + "'");
}

inline std::size_t scan_digits(std::string_view t, std::size_t pos) {
  while (pos < t.size() && is_digit(t[pos]))
    ++pos;
  return pos;
}

// 1.5, .5, 1e10, 1.5E-3
struct float_literal : custom_rule<float_literal>, kept {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::string_view t = c.text;
    const std::size_t start = offset_of(in, c);
    std::size_t pos = scan_digits(t, start);
    bool fraction = false;
    if (pos < t.size() && t[pos] == '.' && pos + 1 < t.size() && is_digit(t[pos + 1])) {
      pos = scan_digits(t, pos + 1);
      fraction = true;
    } else if (pos == start) {
      return false;
    }
    bool exponent = false;
    if (pos < t.size() && (t[pos] == 'e' || t[pos] == 'E')) {
      std::size_t e = pos + 1;
      if (e < t.size() && (t[e] == '-' || t[e] == '+')) ++e;
      if (e < t.size() && is_digit(t[e])) {
        pos = scan_digits(t, e);
        exponent = true;
      }
    }
    if (!fraction && !exponent) return false;
    check_number_end(in, c, start, pos);
    in.bump(pos - start);
    skip_blanks(in, c);
    return true;
  }
};

// 42, 0x2A, 0o52
struct integer_literal : custom_rule<integer_literal>, kept {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::string_view t = c.text;
    const std::size_t start = offset_of(in, c);
    if (start >= t.size() || !is_digit(t[start])) return false;
    std::size_t pos = start + 1;
    if (t[start] == '0' && pos < t.size() && (t[pos] == 'x' || t[pos] == 'o')) {
      const bool hex = t[pos] == 'x';
      std::size_t digits = pos + 1;
      while (digits < t.size() &&
             (hex ? is_hex_digit(t[digits]) : (t[digits] >= '0' && t[digits] <= '7'))) {
        ++digits;
      }
      if (digits > pos + 1) pos = digits;
    } else if (t[start] != '0') {
      pos = scan_digits(t, pos);
    }
    check_number_end(in, c, start, pos);
    in.bump(pos - start);
    skip_blanks(in, c);
    return true;
  }
};

// ---------------------------------------------------------------------------------------------
// Strings

// 'text' or "text" with backslash escapes: \\ \' \" \b \f \n \r \t \uXXXX \UXXXXXXXX.
// The AST builder decodes the escapes; this rule only validates them.
struct string_literal : custom_rule<string_literal>, kept {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::string_view t = c.text;
    const std::size_t start = offset_of(in, c);
    if (start >= t.size() || (t[start] != '\'' && t[start] != '"')) return false;
    const char quote = t[start];
    std::size_t pos = start + 1;
    for (;;) {
      if (pos >= t.size()) {
        c.fail(start, "UnexpectedSyntax",
               std::string("this string is never closed: expected ") + quote);
      }
      const char ch = t[pos];
      if (ch == quote) break;
      if (ch != '\\') {
        ++pos;
        continue;
      }
      const char e = pos + 1 < t.size() ? t[pos + 1] : '\0';
      switch (e) {
        case '\\':
        case '\'':
        case '"':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
        case 'B':
        case 'F':
        case 'N':
        case 'R':
        case 'T':
          pos += 2;
          break;
        case 'u':
        case 'U': {
          const std::size_t want = e == 'u' ? 4 : 8;
          std::size_t k = 0;
          while (k < want && pos + 2 + k < t.size() && is_hex_digit(t[pos + 2 + k]))
            ++k;
          if (k != want) {
            c.fail(pos, "InvalidUnicodeLiteral",
                   std::string("invalid Unicode escape: \\") + e + " must be followed by " +
                       (want == 4 ? "4" : "8") + " hexadecimal digits");
          }
          pos += 2 + want;
          break;
        }
        default:
          c.fail(pos, "UnexpectedSyntax",
                 "invalid escape sequence in string: use \\\\ for a backslash");
      }
    }
    in.bump(pos + 1 - start);
    skip_blanks(in, c);
    return true;
  }
};

// ---------------------------------------------------------------------------------------------
// Parameters: $name, $`quoted name`, $0

struct dollar : custom_rule<dollar> {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    count_step(in, c);
    const std::size_t pos = offset_of(in, c);
    if (pos < c.text.size() && c.text[pos] == '$') {
      in.bump(1);
      return true;
    }
    return false;
  }
};
struct parameter_index : custom_rule<parameter_index>, kept {
  KITH_RULE_MATCH {
    ParseContext& c = context_of(st...);
    const std::size_t start = offset_of(in, c);
    const std::size_t end = scan_digits(c.text, start);
    if (end == start) return false;
    check_number_end(in, c, start, end);
    in.bump(end - start);
    skip_blanks(in, c);
    return true;
  }
};
struct parameter
    : pg::seq<dollar, named<"a parameter name", pg::sor<quoted_name, any_name, parameter_index>>>,
      kept {};

}  // namespace kith::query::grammar
