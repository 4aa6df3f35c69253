#include "loaders/email_date.hpp"

#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

std::string iso(std::string_view text) {
  return parse_email_date(text).iso;
}

TEST(EmailDate, ReadsTheShapesMailProgramsWrite) {
  EXPECT_EQ(iso("Friday, December 12, 2025 at 12:18 PM"), "2025-12-12T12:18");
  EXPECT_EQ(iso("Fri, Dec 12, 2025 at 10:15 AM"), "2025-12-12T10:15");
  EXPECT_EQ(iso("Fri, Dec 12, 2025 at 8:37 AM"), "2025-12-12T08:37");
  EXPECT_EQ(iso("Thu, 18 Dec 2025 16:02:10 +0100"), "2025-12-18T16:02:10");
  EXPECT_EQ(iso("12/12/2025 12:18"), "2025-12-12T12:18");
  EXPECT_EQ(iso("2025-12-18 16:02:10"), "2025-12-18T16:02:10");
  EXPECT_EQ(iso("2025-12-18T16:02:10Z"), "2025-12-18T16:02:10");
  EXPECT_EQ(iso("Dec 12, 2025, at 10:15"), "2025-12-12T10:15");
  EXPECT_EQ(iso("December 12th, 2025"), "2025-12-12");
  EXPECT_EQ(iso("Monday, January 26, 2026 3:40 PM"), "2026-01-26T15:40");
  EXPECT_EQ(iso("Montag, 2. Februar 2026 10:00"), "2026-02-02T10:00");
}

TEST(EmailDate, TwelveOClockFollowsTheClock) {
  EXPECT_EQ(iso("Dec 12, 2025 12:05 AM"), "2025-12-12T00:05");
  EXPECT_EQ(iso("Dec 12, 2025 12:05 PM"), "2025-12-12T12:05");
  EXPECT_EQ(iso("Dec 12, 2025 14:00 PM"), "");
}

TEST(EmailDate, NumericOrderIsDecidedByAPartAboveTwelve) {
  EXPECT_EQ(iso("26/01/2026 09:12"), "2026-01-26T09:12");
  EXPECT_EQ(iso("01/26/2026 09:12"), "2026-01-26T09:12");
  EXPECT_EQ(iso("03.04.2026"), "2026-04-03");  // day.month
  EXPECT_EQ(iso("03/04/26"), "2026-03-04");    // US month/day, two-digit year
}

TEST(EmailDate, WithoutAYearThereIsNoDate) {
  EXPECT_EQ(iso("Friday, December 12 at 12:18 PM"), "");
  EXPECT_EQ(iso("12:18"), "");
  EXPECT_EQ(iso("sometime next week"), "");
  EXPECT_EQ(iso(""), "");
  EXPECT_EQ(iso("February 30, 2026"), "");
}

TEST(EmailDate, StopsWhereTheSenderStarts) {
  std::string_view text = "Fri, Dec 12, 2025 at 10:15 AM Dana Whitlock <d@x.com>";
  EmailDate d = parse_email_date(text);
  EXPECT_EQ(d.iso, "2025-12-12T10:15");
  EXPECT_EQ(text.substr(d.consumed), " Dana Whitlock <d@x.com>");

  // A name that is also a month, right after a complete date, is the sender.
  text = "12/12/2025 12:18, May Chen <may@x.com>";
  d = parse_email_date(text);
  EXPECT_EQ(d.iso, "2025-12-12T12:18");
  EXPECT_EQ(text.substr(d.consumed), ", May Chen <may@x.com>");

  EXPECT_EQ(parse_email_date("the whole, Dana").consumed, 0u);
}

}  // namespace
}  // namespace kith::loaders
