#include "graph/graph.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kith {
namespace {

class GraphTest : public ::testing::Test {
 protected:
  Graph g;
  SymbolId person = g.intern_label("Person");
  SymbolId account = g.intern_label("Account");
  SymbolId reports_to = g.intern_type("REPORTS_TO");
  SymbolId works_at = g.intern_type("WORKS_AT");
  SymbolId name = g.intern_key("name");
  SymbolId title = g.intern_key("title");
  SymbolId aliases = g.intern_key("aliases");

  NodeId add_person(std::string n) {
    SymbolId labels[] = {person};
    return g.create_node(labels, {{name, Value(std::move(n))}});
  }
};

TEST_F(GraphTest, IdsAreStableAcrossDeletes) {
  NodeId a = add_person("Ana");
  NodeId b = add_person("Ben");
  NodeId c = add_person("Cleo");
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(g.delete_node(b, false), Graph::DeleteResult::Deleted);
  NodeId d = add_person("Dev");
  EXPECT_EQ(d, 3u) << "ids are never reused";
  EXPECT_FALSE(g.node_exists(b));
  EXPECT_TRUE(g.node_exists(c));
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.node_property(c, name)->as<std::string>(), "Cleo");
}

TEST_F(GraphTest, LabelsAreSortedAndUnique) {
  SymbolId labels[] = {person, account, person};
  NodeId n = g.create_node(labels);
  ASSERT_EQ(g.node_labels(n).size(), 2u);
  EXPECT_TRUE(g.has_label(n, person));
  EXPECT_FALSE(g.add_label(n, person));
  EXPECT_TRUE(g.remove_label(n, account));
  EXPECT_FALSE(g.has_label(n, account));
  EXPECT_FALSE(g.remove_label(n, account));
  EXPECT_EQ(g.nodes_with_label(account), std::vector<NodeId>{});
  EXPECT_EQ(g.nodes_with_label(person), std::vector<NodeId>{n});
}

TEST_F(GraphTest, PropertiesSetOverwriteAndNullRemoves) {
  NodeId n = g.create_node({}, {{title, Value("CTO")}, {name, Value()}});
  EXPECT_EQ(g.node_property(n, name), nullptr) << "null properties are not stored";
  g.set_node_property(n, title, Value("CEO"));
  EXPECT_EQ(g.node_property(n, title)->as<std::string>(), "CEO");
  g.set_node_property(n, title, Value());
  EXPECT_EQ(g.node_property(n, title), nullptr);
  EXPECT_FALSE(g.remove_node_property(n, title));
  g.set_node_property(n, name, Value(std::int64_t{7}));
  EXPECT_TRUE(g.remove_node_property(n, name));
  EXPECT_TRUE(g.node_properties(n).empty());
}

TEST_F(GraphTest, RepeatedKeyInCreateKeepsTheLast) {
  NodeId n = g.create_node({}, {{name, Value("first")}, {name, Value("second")}});
  EXPECT_EQ(g.node_property(n, name)->as<std::string>(), "second");
}

TEST_F(GraphTest, RelationshipsHaveTypeDirectionAndProperties) {
  NodeId a = add_person("Ana");
  NodeId b = add_person("Ben");
  SymbolId current = g.intern_key("current");
  RelId r = g.create_relationship(a, b, reports_to, {{current, Value(true)}});
  EXPECT_EQ(g.source(r), a);
  EXPECT_EQ(g.target(r), b);
  EXPECT_EQ(g.rel_type(r), reports_to);
  EXPECT_EQ(g.other_end(r, a), b);
  EXPECT_EQ(g.other_end(r, b), a);
  EXPECT_TRUE(g.rel_property(r, current)->as<bool>());
  EXPECT_EQ(g.degree(a, Direction::Out), 1u);
  EXPECT_EQ(g.degree(a, Direction::In), 0u);
  EXPECT_EQ(g.degree(b, Direction::In), 1u);
  SymbolId types[] = {works_at};
  EXPECT_EQ(g.degree(a, Direction::Both, types), 0u);
}

TEST_F(GraphTest, DeleteNodeWithRelationshipsNeedsDetach) {
  NodeId a = add_person("Ana");
  NodeId b = add_person("Ben");
  RelId r = g.create_relationship(a, b, reports_to);
  EXPECT_EQ(g.delete_node(a, false), Graph::DeleteResult::HasRelationships);
  EXPECT_TRUE(g.node_exists(a));
  EXPECT_EQ(g.delete_node(a, true), Graph::DeleteResult::Deleted);
  EXPECT_FALSE(g.relationship_exists(r));
  EXPECT_EQ(g.relationship_count(), 0u);
  EXPECT_EQ(g.degree(b, Direction::Both), 0u);
  EXPECT_EQ(g.delete_node(a, true), Graph::DeleteResult::Missing);
}

