#include "loaders/person_resolver.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

Evidence at(std::string file, std::uint32_t line) {
  return Evidence{std::move(file), line, "", "test"};
}

NameMention mention(std::string written, int note, NameSource source = NameSource::Participant,
                    std::string email = "", std::string account = "") {
  NameMention m;
  m.written = std::move(written);
  m.note = note;
  m.source = source;
  m.email = std::move(email);
  m.account = std::move(account);
  m.evidence = at("note" + std::to_string(note) + ".md", 3);
  return m;
}

// An invented vault: Quillfeather (the owner's company) sells to Marrowgate Bank.
class PersonResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    r.set_owner("Bartholomew Okafor", at("kith.yaml", 1));
    r.add_person_note("Corinne Blackwood", {"Corinne", "C. Blackwood"},
                      {"corinne.blackwood@quillfeather.com"}, "Quillfeather", 0,
                      at("People/Corinne Blackwood.md", 1));
    r.add_alias_group("Siobhán Ní Bhriain", {"Siobhan", "Shiv Ni Bhriain"}, at("kith.yaml", 4));
    // Note 1: a meeting.
    for (const char* n : {"Corinne Blakwood", "Tamsin Wheeler", "Abhishek Varma", "Ravi Otieno",
                          "Lena Marsh", "Min-jun (Unknown last name)", "Greta Stephenson"})
      r.add_mention(mention(n, 1));
    // Note 2: another meeting, with a first-name typo of Abhishek and the same colleagues.
    for (const char* n : {"Abishek Varma", "Ravi Otieno", "Lena Marsh", "Tamsin Whitaker"})
      r.add_mention(mention(n, 2));
    // Note 3: an email thread.
    r.add_mention(mention("Ilse Vanterpool", 3, NameSource::EmailHeader, "ilse@marrowgate.com"));
    r.add_mention(mention("Vanterpool, Ilse", 3, NameSource::EmailHeader, "ilse@marrowgate.com"));
    r.add_mention(mention("", 3, NameSource::EmailHeader, "piet.de.vries@marrowgate.com"));
    r.add_mention(mention("", 3, NameSource::EmailHeader, "ops@gmail.com"));
    r.add_mention(mention("Dana Kowal", 3, NameSource::EmailHeader, "dana.kowal@quillfeather.com"));
    r.add_mention(mention("Dana Kowall", 3, NameSource::EmailHeader, "dkowall@quillfeather.com"));
    // Note 4: a lone mention far from everyone.
    r.add_mention(mention("Greta Steffansson", 4, NameSource::Prose));
    r.add_mention(mention("Sam (Samuel Ortega)", 4, NameSource::Prose));
    r.resolve();
  }

  int id(std::string_view name) const {
    const int p = r.find(name);
    EXPECT_GE(p, 0) << name;
    return p;
  }
  PersonLookup look(std::string_view written, int note, std::string_view account = "") {
    return r.lookup(written, "", note, account, at("lookup.md", 9));
  }

  // Reports pairs down to 0.80 (the default is 0.85) so that Tamsin Wheeler / Tamsin
  // Whitaker, two people whose surnames score 0.69, are listed as kept apart.
  static NameMatchOptions listing_close_pairs() {
    NameMatchOptions options;
    options.report = 0.80;
    return options;
  }
  PersonResolver r{listing_close_pairs()};
};

TEST_F(PersonResolverTest, TypoOfASurnameMergesIntoThePersonNote) {
  const int corinne = id("Corinne Blackwood");
  EXPECT_EQ(r.find("Corinne Blakwood"), corinne);
  EXPECT_EQ(r.find("C. Blackwood"), corinne);
  EXPECT_EQ(r.people()[corinne].name, "Corinne Blackwood");
  EXPECT_TRUE(r.people()[corinne].has_person_note);
  const auto& aliases = r.people()[corinne].aliases;
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Corinne Blakwood"), aliases.end());
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Corinne"), aliases.end());
  EXPECT_EQ(r.people()[corinne].emails,
            std::vector<std::string>{"corinne.blackwood@quillfeather.com"});
  EXPECT_EQ(r.people()[corinne].accounts, std::vector<std::string>{"Quillfeather"});
}

