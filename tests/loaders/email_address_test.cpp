#include "loaders/email_address.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

MATCHER_P2(Mailbox, name, address, "") {
  return arg.name == name && arg.address == address;
}

TEST(EmailAddress, ReadsTheUsualForms) {
  EXPECT_THAT(parse_email_address("Dana Whitlock <Dana.Whitlock@Example.COM>"),
              Mailbox("Dana Whitlock", "dana.whitlock@example.com"));
  EXPECT_THAT(parse_email_address("\"Okafor, Chidi\" <chidi@x.io>"),
              Mailbox("Okafor, Chidi", "chidi@x.io"));
  EXPECT_THAT(parse_email_address("Chidi Okafor [mailto:Chidi@X.io]"),
              Mailbox("Chidi Okafor", "chidi@x.io"));
  EXPECT_THAT(parse_email_address("  ruairi@x.io "), Mailbox("", "ruairi@x.io"));
  EXPECT_THAT(parse_email_address("ruairi@x.io (Ruairí Dunne)"),
              Mailbox("Ruairí Dunne", "ruairi@x.io"));
  EXPECT_THAT(parse_email_address("Ines <[ines@x.io](mailto:ines@x.io)>"),
              Mailbox("Ines", "ines@x.io"));
  EXPECT_THAT(parse_email_address("Beatriz Lund"), Mailbox("Beatriz Lund", ""));
  EXPECT_THAT(parse_email_address("odile@x.io <odile@x.io>"), Mailbox("", "odile@x.io"));
}

TEST(EmailAddress, ListsSplitOutsideQuotesAndBrackets) {
  auto list =
      parse_address_list("Dana Whitlock <dana@x.com>, \"Last, First\" <first@x.com>; plain@x.com");
  ASSERT_EQ(list.size(), 3u);
  EXPECT_THAT(list[0], Mailbox("Dana Whitlock", "dana@x.com"));
  EXPECT_THAT(list[1], Mailbox("Last, First", "first@x.com"));
  EXPECT_THAT(list[2], Mailbox("", "plain@x.com"));
}

TEST(EmailAddress, OutlookLastFirstNamesStayWhole) {
  auto list = parse_address_list("Feld, Marcus <marcus@x.com>; Brook, Elan <elan@x.com>");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_THAT(list[0], Mailbox("Feld, Marcus", "marcus@x.com"));
  EXPECT_THAT(list[1], Mailbox("Brook, Elan", "elan@x.com"));

  list = parse_address_list("Feld, Marcus; Brook, Elan");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_THAT(list[1], Mailbox("Brook, Elan", ""));

  list = parse_address_list("Feld, Marcus <marcus@x.com>, Elan Brook <elan@x.com>");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_THAT(list[0], Mailbox("Feld, Marcus", "marcus@x.com"));

  // Two full names are two people, not one "Last, First"; so are two first names.
  list = parse_address_list("Dana Whitlock, Marcus Feld <marcus@x.com>");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_THAT(list[0], Mailbox("Dana Whitlock", ""));
  EXPECT_EQ(parse_address_list("Dana, Marcus").size(), 2u);
}

TEST(EmailAddress, EmptyPiecesAreSkipped) {
  EXPECT_TRUE(parse_address_list("").empty());
  EXPECT_EQ(parse_address_list(" , a@x.io ,, ").size(), 1u);
}

}  // namespace
}  // namespace kith::loaders
