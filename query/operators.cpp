// The operators of the expression language over values: arithmetic, concatenation, string
// predicates, regular expressions, IN, comparison, subscripts, slices and property access.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

const char* op_symbol(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Add:
      return "+";
    case ast::BinaryOp::Subtract:
      return "-";
    case ast::BinaryOp::Multiply:
      return "*";
    case ast::BinaryOp::Divide:
      return "/";
    case ast::BinaryOp::Modulo:
      return "%";
    case ast::BinaryOp::Power:
      return "^";
    case ast::BinaryOp::StartsWith:
      return "STARTS WITH";
    case ast::BinaryOp::EndsWith:
      return "ENDS WITH";
    case ast::BinaryOp::Contains:
      return "CONTAINS";
    case ast::BinaryOp::RegexMatch:
      return "=~";
    case ast::BinaryOp::In:
      return "IN";
    case ast::BinaryOp::And:
      return "AND";
    case ast::BinaryOp::Or:
      return "OR";
    case ast::BinaryOp::Xor:
      return "XOR";
  }
  return "?";
}

[[noreturn]] void throw_operands(ast::BinaryOp op, const Value& a, const Value& b) {
  throw_runtime(
      "TypeError", "InvalidArgumentType",
      fmt::format("cannot apply {} to {} and {}", op_symbol(op), describe(a), describe(b)));
}

[[noreturn]] void throw_overflow(ast::BinaryOp op, std::int64_t a, std::int64_t b) {
  throw_runtime("ArgumentError", "IntegerOverflow",
                fmt::format("integer overflow in {} {} {}", a, op_symbol(op), b));
}

Value integer_arithmetic(ast::BinaryOp op, std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  switch (op) {
    case ast::BinaryOp::Add:
      if (__builtin_add_overflow(a, b, &out)) throw_overflow(op, a, b);
      return out;
    case ast::BinaryOp::Subtract:
      if (__builtin_sub_overflow(a, b, &out)) throw_overflow(op, a, b);
      return out;
    case ast::BinaryOp::Multiply:
      if (__builtin_mul_overflow(a, b, &out)) throw_overflow(op, a, b);
      return out;
    case ast::BinaryOp::Divide:
    case ast::BinaryOp::Modulo:
      if (b == 0) {
        throw_runtime("ArgumentError", "DivisionByZero",
                      fmt::format("division by zero in {} {} {}", a, op_symbol(op), b));
      }
      if (a == std::numeric_limits<std::int64_t>::min() && b == -1) {
        if (op == ast::BinaryOp::Modulo) return std::int64_t{0};
        throw_overflow(op, a, b);
      }
      // Truncating division and a remainder with the dividend's sign, as Java and Neo4j do.
      return op == ast::BinaryOp::Divide ? a / b : a % b;
    case ast::BinaryOp::Power:
      return std::pow(static_cast<double>(a), static_cast<double>(b));
    default:
      break;
  }
  return Null{};
}

Value float_arithmetic(ast::BinaryOp op, double a, double b) {
  switch (op) {
    case ast::BinaryOp::Add:
      return a + b;
    case ast::BinaryOp::Subtract:
      return a - b;
    case ast::BinaryOp::Multiply:
      return a * b;
    case ast::BinaryOp::Divide:
      return a / b;
    case ast::BinaryOp::Modulo:
      return std::fmod(a, b);
    case ast::BinaryOp::Power:
      return std::pow(a, b);
    default:
      break;
  }
  return Null{};
}

bool is_temporal_instant(const Value& v) {
  switch (v.type()) {
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
      return true;
    default:
      return false;
  }
}

// Numbers join a string as they print in a query result: 1, 1.5, 1.0.
std::string concat_text(const Value& v) {
  if (v.is<std::string>()) return v.as<std::string>();
  return to_cypher(v);
}

void check_list_length(std::size_t n) {
  if (n > kMaxListLength) {
    throw_runtime("LimitExceeded", "ListTooLong",
                  fmt::format("+ would build a list of more than {} elements", kMaxListLength));
  }
}

