#include "query/ast_printer.hpp"

#include <fmt/format.h>

#include "query/keywords.hpp"

namespace kith::query::ast {

namespace {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
// C++20 deduces this for aggregates; clang 14 (the fuzzing build) still needs the guide.
template <class... F>
overloaded(F...) -> overloaded<F...>;

class Printer {
 public:
  std::string out;

  void statement(const Statement& s) {
    if (s.mode == ExplainMode::Explain) out += "(explain ";
    if (s.mode == ExplainMode::Profile) out += "(profile ";
    query(s.query);
    if (s.mode != ExplainMode::None) out += ')';
  }

  void query(const Query& q) {
    if (q.parts.size() == 1) {
      single(q.parts[0]);
      return;
    }
    out += "(union ";
    for (std::size_t i = 0; i < q.parts.size(); ++i) {
      if (i > 0)
        out +=
            i - 1 < q.unions.size() && q.unions[i - 1] == UnionKind::All ? " all " : " distinct ";
      single(q.parts[i]);
    }
    out += ')';
  }

  void single(const SingleQuery& s) {
    out += "(query";
    for (const Clause& c : s.clauses) {
      out += ' ';
      clause(c);
    }
    out += ')';
  }

  void clause(const Clause& c) {
    std::visit(overloaded{
                   [&](const Match& m) {
                     out += m.optional ? "(optional-match " : "(match ";
                     pattern(m.pattern);
                     where(m.where);
                     out += ')';
                   },
                   [&](const Unwind& u) {
                     out += "(unwind ";
                     expr(*u.list);
                     out += ' ' + name(u.variable) + ')';
                   },
                   [&](const With& w) {
                     out += "(with";
                     projection(w.projection);
                     where(w.where);
                     out += ')';
                   },
                   [&](const Return& r) {
                     out += "(return";
                     projection(r.projection);
                     out += ')';
                   },
                   [&](const Call& call) { this->call(call); },
                   [&](const Create& cr) {
                     out += "(create ";
                     pattern(cr.pattern);
                     out += ')';
                   },
                   [&](const Merge& m) {
                     out += "(merge ";
                     path(m.pattern);
                     if (!m.on_create.empty()) {
                       out += " (on-create";
                       set_items(m.on_create);
                       out += ')';
                     }
                     if (!m.on_match.empty()) {
                       out += " (on-match";
                       set_items(m.on_match);
                       out += ')';
                     }
                     out += ')';
                   },
                   [&](const Set& s) {
                     out += "(set";
                     set_items(s.items);
                     out += ')';
                   },
                   [&](const Remove& r) {
                     out += "(remove";
                     for (const RemoveItem& item : r.items) {
                       out += ' ';
                       if (item.kind == RemoveItem::Kind::Property) {
                         expr(*item.target);
                       } else {
                         out += "(labels " + name(item.variable) + labels(item.labels) + ')';
                       }
                     }
                     out += ')';
                   },
                   [&](const Delete& d) {
                     out += d.detach ? "(detach-delete" : "(delete";
                     for (const ExprPtr& e : d.targets) {
                       out += ' ';
                       expr(*e);
                     }
                     out += ')';
                   },
                   [&](const Foreach& f) {
                     out += "(foreach " + name(f.variable) + ' ';
                     expr(*f.list);
                     for (const Clause& inner : f.body) {
                       out += ' ';
                       clause(inner);
                     }
                     out += ')';
                   },
               },
               c.node);
  }

  void call(const Call& c) {
    out += "(call " + c.procedure;
    if (c.args) {
      out += " (args";
      for (const ExprPtr& a : *c.args) {
        out += ' ';
        expr(*a);
      }
      out += ')';
    }
    if (c.yield_star) out += " (yield *)";
    if (!c.yields.empty()) {
      out += " (yield";
      for (const YieldItem& y : c.yields) {
        out += ' ';
        if (y.field == y.variable) {
          out += name(y.variable);
        } else {
          out += "(as " + name(y.field) + ' ' + name(y.variable) + ')';
        }
      }
      out += ')';
    }
    where(c.where);
    out += ')';
  }

