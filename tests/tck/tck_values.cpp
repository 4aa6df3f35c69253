#include "tck_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace kith::tck {

namespace {

// A value of either side, before rendering: plain data, or a node / relationship / path.
struct TValue {
  enum class Kind { Null, Bool, Int, Float, String, List, Map, Node, Rel, Path };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;                                 // String
  std::vector<TValue> items;                        // List; Path: node, rel, node, ...
  std::vector<std::pair<std::string, TValue>> map;  // Map; Node/Rel properties
  std::vector<std::string> labels;                  // Node labels; Rel: one type
  bool forward = true;                              // Rel inside a path
};

std::string format_float(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  // -0.0 equals 0.0, and the TCK writes it as 0.0 (Literals5): compare them as one value.
  if (d == 0) d = 0.0;
  std::string s = fmt::format("{}", d);
  if (auto e = s.find("e+"); e != std::string::npos) s.erase(e + 1, 1);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string render(const TValue& v, bool sort_lists);

std::string render_map(const std::vector<std::pair<std::string, TValue>>& entries,
                       bool sort_lists) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : entries)
    parts.push_back(k + ": " + render(v, sort_lists));
  std::sort(parts.begin(), parts.end());
  return "{" + fmt::format("{}", fmt::join(parts, ", ")) + "}";
}

std::string render_entity_body(const TValue& v, bool sort_lists) {
  std::vector<std::string> labels = v.labels;
  std::sort(labels.begin(), labels.end());
  std::string out;
  for (const auto& l : labels)
    out += ":" + l;
  if (!v.map.empty()) {
    if (!out.empty()) out += ' ';
    out += render_map(v.map, sort_lists);
  }
  return out;
}

std::string render(const TValue& v, bool sort_lists) {
  switch (v.kind) {
    case TValue::Kind::Null:
      return "null";
    case TValue::Kind::Bool:
      return v.boolean ? "true" : "false";
    case TValue::Kind::Int:
      return fmt::format("{}", v.integer);
    case TValue::Kind::Float:
      return format_float(v.real);
    case TValue::Kind::String:
      return quote(v.text);
    case TValue::Kind::List: {
      std::vector<std::string> parts;
      for (const auto& item : v.items)
        parts.push_back(render(item, sort_lists));
      if (sort_lists) std::sort(parts.begin(), parts.end());
      return "[" + fmt::format("{}", fmt::join(parts, ", ")) + "]";
    }
    case TValue::Kind::Map:
      return render_map(v.map, sort_lists);
    case TValue::Kind::Node:
      return "(" + render_entity_body(v, sort_lists) + ")";
    case TValue::Kind::Rel:
      return "[" + render_entity_body(v, sort_lists) + "]";
    case TValue::Kind::Path: {
      std::string out = "<";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        const TValue& part = v.items[i];
        if (part.kind == TValue::Kind::Rel) {
          const std::string rel = render(part, sort_lists);
          out += part.forward ? "-" + rel + "->" : "<-" + rel + "-";
        } else {
          out += render(part, sort_lists);
        }
      }
      return out + ">";
    }
  }
  return "?";
}

