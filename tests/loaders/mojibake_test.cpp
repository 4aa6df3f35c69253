#include "loaders/mojibake.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "loaders/utf8_validate.hpp"

namespace kith::loaders {
namespace {

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

struct BrokenCase {
  std::string broken, expected;
  int line = 0;
};

std::vector<BrokenCase> read_broken_corpus() {
  std::vector<BrokenCase> cases;
  int number = 0;
  for (const std::string& line : read_lines(KITH_FIXTURES "/mojibake/broken.tsv")) {
    ++number;
    const auto tab = line.find('\t');
    EXPECT_NE(tab, std::string::npos) << "broken.tsv:" << number << " has no tab";
    if (tab == std::string::npos) continue;
    cases.push_back({line.substr(0, tab), line.substr(tab + 1), number});
  }
  return cases;
}

TEST(Mojibake, CorrectTextInEveryScriptComesThroughByteIdentical) {
  const auto lines = read_lines(KITH_FIXTURES "/mojibake/correct.txt");
  ASSERT_GE(lines.size(), 200u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(fix_mojibake(lines[i]), lines[i]) << "correct.txt:" << i + 1;
    EXPECT_FALSE(has_mojibake(lines[i])) << "correct.txt:" << i + 1;
  }
}

TEST(Mojibake, CorrectCorpusAsOneTextIsUnchanged) {
  std::string text;
  for (const auto& line : read_lines(KITH_FIXTURES "/mojibake/correct.txt"))
    text += line + "\n";
  EXPECT_EQ(fix_mojibake(text), text);
}

TEST(Mojibake, BrokenCorpusIsRepaired) {
  const auto cases = read_broken_corpus();
  ASSERT_GE(cases.size(), 100u);
  for (const auto& c : cases) {
    EXPECT_EQ(fix_mojibake(c.broken), c.expected) << "broken.tsv:" << c.line;
    EXPECT_TRUE(has_mojibake(c.broken)) << "broken.tsv:" << c.line;
  }
}

TEST(Mojibake, BrokenCorpusCoversBothEncodingsAndTheLostAppleLogo) {
  int windows1252 = 0, mac_roman = 0, lost_logo = 0;
  for (const auto& c : read_broken_corpus()) {
    if (c.broken.find("Ã") != std::string::npos || c.broken.find("â€") != std::string::npos) {
      ++windows1252;
    }
    if (c.broken.find("√") != std::string::npos || c.broken.find("‚Ä") != std::string::npos) {
      ++mac_roman;
    }
    if (c.broken.find("üìÖ") != std::string::npos &&
        c.broken.find("\uF8FFüìÖ") == std::string::npos) {
      ++lost_logo;
    }
  }
  EXPECT_GE(windows1252, 50);
  EXPECT_GE(mac_roman, 50);
  EXPECT_GE(lost_logo, 2);
}

TEST(Mojibake, RepairsMacRomanEmojiWithAndWithoutTheirAppleLogo) {
  EXPECT_EQ(fix_mojibake("due \uF8FFüìÖ 2026-01-10"), "due 📅 2026-01-10");
  EXPECT_EQ(fix_mojibake("due üìÖ 2026-01-10"), "due 📅 2026-01-10");
  EXPECT_EQ(fix_mojibake("low üîΩ #task"), "low 🔽 #task");
  EXPECT_EQ(fix_mojibake("\uF8FFüîΩ"), "🔽");
  EXPECT_EQ(fix_mojibake("high ‚è´ #task"), "high ⏫ #task");
  EXPECT_EQ(fix_mojibake("@Myself üìÖ 2025-12-22 üîΩ #task"), "@Myself 📅 2025-12-22 🔽 #task");
}

TEST(Mojibake, RepairsMacRomanLetters) {
  EXPECT_EQ(fix_mojibake("Helga Str√∏m"), "Helga Strøm");
  EXPECT_EQ(fix_mojibake("Zo√´ Adler"), "Zoë Adler");
  EXPECT_EQ(fix_mojibake("[[Helga Str√∏m]]"), "[[Helga Strøm]]");
  EXPECT_EQ(fix_mojibake("Malm√∂ and Troms√∏"), "Malmö and Tromsø");
  EXPECT_EQ(fix_mojibake("≈Åukasz"), "Łukasz");
  EXPECT_EQ(fix_mojibake("Contoso‚Äôs"), "Contoso’s");
}

TEST(Mojibake, RepairsWindows1252) {
  EXPECT_EQ(fix_mojibake("Contosoâ€™s fleet"), "Contoso’s fleet");
  EXPECT_EQ(fix_mojibake("cafÃ©"), "café");
  EXPECT_EQ(fix_mojibake("Ã©"), "é");
  EXPECT_EQ(fix_mojibake("20Â°C"), "20°C");
  EXPECT_EQ(fix_mojibake("â€œquotedâ€\u009d"), "“quoted”");
  EXPECT_EQ(fix_mojibake("â€œquotedâ€ and more"), "“quoted” and more");  // 9D dropped
  EXPECT_EQ(fix_mojibake("æ\u009d±äº¬"), "東京");
}

TEST(Mojibake, RepairsTextGarbledTwice) {
  EXPECT_EQ(fix_mojibake("cafÃƒÂ©"), "café");
  EXPECT_EQ(fix_mojibake("ContosoÃ¢â‚¬â„¢s"), "Contoso’s");
  EXPECT_EQ(fix_mojibake("Ã…Â\u0081ukasz"), "Łukasz");
}

TEST(Mojibake, RepairsOnlyTheBrokenRunsOfAMixedLine) {
  EXPECT_EQ(fix_mojibake("Zoë met Zo√´ and Łukasz in 東京 📅"), "Zoë met Zoë and Łukasz in 東京 📅");
  EXPECT_EQ(fix_mojibake("Helga Strøm and Helga Str√∏m √π ≈ 1.77"),
            "Helga Strøm and Helga Strøm √π ≈ 1.77");
  EXPECT_EQ(fix_mojibake("Contosoâ€™s and Contoso’s"), "Contoso’s and Contoso’s");
}

TEST(Mojibake, LeavesLookAlikesOfCleanTextAlone) {
  for (const char* clean : {
           "√π",
           "2√π",
           "√π ≈ 1.772",
           "x ≤ y",
           "≤",
           "√2",
           "√∑x",
           "x≈π",
           "¬π",
           "Âge minimum",
           "SÃO PAULO",
           "NÃO",
           "küçük",
           "üçüncü",
           "Grüße",
           "l’été",
           "d’où",
           "«école»",
           "“élan”",
           "CAFÉ”",
           "Gruß“",
           "C’était l’été…»",
           "PÅ”",
           "OLÉ…",
           "IRMÃ\u00A0",
           "‚Quote‘",
           "Müßiggang",
           "€100, £50, ¥1000",
           "ÄÖÜ äöü ß",
           "Æsop Œdipe",
           "½ ¼ ¾",
           "1º 2ª",
           "45° 20 °C",
           "Trademark™ ®",
           // Found in real translations: Catalan, Turkish, Czech, German, Bulgarian.
           "Forma d’ús",
           "%100’ü",
           "plná\u00A0– čeká",
           "PROHLÍŽEČ",
           "(»ß« dole)",
           "„ß“ на",
           "(“Çalışma Alanı”)",
           "ABCDEFGHIJKÈÉÆØÅ",
       }) {
    EXPECT_EQ(fix_mojibake(clean), clean);
    EXPECT_FALSE(has_mojibake(clean)) << clean;
  }
}

TEST(Mojibake, WeakEvidenceNeedsTheSameMisreadingElsewhereOnTheLine) {
  // "o√π" could be a variable next to a formula; with another Mac Roman misreading on the
  // line it is où.
  EXPECT_EQ(fix_mojibake("o√π"), "o√π");
  EXPECT_EQ(fix_mojibake("Je ne sais pas o√π est Zo√´"), "Je ne sais pas où est Zoë");
  // Evidence of Windows-1252 says nothing about Mac Roman.
  EXPECT_EQ(fix_mojibake("cafÃ© o√π"), "café o√π");
  // Nor does Latin evidence speak for a sign of another script that holds punctuation.
  EXPECT_EQ(fix_mojibake("Sesin %100’ü a√ßƒ±k"), "Sesin %100’ü açık");
  // Without punctuation it may: "Ï€" is π on a line misread as Windows-1252.
  EXPECT_EQ(fix_mojibake("Ï€ and cafÃ©"), "π and café");
}

TEST(Mojibake, JudgesEachLineOnItsOwn) {
  EXPECT_EQ(fix_mojibake("Zo√´\no√π\n"), "Zoë\no√π\n");
  EXPECT_EQ(fix_mojibake("a\n\nStr√∏m"), "a\n\nStrøm");
}

TEST(Mojibake, DropsAMisreadByteOrderMark) {
  EXPECT_EQ(fix_mojibake("ï»¿# Title"), "# Title");
}

TEST(Mojibake, PassesInvalidUtf8Through) {
  const std::string text = "Zo√´ \xFF\xC3 caf\xC3\xA9";
  EXPECT_EQ(fix_mojibake(text), "Zoë \xFF\xC3 café");
}

TEST(Mojibake, AsciiIsReturnedAsIs) {
  EXPECT_EQ(fix_mojibake(""), "");
  EXPECT_EQ(fix_mojibake("plain [[link]] #tag\n- [ ] task\n"), "plain [[link]] #tag\n- [ ] task\n");
  EXPECT_FALSE(has_mojibake("plain"));
}

TEST(Mojibake, RepairIsIdempotentOnTheCorpora) {
  for (const auto& c : read_broken_corpus()) {
    const std::string once = fix_mojibake(c.broken);
    EXPECT_EQ(fix_mojibake(once), once) << "broken.tsv:" << c.line;
  }
}

// The quick test must let every broken line through to the analysis (fix_mojibake relies on
// it), and should stop clean text in any script, which is what makes it worth having.
TEST(Mojibake, QuickTestPassesEveryBrokenLineAndStopsCleanText) {
  for (const auto& c : read_broken_corpus()) {
    EXPECT_TRUE(may_hold_mojibake(c.broken)) << "broken.tsv:" << c.line;
  }
  EXPECT_TRUE(may_hold_mojibake("Contosoâ€™s"));  // Contosoâ€™s
  EXPECT_TRUE(may_hold_mojibake("üìÄ"));          // 📅 without its Apple logo
  EXPECT_FALSE(may_hold_mojibake(""));
  EXPECT_FALSE(may_hold_mojibake("plain [[link]] #tag"));
  EXPECT_FALSE(may_hold_mojibake("Zoë Łukasz Nguyễn Søren Dvořák — “quoted” café"));
  EXPECT_FALSE(may_hold_mojibake("東京 Ελληνικά Русский 한국어 العربية"));
  EXPECT_FALSE(may_hold_mojibake("- [ ] Send it @Sofía 📅 2025-04-15 ⏫ ✅ 2025-04-16"));
}

// Random strings over the characters mojibake is made of, with ASCII, marks, emoji and
// line breaks mixed in: the output must be valid UTF-8 and a fixed point.
TEST(Mojibake, RandomTextStaysValidAndRepairIsIdempotent) {
  const std::u32string alphabet =
      U"aZ0 .\n'(ÃÂâ€™œ“”…ÅÐÑ×ØÙæäåçèéêëìíîïðñòóôõö÷øùúûüýþÿ¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿"
      U"√∏∑π∞≤≥≈∆ƒ«»‚„‰ÊÁËÈÍÎÏÌÓÔÒÚÛÙ\uF8FF\u0081\u008D\u009D\u0300ß†•™≠ÆØΩ“‘’◊ÿŸ⁄€‹›ﬁﬂ‡·"
      U"東京é📅";
  std::mt19937 random(12345);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, 40);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n)
      append_utf8(alphabet[pick(random)], text);
    const std::string once = fix_mojibake(text);
    ASSERT_TRUE(is_valid_utf8(once)) << text;
    ASSERT_EQ(fix_mojibake(once), once) << text;
    ASSERT_EQ(has_mojibake(text), once != text) << text;
  }
}

// Very long lines, of one run of units or of many short ones, are repaired in time
// linear in their length (a quadratic cost would keep this test from finishing).
TEST(Mojibake, VeryLongLinesFinish) {
  std::string run, cyrillic;
  for (int i = 0; i < 100000; ++i) {
    run += "–ø";
    cyrillic += "п";
  }
  EXPECT_TRUE(fix_mojibake(run + "x") == cyrillic + "x");
  std::string garbled_russian, russian;
  for (int i = 0; i < 20000; ++i) {
    garbled_russian += "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ ";
    russian += "привет ";
  }
  EXPECT_TRUE(fix_mojibake(garbled_russian) == russian);
  std::string lookalikes;
  for (int i = 0; i < 50000; ++i)
    lookalikes += "l’été ";
  EXPECT_TRUE(fix_mojibake(lookalikes) == lookalikes);
}

}  // namespace
}  // namespace kith::loaders
