// openCypher's three comparisons (equality, comparability, orderability) and equivalence, as
// the openCypher 9 specification and the TCK define them.
#include <cmath>
#include <cstring>
#include <functional>

#include "graph/value.hpp"

namespace kith {
namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
// Neo4j's average month (365.2425 days / 12), used only to order durations.
constexpr std::int64_t kAverageSecondsPerMonth = 2'629'746;

// Exact comparison of an integer with a double: converting either one to the other's type
// loses precision (2^53 + 1 vs 2^53), and the TCK compares large integers exactly.
std::partial_ordering compare_int_double(std::int64_t i, double d) {
  if (std::isnan(d)) return std::partial_ordering::unordered;
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63) return std::partial_ordering::less;
  if (d < -kTwo63) return std::partial_ordering::greater;
  const double whole = std::trunc(d);
  const auto whole_int = static_cast<std::int64_t>(whole);
  if (i != whole_int) return i <=> whole_int;
  if (d > whole) return std::partial_ordering::less;
  if (d < whole) return std::partial_ordering::greater;
  return std::partial_ordering::equivalent;
}

// Both values are numbers; unordered when a NaN is involved.
std::partial_ordering compare_numbers(const Value& a, const Value& b) {
  const auto* ai = a.get_if<std::int64_t>();
  const auto* bi = b.get_if<std::int64_t>();
  if (ai && bi) return *ai <=> *bi;
  if (ai) return compare_int_double(*ai, b.as<double>());
  if (bi) return 0 <=> compare_int_double(*bi, a.as<double>());
  return a.as<double>() <=> b.as<double>();
}

// Strings compare by code point, which for UTF-8 is the order of the unsigned bytes.
std::strong_ordering compare_strings(const std::string& a, const std::string& b) {
  const std::size_t common = std::min(a.size(), b.size());
  const int c = common == 0 ? 0 : std::memcmp(a.data(), b.data(), common);
  if (c != 0) return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
  return a.size() <=> b.size();
}

// Nanoseconds since the epoch, in 128 bits: 64 overflow past the year 2262.
__int128 instant_of(const DateTime& t) {
  return (__int128{t.local.date.days} * kSecondsPerDay - t.offset_seconds) * kNanosPerSecond +
         t.local.time.nanos;
}

// Duration with nanos folded into [0, 1e9), so equal durations have equal fields.
Duration normalized(const Duration& d) {
  Duration out = d;
  std::int64_t carry = d.nanos / kNanosPerSecond;
  std::int64_t nanos = d.nanos % kNanosPerSecond;
  if (nanos < 0) {
    nanos += kNanosPerSecond;
    carry -= 1;
  }
  out.seconds += carry;
  out.nanos = static_cast<std::int32_t>(nanos);
  return out;
}

// Total orders within each temporal type. Zoned values order by instant first; two values at
// the same instant but in different zones still differ, and equality agrees (as in Neo4j).
std::strong_ordering compare_temporal(const Value& a, const Value& b) {
  switch (a.type()) {
    case ValueType::Date:
      return a.as<Date>().days <=> b.as<Date>().days;
    case ValueType::LocalTime:
      return a.as<LocalTime>().nanos <=> b.as<LocalTime>().nanos;
    case ValueType::Time: {
      const Time& x = a.as<Time>();
      const Time& y = b.as<Time>();
      const __int128 xu = __int128{x.nanos} - __int128{x.offset_seconds} * kNanosPerSecond;
      const __int128 yu = __int128{y.nanos} - __int128{y.offset_seconds} * kNanosPerSecond;
      if (auto c = xu <=> yu; c != 0) return c;
      return x.offset_seconds <=> y.offset_seconds;
    }
    case ValueType::LocalDateTime: {
      const LocalDateTime& x = a.as<LocalDateTime>();
      const LocalDateTime& y = b.as<LocalDateTime>();
      if (auto c = x.date.days <=> y.date.days; c != 0) return c;
      return x.time.nanos <=> y.time.nanos;
    }
    case ValueType::DateTime: {
      const DateTime& x = a.as<DateTime>();
      const DateTime& y = b.as<DateTime>();
      if (auto c = instant_of(x) <=> instant_of(y); c != 0) return c;
      if (auto c = x.offset_seconds <=> y.offset_seconds; c != 0) return c;
      return compare_strings(x.zone, y.zone);
    }
    case ValueType::Duration: {
      const Duration x = normalized(a.as<Duration>());
      const Duration y = normalized(b.as<Duration>());
      auto average = [](const Duration& d) {
        return __int128{d.months} * kAverageSecondsPerMonth + __int128{d.days} * kSecondsPerDay +
               d.seconds;
      };
      if (auto c = average(x) <=> average(y); c != 0) return c;
      if (auto c = x.nanos <=> y.nanos; c != 0) return c;
      if (auto c = x.months <=> y.months; c != 0) return c;
      return x.days <=> y.days;
    }
    default:
      return std::strong_ordering::equal;
  }
}