TEST_F(GraphTest, SelfLoopIsReportedOnceWithBoth) {
  NodeId a = add_person("Ana");
  g.create_relationship(a, a, reports_to);
  EXPECT_EQ(g.degree(a, Direction::Both), 1u);
  EXPECT_EQ(g.degree(a, Direction::Out), 1u);
  EXPECT_EQ(g.degree(a, Direction::In), 1u);
}

TEST_F(GraphTest, IterationToleratesWritesInsideTheCallback) {
  NodeId hub = add_person("Hub");
  std::vector<RelId> rels;
  for (int i = 0; i < 4; ++i)
    rels.push_back(g.create_relationship(hub, add_person("x"), works_at));
  int seen = 0;
  g.for_each_relationship(hub, Direction::Out, {}, [&](RelId r, NodeId) {
    ++seen;
    if (r == rels[0]) g.delete_relationship(rels[1]);  // deleted ahead: skipped
    // Created during iteration: not visited, and the growth of the list (and of the node
    // table) must not invalidate the iteration.
    for (int k = 0; k < 64; ++k)
      g.create_relationship(hub, add_person("new"), works_at);
  });
  EXPECT_EQ(seen, 3);
  EXPECT_EQ(g.degree(hub, Direction::Out), 3u + 3u * 64u);
}

TEST_F(GraphTest, IterationSurvivesTheCallbackDeletingTheNodeItWalks) {
  NodeId hub = add_person("Hub");
  for (int i = 0; i < 5; ++i)  // more than the two ids an adjacency list holds inline
    g.create_relationship(hub, add_person("x"), works_at);
  int seen = 0;
  g.for_each_relationship(hub, Direction::Both, {}, [&](RelId, NodeId) {
    ++seen;
    g.delete_node(hub, true);  // its other relationships die with it: not visited
  });
  EXPECT_EQ(seen, 1);
  EXPECT_FALSE(g.node_exists(hub));
  g.compact();
  EXPECT_EQ(g.relationship_count(), 0u);
}

TEST_F(GraphTest, IterationStopsWhenCallbackReturnsFalse) {
  NodeId hub = add_person("Hub");
  for (int i = 0; i < 5; ++i)
    g.create_relationship(hub, add_person("x"), works_at);
  int seen = 0;
  g.for_each_relationship(hub, Direction::Both, {}, [&](RelId, NodeId) { return ++seen < 2; });
  EXPECT_EQ(seen, 2);
}

TEST_F(GraphTest, CompactKeepsLiveRelationships) {
  NodeId a = add_person("Ana");
  NodeId b = add_person("Ben");
  RelId r1 = g.create_relationship(a, b, reports_to);
  RelId r2 = g.create_relationship(a, b, works_at);
  g.delete_relationship(r1);
  g.compact();
  std::vector<RelId> seen;
  g.for_each_relationship(a, Direction::Out, {}, [&](RelId r, NodeId) { seen.push_back(r); });
  EXPECT_EQ(seen, std::vector<RelId>{r2});
}

TEST_F(GraphTest, NameIndexIgnoresCaseAccentsAndSpacing) {
  NodeId helga = add_person("Helga Strøm");
  NodeId jonas = add_person("Jónas Eiríksson");
  SymbolId labels[] = {account};
  g.create_node(labels, {{name, Value("Helga Strøm")}});  // another label: not a Person
  EXPECT_EQ(g.find_by_name(person, "helga strom"), std::vector<NodeId>{helga});
  EXPECT_EQ(g.find_by_name(person, "HELGA  STRØM"), std::vector<NodeId>{helga});
  EXPECT_EQ(g.find_by_name(person, "Jonas Eiriksson"), std::vector<NodeId>{jonas});
  EXPECT_TRUE(g.find_by_name(person, "Helga Strand").empty());
}

TEST_F(GraphTest, NameIndexCoversAliasesAndFollowsWrites) {
  SymbolId labels[] = {person};
  NodeId dana = g.create_node(
      labels, {{name, Value("Dana Whitlock")}, {aliases, Value(List{Value("Dana W.")})}});
  EXPECT_EQ(g.find_by_name(person, "dana w"), std::vector<NodeId>{dana});
  g.set_node_property(dana, name, Value("Dana Wheeler"));
  EXPECT_TRUE(g.find_by_name(person, "Dana Whitlock").empty());
  EXPECT_EQ(g.find_by_name(person, "dana wheeler"), std::vector<NodeId>{dana});
  g.delete_node(dana, true);
  EXPECT_TRUE(g.find_by_name(person, "dana wheeler").empty());
}

