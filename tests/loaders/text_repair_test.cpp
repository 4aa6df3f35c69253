#include "loaders/text_repair.hpp"

#include <gtest/gtest.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "loaders/unicode_nfc.hpp"
#include "loaders/utf8_validate.hpp"

namespace kith::loaders {
namespace {

using doc::Warning;
using namespace std::string_literals;

std::string repair(std::string_view raw, std::vector<Warning>& warnings) {
  return repair_text(raw, "Notes/a.md", warnings);
}

std::string repair(std::string_view raw) {
  std::vector<Warning> warnings;
  std::string out = repair(raw, warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front().message;
  return out;
}

TEST(TextRepair, CleanAsciiIsUnchanged) {
  const std::string note = "---\ntitle: A\n---\n# A\n- [ ] task @Myself\n";
  EXPECT_EQ(repair(note), note);
  EXPECT_EQ(repair(""), "");
}

TEST(TextRepair, StripsALeadingByteOrderMarkOnly) {
  EXPECT_EQ(repair("\xEF\xBB\xBF# Title\n"), "# Title\n");
  EXPECT_EQ(repair("\xEF\xBB\xBF"), "");
  // Further down it is a zero-width no-break space, text like any other.
  EXPECT_EQ(repair("a\n\xEF\xBB\xBF"
                   "b"),
            "a\n\xEF\xBB\xBF"
            "b");
}

TEST(TextRepair, TurnsCrlfAndLoneCrIntoLf) {
  EXPECT_EQ(repair("a\r\nb\r\n"), "a\nb\n");
  EXPECT_EQ(repair("a\rb\rc"), "a\nb\nc");
  EXPECT_EQ(repair("a\r\n\r\nb\r"), "a\n\nb\n");
  EXPECT_EQ(repair("a\n\rb"), "a\n\nb");  // LF then CR: two line breaks
  EXPECT_EQ(repair("Zoë\r\nŁukasz\r"), "Zoë\nŁukasz\n");
}

TEST(TextRepair, InvalidUtf8BecomesReplacementCharacterWithOneWarningPerLine) {
  std::vector<Warning> warnings;
  const std::string out = repair("ok\r\nbad \xFF and \xC0\xAF here\rfine\n\xE2\x82", warnings);
  EXPECT_EQ(out, "ok\nbad \uFFFD and \uFFFD\uFFFD here\nfine\n\uFFFD");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].file, "Notes/a.md");
  EXPECT_EQ(warnings[0].line, 2u);
  EXPECT_NE(warnings[0].message.find("U+FFFD"), std::string::npos);
  EXPECT_NE(warnings[0].message.find("3"), std::string::npos);  // three replacements
  EXPECT_EQ(warnings[1].line, 4u);
}

TEST(TextRepair, EveryKindOfInvalidSequenceIsWarnedWithItsLine) {
  const std::vector<std::string> bad = {
      "\x80",              // stray continuation
      "\xC0\x80",          // overlong NUL
      "\xE0\x80\xAF",      // overlong
      "\xED\xA0\x80",      // surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF0\x9F\x93",      // truncated
  };
  std::string raw;
  for (const auto& b : bad)
    raw += "x" + b + "y\n";
  std::vector<Warning> warnings;
  const std::string out = repair(raw, warnings);
  EXPECT_TRUE(is_valid_utf8(out));
  ASSERT_EQ(warnings.size(), bad.size());
  for (std::size_t i = 0; i < bad.size(); ++i)
    EXPECT_EQ(warnings[i].line, i + 1);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), static_cast<long>(bad.size()));
}

TEST(TextRepair, RemovesNulBytesWithAWarning) {
  std::vector<Warning> warnings;
  const std::string raw = "a\0b\nc\0\0d\n"s;
  EXPECT_EQ(repair(raw, warnings), "ab\ncd\n");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].line, 1u);
  EXPECT_EQ(warnings[1].line, 2u);
  EXPECT_NE(warnings[1].message.find("NUL"), std::string::npos);
}

TEST(TextRepair, ReadsUtf16AsciiAsTextAfterDroppingItsNuls) {
  std::vector<Warning> warnings;
  const std::string raw = "H\0i\0\n\0"s;
  EXPECT_EQ(repair(raw, warnings), "Hi\n");
  EXPECT_EQ(warnings.size(), 2u);
}

TEST(TextRepair, RepairsMojibakeAndKeepsTheRestOfTheLine) {
  const std::string raw =
      "- [?] Intro to Helga Str√∏m. @Dana Whitlock \uF8FFüìÖ 2026-01-10 ‚è´ #task\r\n"
      "- Zo√´ Adler and Contosoâ€™s team; Łukasz stays Łukasz\r\n";
  EXPECT_EQ(repair(raw),
            "- [?] Intro to Helga Strøm. @Dana Whitlock 📅 2026-01-10 ⏫ #task\n"
            "- Zoë Adler and Contoso’s team; Łukasz stays Łukasz\n");
}

