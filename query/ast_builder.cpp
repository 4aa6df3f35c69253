#include "query/ast_builder.hpp"

#include "graph/utf8_encode.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "query/grammar/statement.hpp"
#include "query/syntax_error.hpp"

namespace kith::query {

namespace {

namespace g = grammar;
using Node = tao::pegtl::parse_tree::node;
using ast::ExprPtr;
using ast::make_expr;

template <class Rule>
bool is(const Node& n) {
  return n.is_type<Rule>();
}

std::uint32_t hex_value(std::string_view digits) {
  std::uint32_t v = 0;
  for (char ch : digits) {
    v *= 16;
    if (ch >= '0' && ch <= '9')
      v += static_cast<std::uint32_t>(ch - '0');
    else if (ch >= 'a' && ch <= 'f')
      v += static_cast<std::uint32_t>(ch - 'a' + 10);
    else
      v += static_cast<std::uint32_t>(ch - 'A' + 10);
  }
  return v;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

class Builder {
 public:
  Builder(const SourceText& source, const std::vector<std::uint32_t>& ws_begin)
      : source_(source), ws_begin_(ws_begin) {}

  ast::Statement statement(const Node& n) {
    ast::Statement st;
    for (const auto& child : n.children) {
      if (is<g::explain_marker>(*child)) {
        st.mode = ast::ExplainMode::Explain;
      } else if (is<g::profile_marker>(*child)) {
        st.mode = ast::ExplainMode::Profile;
      } else {
        st.query = query(*child);
      }
    }
    check_calls(st);
    return st;
  }

 private:
  const SourceText& source_;
  const std::vector<std::uint32_t>& ws_begin_;
  // True while building an expression in which a pattern may stand for a boolean.
  bool predicate_context_ = false;

  // ---- node text and positions

  std::size_t begin(const Node& n) const {
    return static_cast<std::size_t>(n.m_begin.data - source_.text().data());
  }
  std::size_t end(const Node& n) const {
    // Every token swallows the blanks after it; the node's own text ends before them.
    return ws_begin_[static_cast<std::size_t>(n.m_end.data - source_.text().data())];
  }
  std::string_view text(const Node& n) const {
    return source_.text().substr(begin(n), end(n) - begin(n));
  }
  ast::Position pos(const Node& n) const { return source_.position(begin(n)); }

  [[noreturn]] void error(const Node& n, std::string detail, const std::string& message) const {
    throw make_syntax_error(source_, begin(n), std::move(detail), message);
  }
  [[noreturn]] void error_at(std::size_t offset, std::string detail,
                             const std::string& message) const {
    throw make_syntax_error(source_, offset, std::move(detail), message);
  }

  // The name a name-bearing node holds: a bare or `quoted` name, possibly wrapped.
  std::string name(const Node& n) const {
    if (is<g::quoted_name>(n)) {
      std::string_view t = text(n);
      t = t.substr(1, t.size() - 2);
      std::string out;
      for (std::size_t i = 0; i < t.size(); ++i) {
        out += t[i];
        if (t[i] == '`') ++i;  // `` stands for one backtick
      }
      return out;
    }
    if (n.children.empty()) return std::string(text(n));
    return name(*n.children.front());
  }

  // Joins the name parts of a dotted name (procedure or function).
  std::string dotted_name(const Node& n) const {
    std::string out;
    for (const auto& part : n.children) {
      if (!out.empty()) out += '.';
      out += name(*part);
    }
    return out;
  }

  // ---- queries and clauses

  ast::Query query(const Node& n) {
    ast::Query q;
    q.pos = pos(n);
    for (const auto& child : n.children) {
      if (is<g::union_all>(*child)) {
        q.unions.push_back(ast::UnionKind::All);
      } else if (is<g::union_distinct>(*child)) {
        q.unions.push_back(ast::UnionKind::Distinct);
      } else {
        ast::SingleQuery single;
        single.pos = pos(*child);
        for (const auto& c : child->children)
          single.clauses.push_back(clause(*c));
        q.parts.push_back(std::move(single));
      }
    }
    return q;
  }

  ast::Clause clause(const Node& n) {
    ast::Clause c;
    c.pos = pos(n);
    if (is<g::match_clause>(n)) {
      c.node = match(n);
    } else if (is<g::unwind_clause>(n)) {
      c.node = ast::Unwind{expr(*n.children[0]), name(*n.children[1])};
    } else if (is<g::call_clause>(n)) {
      c.node = call(n);
    } else if (is<g::with_clause>(n)) {
      ast::With w;
      w.projection = projection(n, &w.where);
      c.node = std::move(w);
    } else if (is<g::return_clause>(n)) {
      ast::Return r;
      r.projection = projection(n, nullptr);
      c.node = std::move(r);
    } else if (is<g::create_clause>(n)) {
      c.node = ast::Create{pattern(*n.children[0])};
    } else if (is<g::merge_clause>(n)) {
      ast::Merge m;
      m.pattern = pattern_part(*n.children[0]);
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& action = *n.children[i];
        auto items = set_items(*action.children[0]);
        auto& target = is<g::on_create>(action) ? m.on_create : m.on_match;
        for (auto& item : items)
          target.push_back(std::move(item));
      }
      c.node = std::move(m);
    } else if (is<g::set_clause>(n)) {
      c.node = ast::Set{set_items(n)};
    } else if (is<g::remove_clause>(n)) {
      c.node = remove(n);
    } else if (is<g::delete_clause>(n)) {
      ast::Delete d;
      for (const auto& child : n.children) {
        if (is<g::detach_marker>(*child)) {
          d.detach = true;
        } else {
          d.targets.push_back(expr(*child));
        }
      }
      c.node = std::move(d);
    } else if (is<g::foreach_clause>(n)) {
      ast::Foreach f;
      f.variable = name(*n.children[0]);
      f.list = expr(*n.children[1]);
      for (std::size_t i = 2; i < n.children.size(); ++i)
        f.body.push_back(clause(*n.children[i]));
      c.node = std::move(f);
    } else {
      error(n, "UnexpectedSyntax", "internal error: unknown clause " + std::string(n.type));
    }
    return c;
  }

  ast::Match match(const Node& n) {
    ast::Match m;
    for (const auto& child : n.children) {
      if (is<g::optional_marker>(*child)) {
        m.optional = true;
      } else if (is<g::pattern>(*child)) {
        m.pattern = pattern(*child);
      } else {
        m.where = where(*child);
      }
    }
    return m;
  }

  ExprPtr where(const Node& n) {
    const bool saved = predicate_context_;
    predicate_context_ = true;
    ExprPtr e = expr(*n.children[0]);
    predicate_context_ = saved;
    return e;
  }

  ast::Call call(const Node& n) {
    ast::Call c;
    for (const auto& child : n.children) {
      if (is<g::procedure_name>(*child)) {
        c.procedure = dotted_name(*child);
      } else if (is<g::procedure_arguments>(*child)) {
        std::vector<ExprPtr> args;
        for (const auto& a : child->children)
          args.push_back(expr(*a));
        c.args = std::move(args);
      } else if (is<g::yield_star>(*child)) {
        c.yield_star = true;
        yield_star_offsets_.push_back(begin(*child));
      } else if (is<g::yield_item>(*child)) {
        ast::YieldItem item;
        item.variable = name(*child->children.back());
        item.field = child->children.size() == 2 ? name(*child->children[0]) : item.variable;
        c.yields.push_back(std::move(item));
      } else {
        c.where = where(*child);
      }
    }
    return c;
  }

  // `YIELD *` is only for a standalone CALL, where the columns are the procedure's: inside a
  // larger query it would bind names the query text never mentions.
  std::vector<std::size_t> yield_star_offsets_;
  void check_calls(const ast::Statement& st) const {
    if (yield_star_offsets_.empty() || st.is_standalone_call()) return;
    error_at(yield_star_offsets_.front(), "UnexpectedSyntax",
             "YIELD * is only allowed in a standalone CALL; name the fields to yield");
  }

  ast::Projection projection(const Node& n, ExprPtr* with_where) {
    ast::Projection p;
    for (const auto& child : n.children) {
      const Node& c = *child;
      if (is<g::distinct_marker>(c)) {
        p.distinct = true;
      } else if (is<g::projection_star>(c)) {
        p.star = true;
      } else if (is<g::projection_item>(c)) {
        ast::ProjectionItem item;
        item.pos = pos(c);
        item.text = std::string(text(*c.children[0]));
        item.expression = expr(*c.children[0]);
        if (c.children.size() == 2) item.alias = name(*c.children[1]);
        p.items.push_back(std::move(item));
      } else if (is<g::order_by>(c)) {
        for (const auto& s : c.children) {
          ast::SortItem item;
          item.expression = expr(*s->children[0]);
          item.descending = s->children.size() == 2 && is<g::descending>(*s->children[1]);
          p.order_by.push_back(std::move(item));
        }
      } else if (is<g::skip_clause>(c)) {
        p.skip = expr(*c.children[0]);
      } else if (is<g::limit_clause>(c)) {
        p.limit = expr(*c.children[0]);
      } else if (is<g::where_condition>(c) && with_where != nullptr) {
        *with_where = where(c);
      }
    }
    return p;
  }

  std::vector<ast::SetItem> set_items(const Node& n) {
    std::vector<ast::SetItem> items;
    for (const auto& child : n.children) {
      const Node& c = *child;
      ast::SetItem item;
      item.pos = pos(c);
      if (is<g::set_property>(c)) {
        item.kind = ast::SetItem::Kind::Property;
        item.target = property_target(*c.children[0]);
        item.value = expr(*c.children[1]);
      } else if (is<g::set_labels>(c)) {
        item.kind = ast::SetItem::Kind::AddLabels;
        item.variable = name(*c.children[0]);
        for (std::size_t i = 1; i < c.children.size(); ++i) {
          item.labels.push_back(name(*c.children[i]));
        }
      } else {
        item.kind = is<g::set_merge>(c) ? ast::SetItem::Kind::Merge : ast::SetItem::Kind::Replace;
        item.variable = name(*c.children[0]);
        item.value = expr(*c.children[1]);
      }
      items.push_back(std::move(item));
    }
    return items;
  }

  ast::Remove remove(const Node& n) {
    ast::Remove r;
    for (const auto& child : n.children) {
      const Node& c = *child;
      ast::RemoveItem item;
      item.pos = pos(c);
      if (is<g::remove_labels>(c)) {
        item.kind = ast::RemoveItem::Kind::Labels;
        item.variable = name(*c.children[0]);
        for (std::size_t i = 1; i < c.children.size(); ++i) {
          item.labels.push_back(name(*c.children[i]));
        }
      } else {
        item.kind = ast::RemoveItem::Kind::Property;
        item.target = property_target(c);
      }
      r.items.push_back(std::move(item));
    }
    return r;
  }

  // atom .key .key ...
  ExprPtr property_target(const Node& n) {
    ExprPtr e = expr(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      e = make_expr(pos(n), ast::PropertyAccess{std::move(e), name(*n.children[i])});
    }
    return e;
  }

  // ---- patterns

  ast::Pattern pattern(const Node& n) {
    ast::Pattern p;
    for (const auto& part : n.children)
      p.push_back(pattern_part(*part));
    return p;
  }

  ast::PatternPart pattern_part(const Node& n) {
    ast::PatternPart part;
    for (const auto& child : n.children) {
      const Node& c = *child;
      if (is<g::path_binding>(c)) {
        part.path_variable = name(*c.children[0]);
      } else if (is<g::path_search_pattern>(c)) {
        ast::PatternPart inner = path_search(c);
        part.search = inner.search;
        part.start = std::move(inner.start);
        part.steps = std::move(inner.steps);
      } else {
        ast::PatternPart inner = pattern_element(c);
        part.start = std::move(inner.start);
        part.steps = std::move(inner.steps);
      }
    }
    part.pos = pos(n);
    return part;
  }

  ast::PatternPart path_search(const Node& n) {
    ast::PatternPart part = pattern_element(*n.children[1]);
    part.search = is<g::shortest_path>(*n.children[0]) ? ast::PathSearch::ShortestPath
                                                       : ast::PathSearch::AllShortestPaths;
    part.pos = pos(n);
    return part;
  }

  // pattern_element or relationships_pattern: node { relationship node }, or a parenthesized
  // pattern_element.
  ast::PatternPart pattern_element(const Node& n) {
    if (n.children.size() == 1 && is<g::pattern_element>(*n.children[0])) {
      return pattern_element(*n.children[0]);
    }
    ast::PatternPart part;
    part.pos = pos(n);
    part.start = node_pattern(*n.children[0]);
    for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
      part.steps.push_back(
          {relationship_pattern(*n.children[i]), node_pattern(*n.children[i + 1])});
    }
    return part;
  }

