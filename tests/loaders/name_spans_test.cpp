#include "loaders/name_spans.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "loaders/prose_tokens.hpp"

namespace kith::loaders {
namespace {

std::vector<std::string> names_in(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : split_prose(text)) {
    for (const auto& span : find_name_spans(s)) {
      out.push_back(span_text(s, span.begin, span.end) + (span.possessive ? "'s" : "") +
                    (span.linked ? "[link]" : ""));
    }
  }
  return out;
}

using Names = std::vector<std::string>;

TEST(NameSpans, CapitalisedRunsWithParticles) {
  EXPECT_EQ(names_in("Pieter van der Berg met Ahmad bin Yusuf and Rafael da Silva."),
            (Names{"Pieter van der Berg", "Ahmad bin Yusuf", "Rafael da Silva"}));
  EXPECT_EQ(names_in("Sean O'Malley and Farah al-Sayed and Soo-ah Park"),
            (Names{"Sean O'Malley", "Farah al-Sayed", "Soo-ah Park"}));
}

TEST(NameSpans, AnyScript) {
  EXPECT_EQ(names_in("Zoë Łukasiewicz met Nguyễn Thị Lan and 王伟."),
            (Names{"Zoë Łukasiewicz", "Nguyễn Thị Lan", "王伟"}));
  // A capitalised "An" inside a name is a given name; the article starts no name.
  EXPECT_EQ(names_in("Kenji reports to Trần Văn An since May."), (Names{"Kenji", "Trần Văn An"}));
  EXPECT_EQ(names_in("An update from Kenji."), (Names{"Kenji"}));
}

TEST(NameSpans, PossessiveEndsTheName) {
  EXPECT_EQ(names_in("Wen Li's manager and Kwame’s boss"), (Names{"Wen Li's", "Kwame's"}));
  EXPECT_EQ(names_in("James' manager"), (Names{"James's"}));
}

TEST(NameSpans, NotNames) {
  EXPECT_EQ(names_in("The VP of Sales met on Monday in March."), (Names{}));
  EXPECT_EQ(names_in("Thanks Kwame, the GPU POC is due EoD Friday."), (Names{"Kwame"}));
  EXPECT_EQ(names_in("Director Kwame Mensah"), (Names{"Kwame Mensah"}));
  EXPECT_EQ(names_in("Dr. Ada Obi"), (Names{"Ada Obi"}));
}

TEST(NameSpans, WikilinksAreWholeNames) {
  EXPECT_EQ(names_in("Met [[People/Wen Li|wen]] and [[Kwame Mensah]]'s team"),
            (Names{"wen[link]", "Kwame Mensah's[link]"}));
}

TEST(NameSpans, OrganisationsMayHoldJoinersAndAcronyms) {
  const auto sentences =
      split_prose("at Bank of America and at IBM Research and at The Home Depot");
  ASSERT_EQ(sentences.size(), 1u);
  const auto& s = sentences[0];
  std::vector<std::string> orgs;
  for (int i = 0; i + 1 < static_cast<int>(s.tokens.size()); ++i) {
    if (s.at(i) != "at") continue;
    const auto span = org_span_at(s, i + 1);
    orgs.push_back(span_text(s, span.begin, span.end));
  }
  EXPECT_EQ(orgs, (Names{"Bank of America", "IBM Research", "The Home Depot"}));
}

TEST(ProseTokens, SplitsSentencesButNotInitialsOrLinks) {
  const auto s = split_prose("W. Li reports to Dr. Obi. She left. See [[Notes v1.2. Draft]] now");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].text, "W. Li reports to Dr. Obi");
  EXPECT_EQ(s[1].text, "She left");
  EXPECT_EQ(s[2].text, "See Notes v1.2. Draft now");
}

TEST(ProseTokens, FlattenedEmailQuotesAndEnumerators) {
  const auto s =
      split_prose("points:> > 1) The decision is Wen's> 2) Ian can't be trusted.> - Ravi (x)");
  std::vector<std::string> texts;
  for (const auto& x : s)
    texts.push_back(x.text);
  EXPECT_EQ(texts, (Names{"points:", "The decision is Wen's", "Ian can't be trusted", "Ravi (x)"}));
}

TEST(ProseTokens, PossessivesAndApostrophes) {
  const auto s = split_prose("Wen’s boss doesn't like 'chief scientist' titles");
  ASSERT_EQ(s.size(), 1u);
  const auto& t = s[0].tokens;
  EXPECT_EQ(s[0].at(0), "Wen");
  EXPECT_TRUE(t[0].possessive);
  EXPECT_EQ(s[0].at(2), "doesn't");
  EXPECT_FALSE(t[2].possessive);
  // The closing quote after "scientist" is a quote, not a possessive.
  EXPECT_EQ(s[0].at(6), "scientist");
  EXPECT_FALSE(t[6].possessive);
}

TEST(ProseTokens, MarkupRemoved) {
  const auto s = split_prose("**@Dana** owns [the doc](https://x.y/z) and ==this==");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].text, "Dana owns the doc and this");
}

TEST(ProseTokens, LongSentencesAreCut) {
  std::string long_text;
  for (int i = 0; i < 2000; ++i)
    long_text += "word ";
  for (const auto& s : split_prose(long_text))
    EXPECT_LE(s.text.size(), kMaxSentenceBytes);
}

}  // namespace
}  // namespace kith::loaders