Value add(const Value& a, const Value& b) {
  const ValueType ta = a.type();
  const ValueType tb = b.type();
  if (ta == ValueType::Int && tb == ValueType::Int) {
    return integer_arithmetic(ast::BinaryOp::Add, a.as<std::int64_t>(), b.as<std::int64_t>());
  }
  if (a.is_number() && b.is_number()) return a.number() + b.number();
  if (ta == ValueType::List || tb == ValueType::List) {
    check_list_length((ta == ValueType::List ? a.as<List>().size() : 1) +
                      (tb == ValueType::List ? b.as<List>().size() : 1));
    if (ta == ValueType::List && tb == ValueType::List) {
      List out = a.as<List>();
      const List& rhs = b.as<List>();
      out.insert(out.end(), rhs.begin(), rhs.end());
      return out;
    }
    if (ta == ValueType::List) {
      List out = a.as<List>();
      out.push_back(b);
      return out;
    }
    List out;
    out.reserve(b.as<List>().size() + 1);
    out.push_back(a);
    const List& rhs = b.as<List>();
    out.insert(out.end(), rhs.begin(), rhs.end());
    return out;
  }
  if (ta == ValueType::String || tb == ValueType::String) {
    const bool joinable =
        (ta == ValueType::String || a.is_number()) && (tb == ValueType::String || b.is_number());
    if (!joinable) throw_operands(ast::BinaryOp::Add, a, b);
    std::string out = concat_text(a);
    const std::string rhs = concat_text(b);
    if (out.size() + rhs.size() > kMaxStringBytes) {
      throw_runtime("LimitExceeded", "StringTooLong",
                    fmt::format("+ would build a string of more than {} bytes", kMaxStringBytes));
    }
    return out + rhs;
  }
  if (ta == ValueType::Duration && tb == ValueType::Duration) {
    return duration_add(a.as<Duration>(), b.as<Duration>(), false);
  }
  if (is_temporal_instant(a) && tb == ValueType::Duration) {
    return add_duration(a, b.as<Duration>(), false);
  }
  if (ta == ValueType::Duration && is_temporal_instant(b)) {
    return add_duration(b, a.as<Duration>(), false);
  }
  throw_operands(ast::BinaryOp::Add, a, b);
}

Value duration_arithmetic(ast::BinaryOp op, const Value& a, const Value& b) {
  if (op == ast::BinaryOp::Subtract) {
    if (a.is<Duration>() && b.is<Duration>()) {
      return duration_add(a.as<Duration>(), b.as<Duration>(), true);
    }
    if (is_temporal_instant(a) && b.is<Duration>()) {
      return add_duration(a, b.as<Duration>(), true);
    }
  }
  if (op == ast::BinaryOp::Multiply) {
    if (a.is<Duration>() && b.is_number()) return duration_scale(a.as<Duration>(), b.number());
    if (a.is_number() && b.is<Duration>()) return duration_scale(b.as<Duration>(), a.number());
  }
  if (op == ast::BinaryOp::Divide && a.is<Duration>() && b.is_number()) {
    if (b.number() == 0) {
      throw_runtime("ArgumentError", "DivisionByZero", "division of a DURATION by zero");
    }
    return duration_scale(a.as<Duration>(), 1.0 / b.number());
  }
  throw_operands(op, a, b);
}

}  // namespace

Value unary_minus(const Value& v) {
  switch (v.type()) {
    case ValueType::Null:
      return Null{};
    case ValueType::Int: {
      const std::int64_t i = v.as<std::int64_t>();
      if (i == std::numeric_limits<std::int64_t>::min()) {
        throw_runtime("ArgumentError", "IntegerOverflow",
                      fmt::format("integer overflow in -({})", i));
      }
      return -i;
    }
    case ValueType::Float:
      return -v.as<double>();
    case ValueType::Duration:
      return duration_add(Duration{}, v.as<Duration>(), true);
    default:
      throw_wrong_type("unary -", "a number or a DURATION", v);
  }
}

