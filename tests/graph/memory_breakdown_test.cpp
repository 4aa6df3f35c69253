#include <gtest/gtest.h>

#include <string>

#include "graph/csr_view.hpp"
#include "graph/graph.hpp"
#include "graph/heap_bytes.hpp"

namespace kith {
namespace {

class MemoryBreakdownTest : public ::testing::Test {
 protected:
  Graph g;
  SymbolId person = g.intern_label("Person");
  SymbolId knows = g.intern_type("KNOWS");
  SymbolId since = g.intern_key("since");
  SymbolId note = g.intern_key("note");

  void add_people(int n) {
    SymbolId labels[] = {person};
    for (int i = 0; i < n; ++i)
      g.create_node(labels, {{g.intern_key("name"), Value("person " + std::to_string(i))}});
  }
};

TEST_F(MemoryBreakdownTest, PartsSumToMemoryBytes) {
  add_people(20);
  for (NodeId i = 0; i + 1 < 20; ++i)
    g.create_relationship(i, i + 1, knows, {{since, Value(2020)}});
  g.add_evidence(EntityKind::Relationship, 3, Evidence{"a.md", 4, "Ana knows Ben.", "rule"});
  g.create_property_index(person, since);
  TraversalFilter both;
  both.direction = Direction::Both;
  g.csr(both);

  const MemoryBreakdown m = g.memory_breakdown();
  std::size_t sum = 0;
  for (const auto& part : m.parts()) {
    EXPECT_GT(part.second, 0u) << part.first << " holds something in this graph";
    sum += part.second;
  }
  EXPECT_EQ(sum, m.total());
  EXPECT_EQ(m.total(), g.memory_bytes());
  EXPECT_EQ(m.relationship_bytes(),
            m.relationship_records + m.adjacency + m.relationship_properties);
}

TEST_F(MemoryBreakdownTest, RelationshipPartsGrowWithRelationshipsAndProperties) {
  add_people(100);
  const MemoryBreakdown empty = g.memory_breakdown();
  for (NodeId i = 1; i < 100; ++i)  // a star: node 0's list outgrows its record
    g.create_relationship(0, i, knows);
  const MemoryBreakdown linked = g.memory_breakdown();
  EXPECT_GT(linked.relationship_records, empty.relationship_records);
  EXPECT_GT(linked.adjacency, empty.adjacency);
  EXPECT_EQ(linked.node_properties, empty.node_properties);
  // Each relationship needs at least its endpoints, type and an adjacency entry at each end.
  EXPECT_GE(linked.relationship_bytes() - empty.relationship_bytes(), 99u * 16u);

  for (RelId r = 0; r < 99; ++r)
    g.set_rel_property(r, note, Value(std::string(100, 'x')));
  const MemoryBreakdown with_properties = g.memory_breakdown();
  // A 100-character string each, on the heap.
  EXPECT_GE(with_properties.relationship_properties - linked.relationship_properties, 99u * 100u);
  EXPECT_EQ(with_properties.relationship_records, linked.relationship_records);
}

TEST_F(MemoryBreakdownTest, EvidenceTextIsCountedOncePerDistinctSentence) {
  add_people(2);
  const RelId r = g.create_relationship(0, 1, knows);
  const std::string sentence(200, 's');
  g.add_evidence(EntityKind::Relationship, r, Evidence{"a.md", 1, sentence, "rule"});
  const MemoryBreakdown once = g.memory_breakdown();
  g.add_evidence(EntityKind::Node, 0, Evidence{"a.md", 1, sentence, "rule"});
  const MemoryBreakdown twice = g.memory_breakdown();
  EXPECT_EQ(twice.evidence_text, once.evidence_text);
  EXPECT_GT(twice.evidence_records, once.evidence_records);
  g.add_evidence(EntityKind::Node, 1, Evidence{"b.md", 2, std::string(300, 't'), "rule"});
  EXPECT_GE(g.memory_breakdown().evidence_text - twice.evidence_text, 300u);
}

TEST_F(MemoryBreakdownTest, CachedViewsAreCountedWhileCached) {
  add_people(10);
  for (NodeId i = 0; i < 9; ++i)
    g.create_relationship(i, i + 1, knows);
  EXPECT_EQ(g.memory_breakdown().csr_views, 0u);
  g.csr(TraversalFilter{});
  EXPECT_GT(g.memory_breakdown().csr_views, 0u);
  g.create_relationship(0, 9, knows);
  g.csr(TraversalFilter{});  // drops the stale view, caches a fresh one
  const std::size_t one_view = g.memory_breakdown().csr_views;
  TraversalFilter both;
  both.direction = Direction::Both;
  g.csr(both);
  EXPECT_GT(g.memory_breakdown().csr_views, one_view);
}

TEST(HeapBytesTest, CountsMallocChunksAndOwnedValues) {
  EXPECT_EQ(heap_block(0), 0u);
  EXPECT_EQ(heap_block(1), 32u) << "malloc's smallest chunk";
  EXPECT_EQ(heap_block(24), 32u);
  EXPECT_EQ(heap_block(25), 48u) << "request plus 8-byte header, rounded up to 16";
  EXPECT_EQ(heap_bytes(Value(1)), 0u);
  EXPECT_EQ(heap_bytes(Value("short")), 0u) << "fits the small-string buffer";
  EXPECT_EQ(heap_bytes(Value(std::string(40, 'x'))), heap_block(41));
  const Value list(List{Value(std::string(40, 'x')), Value(2)});
  EXPECT_EQ(heap_bytes(list), heap_block(2 * sizeof(Value)) + heap_block(41));
  const Value map(Map{{"k", Value(1)}});
  EXPECT_EQ(heap_bytes(map), tree_node_bytes(sizeof(Map::value_type)));
}

}  // namespace
}  // namespace kith