bool is_temporal(ValueType t) {
  return t == ValueType::Date || t == ValueType::LocalTime || t == ValueType::Time ||
         t == ValueType::LocalDateTime || t == ValueType::DateTime || t == ValueType::Duration;
}

// The position of a type in ORDER BY's order of types (numbers share one rank).
int order_rank(ValueType t) {
  switch (t) {
    case ValueType::Map:
      return 0;
    case ValueType::Node:
      return 1;
    case ValueType::Relationship:
      return 2;
    case ValueType::List:
      return 3;
    case ValueType::Path:
      return 4;
    case ValueType::DateTime:
      return 5;
    case ValueType::LocalDateTime:
      return 6;
    case ValueType::Date:
      return 7;
    case ValueType::Time:
      return 8;
    case ValueType::LocalTime:
      return 9;
    case ValueType::Duration:
      return 10;
    case ValueType::String:
      return 11;
    case ValueType::Bool:
      return 12;
    case ValueType::Int:
    case ValueType::Float:
      return 13;
    case ValueType::Null:
      return 14;
  }
  return 15;
}

int sign(std::strong_ordering c) {
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool is_nan(const Value& v) {
  const auto* d = v.get_if<double>();
  return d && std::isnan(*d);
}

// The ids of a path in walk order: node, relationship, node, ...
std::vector<std::uint64_t> interleaved(const Path& p) {
  std::vector<std::uint64_t> ids;
  ids.reserve(p.nodes.size() + p.rels.size());
  for (std::size_t i = 0; i < p.nodes.size(); ++i) {
    ids.push_back(p.nodes[i]);
    if (i < p.rels.size()) ids.push_back(p.rels[i]);
  }
  return ids;
}

std::size_t mix(std::size_t seed, std::size_t h) {
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace

Tri equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::Null;
  if (a.is_number() && b.is_number()) {
    return compare_numbers(a, b) == 0 ? Tri::True : Tri::False;
  }
  if (a.type() != b.type()) return Tri::False;
  switch (a.type()) {
    case ValueType::List: {
      const List& x = a.as<List>();
      const List& y = b.as<List>();
      if (x.size() != y.size()) return Tri::False;
      bool unknown = false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        const Tri t = equals(x[i], y[i]);
        if (t == Tri::False) return Tri::False;
        unknown = unknown || t == Tri::Null;
      }
      return unknown ? Tri::Null : Tri::True;
    }
    case ValueType::Map: {
      const Map& x = a.as<Map>();
      const Map& y = b.as<Map>();
      if (x.size() != y.size()) return Tri::False;
      // Maps with different key sets are unequal even when a value is null ({k: null} vs {}).
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first) return Tri::False;
      }
      bool unknown = false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        const Tri t = equals(i->second, j->second);
        if (t == Tri::False) return Tri::False;
        unknown = unknown || t == Tri::Null;
      }
      return unknown ? Tri::Null : Tri::True;
    }
    case ValueType::Duration:
      return normalized(a.as<Duration>()) == normalized(b.as<Duration>()) ? Tri::True : Tri::False;
    default:
      if (is_temporal(a.type())) return compare_temporal(a, b) == 0 ? Tri::True : Tri::False;
      // Booleans, strings, nodes, relationships and paths: plain identity of contents.
      return a == b ? Tri::True : Tri::False;
  }
}

std::optional<std::partial_ordering> compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return compare_numbers(a, b);
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case ValueType::Bool:
      return a.as<bool>() <=> b.as<bool>();
    case ValueType::String:
      return compare_strings(a.as<std::string>(), b.as<std::string>());
    case ValueType::List: {
      const List& x = a.as<List>();
      const List& y = b.as<List>();
      const std::size_t common = std::min(x.size(), y.size());
      for (std::size_t i = 0; i < common; ++i) {
        const auto c = compare(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c != 0) return c;
      }
      return x.size() <=> y.size();
    }
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
      return compare_temporal(a, b);
    default:
      // Maps, durations, nodes, relationships and paths are not comparable with < and >.
      return std::nullopt;
  }
}

