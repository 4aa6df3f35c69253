#include "loaders/utf8_validate.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kith::loaders {
namespace {

std::string replaced(std::string_view text, std::size_t* count = nullptr) {
  std::string out;
  const std::size_t n = append_replacing_invalid_utf8(text, out);
  if (count != nullptr) *count = n;
  return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8Validate, DecodesEveryLength) {
  EXPECT_EQ(decode_utf8("A", 0).code_point, U'A');
  const Utf8Step e_acute = decode_utf8("\xC3\xA9", 0);
  EXPECT_TRUE(e_acute.valid);
  EXPECT_EQ(e_acute.code_point, U'é');
  EXPECT_EQ(e_acute.length, 2);
  EXPECT_EQ(decode_utf8("\xE2\x82\xAC", 0).code_point, U'€');
  const Utf8Step emoji = decode_utf8("\xF0\x9F\x93\x85", 0);
  EXPECT_EQ(emoji.code_point, U'📅');
  EXPECT_EQ(emoji.length, 4);
  EXPECT_EQ(decode_utf8("\xF4\x8F\xBF\xBF", 0).code_point, 0x10FFFFu);
}

TEST(Utf8Validate, ValidTextIsValid) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Zoë, Łukasz, Nguyễn, 東京, 📅, \xEF\xBF\xBF"));
  std::size_t count = 1;
  EXPECT_EQ(replaced("Zoë 東京", &count), "Zoë 東京");
  EXPECT_EQ(count, 0u);
}

// One U+FFFD per maximal subpart, as the Unicode Standard recommends (Table 3-8).
TEST(Utf8Validate, ReplacesEachKindOfIllFormedSequence) {
  struct Case {
    const char* name;
    std::string bytes;
    std::size_t replacements;
  };
  const Case cases[] = {
      {"stray continuation", "\x80", 1},
      {"two stray continuations", "\x80\xBF", 2},
      {"overlong two-byte", "\xC0\xAF", 2},
      {"overlong C1 lead", "\xC1\xBF", 2},
      {"overlong three-byte", "\xE0\x80\xAF", 3},
      {"overlong four-byte", "\xF0\x80\x80\xAF", 4},
      {"surrogate", "\xED\xA0\x80", 3},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 4},
      {"F5 lead", "\xF5\x80\x80\x80", 4},
      {"FF byte", "\xFF", 1},
      {"truncated two-byte at end", "\xC3", 1},
      {"truncated three-byte at end", "\xE2\x82", 1},
      {"truncated four-byte at end", "\xF0\x9F\x93", 1},
      {"truncated before ASCII", "\xE2\x82x", 1},
      {"truncated before another lead", "\xE2\xC3\xA9", 1},
  };
  for (const Case& c : cases) {
    std::size_t count = 0;
    const std::string out = replaced("a" + c.bytes + "b", &count);
    EXPECT_EQ(count, c.replacements) << c.name;
    EXPECT_TRUE(is_valid_utf8(out)) << c.name;
    EXPECT_FALSE(is_valid_utf8("a" + c.bytes + "b")) << c.name;
    EXPECT_EQ(out.front(), 'a') << c.name;
    EXPECT_EQ(out.back(), 'b') << c.name;
  }
  EXPECT_EQ(replaced("\xE2\x82x"), kFffd + "x");
  EXPECT_EQ(replaced("\xE2\xC3\xA9"), kFffd + "é");
  EXPECT_EQ(replaced("\xED\xA0\x80"), kFffd + kFffd + kFffd);
}

TEST(Utf8Validate, EncodesEveryLength) {
  std::string out;
  for (char32_t c : {U'A', U'é', U'€', U'📅'})
    append_utf8(c, out);
  EXPECT_EQ(out, "Aé€📅");
}

}  // namespace
}  // namespace kith::loaders
