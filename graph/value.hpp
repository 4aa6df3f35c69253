// The openCypher value model: one Value type for properties, query results and parameters.
//
// Three different comparisons exist in openCypher and all three are here, because the query
// engine needs each one in a different place:
//   equals()      `a = b`: three-valued (null when either side is or contains null)
//   compare()     `a < b`: three-valued, null when the two are not comparable
//   order()       ORDER BY: a total order over every value (types ordered, null last)
//   equivalent()  DISTINCT / grouping / IN-list de-duplication: null ~ null, NaN ~ NaN
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace kith {

using NodeId = std::uint64_t;
using RelId = std::uint64_t;

struct Value;
using List = std::vector<Value>;
// Maps keep their keys sorted: equality and printing are then independent of insertion order.
using Map = std::map<std::string, Value, std::less<>>;

// Three-valued logic result: false, true or null (unknown).
enum class Tri : std::uint8_t { False, True, Null };
Tri tri_not(Tri a);
Tri tri_and(Tri a, Tri b);
Tri tri_or(Tri a, Tri b);
Tri tri_xor(Tri a, Tri b);

struct Null {
  friend bool operator==(Null, Null) { return true; }
};

// Days since 1970-01-01 in the proleptic Gregorian calendar.
struct Date {
  std::int64_t days = 0;
  static std::optional<Date> from_ymd(std::int64_t y, int m, int d);
  // Parses the ISO forms YYYY-MM-DD; returns nullopt for anything else or an invalid day.
  static std::optional<Date> parse_iso(std::string_view text);
  // Every form openCypher's date('...') reads: 2015-07-21, 20150721, 2015-07, 201507,
  // 2015-W30-2, 2015W302, 2015-W30, 2015W30, 2015-202, 2015202, 2015; years beyond four
  // digits are signed (+10000-01-01, -0001-01-01) and then need the dashes.
  static std::optional<Date> parse(std::string_view text);
  void to_ymd(std::int64_t& y, int& m, int& d) const;
  std::string to_string() const;  // YYYY-MM-DD (years outside 0..9999 get a sign and more digits)
  friend bool operator==(Date, Date) = default;
};

// Nanoseconds since midnight.
struct LocalTime {
  std::int64_t nanos = 0;
  // 21:40:32.142, 214032.142, 21:40:32, 214032, 21:40, 2140, 21 (',' may stand for '.').
  static std::optional<LocalTime> parse(std::string_view text);
  std::string to_string() const;  // HH:MM[:SS[.fffffffff]] as openCypher prints it
  friend bool operator==(LocalTime, LocalTime) = default;
};

// A time of day with a UTC offset.
struct Time {
  std::int64_t nanos = 0;  // local nanoseconds since midnight
  std::int32_t offset_seconds = 0;
  // A LocalTime form then an offset: Z, +01, +0100, +01:00, +01:00:30 (at most 18 hours);
  // without one the time is UTC, the default zone.
  static std::optional<Time> parse(std::string_view text);
  std::string to_string() const;  // 12:31:14.645876123+01:00, 12:00Z
  friend bool operator==(Time, Time) = default;
};

struct LocalDateTime {
  Date date;
  LocalTime time;
  // <Date::parse form>[T<LocalTime::parse form>], e.g. 2015-W30-2T214032.142.
  static std::optional<LocalDateTime> parse(std::string_view text);
  std::string to_string() const;
  friend bool operator==(LocalDateTime, LocalDateTime) = default;
};

// A date-time with a UTC offset and optionally a named zone (e.g. "Europe/Stockholm").
struct DateTime {
  LocalDateTime local;
  std::int32_t offset_seconds = 0;
  std::string zone;  // empty when only an offset is known
  // A LocalDateTime form, then an offset (as Time::parse), then perhaps [Zone/Name]. No offset
  // and no zone means UTC; a zone alone takes its offset from the tz database
  // (graph/time_zone.hpp). nullopt for a zone the database does not know.
  static std::optional<DateTime> parse(std::string_view text);
  std::string to_string() const;  // 2015-07-21T21:40:32.142+01:00[Europe/London]
  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// openCypher durations keep months, days and seconds apart (a month is not a fixed length).
struct Duration {
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;  // 0..999'999'999
  // [-]PnYnMnWnDTnHnMnS with signed, possibly fractional numbers (P0.75M, PT-1.5S), or
  // PYYYY-MM-DDTHH:MM:SS[.f]. Fractions fold down as Neo4j folds them: a fraction of a month
  // becomes days and seconds by the average month (2,629,746 s), of a day seconds.
  static std::optional<Duration> parse(std::string_view text);
  std::string to_string() const;  // ISO 8601, e.g. P1Y2M3DT4H5M6.5S
  friend bool operator==(const Duration&, const Duration&) = default;
};

// References into the property graph. A query result holds ids; the graph resolves them.
struct NodeRef {
  NodeId id = 0;
  friend bool operator==(NodeRef, NodeRef) = default;
};
struct RelRef {
  RelId id = 0;
  friend bool operator==(RelRef, RelRef) = default;
};
// A path alternates nodes and relationships: nodes.size() == rels.size() + 1.
struct Path {
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  friend bool operator==(const Path&, const Path&) = default;
};

enum class ValueType : std::uint8_t {
  Null,
  Bool,
  Int,
  Float,
  String,
  List,
  Map,
  Date,
  LocalTime,
  Time,
  LocalDateTime,
  DateTime,
  Duration,
  Node,
  Relationship,
  Path,
};
// The GQL / Neo4j type names: "NULL", "BOOLEAN", "INTEGER", "FLOAT", "STRING", "LIST", "MAP",
// "DATE", "LOCAL TIME", "ZONED TIME", "LOCAL DATETIME", "ZONED DATETIME", "DURATION", "NODE",
// "RELATIONSHIP", "PATH".
const char* type_name(ValueType t);

struct Value {
  // The order of alternatives matches ValueType.
  using Variant =
      std::variant<Null, bool, std::int64_t, double, std::string, List, Map, Date, LocalTime, Time,
                   LocalDateTime, DateTime, Duration, NodeRef, RelRef, Path>;
  Variant v;

  Value() = default;
  Value(Null) {}
  Value(bool b) : v(b) {}
  Value(int i) : v(std::int64_t{i}) {}
  Value(std::int64_t i) : v(i) {}
  Value(double d) : v(d) {}
  Value(const char* s) : v(std::string(s)) {}
  Value(std::string s) : v(std::move(s)) {}
  Value(std::string_view s) : v(std::string(s)) {}
  Value(List l) : v(std::move(l)) {}
  Value(Map m) : v(std::move(m)) {}
  Value(Date d) : v(d) {}
  Value(LocalTime t) : v(t) {}
  Value(Time t) : v(t) {}
  Value(LocalDateTime t) : v(t) {}
  Value(DateTime t) : v(std::move(t)) {}
  Value(Duration d) : v(d) {}
  Value(NodeRef n) : v(n) {}
  Value(RelRef r) : v(r) {}
  Value(Path p) : v(std::move(p)) {}

  ValueType type() const { return static_cast<ValueType>(v.index()); }
  bool is_null() const { return type() == ValueType::Null; }
  bool is_number() const { return type() == ValueType::Int || type() == ValueType::Float; }

  template <class T>
  bool is() const {
    return std::holds_alternative<T>(v);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(v);
  }
  template <class T>
  T& as() {
    return std::get<T>(v);
  }
  template <class T>
  const T* get_if() const {
    return std::get_if<T>(&v);
  }
  // Int or Float as double; callers check is_number() first.
  double number() const;

  // Structural identity (same type, same contents, NaN == NaN): for tests and containers,
  // not for the query language, which uses equals()/equivalent().
  friend bool operator==(const Value& a, const Value& b);
};

// `a = b` in openCypher: Int and Float compare numerically (and exactly: 2^53 + 1 is not
// 2^53 as a float); NaN equals nothing; null or a null inside a list/map makes the answer
// null unless another element already differs; maps with different key sets are unequal.
// Zoned times and date-times are equal only with the same offset (and zone), as in Neo4j;
// durations when months, days and seconds all agree (P1D is not PT24H).
Tri equals(const Value& a, const Value& b);

// `a < b` etc.: the sign of the comparison, or nullopt when openCypher says the result is null
// (different types, null operand, a null met inside lists before they differ, maps, durations,
// nodes, relationships, paths). NaN against a number is not null but `unordered`, so that
// `NaN < 1`, `NaN >= 1` etc. are all false as the TCK requires. Strings compare by code
// point, lists lexicographically (a proper prefix is smaller), zoned times by instant.
std::optional<std::partial_ordering> compare(const Value& a, const Value& b);

// ORDER BY's total order: MAP < NODE < RELATIONSHIP < LIST < PATH < DATETIME < LOCALDATETIME
// < DATE < TIME < LOCALTIME < DURATION < STRING < BOOLEAN < NUMBER (NaN after all numbers)
// < NULL. Returns <0, 0, >0. Within a type: numbers by value with 1 tied to 1.0; lists
// element-wise with a prefix first; maps by their sorted (key, value) pairs; zoned temporals
// by instant, then offset, then zone; durations by average length (a month is 2,629,746 s);
// paths by their node/relationship id sequence. order(a, b) == 0 exactly when equivalent().
int order(const Value& a, const Value& b);

// Grouping equivalence: like equals() but null ~ null and NaN ~ NaN, and never unknown.
bool equivalent(const Value& a, const Value& b);
// A hash consistent with equivalent(): equivalent values hash alike (1 and 1.0 included).
std::size_t hash_value(const Value& v);
struct ValueHash {
  std::size_t operator()(const Value& v) const { return hash_value(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return equivalent(a, b); }
};

// The value as an openCypher literal, as the TCK and the REPL print it: 'text', 1.0, [1, 2],
// {a: 1}, null, true, 2025-01-02 (temporal values print unquoted). Floats use the shortest
// digits that read back exactly, plain from 1e-6 up to 1e21 (0.00001, 1000000000.0) and
// with an exponent outside (1e-7, 1e308); NaN, Infinity, -Infinity and -0.0 as such. Strings
// escape \ \' \n \r \t \b \f and other control characters as \u00XX; map keys that are not
// identifiers go in backticks ({`first name`: 1}). Nodes, relationships and paths print as
// (#id), [#id], <(#1)-[#2]->(#3)>; the query layer prints them with labels.
std::string to_cypher(const Value& v);

// JSON: null, bool, numbers, strings, arrays and objects map directly; temporal values become
// strings in ISO form; node/relationship refs become {"node": id} / {"relationship": id};
// paths {"nodes": [...], "relationships": [...]}.
nlohmann::json to_json(const Value& v);
// The reverse for the plain JSON types (null, bool, number, string, array, object). Integers
// beyond INTEGER's range become FLOAT. Throws std::invalid_argument for arrays/objects nested
// deeper than kMaxJsonDepth, so hostile input cannot exhaust the stack.
inline constexpr std::size_t kMaxJsonDepth = 512;
Value from_json(const nlohmann::json& j);

}  // namespace kith