TEST_F(GraphTest, PropertyIndexFindsByEquivalentValue) {
  SymbolId age = g.intern_key("age");
  SymbolId labels[] = {person};
  NodeId a = g.create_node(labels, {{age, Value(std::int64_t{30})}});
  g.create_property_index(person, age);  // built over existing nodes
  NodeId b = g.create_node(labels, {{age, Value(30.0)}});
  g.create_node(labels, {{age, Value(std::int64_t{31})}});
  EXPECT_TRUE(g.has_property_index(person, age));
  EXPECT_FALSE(g.has_property_index(account, age));
  EXPECT_EQ(g.find_by_property(person, age, Value(std::int64_t{30})), (std::vector<NodeId>{a, b}));
  g.set_node_property(a, age, Value(std::int64_t{40}));
  EXPECT_EQ(g.find_by_property(person, age, Value(30.0)), std::vector<NodeId>{b});
  g.remove_label(b, person);
  EXPECT_TRUE(g.find_by_property(person, age, Value(30.0)).empty());
}

TEST_F(GraphTest, EvidenceKeepsOrderAndDropsExactRepeats) {
  NodeId a = add_person("Ana");
  NodeId b = add_person("Ben");
  RelId r = g.create_relationship(a, b, reports_to);
  Evidence first{"People/Ana.md", 12, "Ana reports to Ben.", "reports_to"};
  Evidence second{"Meetings/2025-01-02.md", 4, "Ben manages Ana.", "manages"};
  g.add_evidence(EntityKind::Relationship, r, first);
  g.add_evidence(EntityKind::Relationship, r, second);
  g.add_evidence(EntityKind::Relationship, r, first);
  EXPECT_EQ(g.evidence(EntityKind::Relationship, r), (std::vector<Evidence>{first, second}));
  EXPECT_EQ(g.evidence_count(EntityKind::Relationship, r), 2u);
  EXPECT_TRUE(g.evidence(EntityKind::Node, a).empty());
  g.add_evidence(EntityKind::Node, a, first);
  EXPECT_EQ(g.evidence(EntityKind::Node, a), std::vector<Evidence>{first});
}

TEST_F(GraphTest, LongEvidenceChainsKeepOrderAndDropRepeats) {
  // Past a few dozen records a chain is indexed; it must read back the same way.
  NodeId a = add_person("Ana");
  NodeId b = add_person("Ben");
  RelId r = g.create_relationship(a, b, reports_to);
  std::vector<Evidence> expected;
  for (std::uint32_t i = 0; i < 200; ++i) {
    Evidence e{"Meetings/" + std::to_string(i % 7) + ".md", i / 7 + 1, "Ana reports to Ben.",
               i % 2 ? "reports_to" : "manages"};
    g.add_evidence(EntityKind::Relationship, r, e);
    g.add_evidence(EntityKind::Relationship, r, expected.empty() ? e : expected.front());
    g.add_evidence(EntityKind::Relationship, r, e);
    expected.push_back(e);
  }
  g.add_evidence(EntityKind::Node, a, expected.back());
  EXPECT_EQ(g.evidence(EntityKind::Relationship, r), expected);
  EXPECT_EQ(g.evidence_count(EntityKind::Relationship, r), expected.size());
  EXPECT_EQ(g.evidence(EntityKind::Node, a), std::vector<Evidence>{expected.back()});
}

TEST_F(GraphTest, MissingIdsThrowInsteadOfCorrupting) {
  EXPECT_THROW(g.node_labels(42), std::out_of_range);
  NodeId a = add_person("Ana");
  EXPECT_THROW(g.create_relationship(a, 99, reports_to), std::out_of_range);
  EXPECT_THROW(g.set_rel_property(5, name, Value(1)), std::out_of_range);
  EXPECT_FALSE(g.delete_relationship(5));
}

TEST_F(GraphTest, VersionChangesOnEveryWrite) {
  const auto v0 = g.version();
  NodeId a = add_person("Ana");
  const auto v1 = g.version();
  EXPECT_NE(v0, v1);
  g.set_node_property(a, title, Value("x"));
  EXPECT_NE(g.version(), v1);
}

}  // namespace
}  // namespace kith
