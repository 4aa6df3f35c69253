// NodeIdSet against std::set: first insertions report true, repeats false, across growth and
// ids that collide in the low bits.
#include "query/node_id_set.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kith::query {
namespace {

TEST(NodeIdSet, AgreesWithStdSet) {
  NodeIdSet set;
  std::set<NodeId> expected;
  std::uint64_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    // Dense small ids, multiples of a large power of two, and ids near the top of the range.
    const NodeId id = i % 3 == 0   ? (x >> 50)
                      : i % 3 == 1 ? ((x >> 54) << 32)
                                   : ~NodeId{0} - 1 - (x >> 58);
    EXPECT_EQ(set.insert(id), expected.insert(id).second) << id;
  }
  EXPECT_EQ(set.size(), expected.size());
  EXPECT_TRUE(set.insert(7) == !expected.contains(7));
  EXPECT_FALSE(set.insert(7));
}

}  // namespace
}  // namespace kith::query