  void projection(const Projection& p) {
    if (p.distinct) out += " distinct";
    if (p.star) out += " *";
    for (const ProjectionItem& item : p.items) {
      out += ' ';
      if (item.alias) out += "(as ";
      expr(*item.expression);
      if (item.alias) out += ' ' + name(*item.alias) + ')';
    }
    if (!p.order_by.empty()) {
      out += " (order-by";
      for (const SortItem& s : p.order_by) {
        out += s.descending ? " (desc " : " (asc ";
        expr(*s.expression);
        out += ')';
      }
      out += ')';
    }
    if (p.skip) {
      out += " (skip ";
      expr(*p.skip);
      out += ')';
    }
    if (p.limit) {
      out += " (limit ";
      expr(*p.limit);
      out += ')';
    }
  }

  void where(const ExprPtr& w) {
    if (!w) return;
    out += " (where ";
    expr(*w);
    out += ')';
  }

  void set_items(const std::vector<SetItem>& items) {
    for (const SetItem& item : items) {
      out += ' ';
      switch (item.kind) {
        case SetItem::Kind::Property:
          out += "(= ";
          expr(*item.target);
          out += ' ';
          expr(*item.value);
          out += ')';
          break;
        case SetItem::Kind::Replace:
        case SetItem::Kind::Merge:
          out += item.kind == SetItem::Kind::Replace ? "(= " : "(+= ";
          out += name(item.variable) + ' ';
          expr(*item.value);
          out += ')';
          break;
        case SetItem::Kind::AddLabels:
          out += "(labels " + name(item.variable) + labels(item.labels) + ')';
          break;
      }
    }
  }

  // ---- patterns

  void pattern(const Pattern& p) {
    out += "(pattern";
    for (const PatternPart& part : p) {
      out += ' ';
      path(part);
    }
    out += ')';
  }

  void path(const PatternPart& p) {
    switch (p.search) {
      case PathSearch::None:
        out += "(path";
        break;
      case PathSearch::ShortestPath:
        out += "(shortest-path";
        break;
      case PathSearch::AllShortestPaths:
        out += "(all-shortest-paths";
        break;
    }
    if (p.path_variable) out += ' ' + name(*p.path_variable) + " =";
    out += ' ';
    node(p.start);
    for (const PatternStep& step : p.steps) {
      out += ' ';
      relationship(step.relationship);
      out += ' ';
      node(step.node);
    }
    out += ')';
  }

  void node(const NodePattern& n) {
    out += "(node";
    if (n.variable) out += ' ' + name(*n.variable);
    if (!n.labels.empty()) out += labels(n.labels);
    if (n.properties) {
      out += ' ';
      expr(*n.properties);
    }
    out += ')';
  }

  void relationship(const RelationshipPattern& r) {
    out += r.direction == Direction::Right  ? "(rel ->"
           : r.direction == Direction::Left ? "(rel <-"
                                            : "(rel --";
    if (r.variable) out += ' ' + name(*r.variable);
    for (std::size_t i = 0; i < r.types.size(); ++i) {
      out += i == 0 ? " :" : "|";
      out += name(r.types[i]);
    }
    if (r.length) {
      out += " *";
      const VarLength& v = *r.length;
      if (v.min && v.max && *v.min == *v.max) {
        out += std::to_string(*v.min);
      } else if (v.min || v.max) {
        if (v.min) out += std::to_string(*v.min);
        out += "..";
        if (v.max) out += std::to_string(*v.max);
      }
    }
    if (r.properties) {
      out += ' ';
      expr(*r.properties);
    }
    out += ')';
  }

  // ---- expressions

  static const char* binary_name(BinaryOp op) {
    switch (op) {
      case BinaryOp::Or:
        return "or";
      case BinaryOp::Xor:
        return "xor";
      case BinaryOp::And:
        return "and";
      case BinaryOp::Add:
        return "+";
      case BinaryOp::Subtract:
        return "-";
      case BinaryOp::Multiply:
        return "*";
      case BinaryOp::Divide:
        return "/";
      case BinaryOp::Modulo:
        return "%";
      case BinaryOp::Power:
        return "^";
      case BinaryOp::In:
        return "in";
      case BinaryOp::StartsWith:
        return "starts-with";
      case BinaryOp::EndsWith:
        return "ends-with";
      case BinaryOp::Contains:
        return "contains";
      case BinaryOp::RegexMatch:
        return "=~";
    }
    return "?";
  }

