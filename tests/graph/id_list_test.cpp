#include "graph/id_list.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace kith {
namespace {

std::vector<std::uint32_t> ids_of(const IdList& list) {
  return {list.begin(), list.end()};
}

TEST(IdListTest, KeepsAppendOrderInlineThenOnTheHeap) {
  IdList list;
  EXPECT_TRUE(list.empty());
  std::vector<std::uint32_t> expected;
  for (std::uint32_t i = 0; i < 2; ++i) {
    list.push_back(i * 7);
    expected.push_back(i * 7);
  }
  EXPECT_EQ(ids_of(list), expected);
  EXPECT_EQ(list.heap_bytes(), 0u) << "two ids fit inline";
  for (std::uint32_t i = 2; i < 10000; ++i) {
    list.push_back(i * 7);
    expected.push_back(i * 7);
    ASSERT_EQ(list.size(), expected.size());
    ASSERT_EQ(list[i], i * 7);
  }
  EXPECT_EQ(ids_of(list), expected);
  EXPECT_GE(list.heap_bytes(), 10000u * sizeof(std::uint32_t));
  EXPECT_LE(list.heap_bytes(), 10000u * sizeof(std::uint32_t) * 9 / 8 + 64);
}

TEST(IdListTest, EraseIfKeepsTheRestInOrder) {
  for (std::uint32_t n : {2u, 3u, 50u}) {
    IdList list;
    std::vector<std::uint32_t> kept;
    for (std::uint32_t i = 0; i < n; ++i) {
      list.push_back(i);
      if (i % 2 == 1) kept.push_back(i);
    }
    list.erase_if([](std::uint32_t id) { return id % 2 == 0; });
    EXPECT_EQ(ids_of(list), kept) << n;
    list.push_back(1000);
    kept.push_back(1000);
    EXPECT_EQ(ids_of(list), kept) << n;
  }
}

TEST(IdListTest, MovesAndClears) {
  IdList small;
  small.push_back(1);
  IdList big;
  for (std::uint32_t i = 0; i < 100; ++i)
    big.push_back(i);
  IdList moved(std::move(big));
  EXPECT_EQ(moved.size(), 100u);
  EXPECT_EQ(moved[99], 99u);
  EXPECT_TRUE(big.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty
  big.push_back(5);
  EXPECT_EQ(ids_of(big), std::vector<std::uint32_t>{5});
  moved = std::move(small);
  EXPECT_EQ(ids_of(moved), std::vector<std::uint32_t>{1});
  std::vector<IdList> lists(3);  // reallocation moves them
  for (int i = 0; i < 100; ++i) {
    lists.emplace_back();
    lists.back().push_back(static_cast<std::uint32_t>(i));
    lists[0].push_back(static_cast<std::uint32_t>(i));
  }
  EXPECT_EQ(lists[0].size(), 100u);
  EXPECT_EQ(lists[0][42], 42u);
  EXPECT_EQ(lists.back()[0], 99u);
  lists[0].clear();
  EXPECT_TRUE(lists[0].empty());
  EXPECT_EQ(lists[0].heap_bytes(), 0u);
}

}  // namespace
}  // namespace kith
