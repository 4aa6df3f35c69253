#include "loaders/markdown_arena.hpp"

#include <gtest/gtest.h>

#include <cmark.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace kith::loaders {
namespace {

bool is_aligned(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0;
}

TEST(MarkdownArena, CallocGivesZeroedAlignedBlocksEvenWhenMemoryIsReused) {
  for (int round = 0; round < 2; ++round) {
    const MarkdownArenaScope arena;
    for (std::size_t size : {1u, 7u, 16u, 33u, 1000u}) {
      auto* block = static_cast<unsigned char*>(arena.memory()->calloc(size, 3));
      ASSERT_TRUE(is_aligned(block));
      for (std::size_t i = 0; i < size * 3; ++i)
        ASSERT_EQ(block[i], 0) << size;
      std::memset(block, 0xAB, size * 3);  // dirty it for the next round
    }
  }
}

TEST(MarkdownArena, ReallocKeepsTheContentsWhetherItGrowsInPlaceOrMoves) {
  const MarkdownArenaScope arena;
  cmark_mem* mem = arena.memory();
  auto* grown = static_cast<char*>(mem->calloc(1, 8));
  std::memcpy(grown, "abcdefg", 8);
  grown = static_cast<char*>(mem->realloc(grown, 64));  // the last block: in place
  EXPECT_STREQ(grown, "abcdefg");
  auto* first = static_cast<char*>(mem->calloc(1, 8));
  std::memcpy(first, "1234567", 8);
  mem->calloc(1, 8);  // first is no longer the last block
  first = static_cast<char*>(mem->realloc(first, 4096));
  EXPECT_STREQ(first, "1234567");
  // Larger than a chunk: a block of its own.
  auto* huge = static_cast<char*>(mem->realloc(first, std::size_t{3} << 20));
  EXPECT_STREQ(huge, "1234567");
  EXPECT_TRUE(is_aligned(huge));
  huge[(std::size_t{3} << 20) - 1] = 'z';
}

TEST(MarkdownArena, AnInnerScopeLeavesTheOuterScopesMemoryAlone) {
  const MarkdownArenaScope outer;
  auto* kept = static_cast<char*>(outer.memory()->calloc(1, 16));
  std::memcpy(kept, "still here", 11);
  {
    const MarkdownArenaScope inner;
    auto* scratch = static_cast<char*>(inner.memory()->calloc(1, 16));
    std::memset(scratch, 'x', 16);
  }
  auto* next = static_cast<char*>(outer.memory()->calloc(1, 16));
  EXPECT_NE(next, kept);  // the arena was not emptied under the outer scope
  EXPECT_STREQ(kept, "still here");
}

TEST(MarkdownArena, CmarkParsesALongListThroughIt) {
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += "- item **" + std::to_string(i) + "** with [[a link]]\n";
  for (int round = 0; round < 2; ++round) {
    const MarkdownArenaScope arena;
    cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, arena.memory());
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    ASSERT_NE(root, nullptr);
    cmark_node* list = cmark_node_first_child(root);
    ASSERT_EQ(cmark_node_get_type(list), CMARK_NODE_LIST);
    int items = 0;
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item))
      ++items;
    EXPECT_EQ(items, 20000);
    EXPECT_EQ(cmark_node_get_start_line(cmark_node_last_child(list)), 20000);
  }
}

}  // namespace
}  // namespace kith::loaders
