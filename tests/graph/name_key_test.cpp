#include "graph/name_key.hpp"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(NameKey, FoldsCaseAccentsSpacingAndPunctuation) {
  EXPECT_EQ(name_key("Helga Strøm"), "helgastrom");
  EXPECT_EQ(name_key("helga  strom"), "helgastrom");
  EXPECT_EQ(name_key("Jónas Eiríksson"), "jonaseiriksson");
  EXPECT_EQ(name_key("Zoë Adler"), "zoeadler");
  EXPECT_EQ(name_key("Łukasz Ærø"), "lukaszaero");
  EXPECT_EQ(name_key("Soo-ah"), "sooah");
  EXPECT_EQ(name_key("O'Brien, Dana"), "obriendana");
  EXPECT_EQ(name_key("Straße"), "strasse");
}

TEST(NameKey, KeepsNonLatinLetters) {
  EXPECT_EQ(name_key("東京 太郎"), "東京太郎");
  EXPECT_EQ(name_key("Ελένη"), name_key("ΕΛΈΝΗ"));
  EXPECT_FALSE(name_key("Иван Петров").empty());
}

TEST(NameKey, TokensKeepWordBoundaries) {
  EXPECT_EQ(name_tokens_key("  Nguyễn   Văn-An "), "nguyen van an");
  EXPECT_EQ(name_tokens_key("Wen Li"), "wen li");
}

TEST(NameKey, InvalidUtf8DoesNotThrow) {
  EXPECT_EQ(name_key(std::string("Ana\xff\xfe Lee")), "analee");
  EXPECT_EQ(name_key(""), "");
}

}  // namespace
}  // namespace kith