TEST(TextRepair, NormalisesToNfc) {
  EXPECT_EQ(repair("Zoe\u0308 Ade\u0300le"), "Zoë Adèle");
  EXPECT_EQ(repair("\u1112\u1161\u11AB"), "한");  // conjoining jamo
  EXPECT_EQ(repair("Nguye\u0302\u0303n"), "Nguyễn");
  // Mojibake of decomposed text: the repaired combining mark joins its letter.
  EXPECT_EQ(repair("ZoeÌˆ"), "Zoë");
}

TEST(TextRepair, LineNumbersOfTheOutputEqualThoseOfTheInput) {
  const std::string raw = "one\r\ntwo\rthree\n\nfive \xFF\r\n\r\nseven";
  std::vector<Warning> warnings;
  const std::string out = repair(raw, warnings);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 6);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].line, 5u);
}

TEST(TextRepair, IsIdempotent) {
  const std::string raw = "\xEF\xBB\xBFZo√´ \xFF\r\nCafÃƒÂ© üìÖ\rDone ‚úÖ \0x\ne\u0301"s;
  std::vector<Warning> warnings;
  const std::string once = repair(raw, warnings);
  EXPECT_FALSE(warnings.empty());
  EXPECT_EQ(repair(once), once);
}

// Arbitrary bytes: never a crash, always valid UTF-8 with the same number of lines, and a
// second repair changes nothing and warns of nothing.
TEST(TextRepair, RandomBytesComeOutValidWithTheirLines) {
  const std::string pieces[] = {"a",
                                " ",
                                "\n",
                                "\r",
                                "\r\n",
                                std::string(1, '\0'),
                                "\xFF",
                                "\x80",
                                "\xC3",
                                "\xA9",
                                "\xE2\x80",
                                "\xF0\x9F",
                                "Ã",
                                "©",
                                "√",
                                "∏",
                                "ü",
                                "ì",
                                "Ö",
                                "\uF8FF",
                                "‚",
                                "è",
                                "´",
                                "e\u0301",
                                "\xEF\xBB\xBF",
                                "東",
                                "â€",
                                "™"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(0, 30);
  for (int round = 0; round < 3000; ++round) {
    std::string raw;
    for (int n = length(random); n > 0; --n)
      raw += pieces[pick(random)];
    std::vector<Warning> warnings;
    const std::string out = repair_text(raw, "r.md", warnings);
    ASSERT_TRUE(is_valid_utf8(out)) << raw;
    ASSERT_EQ(out.find('\r'), std::string::npos);
    ASSERT_EQ(out.find('\0'), std::string::npos);
    std::string_view body = raw;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    long breaks = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\n' || (body[i] == '\r' && (i + 1 == body.size() || body[i + 1] != '\n'))) {
        ++breaks;
      }
    }
    ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), breaks) << raw;
    for (const Warning& w : warnings)
      ASSERT_LE(w.line, static_cast<std::uint32_t>(breaks + 1));
    std::vector<Warning> again;
    ASSERT_EQ(repair_text(out, "r.md", again), out) << raw;
    ASSERT_TRUE(again.empty());
  }
}

TEST(UnicodeNfc, LeavesNfcTextAloneAndComposesTheRest) {
  EXPECT_TRUE(is_nfc_quick("Zoë Łukasz 東京 Ελληνικά Русский 한국어 📅"));
  EXPECT_FALSE(is_nfc_quick("Zoe\u0308"));
  EXPECT_EQ(to_nfc("東京 Ελληνικά Nguyễn"), "東京 Ελληνικά Nguyễn");
  EXPECT_EQ(to_nfc("A\u030A"), "Å");
  EXPECT_EQ(to_nfc("\u212B"), "Å");  // the Ångström sign is a singleton
  EXPECT_EQ(to_nfc("\u1100\u1161"), "가");
}

// The quick check may say "maybe" too often, never "yes" wrongly.
TEST(UnicodeNfc, QuickCheckNeverPassesACharacterNfcWouldChange) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string one;
    append_utf8(c, one);
    if (!is_nfc_quick(one)) continue;
    utf8proc_uint8_t* normalised =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(one.c_str()));
    ASSERT_NE(normalised, nullptr);
    const std::string nfc(reinterpret_cast<const char*>(normalised));
    std::free(normalised);
    if (c == 0) continue;  // utf8proc_NFC reads up to a NUL
    ASSERT_EQ(nfc, one) << "U+" << std::hex << static_cast<std::uint32_t>(c);
  }
}
}  // namespace
}  // namespace kith::loaders
