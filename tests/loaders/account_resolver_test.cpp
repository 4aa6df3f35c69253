#include "loaders/account_resolver.hpp"

#include <gtest/gtest.h>

#include "loaders/frontmatter_lines.hpp"
#include "loaders/vault_owner.hpp"

namespace kith::loaders {
namespace {

TEST(AccountResolver, OneAccountHoweverWritten) {
  AccountResolver a;
  a.add("Marrowgate Bank", "Accounts/Marrowgate Bank.md");
  a.add("[[Marrowgate Bank]]", "Customers/Marrowgate Bank.md");
  a.add("Marrowgate Bank Ltd.");
  a.add("[[Accounts/Marrowgate Bank|the bank]]");
  a.add("Quillfeather GmbH");
  EXPECT_FALSE(a.add("[[ ]]"));
  a.resolve();
  ASSERT_EQ(a.accounts().size(), 2u);
  EXPECT_EQ(a.accounts()[0].name, "Marrowgate Bank");
  EXPECT_EQ(a.accounts()[0].notes, (std::vector<std::string>{"Accounts/Marrowgate Bank.md",
                                                             "Customers/Marrowgate Bank.md"}));
  EXPECT_EQ(a.find("marrowgate bank inc"), 0);
  EXPECT_EQ(a.find("Quillfeather"), 1);
  EXPECT_EQ(a.find("Nowhere Ltd"), -1);
}

TEST(AccountResolver, DomainsConfiguredLearnedAndFree) {
  AccountResolver a;
  a.add_domain("quillfeather.com", "Quillfeather", true);
  a.add_domain("marrowgate.com", "Marrowgate Bank", false);
  a.add_domain("gmail.com", "Marrowgate Bank", false);  // free mail: ignored
  a.add_domain("shared.io", "Alpha Co", false);         // learned for two accounts: refused
  a.add_domain("shared.io", "Beta Co", false);
  a.add_domain("quillfeather.com", "Someone Else", false);  // kith.yaml wins
  a.set_internal("Quillfeather");
  a.resolve();
  EXPECT_EQ(a.find_domain("quillfeather.com"), a.find("Quillfeather"));
  EXPECT_EQ(a.find_domain("eu.marrowgate.com"), a.find("Marrowgate Bank"));
  EXPECT_EQ(a.find_domain("gmail.com"), -1);
  EXPECT_EQ(a.find_domain("shared.io"), -1);
  ASSERT_EQ(a.conflicts().size(), 1u);
  EXPECT_EQ(a.conflicts()[0].domain, "shared.io");
  EXPECT_TRUE(a.accounts()[a.find("Quillfeather")].internal);
  EXPECT_FALSE(a.accounts()[a.find("Marrowgate Bank")].internal);
}

TEST(AccountResolver, AFirstWordStandsForTheOneDeclaredAccountItStarts) {
  AccountResolver r;
  r.add("Marrowgate Bank", "Accounts/Marrowgate Bank.md");
  r.add("Quillfeather Labs");
  r.add("Quillfeather Health");
  EXPECT_EQ(r.declared_as("Marrowgate"), "Marrowgate Bank");
  EXPECT_EQ(r.declared_as("marrowgate bank inc"), "Marrowgate Bank");
  EXPECT_EQ(r.declared_as("Quillfeather"), "");  // two accounts start with it
  EXPECT_EQ(r.declared_as("Tidewell"), "");
  EXPECT_EQ(r.declared_as("Marrowgate Ports"), "");
}

TEST(AccountResolver, NamedInText) {
  AccountResolver a;
  a.add("Marrowgate Bank");
  a.add("Quillfeather");
  a.add("Bank");
  a.resolve();
  auto names = [&](std::string_view text) {
    std::vector<std::string> out;
    for (int i : a.named_in(text))
      out.push_back(a.accounts()[i].name);
    return out;
  };
  EXPECT_EQ(names("Send Quillfeather's terms to Marrowgate Bank."),
            (std::vector<std::string>{"Bank", "Marrowgate Bank", "Quillfeather"}));
  EXPECT_EQ(names("Call Marrowgate about the pilot"), std::vector<std::string>{});
  EXPECT_EQ(names(""), std::vector<std::string>{});
}

TEST(VaultOwner, FromHomeFolders) {
  EXPECT_EQ(owner_from_path("/Users/ines.araujo/Notes/x.md")->name, "Ines Araujo");
  EXPECT_EQ(owner_from_path("/home/tomasz_zielinski/vault/a.md")->name, "Tomasz Zielinski");
  EXPECT_EQ(owner_from_path("C:\\Users\\amaru-quispe\\Docs\\a.md")->name, "Amaru Quispe");
  EXPECT_FALSE(owner_from_path("/Users/admin/Notes/x.md"));
  EXPECT_FALSE(owner_from_path("/srv/notes/x.md"));
  EXPECT_FALSE(owner_from_path("/Users/user2024.x/Notes"));
}

TEST(VaultOwner, MostCommonWins) {
  std::vector<doc::Document> docs(4);
  docs[0].properties["source_ref"] = Value("/Users/ines.araujo/a.md");
  docs[1].properties["source_ref"] = Value("/Users/hugo.mertens/b.md");
  docs[2].properties["source_ref"] = Value("/Users/ines.araujo/c.md");
  const auto owner = infer_owner(docs);
  ASSERT_TRUE(owner);
  EXPECT_EQ(owner->name, "Ines Araujo");
  EXPECT_EQ(owner->notes, 2u);
  EXPECT_EQ(owner->folder, "/Users/ines.araujo");
  EXPECT_FALSE(infer_owner({}));
}

TEST(FrontmatterLines, KeysAndListItems) {
  const auto f = FrontmatterLines::from_text(
      "---\n"
      "name: Ilse Vanterpool\n"
      "aliases: [Ilse, 'I. Vanterpool']\n"
      "participants:\n"
      "- Oskar Halvorsen\n"
      "  - \"Min-jun (Unknown last name)\"\n"
      "manager: '[[Oskar Halvorsen]]'\n"
      "---\n");
  EXPECT_EQ(f.line("name"), 2u);
  EXPECT_EQ(f.line("aliases", "I. Vanterpool"), 3u);
  EXPECT_EQ(f.line("participants", "Oskar Halvorsen"), 5u);
  EXPECT_EQ(f.line("participants", "Min-jun (Unknown last name)"), 6u);
  EXPECT_EQ(f.line("participants", "Nobody"), 4u);
  EXPECT_EQ(f.line("manager", "[[Oskar Halvorsen]]"), 7u);
  EXPECT_EQ(f.line("missing"), 1u);
  EXPECT_EQ(f.text(7), "manager: '[[Oskar Halvorsen]]'");
}

}  // namespace
}  // namespace kith::loaders
