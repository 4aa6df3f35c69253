#include "graph/append_growth.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace kith {
namespace {

TEST(AppendGrowthTest, GrowsByAnEighthAndFillsTheHeapBlock) {
  std::vector<std::uint32_t> ids;
  reserve_for_append(ids);
  EXPECT_EQ(ids.capacity(), 6u) << "a 32-byte chunk holds six ids after its header";
  for (std::uint32_t i = 0; i < 100000; ++i) {
    reserve_for_append(ids);
    ids.push_back(i);
    ASSERT_LE(ids.capacity(), ids.size() + ids.size() / 8 + 8) << "at " << i;
  }
  const std::size_t before = ids.capacity();
  reserve_for_append(ids);
  EXPECT_EQ(ids.capacity(), before) << "no growth while there is room";
}

TEST(AppendGrowthTest, StoreVectorsEndWithLittleSlack) {
  Graph g;
  const SymbolId t = g.intern_type("T");
  for (int i = 0; i < 1000; ++i)
    g.create_node();
  for (NodeId i = 0; i < 1000; ++i) {
    for (NodeId j = 1; j <= 100; ++j)
      g.create_relationship(i, (i + j) % 1000, t);
  }
  // 100,000 relationships of 16 bytes; doubling would hold 131,072 of them.
  const std::size_t records = g.memory_breakdown().relationship_records;
  EXPECT_LE(records, 100000u * 16u * 9u / 8u + 4096u);
  EXPECT_GE(records, 100000u * 16u);
}

TEST(ShrinkValueTest, ListsAndStringsKeptByTheStoreHoldOnlyTheirSize) {
  List list;
  for (int i = 0; i < 5; ++i)
    list.emplace_back(std::string(40, 'a'));
  auto grown = [&] {  // the same list, built with room to spare (copies would not have it)
    List l = list;
    l.reserve(64);
    return Value(std::move(l));
  };
  Value v = grown();
  ASSERT_EQ(v.as<List>().capacity(), 64u);
  shrink_to_fit(v);
  EXPECT_EQ(v.as<List>().capacity(), 5u);
  EXPECT_EQ(v, Value(list)) << "the contents are unchanged";
  std::string text(20, 't');
  text.reserve(200);
  Value s(std::move(text));
  shrink_to_fit(s);
  EXPECT_LT(s.as<std::string>().capacity(), 200u);
  EXPECT_EQ(s, Value(std::string(20, 't')));

  Graph g;
  const NodeId a = g.create_node();
  const NodeId b = g.create_node();
  const SymbolId reasons = g.intern_key("reasons");
  PropertyList props;
  props.emplace_back(reasons, grown());
  const RelId r = g.create_relationship(a, b, g.intern_type("T"), std::move(props));
  EXPECT_EQ(g.rel_property(r, reasons)->as<List>().capacity(), 5u);
  g.set_node_property(a, reasons, grown());
  EXPECT_EQ(g.node_property(a, reasons)->as<List>().capacity(), 5u);
  g.set_rel_property(r, reasons, grown());
  EXPECT_EQ(g.rel_property(r, reasons)->as<List>().capacity(), 5u);
}

}  // namespace
}  // namespace kith
