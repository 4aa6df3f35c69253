// to_cypher as the TCK prints results (expressions/literals), and the JSON round trip.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "graph/value.hpp"

namespace kith {
namespace {

// Literals5: floats as the TCK writes them.
TEST(ToCypherTest, Floats) {
  EXPECT_EQ(to_cypher(1.0), "1.0");
  EXPECT_EQ(to_cypher(.1), "0.1");
  EXPECT_EQ(to_cypher(3985764.3405892687), "3985764.3405892686");
  EXPECT_EQ(to_cypher(.3405892687), "0.3405892687");
  EXPECT_EQ(to_cypher(1.2635418652381264e305), "1.2635418652381264e305");
  EXPECT_EQ(to_cypher(-1.2635418652381264e305), "-1.2635418652381264e305");
  EXPECT_EQ(to_cypher(1e-305), "1e-305");
  EXPECT_EQ(to_cypher(-1e-305), "-1e-305");
  EXPECT_EQ(to_cypher(0.0), "0.0");
  EXPECT_EQ(to_cypher(-0.0), "-0.0");
  EXPECT_EQ(to_cypher(1e9), "1000000000.0");
  EXPECT_EQ(to_cypher(.1e9), "100000000.0");
  EXPECT_EQ(to_cypher(-1e9), "-1000000000.0");
  EXPECT_EQ(to_cypher(1e-5), "0.00001");
  EXPECT_EQ(to_cypher(.1e-5), "0.000001");
  EXPECT_EQ(to_cypher(-1e-5), "-0.00001");
  EXPECT_EQ(to_cypher(1e308), "1e308");
  EXPECT_EQ(to_cypher(123456789e300), "1.23456789e308");
  EXPECT_EQ(to_cypher(1.5), "1.5");
  EXPECT_EQ(to_cypher(999.99), "999.99");
  EXPECT_EQ(to_cypher(3.14), "3.14");
  // The switch points between plain and exponent notation.
  EXPECT_EQ(to_cypher(1e-7), "1e-7");
  EXPECT_EQ(to_cypher(1.5e-7), "1.5e-7");
  EXPECT_EQ(to_cypher(1e20), "100000000000000000000.0");
  EXPECT_EQ(to_cypher(1e21), "1e21");
  EXPECT_EQ(to_cypher(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(to_cypher(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(to_cypher(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(to_cypher(std::numeric_limits<double>::denorm_min()), "5e-324");
}

TEST(ToCypherTest, FloatsReadBackExactly) {
  for (double d : {0.1, 1.0 / 3, 2.0 / 3 * 1e15, 123456.789e-12, 6.02214076e23, 1e-6, 9.999e20}) {
    EXPECT_EQ(std::stod(to_cypher(d)), d) << to_cypher(d);
  }
}

TEST(ToCypherTest, ScalarsAndContainers) {
  EXPECT_EQ(to_cypher(Value()), "null");
  EXPECT_EQ(to_cypher(true), "true");
  EXPECT_EQ(to_cypher(false), "false");
  EXPECT_EQ(to_cypher(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808");
  EXPECT_EQ(to_cypher(List{}), "[]");
  EXPECT_EQ(to_cypher(List{1, 2}), "[1, 2]");
  EXPECT_EQ(to_cypher(List{1, "a", Value(), List{2.0}}), "[1, 'a', null, [2.0]]");
  EXPECT_EQ(to_cypher(Map{}), "{}");
  // Keys print sorted whatever the insertion order.
  EXPECT_EQ(to_cypher(Map{{"b", "x"}, {"a", 1}}), "{a: 1, b: 'x'}");
  EXPECT_EQ(to_cypher(Map{{"a", Map{{"b", List{}}}}}), "{a: {b: []}}");
}

TEST(ToCypherTest, StringsAreQuotedAndEscaped) {
  EXPECT_EQ(to_cypher("text"), "'text'");
  EXPECT_EQ(to_cypher(""), "''");
  EXPECT_EQ(to_cypher("it's"), "'it\\'s'");
  EXPECT_EQ(to_cypher("a\\b"), "'a\\\\b'");
  EXPECT_EQ(to_cypher("line\nnext\ttab\r"), "'line\\nnext\\ttab\\r'");
  EXPECT_EQ(to_cypher(std::string("nul\0x", 5)), "'nul\\u0000x'");
  EXPECT_EQ(to_cypher("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(to_cypher("Strøm 中文 😀"), "'Strøm 中文 😀'");
}

TEST(ToCypherTest, MapKeysThatAreNotIdentifiersAreBackticked) {
  EXPECT_EQ(to_cypher(Map{{"first name", 1}}), "{`first name`: 1}");
  EXPECT_EQ(to_cypher(Map{{"1st", 1}}), "{`1st`: 1}");
  EXPECT_EQ(to_cypher(Map{{"a`b", 1}}), "{`a``b`: 1}");
  EXPECT_EQ(to_cypher(Map{{"", 1}}), "{``: 1}");
  EXPECT_EQ(to_cypher(Map{{"_x9", 1}}), "{_x9: 1}");
  EXPECT_EQ(to_cypher(Map{{"før", 1}}), "{før: 1}");
  EXPECT_EQ(to_cypher(Map{{"😀", 1}}), "{`😀`: 1}");
}

TEST(ToCypherTest, TemporalsPrintUnquoted) {
  EXPECT_EQ(to_cypher(*Date::from_ymd(2025, 1, 2)), "2025-01-02");
  EXPECT_EQ(to_cypher(Duration{14, 0, 0, 0}), "P1Y2M");
  EXPECT_EQ(to_cypher(List{*Date::from_ymd(2025, 1, 2)}), "[2025-01-02]");
}

TEST(ToCypherTest, GraphEntities) {
  EXPECT_EQ(to_cypher(NodeRef{3}), "(#3)");
  EXPECT_EQ(to_cypher(RelRef{4}), "[#4]");
  EXPECT_EQ(to_cypher(Path{{1, 3}, {2}}), "<(#1)-[#2]->(#3)>");
  EXPECT_EQ(to_cypher(Path{{1}, {}}), "<(#1)>");
}

TEST(JsonTest, PlainTypesRoundTrip) {
  const Value v = Map{{"name", "Helga \"H\" Strøm\n"},
                      {"age", 51},
                      {"score", 2.5},
                      {"active", true},
                      {"manager", Value()},
                      {"tags", List{"a", 1, List{}}},
                      {"nested", Map{{"k", Map{}}}}};
  const nlohmann::json j = to_json(v);
  EXPECT_EQ(j["age"], 51);
  EXPECT_TRUE(j["age"].is_number_integer());
  EXPECT_TRUE(j["manager"].is_null());
  EXPECT_EQ(from_json(j), v);
  EXPECT_EQ(from_json(nlohmann::json::parse(j.dump())), v);
}

TEST(JsonTest, SpecialValues) {
  EXPECT_EQ(to_json(*Date::from_ymd(2015, 7, 21)), "2015-07-21");
  EXPECT_EQ(to_json(Duration{0, 0, 90, 0}), "PT1M30S");
  EXPECT_EQ(to_json(NodeRef{7}), nlohmann::json({{"node", 7}}));
  EXPECT_EQ(to_json(RelRef{8}), nlohmann::json({{"relationship", 8}}));
  EXPECT_EQ(to_json(Path{{1, 2}, {3}}).dump(), R"({"nodes":[1,2],"relationships":[3]})");
  // Numbers beyond INTEGER's range come back as FLOAT rather than wrapping around.
  EXPECT_EQ(from_json(nlohmann::json::parse("18446744073709551615")), Value(1.8446744073709552e19));
  EXPECT_EQ(from_json(nlohmann::json::parse("-9223372036854775808")),
            Value(std::numeric_limits<std::int64_t>::min()));
  EXPECT_EQ(from_json(nlohmann::json::parse("1.0")), Value(1.0));
}

TEST(JsonTest, DeepNestingIsRejectedNotCrashing) {
  const std::size_t depth = 200'000;
  const std::string text = std::string(depth, '[') + std::string(depth, ']');
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_THROW(from_json(j), std::invalid_argument);

  std::string ok = std::string(100, '[') + "1" + std::string(100, ']');
  Value v = from_json(nlohmann::json::parse(ok));
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(v.is<List>());
    Value inner = v.as<List>().at(0);
    v = std::move(inner);
  }
  EXPECT_EQ(v, Value(1));
}

}  // namespace
}  // namespace kith
