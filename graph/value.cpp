#include "graph/value.hpp"

#include <cmath>

namespace kith {

Tri tri_not(Tri a) {
  switch (a) {
    case Tri::False:
      return Tri::True;
    case Tri::True:
      return Tri::False;
    case Tri::Null:
      break;
  }
  return Tri::Null;
}

Tri tri_and(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False) return Tri::False;
  if (a == Tri::Null || b == Tri::Null) return Tri::Null;
  return Tri::True;
}

Tri tri_or(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True) return Tri::True;
  if (a == Tri::Null || b == Tri::Null) return Tri::Null;
  return Tri::False;
}

Tri tri_xor(Tri a, Tri b) {
  if (a == Tri::Null || b == Tri::Null) return Tri::Null;
  return a != b ? Tri::True : Tri::False;
}

const char* type_name(ValueType t) {
  switch (t) {
    case ValueType::Null:
      return "NULL";
    case ValueType::Bool:
      return "BOOLEAN";
    case ValueType::Int:
      return "INTEGER";
    case ValueType::Float:
      return "FLOAT";
    case ValueType::String:
      return "STRING";
    case ValueType::List:
      return "LIST";
    case ValueType::Map:
      return "MAP";
    case ValueType::Date:
      return "DATE";
    case ValueType::LocalTime:
      return "LOCAL TIME";
    case ValueType::Time:
      return "ZONED TIME";
    case ValueType::LocalDateTime:
      return "LOCAL DATETIME";
    case ValueType::DateTime:
      return "ZONED DATETIME";
    case ValueType::Duration:
      return "DURATION";
    case ValueType::Node:
      return "NODE";
    case ValueType::Relationship:
      return "RELATIONSHIP";
    case ValueType::Path:
      return "PATH";
  }
  return "UNKNOWN";
}

double Value::number() const {
  if (const auto* i = get_if<std::int64_t>()) return static_cast<double>(*i);
  return as<double>();
}

bool operator==(const Value& a, const Value& b) {
  if (a.v.index() != b.v.index()) return false;
  if (const auto* x = a.get_if<double>()) {
    const double y = b.as<double>();
    return *x == y || (std::isnan(*x) && std::isnan(y));
  }
  // Lists and maps compare their elements with this same operator (NaN == NaN inside too).
  return a.v == b.v;
}

}  // namespace kith