TEST_F(PersonResolverTest, SimilarNamesOfDifferentPeopleStayTwoAndAreReported) {
  const int wheeler = id("Tamsin Wheeler");
  const int whitaker = id("Tamsin Whitaker");
  EXPECT_NE(wheeler, whitaker);
  bool reported = false;
  for (const NearDuplicate& d : r.near_duplicates())
    if ((d.a == wheeler && d.b == whitaker) || (d.a == whitaker && d.b == wheeler)) {
      reported = true;
      EXPECT_GE(d.similarity, 0.8) << d.why;
    }
  EXPECT_TRUE(reported);
}

TEST_F(PersonResolverTest, WeakMatchMergesOnlyWhenCorroborated) {
  // Abishek/Abhishek share two colleagues (Ravi Otieno, Lena Marsh): merged.
  EXPECT_EQ(id("Abishek Varma"), id("Abhishek Varma"));
  bool merge_explained = false;
  for (const PersonMerge& m : r.merges())
    if (m.merged == "Abishek Varma" || m.kept == "Abishek Varma") {
      merge_explained = m.rule == "fuzzy-corroborated" &&
                        m.why.find("people seen with both") != std::string::npos;
    }
  EXPECT_TRUE(merge_explained);
  // Stephenson/Steffansson sound alike but nothing ties them: two people, reported.
  EXPECT_NE(id("Greta Stephenson"), id("Greta Steffansson"));
  bool reported = false;
  for (const NearDuplicate& d : r.near_duplicates())
    reported = reported || (r.people()[d.a].name.starts_with("Greta") &&
                            r.people()[d.b].name.starts_with("Greta"));
  EXPECT_TRUE(reported);
}

TEST_F(PersonResolverTest, DistinctAddressesAtOneCompanyKeepATypoApart) {
  EXPECT_NE(id("Dana Kowal"), id("Dana Kowall"));
}

TEST_F(PersonResolverTest, AddressesJoinSpellingsAndNameThemselves) {
  const int ilse = id("Ilse Vanterpool");
  EXPECT_EQ(r.find_email("ilse@marrowgate.com"), ilse);
  const int piet = r.find_email("piet.de.vries@marrowgate.com");
  ASSERT_GE(piet, 0);
  EXPECT_EQ(r.people()[piet].name, "Piet De Vries");
  const int ops = r.find_email("ops@gmail.com");
  ASSERT_GE(ops, 0);
  EXPECT_TRUE(r.people()[ops].address_only);
  EXPECT_EQ(r.lookup("", "ilse@marrowgate.com", 3, "", at("x.md", 1)).person, ilse);
}

TEST_F(PersonResolverTest, DeclaredAliasesAndParentheticals) {
  const int siobhan = id("Siobhán Ní Bhriain");
  EXPECT_EQ(r.find("Shiv Ni Bhriain"), siobhan);
  EXPECT_EQ(r.find("siobhan ni bhriain"), siobhan);
  EXPECT_EQ(look("Siobhan", 4).person, siobhan);
  const int samuel = id("Samuel Ortega");
  EXPECT_EQ(look("Sam", 4).person, samuel);
}

TEST_F(PersonResolverTest, FirstNamesResolveByContext) {
  // Two Tamsins in the vault: the note decides.
  EXPECT_EQ(look("Tamsin", 1).person, id("Tamsin Wheeler"));
  EXPECT_EQ(look("Tamsin", 2).person, id("Tamsin Whitaker"));
  const PersonLookup ambiguous = look("Tamsin", 4);
  EXPECT_EQ(ambiguous.person, -1);
  EXPECT_EQ(ambiguous.candidates.size(), 2u);
  // Unique in the vault.
  EXPECT_EQ(look("Corinne", 4).person, id("Corinne Blackwood"));
  EXPECT_EQ(look("Lena", 4).person, id("Lena Marsh"));
  EXPECT_EQ(look("Lena", 4).how, "first name unique in vault");
  // Unknown first names are reported, not guessed.
  EXPECT_EQ(look("Horatio", 1).person, -1);
  bool ambiguous_reported = false, unknown_reported = false;
  for (const UnresolvedName& u : r.unresolved()) {
    ambiguous_reported = ambiguous_reported || (u.written == "Tamsin" && u.candidates.size() == 2);
    unknown_reported = unknown_reported || u.written == "Horatio";
  }
  EXPECT_TRUE(ambiguous_reported);
  EXPECT_TRUE(unknown_reported);
}

TEST_F(PersonResolverTest, AFirstNameNobodyElseHasIsAPersonOfItsOwn) {
  const int minjun = id("Min-jun");
  EXPECT_TRUE(r.people()[minjun].first_name_only);
  EXPECT_EQ(look("Min-jun", 2).person, minjun);
  EXPECT_EQ(look("Min-jun (Unknown last name)", 1).person, minjun);
}