  ExprPtr properties(const Node& n) {
    const bool saved = predicate_context_;
    predicate_context_ = false;
    ExprPtr e = expr(n);
    predicate_context_ = saved;
    return e;
  }

  ast::NodePattern node_pattern(const Node& n) {
    ast::NodePattern np;
    np.pos = pos(n);
    for (const auto& child : n.children) {
      const Node& c = *child;
      if (is<g::variable>(c)) {
        np.variable = name(c);
      } else if (is<g::node_label>(c)) {
        np.labels.push_back(name(c));
      } else {
        np.properties = properties(c);
      }
    }
    return np;
  }

  ast::RelationshipPattern relationship_pattern(const Node& n) {
    ast::RelationshipPattern rp;
    rp.pos = pos(n);
    bool left = false;
    bool right = false;
    for (const auto& child : n.children) {
      const Node& c = *child;
      if (is<g::left_arrow>(c)) {
        left = true;
      } else if (is<g::right_arrow>(c)) {
        right = true;
      } else if (is<g::variable>(c)) {
        rp.variable = name(c);
      } else if (is<g::rel_type_name>(c)) {
        rp.types.push_back(name(c));
      } else if (is<g::variable_length>(c)) {
        rp.length = variable_length(c);
      } else {
        rp.properties = properties(c);
      }
    }
    rp.direction = left == right ? ast::Direction::Undirected
                                 : (left ? ast::Direction::Left : ast::Direction::Right);
    return rp;
  }

