#include "loaders/name_pair_screen.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kith::loaders {
namespace {

// Spellings of the kinds the resolver pairs: shared first names or surnames, typos, slips,
// transliterations, initials, gendered forms, accents, middle names, other scripts.
const std::vector<std::string> kNames = {"Dana Whitlock",
                                         "Dana Whitlcok",
                                         "Dana Whitlok",
                                         "Dana Wheeler",
                                         "Dana Okafor",
                                         "D Whitlock",
                                         "Dana J Whitlock",
                                         "Dana Jane Whitlock",
                                         "Dana Jean Whitlock",
                                         "Jon Stephenson",
                                         "Jon Stefansson",
                                         "Jon Stevenson",
                                         "John Stephenson",
                                         "Jan Novak",
                                         "Jana Novak",
                                         "Jan Novakova",
                                         "Maria Kowalska",
                                         "Mario Kowalski",
                                         "Maria Kowalski",
                                         "Ali Demir",
                                         "Ali Deir",
                                         "Ali Demirr",
                                         "Ali Li",
                                         "Ali Le",
                                         "Søren Petrov",
                                         "Soren Petrov",
                                         "Søren Herrera",
                                         "Soren Herera",
                                         "Leila Dvořák",
                                         "Leila Dvorak",
                                         "Leila Oliveira",
                                         "Leila Olivera",
                                         "Wen Li",
                                         "Wen Lee",
                                         "Jean Luc Picard",
                                         "Jean-Luc Picard",
                                         "Jean Picard",
                                         "Yusuf Ibáñez",
                                         "Yusuf Ibanez",
                                         "Camila Whitock",
                                         "Camila Öztürk",
                                         "Camila Ozturk",
                                         "Kenji 田中",
                                         "Kenji 田仲",
                                         "Kim Sooah",
                                         "Kim Soo-ah",
                                         "Ramón Asante",
                                         "Ramon Adler",
                                         "Priya Kulkarni",
                                         "Priya Kulkarny",
                                         "Aa Bb",
                                         "Aa Bc"};

TEST(NamePairScreen, ScreensOutOnlyPairsTheMatcherNeitherMatchesNorReports) {
  const NameMatchOptions options;
  NamePairScreen screen(options);
  std::size_t screened = 0, kept = 0;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    for (std::size_t j = 0; j < kNames.size(); ++j) {
      if (i == j) continue;
      const auto ta = name_tokens(kNames[i]);
      const auto tb = name_tokens(kNames[j]);
      const NameComparison c = compare_name_tokens(ta, tb, options);
      if (screen.may_matter(screen.intern(ta), screen.intern(tb))) {
        ++kept;
        continue;
      }
      ++screened;
      EXPECT_EQ(c.match, NameMatch::None) << kNames[i] << " / " << kNames[j];
      EXPECT_LT(c.similarity, options.report) << kNames[i] << " / " << kNames[j];
    }
  }
  EXPECT_GT(screened, kNames.size());
  EXPECT_GT(kept, kNames.size());
}

TEST(NamePairScreen, KeepsTyposAndScreensOutOtherSurnames) {
  NamePairScreen screen({});
  auto may_matter = [&](const char* a, const char* b) {
    return screen.may_matter(screen.intern(name_tokens(a)), screen.intern(name_tokens(b)));
  };
  EXPECT_TRUE(may_matter("Dana Whitlock", "Dana Whitlcok"));
  EXPECT_TRUE(may_matter("Jon Stephenson", "Jon Stefansson"));
  EXPECT_TRUE(may_matter("Dana Whitlock", "D Whitlock"));
  EXPECT_TRUE(may_matter("Jean Luc Picard", "Jean-Luc Picard"));
  EXPECT_FALSE(may_matter("Dana Whitlock", "Dana Okafor"));
  EXPECT_FALSE(may_matter("Ali Demir", "Ali Li"));
}

}  // namespace
}  // namespace kith::loaders