  static const char* compare_name(CompareOp op) {
    switch (op) {
      case CompareOp::Eq:
        return "=";
      case CompareOp::Ne:
        return "<>";
      case CompareOp::Lt:
        return "<";
      case CompareOp::Gt:
        return ">";
      case CompareOp::Le:
        return "<=";
      case CompareOp::Ge:
        return ">=";
    }
    return "?";
  }

  void opt_expr(const ExprPtr& e) {
    if (e) {
      expr(*e);
    } else {
      out += '_';
    }
  }

  void expr(const Expr& e) {
    std::visit(
        overloaded{
            [&](const Literal& l) { literal(l.value); },
            [&](const Parameter& p) {
              // `$0` and `$limit` need no quotes: `$` already marks a parameter.
              const bool index = p.name.find_first_not_of("0123456789") == std::string::npos;
              out += '$' + (index && !p.name.empty() ? p.name : name(p.name, false));
            },
            [&](const Variable& v) { out += name(v.name); },
            [&](const ListLiteral& l) {
              out += "(list";
              for (const ExprPtr& x : l.elements) {
                out += ' ';
                expr(*x);
              }
              out += ')';
            },
            [&](const MapLiteral& m) {
              out += "(map";
              for (const auto& [k, v] : m.entries) {
                out += " (" + name(k) + ' ';
                expr(*v);
                out += ')';
              }
              out += ')';
            },
            [&](const PropertyAccess& p) {
              out += "(. ";
              expr(*p.object);
              out += ' ' + name(p.key) + ')';
            },
            [&](const Subscript& s) {
              out += "([] ";
              expr(*s.object);
              out += ' ';
              expr(*s.index);
              out += ')';
            },
            [&](const Slice& s) {
              out += "([..] ";
              expr(*s.object);
              out += ' ';
              opt_expr(s.from);
              out += ' ';
              opt_expr(s.to);
              out += ')';
            },
            [&](const HasLabels& h) {
              out += "(has-labels ";
              expr(*h.object);
              out += labels(h.labels) + ')';
            },
            [&](const Unary& u) {
              out += u.op == UnaryOp::Not ? "(not " : u.op == UnaryOp::Negate ? "(- " : "(+ ";
              expr(*u.operand);
              out += ')';
            },
            [&](const Binary& b) {
              out += '(';
              out += binary_name(b.op);
              out += ' ';
              expr(*b.lhs);
              out += ' ';
              expr(*b.rhs);
              out += ')';
            },
            [&](const Comparison& c) {
              if (c.ops.size() == 1) {
                out += '(';
                out += compare_name(c.ops[0]);
                out += ' ';
                expr(*c.operands[0]);
                out += ' ';
                expr(*c.operands[1]);
                out += ')';
                return;
              }
              out += "(compare ";
              expr(*c.operands[0]);
              for (std::size_t i = 0; i < c.ops.size(); ++i) {
                out += ' ';
                out += compare_name(c.ops[i]);
                out += ' ';
                expr(*c.operands[i + 1]);
              }
              out += ')';
            },
            [&](const IsNull& n) {
              out += n.negated ? "(is-not-null " : "(is-null ";
              expr(*n.operand);
              out += ')';
            },
            [&](const FunctionCall& f) {
              out += "(fn " + f.name;
              if (f.distinct) out += " distinct";
              for (const ExprPtr& a : f.args) {
                out += ' ';
                expr(*a);
              }
              out += ')';
            },
            [&](const CountStar&) { out += "(count-star)"; },
            [&](const Case& c) {
              out += "(case";
              if (c.subject) {
                out += ' ';
                expr(*c.subject);
              }
              for (const CaseAlternative& a : c.alternatives) {
                out += " (when ";
                expr(*a.when);
                out += ' ';
                expr(*a.then);
                out += ')';
              }
              if (c.otherwise) {
                out += " (else ";
                expr(*c.otherwise);
                out += ')';
              }
              out += ')';
            },
            [&](const ListComprehension& l) {
              out += "(list-comp " + name(l.variable) + ' ';
              expr(*l.list);
              where(l.where);
              projection_bar(l.projection);
              out += ')';
            },
            [&](const Quantifier& q) {
              static const char* const kinds[] = {"all", "any", "none", "single"};
              out += '(';
              out += kinds[static_cast<int>(q.kind)];
              out += ' ' + name(q.variable) + ' ';
              expr(*q.list);
              where(q.where);
              out += ')';
            },
            [&](const Reduce& r) {
              out += "(reduce " + name(r.accumulator) + ' ';
              expr(*r.init);
              out += ' ' + name(r.variable) + ' ';
              expr(*r.list);
              out += ' ';
              expr(*r.expression);
              out += ')';
            },
            [&](const PatternComprehension& p) {
              out += "(pattern-comp ";
              path(p.pattern);
              where(p.where);
              projection_bar(p.projection);
              out += ')';
            },
            [&](const PatternPredicate& p) {
              out += "(pattern-pred ";
              path(p.pattern);
              out += ')';
            },
            [&](const ShortestPathExpr& s) { path(s.pattern); },
            [&](const ExistsSubquery& x) {
              out += "(exists ";
              if (x.query) {
                query(*x.query);
              } else {
                pattern(x.pattern);
                where(x.where);
              }
              out += ')';
            },
            [&](const MapProjection& m) {
              out += "(map-proj " + name(m.variable);
              for (const MapProjectionItem& item : m.items) {
                out += ' ';
                switch (item.kind) {
                  case MapProjectionItem::Kind::Property:
                    out += '.' + name(item.name);
                    break;
                  case MapProjectionItem::Kind::AllProperties:
                    out += ".*";
                    break;
                  case MapProjectionItem::Kind::Entry:
                    out += '(' + name(item.name) + ' ';
                    expr(*item.value);
                    out += ')';
                    break;
                  case MapProjectionItem::Kind::Variable:
                    out += name(item.name);
                    break;
                }
              }
              out += ')';
            },
        },
        e.node);
  }

