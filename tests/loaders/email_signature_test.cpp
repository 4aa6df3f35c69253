#include "loaders/email_signature.hpp"

#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

TEST(EmailSignature, NameTitleAndCompanyUnderTheMessage) {
  const auto sig = find_signature(
      "Hi Oskar,\n\nNumbers attached.\n\nBest,\nIlse Vanterpool\nHead of Payments\nMarrowgate "
      "Bank\n",
      "Ilse Vanterpool");
  EXPECT_EQ(sig.title, "Head of Payments");
  EXPECT_EQ(sig.company, "Marrowgate Bank");
  EXPECT_EQ(sig.text, "Ilse Vanterpool / Head of Payments / Marrowgate Bank");
}

TEST(EmailSignature, NameAndCompanyOnly) {
  const auto sig = find_signature("Most important is the direction.\n\nMarcus Feld\nNorthwind Data",
                                  "Marcus Feld");
  EXPECT_EQ(sig.title, "");
  EXPECT_EQ(sig.company, "Northwind Data");
}

TEST(EmailSignature, AccentsAndCaseOfTheSenderAreFolded) {
  const auto sig = find_signature("Thanks.\n\nJonas Eiriksson\nGM, Cloud Alliances\nHalcyon Labs",
                                  "Jónas Eiríksson");
  EXPECT_EQ(sig.company, "Halcyon Labs");
  EXPECT_EQ(sig.title, "GM, Cloud Alliances");
}

TEST(EmailSignature, NoSignatureWhereTheBlockIsNotTheSenders) {
  // Someone else's name, a sign-off with the first name only, a name inside the text, prose.
  EXPECT_TRUE(find_signature("Thanks.\n\nOskar Halvorsen\nHead of Payments\nMarrowgate Bank",
                             "Ilse Vanterpool")
                  .company.empty());
  EXPECT_TRUE(find_signature("Thanks.\n\nIlse", "Ilse Vanterpool").company.empty());
  EXPECT_TRUE(find_signature("Ilse Vanterpool\nHead of Payments\nMarrowgate Bank\n\nSee you then.",
                             "Ilse Vanterpool")
                  .company.empty());
  EXPECT_TRUE(find_signature("Thanks.\n\nIlse Vanterpool\nI will call you on Monday about it.",
                             "Ilse Vanterpool")
                  .company.empty());
  EXPECT_TRUE(find_signature("", "Ilse Vanterpool").company.empty());
}

}  // namespace
}  // namespace kith::loaders