int order(const Value& a, const Value& b) {
  const int ra = order_rank(a.type());
  const int rb = order_rank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case ValueType::Null:
      return 0;
    case ValueType::Int:
    case ValueType::Float: {
      const bool na = is_nan(a);
      const bool nb = is_nan(b);
      if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
      const auto c = compare_numbers(a, b);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case ValueType::Bool:
      return sign(a.as<bool>() <=> b.as<bool>());
    case ValueType::String:
      return sign(compare_strings(a.as<std::string>(), b.as<std::string>()));
    case ValueType::List: {
      const List& x = a.as<List>();
      const List& y = b.as<List>();
      const std::size_t common = std::min(x.size(), y.size());
      for (std::size_t i = 0; i < common; ++i) {
        if (const int c = order(x[i], y[i]); c != 0) return c;
      }
      return sign(x.size() <=> y.size());
    }
    case ValueType::Map: {
      const Map& x = a.as<Map>();
      const Map& y = b.as<Map>();
      auto i = x.begin();
      auto j = y.begin();
      for (; i != x.end() && j != y.end(); ++i, ++j) {
        if (const int c = sign(compare_strings(i->first, j->first)); c != 0) return c;
        if (const int c = order(i->second, j->second); c != 0) return c;
      }
      return sign(x.size() <=> y.size());
    }
    case ValueType::Node:
      return sign(a.as<NodeRef>().id <=> b.as<NodeRef>().id);
    case ValueType::Relationship:
      return sign(a.as<RelRef>().id <=> b.as<RelRef>().id);
    case ValueType::Path: {
      const auto x = interleaved(a.as<Path>());
      const auto y = interleaved(b.as<Path>());
      return sign(std::lexicographical_compare_three_way(x.begin(), x.end(), y.begin(), y.end()));
    }
    default:
      return sign(compare_temporal(a, b));
  }
}

bool equivalent(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) {
    const bool na = is_nan(a);
    const bool nb = is_nan(b);
    if (na || nb) return na && nb;
    return compare_numbers(a, b) == 0;
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case ValueType::List: {
      const List& x = a.as<List>();
      const List& y = b.as<List>();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!equivalent(x[i], y[i])) return false;
      }
      return true;
    }
    case ValueType::Map: {
      const Map& x = a.as<Map>();
      const Map& y = b.as<Map>();
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first || !equivalent(i->second, j->second)) return false;
      }
      return true;
    }
    default:
      return equals(a, b) == Tri::True;
  }
}

std::size_t hash_value(const Value& v) {
  const std::size_t tag = static_cast<std::size_t>(v.type()) * 0x100000001b3ULL;
  switch (v.type()) {
    case ValueType::Null:
      return tag;
    case ValueType::Int:
      // Integers and floats share a hash space so that 1 and 1.0 collide, as they must.
      return mix(0x5151, std::hash<std::int64_t>{}(v.as<std::int64_t>()));
    case ValueType::Float: {
      const double d = v.as<double>();
      if (std::isnan(d)) return mix(0x5151, 0x7ff8);
      constexpr double kTwo63 = 9223372036854775808.0;
      if (d == std::trunc(d) && d >= -kTwo63 && d < kTwo63) {
        return mix(0x5151, std::hash<std::int64_t>{}(static_cast<std::int64_t>(d)));
      }
      return mix(0x5151, std::hash<double>{}(d));
    }
    case ValueType::Bool:
      return mix(tag, v.as<bool>());
    case ValueType::String:
      return mix(tag, std::hash<std::string>{}(v.as<std::string>()));
    case ValueType::List: {
      std::size_t h = mix(tag, v.as<List>().size());
      for (const Value& e : v.as<List>())
        h = mix(h, hash_value(e));
      return h;
    }
    case ValueType::Map: {
      std::size_t h = mix(tag, v.as<Map>().size());
      for (const auto& [key, value] : v.as<Map>()) {
        h = mix(mix(h, std::hash<std::string>{}(key)), hash_value(value));
      }
      return h;
    }
    case ValueType::Date:
      return mix(tag, std::hash<std::int64_t>{}(v.as<Date>().days));
    case ValueType::LocalTime:
      return mix(tag, std::hash<std::int64_t>{}(v.as<LocalTime>().nanos));
    case ValueType::Time:
      return mix(mix(tag, std::hash<std::int64_t>{}(v.as<Time>().nanos)),
                 v.as<Time>().offset_seconds);
    case ValueType::LocalDateTime: {
      const LocalDateTime& t = v.as<LocalDateTime>();
      return mix(mix(tag, std::hash<std::int64_t>{}(t.date.days)), t.time.nanos);
    }
    case ValueType::DateTime: {
      const DateTime& t = v.as<DateTime>();
      std::size_t h = mix(tag, std::hash<std::int64_t>{}(t.local.date.days));
      h = mix(mix(h, t.local.time.nanos), t.offset_seconds);
      return mix(h, std::hash<std::string>{}(t.zone));
    }
    case ValueType::Duration: {
      const Duration d = normalized(v.as<Duration>());
      std::size_t h = mix(tag, std::hash<std::int64_t>{}(d.months));
      h = mix(mix(h, std::hash<std::int64_t>{}(d.days)), std::hash<std::int64_t>{}(d.seconds));
      return mix(h, d.nanos);
    }
    case ValueType::Node:
      return mix(tag, std::hash<std::uint64_t>{}(v.as<NodeRef>().id));
    case ValueType::Relationship:
      return mix(tag, std::hash<std::uint64_t>{}(v.as<RelRef>().id));
    case ValueType::Path: {
      std::size_t h = tag;
      for (std::uint64_t id : interleaved(v.as<Path>()))
        h = mix(h, std::hash<std::uint64_t>{}(id));
      return h;
    }
  }
  return tag;
}

}  // namespace kith
