#include "loaders/contradictions.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

class ContradictionsTest : public ::testing::Test {
 protected:
  NodeId node(std::string_view label, std::string name) {
    const SymbolId labels[] = {g.intern_label(label)};
    return g.create_node(labels, {{g.intern_key("name"), Value(std::move(name))}});
  }
  RelId rel(NodeId a, NodeId b, std::string_view type, bool current, std::uint32_t line) {
    const RelId r =
        g.create_relationship(a, b, g.intern_type(type), {{g.intern_key("current"), current}});
    g.add_evidence(EntityKind::Relationship, r, Evidence{"Notes/org.md", line, "text", "rule"});
    return r;
  }
  bool marked(RelId r) {
    const auto key = g.find_key("contradiction");
    const Value* v = key ? g.rel_property(r, *key) : nullptr;
    return v && v->as<bool>();
  }
  Graph g;
};

TEST_F(ContradictionsTest, ACycleOfCurrentReportingLinesIsReportedOnce) {
  const NodeId a = node("Person", "Ayasha Redcloud");
  const NodeId b = node("Person", "Dmitri Volkov");
  const NodeId c = node("Person", "Keanu Makoa");
  const NodeId d = node("Person", "Ines Araujo");
  const RelId ab = rel(a, b, "REPORTS_TO", true, 1);
  const RelId bc = rel(b, c, "REPORTS_TO", true, 2);
  const RelId ca = rel(c, a, "REPORTS_TO", true, 3);
  const RelId da = rel(d, a, "REPORTS_TO", true, 4);
  const auto found = find_contradictions(g);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, "reporting cycle");
  EXPECT_EQ(found[0].values.size(), 3u);
  EXPECT_EQ(found[0].evidence.size(), 3u);
  EXPECT_TRUE(marked(ab) && marked(bc) && marked(ca));
  EXPECT_FALSE(marked(da));
}

TEST_F(ContradictionsTest, AFormerLineClosesNoCycle) {
  const NodeId a = node("Person", "Ayasha Redcloud");
  const NodeId b = node("Person", "Dmitri Volkov");
  rel(a, b, "REPORTS_TO", true, 1);
  const RelId back = rel(b, a, "REPORTS_TO", false, 2);
  EXPECT_TRUE(find_contradictions(g).empty());
  EXPECT_FALSE(marked(back));
}

TEST_F(ContradictionsTest, TwoCurrentEmployersAndTwoCurrentManagers) {
  const NodeId a = node("Person", "Ayasha Redcloud");
  const NodeId b = node("Person", "Dmitri Volkov");
  const NodeId c = node("Person", "Keanu Makoa");
  const NodeId x = node("Account", "Marrowgate Bank");
  const NodeId y = node("Account", "Quillfeather");
  rel(a, x, "WORKS_AT", true, 1);
  rel(a, y, "WORKS_AT", true, 2);
  rel(b, x, "WORKS_AT", true, 3);
  rel(b, y, "WORKS_AT", false, 4);  // a former employer contradicts nothing
  rel(c, a, "REPORTS_TO", true, 5);
  rel(c, b, "REPORTS_TO", true, 6);
  auto found = find_contradictions(g);
  ASSERT_EQ(found.size(), 2u);
  std::sort(found.begin(), found.end(),
            [](const auto& l, const auto& r) { return l.kind < r.kind; });
  EXPECT_EQ(found[0].kind, "two current employers");
  EXPECT_EQ(found[0].subject, "Ayasha Redcloud");
  EXPECT_EQ(found[1].kind, "two current managers");
  EXPECT_EQ(found[1].subject, "Keanu Makoa");
  EXPECT_EQ(found[1].evidence.size(), 2u);
}

}  // namespace
}  // namespace kith::loaders
