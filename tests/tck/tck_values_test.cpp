#include "tck_values.hpp"

#include <gtest/gtest.h>

namespace kith::tck {
namespace {

TEST(TckValues, CanonicalFormsOfPlainValues) {
  EXPECT_EQ(canonical_expected("null"), "null");
  EXPECT_EQ(canonical_expected("  42 "), "42");
  EXPECT_EQ(canonical_expected("1.0"), "1.0");
  EXPECT_EQ(canonical_expected("-0.0"), "0.0");
  EXPECT_EQ(canonical_expected("1e-305"), "1e-305");
  EXPECT_EQ(canonical_expected("-1.2635418652381264e305"), "-1.2635418652381264e305");
  EXPECT_EQ(canonical_expected("NaN"), "NaN");
  EXPECT_EQ(canonical_expected("'it\\'s'"), "'it\\'s'");
  EXPECT_EQ(canonical_expected("[1, 'a', [true]]"), "[1, 'a', [true]]");
  EXPECT_EQ(canonical_expected("{b: 1, a: 'x'}"), "{a: 'x', b: 1}");
  EXPECT_EQ(canonical_expected("[3, 1, 2]", true), "[1, 2, 3]");
}

TEST(TckValues, NodesRelationshipsAndPaths) {
  EXPECT_EQ(canonical_expected("(:B:A {name: 'b', age: 3})"), "(:A:B {age: 3, name: 'b'})");
  EXPECT_EQ(canonical_expected("()"), "()");
  EXPECT_EQ(canonical_expected("[:T {num: 1}]"), "[:T {num: 1}]");
  EXPECT_EQ(canonical_expected("<(:A)-[:T]->(:B)<-[:U]-()>"), "<(:A)-[:T]->(:B)<-[:U]-()>");
  EXPECT_EQ(canonical_expected("[<(:A)-[:T]->(:B)>]"), "[<(:A)-[:T]->(:B)>]");
}

TEST(TckValues, IntegersAndFloatsStayApart) {
  EXPECT_NE(canonical_expected("1"), canonical_expected("1.0"));
}

TEST(TckValues, ActualValuesRenderTheSameWay) {
  Graph g;
  SymbolId labels[] = {g.intern_label("B"), g.intern_label("A")};
  const NodeId a = g.create_node(labels, {{g.intern_key("name"), Value("b")}});
  const NodeId b = g.create_node();
  const RelId r =
      g.create_relationship(b, a, g.intern_type("T"), {{g.intern_key("num"), Value(1)}});
  EXPECT_EQ(canonical_actual(Value(NodeRef{a}), g), canonical_expected("(:A:B {name: 'b'})"));
  EXPECT_EQ(canonical_actual(Value(RelRef{r}), g), canonical_expected("[:T {num: 1}]"));
  // The path walks a -> b against the relationship's direction.
  EXPECT_EQ(canonical_actual(Value(Path{{a, b}, {r}}), g),
            canonical_expected("<(:A:B {name: 'b'})<-[:T {num: 1}]-()>"));
  EXPECT_EQ(canonical_actual(Value(List{Value(2.0), Value()}), g),
            canonical_expected("[2.0, null]"));
}

TEST(TckValues, ParametersBecomeValues) {
  EXPECT_EQ(parse_value("[1, 'a', {k: 2.5}]"),
            Value(List{Value(1), Value("a"), Value(Map{{"k", Value(2.5)}})}));
  EXPECT_THROW(parse_value("(:A)"), ParseError);
  EXPECT_THROW(parse_value("[1, 2"), ParseError);
}

}  // namespace
}  // namespace kith::tck