Value arithmetic(ast::BinaryOp op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Null{};
  if (op == ast::BinaryOp::Add) return add(a, b);
  if (a.is<std::int64_t>() && b.is<std::int64_t>()) {
    return integer_arithmetic(op, a.as<std::int64_t>(), b.as<std::int64_t>());
  }
  if (a.is_number() && b.is_number()) return float_arithmetic(op, a.number(), b.number());
  return duration_arithmetic(op, a, b);
}

Value string_predicate(ast::BinaryOp op, const Value& a, const Value& b) {
  // A non-string on either side is not an error but an unknown answer, as in the TCK.
  if (!a.is<std::string>() || !b.is<std::string>()) return Null{};
  const std::string_view text = a.as<std::string>();
  const std::string_view part = b.as<std::string>();
  switch (op) {
    case ast::BinaryOp::StartsWith:
      return text.starts_with(part);
    case ast::BinaryOp::EndsWith:
      return text.ends_with(part);
    case ast::BinaryOp::Contains:
      return text.find(part) != std::string_view::npos;
    default:
      break;
  }
  throw_operands(op, a, b);
}

Value in_list(const Value& element, const Value& list) {
  if (list.is_null()) return Null{};
  if (!list.is<List>()) throw_wrong_type("IN", "a LIST", list);
  bool unknown = false;
  for (const Value& candidate : list.as<List>()) {
    switch (equals(element, candidate)) {
      case Tri::True:
        return true;
      case Tri::Null:
        unknown = true;
        break;
      case Tri::False:
        break;
    }
  }
  return unknown ? Value(Null{}) : Value(false);
}

Value comparison(ast::CompareOp op, const Value& a, const Value& b) {
  if (op == ast::CompareOp::Eq || op == ast::CompareOp::Ne) {
    Tri t = equals(a, b);
    if (op == ast::CompareOp::Ne) t = tri_not(t);
    if (t == Tri::Null) return Null{};
    return t == Tri::True;
  }
  const std::optional<std::partial_ordering> c = compare(a, b);
  if (!c) return Null{};
  switch (op) {
    case ast::CompareOp::Lt:
      return *c < 0;
    case ast::CompareOp::Gt:
      return *c > 0;
    case ast::CompareOp::Le:
      return *c <= 0;
    case ast::CompareOp::Ge:
      return *c >= 0;
    default:
      break;
  }
  return Null{};
}

Value logical(ast::BinaryOp op, const Value& a, const Value& b) {
  auto truth = [op](const Value& v) {
    if (v.is_null()) return Tri::Null;
    if (!v.is<bool>()) throw_wrong_type(op_symbol(op), "a BOOLEAN", v);
    return v.as<bool>() ? Tri::True : Tri::False;
  };
  const Tri x = truth(a);
  const Tri y = truth(b);
  Tri r = Tri::Null;
  switch (op) {
    case ast::BinaryOp::And:
      r = tri_and(x, y);
      break;
    case ast::BinaryOp::Or:
      r = tri_or(x, y);
      break;
    case ast::BinaryOp::Xor:
      r = tri_xor(x, y);
      break;
    default:
      throw_operands(op, a, b);
  }
  if (r == Tri::Null) return Null{};
  return r == Tri::True;
}

Value logical_not(const Value& v) {
  if (v.is_null()) return Null{};
  if (!v.is<bool>()) throw_wrong_type("NOT", "a BOOLEAN", v);
  return !v.as<bool>();
}