  void projection_bar(const ExprPtr& e) {
    if (!e) return;
    out += " (| ";
    expr(*e);
    out += ')';
  }

  void literal(const Value& v) {
    if (v.is<Null>()) {
      out += "null";
    } else if (const bool* b = v.get_if<bool>()) {
      out += *b ? "true" : "false";
    } else if (const std::int64_t* i = v.get_if<std::int64_t>()) {
      out += std::to_string(*i);
    } else if (const double* d = v.get_if<double>()) {
      std::string s = fmt::format("{}", *d);
      if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
      out += s;
    } else if (const std::string* s = v.get_if<std::string>()) {
      out += '\'';
      for (char ch : *s) {
        switch (ch) {
          case '\'':
            out += "\\'";
            break;
          case '\\':
            out += "\\\\";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\t':
            out += "\\t";
            break;
          case '\r':
            out += "\\r";
            break;
          default:
            out += ch;
        }
      }
      out += '\'';
    } else {
      out += "?";
    }
  }

  // Names print bare when they could be written bare, otherwise in backticks.
  static std::string name(const std::string& n, bool quote_reserved = true) {
    bool plain =
        !n.empty() && !(n[0] >= '0' && n[0] <= '9') && !(quote_reserved && is_reserved_word(n));
    for (char ch : n) {
      const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                      (ch >= '0' && ch <= '9') || ch == '_' ||
                      static_cast<unsigned char>(ch) >= 0x80;
      plain = plain && ok;
    }
    if (plain) return n;
    std::string out = "`";
    for (char ch : n) {
      out += ch;
      if (ch == '`') out += '`';
    }
    return out + '`';
  }

  static std::string labels(const std::vector<std::string>& ls) {
    std::string out;
    for (const std::string& l : ls)
      out += " :" + name(l);
    return out;
  }
};

}  // namespace

std::string to_sexpr(const Statement& statement) {
  Printer p;
  p.statement(statement);
  return p.out;
}

std::string to_sexpr(const Query& query) {
  Printer p;
  p.query(query);
  return p.out;
}

std::string to_sexpr(const Clause& clause) {
  Printer p;
  p.clause(clause);
  return p.out;
}

std::string to_sexpr(const Expr& expr) {
  Printer p;
  p.expr(expr);
  return p.out;
}

std::string to_sexpr(const PatternPart& part) {
  Printer p;
  p.path(part);
  return p.out;
}

}  // namespace kith::query::ast