  ast::VarLength variable_length(const Node& n) {
    ast::VarLength v;
    bool dots = false;
    for (const auto& child : n.children) {
      if (is<g::range_dots>(*child)) {
        dots = true;
        continue;
      }
      const std::int64_t bound = integer(*child, false);
      if (dots) {
        v.max = bound;
      } else {
        v.min = bound;
      }
    }
    if (!dots) v.max = v.min;
    return v;
  }

  // ---- literals

  // `sign` is the unary minus node when the literal is negated: errors point at the sign.
  std::int64_t integer(const Node& n, bool negative, const Node* sign = nullptr) const {
    std::string_view t = text(n);
    int base = 10;
    if (t.size() > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o')) {
      base = t[1] == 'x' ? 16 : 8;
      t.remove_prefix(2);
    }
    std::uint64_t magnitude = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), magnitude, base);
    const std::uint64_t limit =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
    if (ec != std::errc() || ptr != t.data() + t.size() || magnitude > limit) {
      error(sign != nullptr ? *sign : n, "IntegerOverflow",
            "integer literal " + std::string(negative ? "-" : "") + std::string(text(n)) +
                " does not fit in a 64-bit integer");
    }
    if (negative) {
      return magnitude == limit ? std::numeric_limits<std::int64_t>::min()
                                : -static_cast<std::int64_t>(magnitude);
    }
    return static_cast<std::int64_t>(magnitude);
  }

  double floating(const Node& n, bool negative) const {
    const std::string_view t = text(n);
    double value = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec == std::errc::result_out_of_range) {
      const bool tiny =
          t.find("e-") != std::string_view::npos || t.find("E-") != std::string_view::npos;
      if (!tiny) {
        error(n, "FloatingPointOverflow",
              "float literal " + std::string(t) + " is too large for a 64-bit float");
      }
      value = 0.0;
    } else if (ec != std::errc() || ptr != t.data() + t.size() || std::isinf(value)) {
      error(n, "FloatingPointOverflow",
            "float literal " + std::string(t) + " is too large for a 64-bit float");
    }
    return negative ? -value : value;
  }

  std::string string_value(const Node& n) const {
    const std::string_view t = text(n);
    const char quote = t[0];
    std::string out;
    std::size_t i = 1;
    while (i < t.size() && t[i] != quote) {
      if (t[i] != '\\') {
        out += t[i++];
        continue;
      }
      const char e = t[i + 1];
      switch (e) {
        case 'b':
        case 'B':
          out += '\b';
          break;
        case 'f':
        case 'F':
          out += '\f';
          break;
        case 'n':
        case 'N':
          out += '\n';
          break;
        case 'r':
        case 'R':
          out += '\r';
          break;
        case 't':
        case 'T':
          out += '\t';
          break;
        case 'u':
        case 'U': {
          const std::size_t escape_at = begin(n) + i;
          const std::size_t len = e == 'u' ? 4 : 8;
          std::uint32_t cp = hex_value(t.substr(i + 2, len));
          i += 2 + len;
          // A UTF-16 surrogate pair written as two escapes, as Java and JSON do.
          if (cp >= 0xD800 && cp <= 0xDBFF && t.substr(i, 2) == "\\u" && i + 6 <= t.size()) {
            const std::uint32_t low = hex_value(t.substr(i + 2, 4));
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              i += 6;
            }
          }
          if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            error_at(escape_at, "InvalidUnicodeLiteral",
                     "invalid Unicode escape: not a Unicode code point");
          }
          append_utf8(cp, out);
          continue;
        }
        default:  // \\ \' \"
          out += e;
          break;
      }
      i += 2;
    }
    return out;
  }

  // ---- expressions

  // Builds an expression; pattern predicates are allowed in it only when `predicate_context_`
  // is set, and only at its top or under NOT / AND / OR / XOR / parentheses.
  ExprPtr expr(const Node& n) {
    const bool allowed = predicate_context_;
    predicate_context_ = false;
    ExprPtr e = expr_node(n, allowed);
    predicate_context_ = allowed;
    return e;
  }

  // Builds a child that keeps the parent's predicate context.
  ExprPtr logical_operand(const Node& n, bool allowed) {
    predicate_context_ = allowed;
    ExprPtr e = expr(n);
    predicate_context_ = false;
    return e;
  }

  ExprPtr expr_node(const Node& n, bool predicate_allowed) {
    const ast::Position p = pos(n);
    if (is<g::or_expression>(n)) return logical_chain(n, ast::BinaryOp::Or, predicate_allowed);
    if (is<g::xor_expression>(n)) return logical_chain(n, ast::BinaryOp::Xor, predicate_allowed);
    if (is<g::and_expression>(n)) return logical_chain(n, ast::BinaryOp::And, predicate_allowed);
    if (is<g::not_expression>(n)) {
      return make_expr(
          p, ast::Unary{ast::UnaryOp::Not, logical_operand(*n.children[0], predicate_allowed)});
    }
    if (is<g::parenthesized>(n)) return logical_operand(*n.children[0], predicate_allowed);
    if (is<g::comparison_expression>(n)) return comparison(n);
    if (is<g::predicate_expression>(n)) return predicates(n);
    if (is<g::additive_expression>(n) || is<g::multiplicative_expression>(n)) {
      return arithmetic_chain(n);
    }
    if (is<g::power_expression>(n)) {
      ExprPtr acc = expr(*n.children[0]);
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        acc = make_expr(p, ast::Binary{ast::BinaryOp::Power, std::move(acc), expr(*n.children[i])});
      }
      return acc;
    }
    if (is<g::unary_expression>(n)) return unary(n);
    if (is<g::postfix_expression>(n)) return postfix(n);
    if (is<g::relationships_pattern>(n)) {
      if (!predicate_allowed) {
        error(n, "UnexpectedSyntax",
              "a pattern can only be used as a predicate here (in WHERE or exists(...)); use a "
              "pattern comprehension [(a)-->(b) | ...] to collect matches");
      }
      return make_expr(p, ast::PatternPredicate{pattern_element(n)});
    }
    return atom(n);
  }

  ExprPtr logical_chain(const Node& n, ast::BinaryOp op, bool predicate_allowed) {
    ExprPtr acc = logical_operand(*n.children[0], predicate_allowed);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      acc = make_expr(pos(n), ast::Binary{op, std::move(acc),
                                          logical_operand(*n.children[i], predicate_allowed)});
    }
    return acc;
  }

  ExprPtr comparison(const Node& n) {
    ast::Comparison c;
    c.operands.push_back(expr(*n.children[0]));
    for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
      const std::string_view op = text(*n.children[i]);
      ast::CompareOp o = ast::CompareOp::Eq;
      if (op == "<>")
        o = ast::CompareOp::Ne;
      else if (op == "<=")
        o = ast::CompareOp::Le;
      else if (op == ">=")
        o = ast::CompareOp::Ge;
      else if (op == "<")
        o = ast::CompareOp::Lt;
      else if (op == ">")
        o = ast::CompareOp::Gt;
      c.ops.push_back(o);
      c.operands.push_back(expr(*n.children[i + 1]));
    }
    return make_expr(pos(n), std::move(c));
  }

  ExprPtr predicates(const Node& n) {
    const ast::Position p = pos(n);
    ExprPtr acc = expr(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& s = *n.children[i];
      if (is<g::is_null_suffix>(s) || is<g::is_not_null_suffix>(s)) {
        acc = make_expr(p, ast::IsNull{std::move(acc), is<g::is_not_null_suffix>(s)});
        continue;
      }
      ast::BinaryOp op = ast::BinaryOp::In;
      if (is<g::starts_with_suffix>(s))
        op = ast::BinaryOp::StartsWith;
      else if (is<g::ends_with_suffix>(s))
        op = ast::BinaryOp::EndsWith;
      else if (is<g::contains_suffix>(s))
        op = ast::BinaryOp::Contains;
      else if (is<g::regex_suffix>(s))
        op = ast::BinaryOp::RegexMatch;
      acc = make_expr(p, ast::Binary{op, std::move(acc), expr(*s.children[0])});
    }
    return acc;
  }

  ExprPtr arithmetic_chain(const Node& n) {
    ExprPtr acc = expr(*n.children[0]);
    for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
      const Node& o = *n.children[i];
      ast::BinaryOp op = ast::BinaryOp::Add;
      if (is<g::subtract_operator>(o))
        op = ast::BinaryOp::Subtract;
      else if (is<g::multiply_operator>(o))
        op = ast::BinaryOp::Multiply;
      else if (is<g::divide_operator>(o))
        op = ast::BinaryOp::Divide;
      else if (is<g::modulo_operator>(o))
        op = ast::BinaryOp::Modulo;
      acc = make_expr(pos(n), ast::Binary{op, std::move(acc), expr(*n.children[i + 1])});
    }
    return acc;
  }

  ExprPtr unary(const Node& n) {
    const bool minus = is<g::unary_minus>(*n.children[0]);
    const Node& operand = *n.children[1];
    // -9223372036854775808 is a valid literal although 9223372036854775808 is not, so a sign
    // directly before a number is part of the literal.
    if (minus && is<g::integer_literal>(operand)) {
      return make_expr(pos(n), ast::Literal{Value(integer(operand, true, &n))});
    }
    if (minus && is<g::float_literal>(operand)) {
      return make_expr(pos(n), ast::Literal{Value(floating(operand, true))});
    }
    return make_expr(pos(n),
                     ast::Unary{minus ? ast::UnaryOp::Negate : ast::UnaryOp::Plus, expr(operand)});
  }

  ExprPtr postfix(const Node& n) {
    const ast::Position p = pos(n);
    ExprPtr acc = expr(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& s = *n.children[i];
      if (is<g::property_lookup>(s)) {
        acc = make_expr(p, ast::PropertyAccess{std::move(acc), name(s)});
      } else if (is<g::label_predicate>(s)) {
        ast::HasLabels h{std::move(acc), {}};
        for (const auto& label : s.children)
          h.labels.push_back(name(*label));
        acc = make_expr(p, std::move(h));
      } else {
        acc = subscript(p, std::move(acc), s);
      }
    }
    return acc;
  }

  ExprPtr subscript(ast::Position p, ExprPtr object, const Node& s) {
    bool dots = false;
    ExprPtr before;
    ExprPtr after;
    for (const auto& child : s.children) {
      if (is<g::slice_dots>(*child)) {
        dots = true;
      } else if (dots) {
        after = expr(*child);
      } else {
        before = expr(*child);
      }
    }
    if (!dots) return make_expr(p, ast::Subscript{std::move(object), std::move(before)});
    return make_expr(p, ast::Slice{std::move(object), std::move(before), std::move(after)});
  }

  ExprPtr atom(const Node& n) {
    const ast::Position p = pos(n);
    if (is<g::integer_literal>(n)) return make_expr(p, ast::Literal{Value(integer(n, false))});
    if (is<g::float_literal>(n)) return make_expr(p, ast::Literal{Value(floating(n, false))});
    if (is<g::string_literal>(n)) return make_expr(p, ast::Literal{Value(string_value(n))});
    if (is<g::null_literal>(n)) return make_expr(p, ast::Literal{Value()});
    if (is<g::true_literal>(n)) return make_expr(p, ast::Literal{Value(true)});
    if (is<g::false_literal>(n)) return make_expr(p, ast::Literal{Value(false)});
    if (is<g::parameter>(n)) return make_expr(p, ast::Parameter{name(n)});
    if (is<g::variable>(n)) return make_expr(p, ast::Variable{name(n)});
    if (is<g::list_literal>(n)) {
      ast::ListLiteral list;
      for (const auto& child : n.children)
        list.elements.push_back(expr(*child));
      return make_expr(p, std::move(list));
    }
    if (is<g::map_literal>(n)) {
      ast::MapLiteral map;
      for (const auto& entry : n.children) {
        map.entries.emplace_back(name(*entry->children[0]), expr(*entry->children[1]));
      }
      return make_expr(p, std::move(map));
    }
    if (is<g::count_star>(n)) return make_expr(p, ast::CountStar{});
    if (is<g::case_expression>(n)) return case_expression(n);
    if (is<g::list_comprehension>(n)) return list_comprehension(n);
    if (is<g::pattern_comprehension>(n)) return pattern_comprehension(n);
    if (is<g::quantifier>(n)) return quantifier(n);
    if (is<g::reduce_expression>(n)) {
      return make_expr(p,
                       ast::Reduce{name(*n.children[0]), expr(*n.children[1]), name(*n.children[2]),
                                   expr(*n.children[3]), expr(*n.children[4])});
    }
    if (is<g::path_search_pattern>(n)) return make_expr(p, ast::ShortestPathExpr{path_search(n)});
    if (is<g::exists_subquery>(n)) return exists_subquery(n);
    if (is<g::function_call>(n)) return function_call(n);
    if (is<g::map_projection>(n)) return map_projection(n);
    error(n, "UnexpectedSyntax", "internal error: unknown expression " + std::string(n.type));
  }

  ExprPtr case_expression(const Node& n) {
    ast::Case c;
    for (const auto& child : n.children) {
      if (is<g::case_when>(*child)) {
        c.alternatives.push_back({expr(*child->children[0]), expr(*child->children[1])});
      } else if (is<g::case_else>(*child)) {
        c.otherwise = expr(*child->children[0]);
      } else {
        c.subject = expr(*child);
      }
    }
    return make_expr(pos(n), std::move(c));
  }

  ExprPtr list_comprehension(const Node& n) {
    ast::ListComprehension lc;
    lc.variable = name(*n.children[0]);
    lc.list = expr(*n.children[1]);
    for (std::size_t i = 2; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      if (is<g::where_condition>(c)) {
        lc.where = where(c);
      } else {
        lc.projection = expr(*c.children[0]);
      }
    }
    return make_expr(pos(n), std::move(lc));
  }

  ExprPtr pattern_comprehension(const Node& n) {
    ast::PatternComprehension pc;
    std::optional<std::string> path;
    for (const auto& child : n.children) {
      const Node& c = *child;
      if (is<g::path_binding>(c)) {
        path = name(*c.children[0]);
      } else if (is<g::relationships_pattern>(c)) {
        pc.pattern = pattern_element(c);
      } else if (is<g::where_condition>(c)) {
        pc.where = where(c);
      } else {
        pc.projection = expr(*c.children[0]);
      }
    }
    pc.pattern.path_variable = std::move(path);
    return make_expr(pos(n), std::move(pc));
  }

  ExprPtr quantifier(const Node& n) {
    ast::Quantifier q;
    const Node& kind = *n.children[0];
    q.kind = is<g::quantifier_all>(kind)    ? ast::QuantifierKind::All
             : is<g::quantifier_any>(kind)  ? ast::QuantifierKind::Any
             : is<g::quantifier_none>(kind) ? ast::QuantifierKind::None
                                            : ast::QuantifierKind::Single;
    q.variable = name(*n.children[1]);
    q.list = expr(*n.children[2]);
    if (n.children.size() > 3) q.where = where(*n.children[3]);
    return make_expr(pos(n), std::move(q));
  }

  ExprPtr exists_subquery(const Node& n) {
    ast::ExistsSubquery e;
    for (const auto& child : n.children) {
      const Node& c = *child;
      if (is<g::regular_query>(c)) {
        e.query = std::make_unique<ast::Query>(query(c));
      } else if (is<g::pattern>(c)) {
        e.pattern = pattern(c);
      } else {
        e.where = where(c);
      }
    }
    return make_expr(pos(n), std::move(e));
  }

  ExprPtr function_call(const Node& n) {
    ast::FunctionCall f;
    f.name = dotted_name(*n.children[0]);
    // exists((a)-->(b)) tests a pattern: the one function whose argument may be one.
    const bool is_exists = iequals(f.name, "exists");
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      if (is<g::distinct_marker>(c)) {
        f.distinct = true;
      } else if (is_exists) {
        f.args.push_back(logical_operand(c, true));
      } else {
        f.args.push_back(expr(c));
      }
    }
    return make_expr(pos(n), std::move(f));
  }

  ExprPtr map_projection(const Node& n) {
    ast::MapProjection m;
    m.variable = name(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      ast::MapProjectionItem item;
      if (is<g::all_properties_selector>(c)) {
        item.kind = ast::MapProjectionItem::Kind::AllProperties;
      } else if (is<g::property_selector>(c)) {
        item.kind = ast::MapProjectionItem::Kind::Property;
        item.name = name(c);
      } else if (is<g::map_entry>(c)) {
        item.kind = ast::MapProjectionItem::Kind::Entry;
        item.name = name(*c.children[0]);
        item.value = expr(*c.children[1]);
      } else {
        item.kind = ast::MapProjectionItem::Kind::Variable;
        item.name = name(c);
      }
      m.items.push_back(std::move(item));
    }
    return make_expr(pos(n), std::move(m));
  }
};

}  // namespace

ast::Statement build_statement(const tao::pegtl::parse_tree::node& statement,
                               const SourceText& source,
                               const std::vector<std::uint32_t>& ws_begin) {
  return Builder(source, ws_begin).statement(statement);
}

}  // namespace kith::query
