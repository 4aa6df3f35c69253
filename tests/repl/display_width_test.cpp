#include "repl/display_width.hpp"

#include <gtest/gtest.h>

namespace kith::repl {
namespace {

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("Wen Li"), 6u);
  EXPECT_EQ(display_width("Helga Str\u00f8m"), 11u);     // precomposed ø
  EXPECT_EQ(display_width("Jose\u0301"), 4u);            // e + combining acute
  EXPECT_EQ(display_width("\u738b\u82b3"), 4u);          // 王芳: wide
  EXPECT_EQ(display_width("\U0001F600"), 2u);            // 😀
  EXPECT_EQ(display_width("\u2764\uFE0F"), 2u);          // ❤️ with the emoji selector
  EXPECT_EQ(display_width("\U0001F1F8\U0001F1EA"), 2u);  // 🇸🇪: one flag
  EXPECT_EQ(display_width("\U0001F468\u200D\U0001F469\u200D\U0001F467"), 2u);  // one family
}

TEST(DisplayWidth, InvalidBytesTakeOneColumnEach) {
  EXPECT_EQ(display_width("a\xff\xfe"), 3u);
}

TEST(DisplayWidth, TruncateEndsInAnEllipsisWithinTheWidth) {
  EXPECT_EQ(truncate_to_width("Wen Li", 6), "Wen Li");
  EXPECT_EQ(truncate_to_width("Wen Li", 5), "Wen \u2026");
  EXPECT_EQ(truncate_to_width("\u738b\u82b3\u82b3", 4), "\u738b\u2026");  // 王… is 3 columns
  EXPECT_EQ(truncate_to_width("abc", 1), "\u2026");
  EXPECT_EQ(truncate_to_width("abc", 0), "");
}

TEST(DisplayWidth, TruncateNeverSplitsAnAccentFromItsLetter) {
  // "Jose\u0301 Li" cut to 5 columns keeps "José" whole: 4 columns and the ellipsis.
  EXPECT_EQ(truncate_to_width("Jose\u0301 Li", 5), "Jose\u0301\u2026");
  for (std::size_t w = 0; w < 8; ++w) {
    EXPECT_LE(display_width(truncate_to_width("Jose\u0301 \u738b\U0001F600", w)), w) << w;
  }
}

}  // namespace
}  // namespace kith::repl
