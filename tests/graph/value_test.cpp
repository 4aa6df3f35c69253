// Equality, comparability, ORDER BY order and grouping equivalence, checked against the
// answers of the openCypher TCK (expressions/comparison, clauses/return-orderby).
#include "graph/value.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace kith {
namespace {

const Value kNull;
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

Value list(std::initializer_list<Value> items) {
  return Value(List(items));
}

// The result of `a >= b` etc. as openCypher computes it from compare().
Tri tri_of(std::optional<std::partial_ordering> c, bool (*pred)(std::partial_ordering)) {
  if (!c) return Tri::Null;
  return pred(*c) ? Tri::True : Tri::False;
}
Tri lt(const Value& a, const Value& b) {
  return tri_of(compare(a, b), [](std::partial_ordering c) { return c < 0; });
}
Tri le(const Value& a, const Value& b) {
  return tri_of(compare(a, b), [](std::partial_ordering c) { return c <= 0; });
}
Tri gt(const Value& a, const Value& b) {
  return tri_of(compare(a, b), [](std::partial_ordering c) { return c > 0; });
}
Tri ge(const Value& a, const Value& b) {
  return tri_of(compare(a, b), [](std::partial_ordering c) { return c >= 0; });
}

TEST(TriTest, KleeneLogic) {
  EXPECT_EQ(tri_not(Tri::Null), Tri::Null);
  EXPECT_EQ(tri_not(Tri::True), Tri::False);
  EXPECT_EQ(tri_and(Tri::False, Tri::Null), Tri::False);
  EXPECT_EQ(tri_and(Tri::True, Tri::Null), Tri::Null);
  EXPECT_EQ(tri_and(Tri::True, Tri::True), Tri::True);
  EXPECT_EQ(tri_or(Tri::True, Tri::Null), Tri::True);
  EXPECT_EQ(tri_or(Tri::False, Tri::Null), Tri::Null);
  EXPECT_EQ(tri_or(Tri::False, Tri::False), Tri::False);
  EXPECT_EQ(tri_xor(Tri::True, Tri::Null), Tri::Null);
  EXPECT_EQ(tri_xor(Tri::True, Tri::False), Tri::True);
  EXPECT_EQ(tri_xor(Tri::True, Tri::True), Tri::False);
}

TEST(ValueTest, TypeAndNames) {
  EXPECT_EQ(Value().type(), ValueType::Null);
  EXPECT_EQ(Value(3).type(), ValueType::Int);
  EXPECT_EQ(Value("x").type(), ValueType::String);
  EXPECT_STREQ(type_name(ValueType::Int), "INTEGER");
  EXPECT_STREQ(type_name(ValueType::Float), "FLOAT");
  EXPECT_STREQ(type_name(ValueType::Relationship), "RELATIONSHIP");
  EXPECT_DOUBLE_EQ(Value(3).number(), 3.0);
  EXPECT_DOUBLE_EQ(Value(2.5).number(), 2.5);
}

TEST(ValueTest, StructuralIdentityTreatsNaNAsItself) {
  EXPECT_EQ(Value(kNaN), Value(kNaN));
  EXPECT_EQ(list({1, kNaN}), list({1, kNaN}));
  EXPECT_NE(Value(1), Value(1.0));  // different types, unlike equals()
  EXPECT_NE(Value(Map{{"a", 1}}), Value(Map{{"a", 2}}));
}

// Comparison1 [6]
TEST(EqualsTest, ListsToLists) {
  EXPECT_EQ(equals(list({1, 2}), list({1})), Tri::False);
  EXPECT_EQ(equals(list({kNull}), list({1})), Tri::Null);
  EXPECT_EQ(equals(list({"a"}), list({1})), Tri::False);
  EXPECT_EQ(equals(list({list({1})}), list({list({1}), list({kNull})})), Tri::False);
  EXPECT_EQ(equals(list({list({1}), list({2})}), list({list({1}), list({kNull})})), Tri::Null);
  EXPECT_EQ(equals(list({list({1}), list({2, 3})}), list({list({1}), list({kNull})})), Tri::False);
  EXPECT_EQ(equals(list({1, 2.0}), list({1.0, 2})), Tri::True);
}

// Comparison1 [7]
TEST(EqualsTest, MapsToMaps) {
  auto map = [](std::initializer_list<std::pair<const std::string, Value>> kv) {
    return Value(Map(kv));
  };
  EXPECT_EQ(equals(map({}), map({})), Tri::True);
  EXPECT_EQ(equals(map({{"k", true}}), map({{"k", true}})), Tri::True);
  EXPECT_EQ(equals(map({{"k", 1}}), map({{"k", 1}})), Tri::True);
  EXPECT_EQ(equals(map({{"k", 1.0}}), map({{"k", 1.0}})), Tri::True);
  EXPECT_EQ(equals(map({{"k", "a"}, {"l", 2}}), map({{"k", "a"}, {"l", 2}})), Tri::True);
  EXPECT_EQ(equals(map({}), map({{"k", kNull}})), Tri::False);
  EXPECT_EQ(equals(map({{"k", kNull}}), map({})), Tri::False);
  EXPECT_EQ(equals(map({{"k", 1}}), map({{"k", 1}, {"l", kNull}})), Tri::False);
  EXPECT_EQ(equals(map({{"k", kNull}, {"l", 1}}), map({{"l", 1}})), Tri::False);
  EXPECT_EQ(equals(map({{"k", kNull}}), map({{"k", kNull}, {"l", kNull}})), Tri::False);
  EXPECT_EQ(equals(map({{"k", kNull}}), map({{"k", kNull}})), Tri::Null);
  EXPECT_EQ(equals(map({{"k", 1}}), map({{"k", kNull}})), Tri::Null);
  EXPECT_EQ(equals(map({{"k", 1}, {"l", kNull}}), map({{"k", kNull}, {"l", kNull}})), Tri::Null);
  EXPECT_EQ(equals(map({{"k", 1}, {"l", kNull}}), map({{"k", kNull}, {"l", 1}})), Tri::Null);
  EXPECT_EQ(equals(map({{"k", 1}, {"l", kNull}}), map({{"k", 1}, {"l", 1}})), Tri::Null);
  // A differing value decides even when another is unknown.
  EXPECT_EQ(equals(map({{"k", 1}, {"l", kNull}}), map({{"k", 2}, {"l", 1}})), Tri::False);
}

// Comparison1 [8], [9], [10]-[13], [15]
TEST(EqualsTest, NumbersNaNStringsAndNull) {
  for (const Value& rhs : {Value(1), Value(1.0), Value(kNaN), Value("a")}) {
    EXPECT_EQ(equals(kNaN, rhs), Tri::False) << to_cypher(rhs);
  }
  EXPECT_EQ(equals(1.0, 1.0), Tri::True);
  EXPECT_EQ(equals(1, 1.0), Tri::True);
  EXPECT_EQ(equals("1.0", 1.0), Tri::False);
  EXPECT_EQ(equals("1", 1), Tri::False);
  EXPECT_EQ(equals(std::int64_t{4611686018427387905}, std::int64_t{4611686018427387905}),
            Tri::True);
  EXPECT_EQ(equals(std::int64_t{4611686018427387905}, std::int64_t{4611686018427387900}),
            Tri::False);
  EXPECT_EQ(equals(kNull, kNull), Tri::Null);
  EXPECT_EQ(equals(kNull, 1), Tri::Null);
  EXPECT_EQ(equals(0.0, -0.0), Tri::True);
}

TEST(EqualsTest, IntegerAgainstFloatIsExact) {
  // 2^53 + 1 is not a double; converting it to one would make these equal.
  const std::int64_t big = (std::int64_t{1} << 53) + 1;
  EXPECT_EQ(equals(big, 9007199254740992.0), Tri::False);
  EXPECT_EQ(equals(big - 1, 9007199254740992.0), Tri::True);
  EXPECT_EQ(lt(9007199254740992.0, big), Tri::True);
  EXPECT_EQ(equals(std::numeric_limits<std::int64_t>::max(), 9223372036854775808.0), Tri::False);
  EXPECT_EQ(lt(std::numeric_limits<std::int64_t>::max(), 9223372036854775808.0), Tri::True);
  EXPECT_EQ(gt(std::numeric_limits<std::int64_t>::min(), -kInf), Tri::True);
  EXPECT_EQ(lt(2, 2.5), Tri::True);
  EXPECT_EQ(gt(-2, -2.5), Tri::True);
}

TEST(EqualsTest, GraphEntitiesAndPaths) {
  EXPECT_EQ(equals(NodeRef{1}, NodeRef{1}), Tri::True);
  EXPECT_EQ(equals(NodeRef{1}, NodeRef{2}), Tri::False);
  EXPECT_EQ(equals(NodeRef{1}, RelRef{1}), Tri::False);
  EXPECT_EQ(equals(RelRef{4}, RelRef{4}), Tri::True);
  // Comparison1 [14]: a loop walked either way is the same path.
  EXPECT_EQ(equals(Path{{0, 0}, {7}}, Path{{0, 0}, {7}}), Tri::True);
  EXPECT_EQ(equals(Path{{0, 1}, {7}}, Path{{1, 0}, {7}}), Tri::False);
}

// Comparison2 [3]: across types only numbers compare.
TEST(CompareTest, AcrossTypesIsNullExceptNumbers) {
  const std::vector<Value> types = {
      NodeRef{0}, RelRef{0}, Path{{0, 1}, {0}}, "", 1, 3.14, true, kNull, List{}, Map{}};
  std::vector<std::pair<std::string, std::string>> true_pairs;
  for (std::size_t i = 0; i < types.size(); ++i) {
    for (std::size_t j = 0; j < types.size(); ++j) {
      if (i == j) continue;
      if (lt(types[i], types[j]) == Tri::True) {
        true_pairs.emplace_back(to_cypher(types[i]), to_cypher(types[j]));
      }
      if (lt(types[i], types[j]) == Tri::Null) {
        EXPECT_EQ(ge(types[i], types[j]), Tri::Null);
      }
    }
  }
  ASSERT_EQ(true_pairs.size(), 1u);
  EXPECT_EQ(true_pairs[0], (std::pair<std::string, std::string>{"1", "3.14"}));
  EXPECT_EQ(ge(3.14, 1), Tri::True);
}

// Comparison2 [4]
TEST(CompareTest, Lists) {
  EXPECT_EQ(ge(list({1, 0}), list({1})), Tri::True);
  EXPECT_EQ(ge(list({1, kNull}), list({1})), Tri::True);
  EXPECT_EQ(ge(list({1, 2}), list({1, kNull})), Tri::Null);
  EXPECT_EQ(ge(list({1, "a"}), list({1, kNull})), Tri::Null);
  EXPECT_EQ(ge(list({1, 2}), list({3, kNull})), Tri::False);
  EXPECT_EQ(lt(list({}), list({kNull})), Tri::True);
  EXPECT_EQ(lt(list({1, "a"}), list({1, 2})), Tri::Null);
}

// Comparison2 [5], [6]
TEST(CompareTest, NaNIsUnorderedAgainstNumbersAndNullAgainstStrings) {
  for (const Value& rhs : {Value(1), Value(1.0), Value(kNaN)}) {
    EXPECT_EQ(gt(kNaN, rhs), Tri::False);
    EXPECT_EQ(ge(kNaN, rhs), Tri::False);
    EXPECT_EQ(lt(kNaN, rhs), Tri::False);
    EXPECT_EQ(le(kNaN, rhs), Tri::False);
  }
  EXPECT_EQ(gt(kNaN, "a"), Tri::Null);
  EXPECT_EQ(lt(1.0, 1.0), Tri::False);
  EXPECT_EQ(lt(1, 1.0), Tri::False);
  EXPECT_EQ(lt("1.0", 1.0), Tri::Null);
  EXPECT_EQ(lt("1", 1), Tri::Null);
}

// Comparison3: strings compare by code point, including beyond ASCII.
TEST(CompareTest, StringsByCodePoint) {
  EXPECT_EQ(lt("a", "b"), Tri::True);
  EXPECT_EQ(lt("", " "), Tri::True);
  EXPECT_EQ(lt("Z", "a"), Tri::True);
  EXPECT_EQ(lt("z", "\xC3\xA9"), Tri::True);                     // z < é (U+00E9)
  EXPECT_EQ(lt("\xC3\xA9", "\xE4\xB8\xAD"), Tri::True);          // é < 中 (U+4E2D)
  EXPECT_EQ(lt("\xEF\xBF\xBD", "\xF0\x9F\x98\x80"), Tri::True);  // U+FFFD < U+1F600
  EXPECT_EQ(le("abc", "abc"), Tri::True);
  EXPECT_EQ(lt("ab", "abc"), Tri::True);
}

TEST(CompareTest, BooleansAndIncomparableTypes) {
  EXPECT_EQ(lt(false, true), Tri::True);
  EXPECT_EQ(ge(true, true), Tri::True);
  EXPECT_EQ(lt(Map{}, Map{}), Tri::Null);
  EXPECT_EQ(lt(NodeRef{1}, NodeRef{2}), Tri::Null);
  EXPECT_EQ(lt(Duration{0, 1, 0, 0}, Duration{0, 2, 0, 0}), Tri::Null);
  EXPECT_EQ(lt(Date{1}, LocalDateTime{Date{2}, {}}), Tri::Null);
}

// Temporal7: comparing temporal values of the same type.
TEST(CompareTest, Temporals) {
  const Date d1980 = *Date::from_ymd(1980, 12, 24);
  const Date d1984 = *Date::from_ymd(1984, 10, 11);
  EXPECT_EQ(lt(d1980, d1984), Tri::True);
  EXPECT_EQ(equals(d1984, d1984), Tri::True);

  auto hms = [](std::int64_t h, std::int64_t m, std::int64_t s, std::int64_t ns) {
    return ((h * 60 + m) * 60 + s) * 1'000'000'000 + ns;
  };
  EXPECT_EQ(lt(LocalTime{hms(10, 35, 0, 0)}, LocalTime{hms(12, 31, 14, 645876123)}), Tri::True);
  // 10:00+01:00 is 09:00 UTC, before 09:35:14Z.
  EXPECT_EQ(lt(Time{hms(10, 0, 0, 0), 3600}, Time{hms(9, 35, 14, 645876123), 0}), Tri::True);
  EXPECT_EQ(gt(Time{hms(10, 0, 0, 0), 0}, Time{hms(10, 30, 0, 0), 3600}), Tri::True);

  const LocalDateTime a{*Date::from_ymd(1980, 12, 11), LocalTime{hms(12, 31, 14, 0)}};
  const LocalDateTime b{d1984, LocalTime{hms(12, 31, 14, 645876123)}};
  EXPECT_EQ(lt(a, b), Tri::True);
  EXPECT_EQ(ge(b, b), Tri::True);

  // 1984-10-11T12:31:14+05:00 is 07:31:14Z; 1984-10-11T09:00Z comes after it.
  const DateTime plus5{{d1984, LocalTime{hms(12, 31, 14, 0)}}, 5 * 3600, ""};
  const DateTime utc9{{d1984, LocalTime{hms(9, 0, 0, 0)}}, 0, ""};
  EXPECT_EQ(lt(plus5, utc9), Tri::True);
  EXPECT_EQ(equals(plus5, plus5), Tri::True);
  EXPECT_EQ(equals(DateTime{{d1984, {}}, 0, "Europe/London"}, DateTime{{d1984, {}}, 0, ""}),
            Tri::False);
}

// Values far outside the calendar (from faulty arithmetic, say) still compare and print
// without overflow (UBSan would abort this test if they did not).
TEST(CompareTest, ExtremeTemporalsDoNotOverflow) {
  constexpr std::int64_t kBig = std::numeric_limits<std::int64_t>::max();
  const DateTime late{{Date{kBig / 2}, LocalTime{0}}, -18 * 3600, ""};
  const DateTime early{{Date{-kBig / 2}, LocalTime{0}}, 18 * 3600, ""};
  EXPECT_GT(order(late, early), 0);
  EXPECT_EQ(gt(late, early), Tri::True);
  EXPECT_EQ(gt(Time{kBig, -18 * 3600}, Time{0, 0}), Tri::True);
  EXPECT_GT(order(Duration{kBig, kBig, kBig, 0}, Duration{}), 0);
  EXPECT_FALSE(Date{kBig}.to_string().empty());
  EXPECT_FALSE(Date{-kBig}.to_string().empty());
  EXPECT_EQ(LocalTime{-1}.to_string(), "23:59:59.999999999");
}

// Temporal7 [6]: durations are equal when months, days and seconds agree; hours are not days.
TEST(EqualsTest, Durations) {
  constexpr std::int64_t kMonths = 12 * 12 + 5;
  const Duration x{kMonths, 14, 16 * 3600 + 12 * 60 + 70, 0};
  EXPECT_EQ(equals(x, Duration{kMonths, 14, 16 * 3600 + 13 * 60 + 10, 0}), Tri::True);
  EXPECT_EQ(equals(x, Duration{kMonths, 13, 40 * 3600 + 13 * 60 + 10, 0}), Tri::False);
  EXPECT_EQ(equals(x, *Date::from_ymd(1984, 10, 11)), Tri::False);
  EXPECT_EQ(equals(x, LocalTime{0}), Tri::False);
}

// ReturnOrderBy1 [11]: the order of types, null last and NaN after every number.
TEST(OrderTest, DistinctTypes) {
  std::vector<Value> values = {NodeRef{0},
                               RelRef{0},
                               Path{{0, 1}, {0}},
                               1.5,
                               list({"list"}),
                               "text",
                               kNull,
                               false,
                               kNaN,
                               Map{{"a", "map"}},
                               Date{0},
                               LocalTime{0},
                               Duration{},
                               DateTime{},
                               LocalDateTime{},
                               Time{}};
  std::stable_sort(values.begin(), values.end(),
                   [](const Value& a, const Value& b) { return order(a, b) < 0; });
  std::vector<ValueType> types;
  for (const Value& v : values)
    types.push_back(v.type());
  EXPECT_EQ(types,
            (std::vector<ValueType>{
                ValueType::Map, ValueType::Node, ValueType::Relationship, ValueType::List,
                ValueType::Path, ValueType::DateTime, ValueType::LocalDateTime, ValueType::Date,
                ValueType::Time, ValueType::LocalTime, ValueType::Duration, ValueType::String,
                ValueType::Bool, ValueType::Float, ValueType::Float, ValueType::Null}));
  EXPECT_EQ(values[13], Value(1.5));
  EXPECT_EQ(values[14], Value(kNaN));
}

// ReturnOrderBy1 [9]
TEST(OrderTest, Lists) {
  const std::vector<Value> expected = {list({}),         list({"a"}),     list({"a", 1}),
                                       list({1}),        list({1, "a"}),  list({1, kNull}),
                                       list({kNull, 1}), list({kNull, 2})};
  std::vector<Value> values(expected.rbegin(), expected.rend());
  std::swap(values[1], values[5]);
  std::sort(values.begin(), values.end(),
            [](const Value& a, const Value& b) { return order(a, b) < 0; });
  EXPECT_EQ(values, expected);
}

// ReturnOrderBy1 [1]-[8]
TEST(OrderTest, ScalarsWithinTheirType) {
  EXPECT_LT(order(false, true), 0);
  EXPECT_LT(order("", " "), 0);
  EXPECT_LT(order(" ", ".*"), 0);
  EXPECT_LT(order(".*", "one"), 0);
  EXPECT_LT(order(1, 2), 0);
  EXPECT_LT(order(1.3, 1.5), 0);
  EXPECT_LT(order(1.5, 999.99), 0);
  EXPECT_LT(order(1, 1.5), 0);
  EXPECT_LT(order(-kInf, std::numeric_limits<std::int64_t>::min()), 0);
  EXPECT_LT(order(kInf, kNaN), 0);
  EXPECT_EQ(order(1, 1.0), 0);
  EXPECT_EQ(order(kNaN, kNaN), 0);
  EXPECT_EQ(order(kNull, kNull), 0);
  EXPECT_GT(order(kNull, kNaN), 0);
  EXPECT_LT(order(NodeRef{1}, NodeRef{2}), 0);
  EXPECT_LT(order(Map{{"a", 1}}, Map{{"a", 2}}), 0);
  EXPECT_LT(order(Map{{"a", 1}}, Map{{"b", 0}}), 0);
  EXPECT_LT(order(Map{}, Map{{"a", 1}}), 0);
  EXPECT_LT(order(Duration{0, 1, 0, 0}, Duration{1, 0, 0, 0}), 0);
  EXPECT_LT(order(Duration{0, 0, 86'399, 0}, Duration{0, 1, 0, 0}), 0);
  EXPECT_LT(order(Path{{1}, {}}, Path{{1, 2}, {3}}), 0);
}

// Values covering every type and the awkward corners of each, for the consistency checks.
std::vector<Value> assorted_values() {
  const Date day = *Date::from_ymd(2015, 7, 21);
  return {kNull,
          true,
          false,
          0,
          1,
          -1,
          0.0,
          -0.0,
          1.0,
          1.5,
          kNaN,
          kInf,
          -kInf,
          std::numeric_limits<std::int64_t>::max(),
          9223372036854775808.0,
          "",
          "a",
          "A",
          "\xC3\xA9",
          list({}),
          list({kNull}),
          list({1, 2}),
          list({1.0, 2.0}),
          list({1, kNull}),
          list({kNaN}),
          Map{},
          Map{{"k", kNull}},
          Map{{"k", 1}},
          Map{{"k", 1.0}},
          Map{{"k", 1}, {"l", list({})}},
          day,
          Date{day.days + 1},
          LocalTime{5},
          Time{5, 3600},
          Time{5 + 3'600'000'000'000, 7200},
          LocalDateTime{day, LocalTime{5}},
          DateTime{{day, LocalTime{5}}, 3600, ""},
          DateTime{{day, LocalTime{5}}, 3600, "Europe/Paris"},
          Duration{1, 2, 3, 4},
          Duration{0, 0, 60, 0},
          NodeRef{1},
          NodeRef{2},
          RelRef{1},
          Path{{1, 2}, {1}},
          Path{{1}, {}}};
}

// ORDER BY, DISTINCT and hashing must agree: a total order whose ties are exactly the
// equivalent pairs, and equal hashes for equivalent values.
TEST(OrderTest, TotalOrderConsistentWithEquivalenceAndHash) {
  const auto values = assorted_values();
  for (const Value& a : values) {
    EXPECT_EQ(order(a, a), 0) << to_cypher(a);
    EXPECT_TRUE(equivalent(a, a)) << to_cypher(a);
    for (const Value& b : values) {
      const int ab = order(a, b);
      EXPECT_EQ(ab, -order(b, a)) << to_cypher(a) << " vs " << to_cypher(b);
      EXPECT_EQ(ab == 0, equivalent(a, b)) << to_cypher(a) << " vs " << to_cypher(b);
      if (equivalent(a, b)) {
        EXPECT_EQ(hash_value(a), hash_value(b)) << to_cypher(a) << " vs " << to_cypher(b);
      }
      // Where `=` answers true the values must also be equivalent, and comparable values
      // that compare equal must be equal.
      if (equals(a, b) == Tri::True) {
        EXPECT_TRUE(equivalent(a, b));
      }
      const auto c = compare(a, b);
      if (c && *c == 0) {
        EXPECT_EQ(equals(a, b), Tri::True);
      }
      if (c && *c != 0 && *c != std::partial_ordering::unordered) {
        EXPECT_EQ(*c < 0, ab < 0) << to_cypher(a) << " vs " << to_cypher(b);
      }
      for (const Value& x : values) {
        if (ab < 0 && order(b, x) < 0) {
          EXPECT_LT(order(a, x), 0);
        }
      }
    }
  }
}

TEST(EquivalentTest, GroupingKeys) {
  EXPECT_TRUE(equivalent(kNull, kNull));
  EXPECT_TRUE(equivalent(kNaN, kNaN));
  EXPECT_TRUE(equivalent(1, 1.0));
  EXPECT_TRUE(equivalent(0.0, -0.0));
  EXPECT_TRUE(equivalent(list({kNull, 1}), list({kNull, 1.0})));
  EXPECT_TRUE(equivalent(Map{{"k", kNull}}, Map{{"k", kNull}}));
  EXPECT_FALSE(equivalent(Map{{"k", kNull}}, Map{}));
  EXPECT_FALSE(equivalent(kNull, 0));
  EXPECT_FALSE(equivalent("1", 1));
  EXPECT_FALSE(equivalent(kNaN, 1));

  std::unordered_set<Value, ValueHash, ValueEquivalent> distinct;
  for (const Value& v : {Value(1), Value(1.0), Value(kNull), Value(kNull), Value(kNaN), Value(kNaN),
                         Value("1"), Value(list({1})), Value(list({1.0}))}) {
    distinct.insert(v);
  }
  EXPECT_EQ(distinct.size(), 5u);  // 1, null, NaN, '1', [1]
}

}  // namespace
}  // namespace kith