Value subscript(const Value& container, const Value& index, FunctionContext& ctx) {
  switch (container.type()) {
    case ValueType::Null:
      return Null{};
    case ValueType::List: {
      if (index.is_null()) return Null{};
      if (!index.is<std::int64_t>()) throw_wrong_type("list[index]", "an INTEGER index", index);
      const List& list = container.as<List>();
      const auto size = static_cast<std::int64_t>(list.size());
      std::int64_t i = index.as<std::int64_t>();
      if (i < 0) i += size;
      if (i < 0 || i >= size) return Null{};
      return list[static_cast<std::size_t>(i)];
    }
    case ValueType::Map: {
      if (index.is_null()) return Null{};
      if (!index.is<std::string>()) {
        throw_runtime("TypeError", "MapElementAccessByNonString",
                      fmt::format("map[key] expects a STRING key, got {}", describe(index)));
      }
      const Map& map = container.as<Map>();
      auto it = map.find(index.as<std::string>());
      return it == map.end() ? Value(Null{}) : it->second;
    }
    case ValueType::Node:
    case ValueType::Relationship:
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration:
      if (index.is_null()) return Null{};
      if (!index.is<std::string>()) {
        throw_runtime("TypeError", "MapElementAccessByNonString",
                      fmt::format("[key] expects a STRING key, got {}", describe(index)));
      }
      return property(container, index.as<std::string>(), ctx);
    default:
      throw_wrong_type("[]", "a LIST, MAP, NODE or RELATIONSHIP", container);
  }
}

Value slice(const Value& list, const Value* from, const Value* to) {
  if (list.is_null()) return Null{};
  if ((from && from->is_null()) || (to && to->is_null())) return Null{};
  if (!list.is<List>()) throw_wrong_type("list[from..to]", "a LIST", list);
  const List& items = list.as<List>();
  const auto size = static_cast<std::int64_t>(items.size());
  auto bound = [size](const Value* v, std::int64_t absent) {
    if (!v) return absent;
    if (!v->is<std::int64_t>()) throw_wrong_type("list[from..to]", "INTEGER bounds", *v);
    std::int64_t i = v->as<std::int64_t>();
    if (i < 0) i = i < -size ? 0 : i + size;
    return i > size ? size : i;
  };
  const std::int64_t begin = bound(from, 0);
  const std::int64_t end = bound(to, size);
  if (begin >= end) return List{};
  return List(items.begin() + begin, items.begin() + end);
}

Value slice(const Value& list, const Value& from, const Value& to) {
  return slice(list, from.is_null() ? nullptr : &from, to.is_null() ? nullptr : &to);
}

Value property(const Value& object, std::string_view key, FunctionContext& ctx) {
  switch (object.type()) {
    case ValueType::Null:
      return Null{};
    case ValueType::Map: {
      const Map& map = object.as<Map>();
      auto it = map.find(key);
      return it == map.end() ? Value(Null{}) : it->second;
    }
    case ValueType::Node: {
      const NodeId id = object.as<NodeRef>().id;
      if (!ctx.graph.node_exists(id)) {
        throw_runtime("EntityNotFound", "DeletedEntityAccess",
                      fmt::format("property {} of a deleted node", key));
      }
      const std::optional<SymbolId> k = ctx.graph.find_key(key);
      const Value* v = k ? ctx.graph.node_property(id, *k) : nullptr;
      return v ? *v : Value(Null{});
    }
    case ValueType::Relationship: {
      const RelId id = object.as<RelRef>().id;
      if (!ctx.graph.relationship_exists(id)) {
        throw_runtime("EntityNotFound", "DeletedEntityAccess",
                      fmt::format("property {} of a deleted relationship", key));
      }
      const std::optional<SymbolId> k = ctx.graph.find_key(key);
      const Value* v = k ? ctx.graph.rel_property(id, *k) : nullptr;
      return v ? *v : Value(Null{});
    }
    default:
      break;
  }
  if (std::optional<Value> field = temporal_field(object, key)) return *field;
  if (is_temporal_instant(object) || object.is<Duration>()) {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("{} has no field {}", type_name(object.type()), key));
  }
  throw_wrong_type(fmt::format(".{}", key), "a MAP, NODE, RELATIONSHIP or temporal value", object);
}

}  // namespace kith::query