// ---- The TCK's value syntax

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  TValue parse_all() {
    TValue v = value();
    skip();
    if (i_ != s_.size()) fail("unexpected text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw ParseError(fmt::format("{} at {} in `{}`", what, i_, s_));
  }
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n'))
      ++i_;
  }
  bool eat(std::string_view token) {
    skip();
    if (s_.substr(i_, token.size()) == token) {
      i_ += token.size();
      return true;
    }
    return false;
  }
  void expect(std::string_view token) {
    if (!eat(token)) fail(fmt::format("expected '{}'", token));
  }
  char peek() {
    skip();
    return i_ < s_.size() ? s_[i_] : '\0';
  }

  std::string identifier() {
    skip();
    if (i_ < s_.size() && s_[i_] == '`') {
      const auto end = s_.find('`', i_ + 1);
      if (end == std::string_view::npos) fail("unclosed backtick");
      std::string name(s_.substr(i_ + 1, end - i_ - 1));
      i_ = end + 1;
      return name;
    }
    const std::size_t start = i_;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (std::isalnum(c) || c == '_' || c >= 0x80) {
        ++i_;
      } else {
        break;
      }
    }
    if (i_ == start) fail("expected a name");
    return std::string(s_.substr(start, i_ - start));
  }

  TValue value() {
    const char c = peek();
    if (c == '\'' || c == '"') return string_value();
    if (c == '[') return list_value();
    if (c == '{') {
      TValue v;
      v.kind = TValue::Kind::Map;
      v.map = map_entries();
      return v;
    }
    if (c == '(') return node_value();
    if (c == '<') return path_value();
    if (eat("null")) return TValue{};
    if (eat("true")) return bool_value(true);
    if (eat("false")) return bool_value(false);
    if (eat("NaN")) return float_value(std::nan(""));
    if (eat("-Infinity")) return float_value(-INFINITY);
    if (eat("Infinity")) return float_value(INFINITY);
    return number_value();
  }

  static TValue bool_value(bool b) {
    TValue v;
    v.kind = TValue::Kind::Bool;
    v.boolean = b;
    return v;
  }
  static TValue float_value(double d) {
    TValue v;
    v.kind = TValue::Kind::Float;
    v.real = d;
    return v;
  }

  TValue number_value() {
    skip();
    const std::size_t start = i_;
    if (i_ < s_.size() && (s_[i_] == '-' || s_[i_] == '+')) ++i_;
    bool real = false;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++i_;
      } else if (c == '.' || c == 'e' || c == 'E') {
        real = true;
        ++i_;
        if ((c == 'e' || c == 'E') && i_ < s_.size() && (s_[i_] == '-' || s_[i_] == '+')) ++i_;
      } else {
        break;
      }
    }
    const std::string digits(s_.substr(start, i_ - start));
    if (digits.empty() || digits == "-" || digits == "+") fail("expected a value");
    TValue v;
    try {
      if (real) {
        v.kind = TValue::Kind::Float;
        v.real = std::stod(digits);
      } else {
        v.kind = TValue::Kind::Int;
        v.integer = std::stoll(digits);
      }
    } catch (const std::exception&) {
      fail("bad number " + digits);
    }
    return v;
  }

  TValue string_value() {
    skip();
    const char q = s_[i_++];
    TValue v;
    v.kind = TValue::Kind::String;
    while (i_ < s_.size() && s_[i_] != q) {
      char c = s_[i_++];
      if (c == '\\' && i_ < s_.size()) {
        c = s_[i_++];
        switch (c) {
          case 'n':
            c = '\n';
            break;
          case 't':
            c = '\t';
            break;
          case 'r':
            c = '\r';
            break;
          case 'b':
            c = '\b';
            break;
          case 'f':
            c = '\f';
            break;
          default:
            break;
        }
      }
      v.text += c;
    }
    if (i_ >= s_.size()) fail("unclosed string");
    ++i_;
    return v;
  }

  TValue list_value() {
    expect("[");
    TValue v;
    v.kind = TValue::Kind::List;
    if (eat("]")) return v;
    // `[:T ...]` at the top level of a cell is a relationship, not a list.
    if (peek() == ':') {
      TValue rel = rel_body();
      expect("]");
      return rel;
    }
    do {
      v.items.push_back(value());
    } while (eat(","));
    expect("]");
    return v;
  }

  std::vector<std::pair<std::string, TValue>> map_entries() {
    expect("{");
    std::vector<std::pair<std::string, TValue>> entries;
    if (eat("}")) return entries;
    do {
      std::string key = identifier();
      expect(":");
      entries.emplace_back(std::move(key), value());
    } while (eat(","));
    expect("}");
    return entries;
  }

  TValue node_value() {
    expect("(");
    TValue v;
    v.kind = TValue::Kind::Node;
    while (eat(":"))
      v.labels.push_back(identifier());
    if (peek() == '{') v.map = map_entries();
    expect(")");
    return v;
  }

  // After '[': `:TYPE {props}`.
  TValue rel_body() {
    TValue v;
    v.kind = TValue::Kind::Rel;
    expect(":");
    v.labels.push_back(identifier());
    if (peek() == '{') v.map = map_entries();
    return v;
  }

  TValue path_value() {
    expect("<");
    TValue v;
    v.kind = TValue::Kind::Path;
    v.items.push_back(node_value());
    for (;;) {
      bool forward = true;
      if (eat("<-")) {
        forward = false;
      } else if (!eat("-")) {
        break;
      }
      expect("[");
      TValue rel = rel_body();
      expect("]");
      if (forward) {
        expect("->");
      } else {
        expect("-");
      }
      rel.forward = forward;
      v.items.push_back(std::move(rel));
      v.items.push_back(node_value());
    }
    expect(">");
    return v;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

Value to_value(const TValue& t) {
  switch (t.kind) {
    case TValue::Kind::Null:
      return Value();
    case TValue::Kind::Bool:
      return Value(t.boolean);
    case TValue::Kind::Int:
      return Value(t.integer);
    case TValue::Kind::Float:
      return Value(t.real);
    case TValue::Kind::String:
      return Value(t.text);
    case TValue::Kind::List: {
      List list;
      for (const auto& item : t.items)
        list.push_back(to_value(item));
      return Value(std::move(list));
    }
    case TValue::Kind::Map: {
      Map map;
      for (const auto& [k, v] : t.map)
        map[k] = to_value(v);
      return Value(std::move(map));
    }
    default:
      throw ParseError("a parameter cannot be a node, relationship or path");
  }
}

// ---- kith values into the same shape

TValue from_properties(TValue v, const PropertyList& props, const Graph& g, bool sort_lists);
TValue from_value(const Value& value, const Graph& g, bool sort_lists);

TValue node_of(NodeId id, const Graph& g, bool sort_lists) {
  TValue v;
  v.kind = TValue::Kind::Node;
  if (!g.node_exists(id)) {
    v.labels.push_back(fmt::format("DELETED_{}", id));
    return v;
  }
  for (SymbolId l : g.node_labels(id))
    v.labels.push_back(g.label_name(l));
  return from_properties(std::move(v), g.node_properties(id), g, sort_lists);
}

TValue rel_of(RelId id, const Graph& g, bool sort_lists) {
  TValue v;
  v.kind = TValue::Kind::Rel;
  if (!g.relationship_exists(id)) {
    v.labels.push_back(fmt::format("DELETED_{}", id));
    return v;
  }
  v.labels.push_back(g.type_name(g.rel_type(id)));
  return from_properties(std::move(v), g.rel_properties(id), g, sort_lists);
}

TValue from_properties(TValue v, const PropertyList& props, const Graph& g, bool sort_lists) {
  for (const auto& [key, value] : props) {
    v.map.emplace_back(g.key_name(key), from_value(value, g, sort_lists));
  }
  return v;
}

TValue from_value(const Value& value, const Graph& g, bool sort_lists) {
  TValue t;
  switch (value.type()) {
    case ValueType::Null:
      return t;
    case ValueType::Bool:
      t.kind = TValue::Kind::Bool;
      t.boolean = value.as<bool>();
      return t;
    case ValueType::Int:
      t.kind = TValue::Kind::Int;
      t.integer = value.as<std::int64_t>();
      return t;
    case ValueType::Float:
      t.kind = TValue::Kind::Float;
      t.real = value.as<double>();
      return t;
    case ValueType::String:
      t.kind = TValue::Kind::String;
      t.text = value.as<std::string>();
      return t;
    case ValueType::List:
      t.kind = TValue::Kind::List;
      for (const Value& item : value.as<List>())
        t.items.push_back(from_value(item, g, sort_lists));
      return t;
    case ValueType::Map:
      t.kind = TValue::Kind::Map;
      for (const auto& [k, v] : value.as<Map>())
        t.map.emplace_back(k, from_value(v, g, sort_lists));
      return t;
    case ValueType::Node:
      return node_of(value.as<NodeRef>().id, g, sort_lists);
    case ValueType::Relationship:
      return rel_of(value.as<RelRef>().id, g, sort_lists);
    case ValueType::Path: {
      const Path& p = value.as<Path>();
      t.kind = TValue::Kind::Path;
      for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0) {
          TValue rel = rel_of(p.rels[i - 1], g, sort_lists);
          rel.forward =
              !g.relationship_exists(p.rels[i - 1]) || g.source(p.rels[i - 1]) == p.nodes[i - 1];
          t.items.push_back(std::move(rel));
        }
        t.items.push_back(node_of(p.nodes[i], g, sort_lists));
      }
      return t;
    }
    default:
      // Temporal values: the TCK writes them as strings in result tables ('2015-07-21').
      t.kind = TValue::Kind::String;
      t.text = to_cypher(value);
      if (t.text.size() >= 2 && t.text.front() == '\'')
        t.text = t.text.substr(1, t.text.size() - 2);
      return t;
  }
}

}  // namespace

std::string canonical_expected(std::string_view text, bool sort_lists) {
  return render(Parser(text).parse_all(), sort_lists);
}

Value parse_value(std::string_view text) {
  return to_value(Parser(text).parse_all());
}

std::string canonical_actual(const Value& v, const Graph& g, bool sort_lists) {
  return render(from_value(v, g, sort_lists), sort_lists);
}

}  // namespace kith::tck
