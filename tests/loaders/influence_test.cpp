#include "loaders/influence.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

class InfluenceTest : public ::testing::Test {
 protected:
  NodeId person(std::string name) {
    const SymbolId labels[] = {g.intern_label("Person")};
    return g.create_node(labels, {{g.intern_key("name"), Value(std::move(name))}});
  }
  RelId rel(NodeId a, NodeId b, std::string_view type, PropertyList props = {},
            std::uint32_t line = 1) {
    std::sort(props.begin(), props.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    const RelId r = g.create_relationship(a, b, g.intern_type(type), std::move(props));
    g.add_evidence(EntityKind::Relationship, r, Evidence{"Notes/org.md", line, "text", "rule"});
    return r;
  }
  // The INFLUENCES relationship from a to b, if any.
  std::optional<RelId> influence(NodeId a, NodeId b) {
    std::optional<RelId> found;
    const SymbolId types[] = {*g.find_type("INFLUENCES")};
    g.for_each_relationship(a, Direction::Out, types, [&](RelId r, NodeId o) {
      if (o == b) found = r;
    });
    return found;
  }
  double weight(RelId r) { return g.rel_property(r, *g.find_key("weight"))->as<double>(); }
  List reasons(RelId r) { return g.rel_property(r, *g.find_key("reasons"))->as<List>(); }

  Graph g;
};

TEST_F(InfluenceTest, ReportingLinesBothWaysAndChiefOfStaff) {
  const NodeId principal = person("Ayasha Redcloud");
  const NodeId report = person("Dmitri Volkov");
  const NodeId chief = person("Keanu Makoa");
  rel(report, principal, "REPORTS_TO", {{g.intern_key("current"), true}}, 4);
  rel(chief, principal, "CHIEF_OF_STAFF_TO", {}, 7);
  EXPECT_EQ(derive_influence(g, {}), 3u);
  EXPECT_DOUBLE_EQ(weight(*influence(report, principal)), 0.5);
  EXPECT_DOUBLE_EQ(weight(*influence(principal, report)), 0.6);
  EXPECT_DOUBLE_EQ(weight(*influence(chief, principal)), 0.8);
  const List why = reasons(*influence(chief, principal));
  ASSERT_EQ(why.size(), 1u);
  EXPECT_EQ(why[0].as<std::string>(), "chief of staff to Ayasha Redcloud (Notes/org.md:7)");
  const auto ev = g.evidence(EntityKind::Relationship, *influence(chief, principal));
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].line, 7u);
  EXPECT_FALSE(influence(chief, report));
}

TEST_F(InfluenceTest, FormerLinesWeighLessAndReasonsCombineByNoisyOr) {
  const NodeId a = person("Ines Araújo");
  const NodeId b = person("Tomasz Zieliński");
  rel(a, b, "REPORTS_TO", {{g.intern_key("current"), false}});
  derive_influence(g, {StatedInfluence{a, b, false, Evidence{"Notes/x.md", 3, "s", "r"}}});
  const RelId r = *influence(a, b);
  // 1 - (1 - 0.7)(1 - 0.5 * 0.3)
  EXPECT_NEAR(weight(r), 1 - 0.3 * 0.85, 1e-9);
  const List why = reasons(r);
  ASSERT_EQ(why.size(), 2u);
  EXPECT_EQ(why[0].as<std::string>(), "stated influence on Tomasz Zieliński (Notes/x.md:3)");
  EXPECT_NE(why[1].as<std::string>().find("former direct report"), std::string::npos);
}

TEST_F(InfluenceTest, EmailVolumeAndRecency) {
  const NodeId a = person("Farid Haddad");
  const NodeId b = person("Greta Lindqvist");
  const NodeId c = person("Hugo Mertens");
  const SymbolId count = g.intern_key("count"), first = g.intern_key("first"),
                 last = g.intern_key("last");
  rel(a, b, "EMAILED",
      {{count, std::int64_t{20}},
       {first, *Date::parse_iso("2025-01-01")},
       {last, *Date::parse_iso("2026-01-01")}});
  rel(a, c, "EMAILED",
      {{count, std::int64_t{20}},
       {first, *Date::parse_iso("2024-01-01")},
       {last, *Date::parse_iso("2025-07-05")}});  // 180 days before the latest: half weight
  derive_influence(g, {});
  const double recent = weight(*influence(a, b));
  const double old = weight(*influence(a, c));
  EXPECT_NEAR(recent, 0.4 * (1 - std::exp(-4.0)), 1e-3);
  EXPECT_NEAR(old, recent / 2, 1e-3);
  EXPECT_FALSE(influence(b, a));
}

TEST_F(InfluenceTest, SharedMeetingsBothWaysCapped) {
  const NodeId a = person("Amaru Quispe");
  const NodeId b = person("Beatriz Souza");
  const SymbolId meeting[] = {g.intern_label("Note"), g.intern_label("Meeting")};
  for (int i = 0; i < 8; ++i) {
    const NodeId m = g.create_node(meeting);
    rel(a, m, "ATTENDED");
    rel(b, m, "ATTENDED");
  }
  derive_influence(g, {});
  EXPECT_DOUBLE_EQ(weight(*influence(a, b)), 0.3);
  EXPECT_DOUBLE_EQ(weight(*influence(b, a)), 0.3);
  EXPECT_NE(reasons(*influence(a, b))[0].as<std::string>().find("8 meetings"), std::string::npos);
}

TEST_F(InfluenceTest, DistrustWeakensWhatTheDistrustedInfluence) {
  const NodeId claimant = person("Dmitri Volkov");
  const NodeId decider = person("Ayasha Redcloud");
  const NodeId honest = person("Keanu Makoa");
  const Evidence said{"Notes/deal.md", 3, "Dmitri will influence Ayasha's decision.", "influences"};
  const Evidence doubt{"Notes/deal.md", 9, "Dmitri can't be trusted.", "cannot-be-trusted"};
  derive_influence(g, {{claimant, decider, false, said}, {honest, decider, false, said}}, {},
                   {{claimant, doubt}});
  EXPECT_DOUBLE_EQ(weight(*influence(honest, decider)), 0.7);
  EXPECT_DOUBLE_EQ(weight(*influence(claimant, decider)), 0.35);
  const List why = reasons(*influence(claimant, decider));
  ASSERT_EQ(why.size(), 2u);
  EXPECT_EQ(why[0].as<std::string>(), "distrusted, weight x 0.5 (Notes/deal.md:9)");
  const auto ev = g.evidence(EntityKind::Relationship, *influence(claimant, decider));
  EXPECT_TRUE(std::any_of(ev.begin(), ev.end(), [](const Evidence& e) {
    return e.line == 9 && e.rule == "influence: cannot-be-trusted";
  }));
}

TEST_F(InfluenceTest, NoPeopleNoInfluence) {
  EXPECT_EQ(derive_influence(g, {}), 0u);
}

}  // namespace
}  // namespace kith::loaders
