#include "loaders/written_name.hpp"

#include <gtest/gtest.h>

#include "loaders/free_mail.hpp"

namespace kith::loaders {
namespace {

TEST(WrittenName, StripsMarkup) {
  EXPECT_EQ(parse_written_name("@Ilse Vanterpool")->name, "Ilse Vanterpool");
  EXPECT_EQ(parse_written_name("[[Ilse Vanterpool|Ilse]]")->name, "Ilse Vanterpool");
  EXPECT_EQ(parse_written_name("  **Ilse  Vanterpool**, ")->name, "Ilse Vanterpool");
  EXPECT_EQ(parse_written_name("Dr. Ines Araújo")->name, "Ines Araújo");
}

TEST(WrittenName, MyselfAndNobody) {
  EXPECT_TRUE(parse_written_name("@Myself")->myself);
  EXPECT_TRUE(parse_written_name("me")->myself);
  EXPECT_TRUE(parse_written_name("@TBD")->nobody);
  EXPECT_TRUE(parse_written_name("unassigned")->nobody);
}

TEST(WrittenName, Parentheticals) {
  auto unknown = parse_written_name("Min-jun (Unknown last name)");
  EXPECT_EQ(unknown->name, "Min-jun");
  EXPECT_TRUE(unknown->last_name_unknown);
  EXPECT_TRUE(parse_written_name("Min-jun (last name unknown)")->last_name_unknown);
  EXPECT_TRUE(parse_written_name("Min-jun (?)")->last_name_unknown);

  auto full = parse_written_name("Bart (Bartholomew Okafor)");
  EXPECT_EQ(full->name, "Bartholomew Okafor");
  EXPECT_EQ(full->alias, "Bart");

  auto short_form = parse_written_name("Bartholomew Okafor (Bart)");
  EXPECT_EQ(short_form->name, "Bartholomew Okafor");
  EXPECT_EQ(short_form->alias, "Bart");

  auto other_spelling = parse_written_name("Oskar Halvorsen (Óskar Hálfdánarson)");
  EXPECT_EQ(other_spelling->name, "Oskar Halvorsen");
  EXPECT_EQ(other_spelling->alias, "Óskar Hálfdánarson");

  auto role = parse_written_name("Tereza Novak (head of logistics)");
  EXPECT_EQ(role->name, "Tereza Novak");
  EXPECT_EQ(role->note, "head of logistics");
  EXPECT_TRUE(role->alias.empty());

  auto company = parse_written_name("Piet (Quillfeather)");
  EXPECT_EQ(company->name, "Piet");
  EXPECT_EQ(company->note, "Quillfeather");
}

TEST(WrittenName, OutlookOrderIsTurnedRound) {
  EXPECT_EQ(parse_written_name("Okafor, Bartholomew")->name, "Bartholomew Okafor");
  EXPECT_EQ(parse_written_name("van Dijk, Anouk")->name, "Anouk van Dijk");
  EXPECT_EQ(parse_written_name("Tereza Novak, Head of Logistics")->name, "Tereza Novak");
}

TEST(WrittenName, NotNames) {
  EXPECT_FALSE(parse_written_name(""));
  EXPECT_FALSE(parse_written_name("  ** "));
  EXPECT_FALSE(parse_written_name("someone@example.org"));
  EXPECT_FALSE(parse_written_name("Room 42"));
}

TEST(LooksLikePersonName, CapitalisedWordsAndParticles) {
  EXPECT_TRUE(looks_like_person_name("Anouk van Dijk"));
  EXPECT_TRUE(looks_like_person_name("Łucja Wiśniewska"));
  EXPECT_TRUE(looks_like_person_name("王芳"));
  EXPECT_FALSE(looks_like_person_name("head of logistics"));
  EXPECT_FALSE(looks_like_person_name("Agent 007"));
  EXPECT_FALSE(looks_like_person_name("One Two Three Four Five Six"));
}

TEST(LooksLikePersonName, AParticleJoinedToTheSurname) {
  EXPECT_TRUE(looks_like_person_name("Farah al-Sayed"));
  EXPECT_TRUE(looks_like_person_name("Omar el-Amin"));
  EXPECT_TRUE(looks_like_person_name("Lucia d'Angelo"));
  EXPECT_TRUE(
      looks_like_person_name("Lucia d\xE2\x80\x99"
                             "Angelo"));
  EXPECT_FALSE(looks_like_person_name("Farah de-risked"));   // the rest must be capitalised
  EXPECT_FALSE(looks_like_person_name("Farah co-Founder"));  // "co" is no particle
}

TEST(FreeMail, ProvidersAndCountryVariants) {
  EXPECT_TRUE(is_free_mail_domain("gmail.com"));
  EXPECT_TRUE(is_free_mail_domain("yahoo.co.uk"));
  EXPECT_TRUE(is_free_mail_domain("gmx.de"));
  EXPECT_TRUE(is_free_mail_domain("web.de"));
  EXPECT_FALSE(is_free_mail_domain("mail.quillfeather.com"));
  EXPECT_FALSE(is_free_mail_domain("quillfeather.com"));
  EXPECT_FALSE(is_free_mail_domain("gmail"));
  EXPECT_EQ(mail_domain("ilse@quillfeather.com"), "quillfeather.com");
  EXPECT_EQ(mail_domain("nobody"), "");
  EXPECT_TRUE(is_role_mailbox("sales@quillfeather.com"));
  EXPECT_FALSE(is_role_mailbox("ilse@quillfeather.com"));
}

}  // namespace
}  // namespace kith::loaders