TEST_F(PersonResolverTest, OwnerAndNobody) {
  EXPECT_EQ(look("@Myself", 1).person, id("Bartholomew Okafor"));
  EXPECT_EQ(look("@Myself", 1).how, "owner");
  const PersonLookup tbd = look("@TBD", 1);
  EXPECT_TRUE(tbd.nobody);
  EXPECT_EQ(tbd.person, -1);
}

TEST_F(PersonResolverTest, AccountContextBreaksTies) {
  PersonResolver q;
  q.add_mention(mention("Ana Ferreira", 1, NameSource::Participant, "", "Marrowgate Bank"));
  q.add_mention(mention("Ana Lindgren", 2, NameSource::Participant, "", "Quillfeather"));
  q.resolve();
  EXPECT_EQ(q.lookup("Ana", "", 3, "Marrowgate Bank", at("x.md", 1)).person,
            q.find("Ana Ferreira"));
  EXPECT_EQ(q.lookup("Ana", "", 3, "", at("x.md", 1)).person, -1);
}

TEST(PersonResolverDeclaredFirstName, AVariantFirstNameDeclaredAsAnAliasJoinsTheSameSurname) {
  PersonResolver q;
  q.add_person_note("Bartholomew Quist", {"Bart", "Tolly"}, {}, "Marrowgate", 0,
                    at("People/Bartholomew Quist.md", 1));
  q.add_person_note("Henrietta Vale", {"Hetty"}, {}, "Marrowgate", 1,
                    at("People/Henrietta Vale.md", 1));
  q.add_mention(mention("Tolly Quist", 2, NameSource::TaskOwner));  // declared, same surname
  q.add_mention(mention("Bart Quistorp", 2));                       // declared, other surname
  q.add_mention(mention("Hetty Quist", 3));                         // someone else's alias
  q.add_mention(mention("Barty Quist", 3));                         // never declared
  q.resolve();
  const int bart = q.find("Bartholomew Quist");
  ASSERT_GE(bart, 0);
  EXPECT_EQ(q.find("Tolly Quist"), bart);
  EXPECT_NE(q.find("Bart Quistorp"), bart);
  EXPECT_NE(q.find("Hetty Quist"), bart);
  EXPECT_NE(q.find("Hetty Quist"), q.find("Henrietta Vale"));
  EXPECT_NE(q.find("Barty Quist"), bart);
  const auto& merges = q.merges();
  EXPECT_TRUE(std::any_of(merges.begin(), merges.end(), [](const PersonMerge& m) {
    return m.merged == "Tolly Quist" && m.rule == "alias";
  }));
}

TEST(PersonResolverDeclaredFirstName, TwoPeopleDeclaringTheShortFormWithOneSurnameMergeNeither) {
  PersonResolver q;
  q.add_person_note("Alexander Brandt", {"Sasha"}, {}, "", 0, at("People/Alexander Brandt.md", 1));
  q.add_person_note("Alexandra Brandt", {"Sasha"}, {}, "", 1, at("People/Alexandra Brandt.md", 1));
  q.add_mention(mention("Sasha Brandt", 2));
  q.resolve();
  EXPECT_NE(q.find("Sasha Brandt"), q.find("Alexander Brandt"));
  EXPECT_NE(q.find("Sasha Brandt"), q.find("Alexandra Brandt"));
}

TEST(PersonResolverOrder, PeopleAreSortedAndIndependentOfDeclarationOrder) {
  const std::vector<std::string> names = {"Zofia Nowak",      "Aiko Tanaka",       "Aiko Tanaka",
                                          "Corinne Blakwood", "Corinne Blackwood", "Émile Roux"};
  auto build = [&](bool reversed) {
    PersonResolver q;
    std::vector<std::string> order = names;
    if (reversed) std::reverse(order.begin(), order.end());
    for (const auto& n : order)
      q.add_mention(mention(n, 1));
    q.resolve();
    std::vector<std::string> out;
    for (const auto& p : q.people())
      out.push_back(p.name + "|" + std::to_string(p.aliases.size()));
    return out;
  };
  const auto forward = build(false);
  EXPECT_EQ(forward, build(true));
  ASSERT_EQ(forward.size(), 4u);
  EXPECT_TRUE(std::is_sorted(forward.begin(), forward.end()));
}

}  // namespace
}  // namespace kith::loaders
