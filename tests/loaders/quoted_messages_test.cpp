#include "loaders/quoted_messages.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kith::loaders {
namespace {

// The body's lines, numbered from 10 so a test can tell a line number from an index.
class Body {
 public:
  explicit Body(std::string text) : text_(std::move(text)) {
    std::string_view rest = text_;
    for (std::uint32_t n = 10;; ++n) {
      std::size_t end = rest.find('\n');
      lines_.push_back({rest.substr(0, end), n});
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  QuotedMessages split(QuoteLevels levels = QuoteLevels::Kept) {
    return split_quoted_messages(lines_, "Mail/thread.md", warnings, levels);
  }
  std::vector<doc::Warning> warnings;

 private:
  std::string text_;
  std::vector<BodyLine> lines_;
};

TEST(QuotedMessages, GmailQuotesNestByLevel) {
  Body body(
      "Sounds good, booked.\n"
      "\n"
      "On Tue, Jan 20, 2026 at 9:14 AM Odile Marchetti <odile@bramblewood.io> wrote:\n"
      "> Can we meet Thursday?\n"
      ">\n"
      "> On Mon, Jan 19, 2026 at 6:00 PM Tomasz Wren <tomasz@quillfeather.com> wrote:\n"
      ">> We have results to show.\n"
      "> > Tomasz");
  QuotedMessages q = body.split();
  EXPECT_EQ(q.own_body, "Sounds good, booked.");
  ASSERT_EQ(q.messages.size(), 2u);
  EXPECT_EQ(q.messages[0].from.name, "Odile Marchetti");
  EXPECT_EQ(q.messages[0].from.address, "odile@bramblewood.io");
  EXPECT_EQ(q.messages[0].date, "2026-01-20T09:14");
  EXPECT_EQ(q.messages[0].body, "Can we meet Thursday?");
  EXPECT_EQ(q.messages[0].quoted_in, -1);
  EXPECT_EQ(q.messages[0].depth, 1);
  EXPECT_EQ(q.messages[0].line, 12u);
  EXPECT_EQ(q.messages[1].from.name, "Tomasz Wren");
  EXPECT_EQ(q.messages[1].body, "We have results to show.\nTomasz");
  EXPECT_EQ(q.messages[1].quoted_in, 0);
  EXPECT_EQ(q.messages[1].depth, 2);
  EXPECT_TRUE(body.warnings.empty());
}

TEST(QuotedMessages, OutlookBlocksChainWithoutMarkers) {
  Body body(
      "Approved.\n"
      "\n"
      "-----Original Message-----\n"
      "From: Wren, Tomasz <tomasz@quillfeather.com>\n"
      "Sent: Friday, December 12, 2025 at 12:18 PM\n"
      "To: Beatriz Lund <beatriz@bramblewood.io>; Odile Marchetti <odile@bramblewood.io>\n"
      "Cc: \"Okafor, Chidi\" <chidi@quillfeather.com>, ruairi@quillfeather.com\n"
      "Subject: RE: Invoice 118\n"
      "\n"
      "Please approve.\n"
      "\n"
      "________________________________\n"
      "From: Beatriz Lund <beatriz@bramblewood.io>\n"
      "Sent: 12/12/2025 09:02\n"
      "To: Tomasz Wren <tomasz@quillfeather.com>\n"
      "Subject: Invoice 118\n"
      "\n"
      "Where is the invoice?");
  QuotedMessages q = body.split();
  EXPECT_EQ(q.own_body, "Approved.");
  ASSERT_EQ(q.messages.size(), 2u);
  const auto& tomasz = q.messages[0];
  EXPECT_EQ(tomasz.from.name, "Wren, Tomasz");
  EXPECT_EQ(tomasz.date, "2025-12-12T12:18");
  EXPECT_EQ(tomasz.subject, "RE: Invoice 118");
  ASSERT_EQ(tomasz.to.size(), 2u);
  EXPECT_EQ(tomasz.to[1].address, "odile@bramblewood.io");
  ASSERT_EQ(tomasz.cc.size(), 2u);
  EXPECT_EQ(tomasz.cc[0].name, "Okafor, Chidi");
  EXPECT_EQ(tomasz.cc[1].address, "ruairi@quillfeather.com");
  EXPECT_EQ(tomasz.body, "Please approve.");  // the underscore rule belongs to no one
  EXPECT_EQ(tomasz.line, 13u);
  const auto& beatriz = q.messages[1];
  EXPECT_EQ(beatriz.date, "2025-12-12T09:02");
  EXPECT_EQ(beatriz.body, "Where is the invoice?");
  EXPECT_EQ(beatriz.quoted_in, 0);
  EXPECT_EQ(beatriz.depth, 2);
}

TEST(QuotedMessages, ForwardedGmailBlockWithBoldMarkdownLabels) {
  Body body(
      "FYI\n"
      "---------- Forwarded message ---------\n"
      "**From:** Accounts <billing@quillfeather.com>\n"
      "**Date:** Tue, Feb 10, 2026 at 6:30 PM\n"
      "**Subject:** Invoice\n"
      "**To:** <beatriz@bramblewood.io>\n"
      "\n"
      "Attached.");
  QuotedMessages q = body.split();
  EXPECT_EQ(q.own_body, "FYI");
  ASSERT_EQ(q.messages.size(), 1u);
  EXPECT_EQ(q.messages[0].from.address, "billing@quillfeather.com");
  EXPECT_EQ(q.messages[0].date, "2026-02-10T18:30");
  ASSERT_EQ(q.messages[0].to.size(), 1u);
  EXPECT_EQ(q.messages[0].to[0].address, "beatriz@bramblewood.io");
  EXPECT_EQ(q.messages[0].body, "Attached.");
}

TEST(QuotedMessages, GermanOutlookLabels) {
  Body body(
      "Von: Jonas Weber <jonas@example.de>\n"
      "Gesendet: Montag, 2. Februar 2026 10:00\n"
      "An: Ines <ines@bramblewood.io>\n"
      "Betreff: Termin\n"
      "\n"
      "Passt.");
  QuotedMessages q = body.split();
  ASSERT_EQ(q.messages.size(), 1u);
  EXPECT_EQ(q.messages[0].from.name, "Jonas Weber");
  EXPECT_EQ(q.messages[0].subject, "Termin");
  EXPECT_EQ(q.messages[0].date, "2026-02-02T10:00");
  EXPECT_EQ(q.messages[0].body, "Passt.");
}

TEST(QuotedMessages, AttributionWrappedOverTwoLines) {
  Body body(
      "Yes.\n"
      "On Fri, Dec 12, 2025 at 10:15 AM Dana Whitlock <\n"
      "dana@northwind.example> wrote:\n"
      "> Thursday?");
  QuotedMessages q = body.split();
  ASSERT_EQ(q.messages.size(), 1u);
  EXPECT_EQ(q.messages[0].from.name, "Dana Whitlock");
  EXPECT_EQ(q.messages[0].from.address, "dana@northwind.example");
  EXPECT_EQ(q.messages[0].body, "Thursday?");
}

TEST(QuotedMessages, QuotesWithoutAHeaderAreLeftOutOfTheBody) {
  Body body(
      "> you said the pilot slips\n"
      "It does not slip.\n"
      "On the whole, Dana wrote: nothing new.");
  QuotedMessages q = body.split();
  EXPECT_TRUE(q.messages.empty());
  EXPECT_EQ(q.own_body, "It does not slip.\nOn the whole, Dana wrote: nothing new.");
}

TEST(QuotedMessages, InlineReplyReturnsToTheQuotingMessage) {
  Body body(
      "See inline.\n"
      "On Mon, Jan 5, 2026 at 9:00 AM Odile <odile@bramblewood.io> wrote:\n"
      "> Budget?\n"
      "40k.\n"
      "> Start date?\n"
      "March.");
  QuotedMessages q = body.split();
  ASSERT_EQ(q.messages.size(), 1u);
  EXPECT_EQ(q.own_body, "See inline.\n40k.\nMarch.");
  EXPECT_EQ(q.messages[0].body, "Budget?\nStart date?");
}

TEST(QuotedMessages, AWholeBodyInABlockquoteIsTheMessagesOwnText) {
  Body body(
      "> Is this serious?\n"
      ">\n"
      "> On Fri, Dec 12, 2025 at 8:37 AM Marcus <marcus@northwind.example> wrote:\n"
      "> > It is.");
  QuotedMessages q = body.split();
  EXPECT_EQ(q.own_body, "Is this serious?");
  ASSERT_EQ(q.messages.size(), 1u);
  EXPECT_EQ(q.messages[0].body, "It is.");
}

TEST(QuotedMessages, LostLevelsMakeEveryHeaderQuoteThePreviousMessage) {
  Body body(
      "> Top text.\n"
      "> On Fri, Dec 12, 2025 at 10:15 AM Dana <dana@x.io> wrote:\n"
      "> Dana's text.\n"
      "> On Fri, Dec 12, 2025 at 8:37 AM Marcus <marcus@x.io> wrote:\n"
      "> Marcus's text.");
  QuotedMessages q = body.split(QuoteLevels::Lost);
  EXPECT_EQ(q.own_body, "Top text.");
  ASSERT_EQ(q.messages.size(), 2u);
  EXPECT_EQ(q.messages[1].quoted_in, 0);
  EXPECT_EQ(q.messages[1].depth, 2);
  EXPECT_EQ(q.messages[1].body, "Marcus's text.");
}

TEST(QuotedMessages, ADateWithoutAYearIsEmptyAndWarned) {
  Body body(
      "ok\n"
      "From: Dana Whitlock <dana@x.io>\n"
      "Sent: Friday, December 12 at 12:18 PM\n"
      "Subject: Plan\n"
      "\n"
      "text");
  QuotedMessages q = body.split();
  ASSERT_EQ(q.messages.size(), 1u);
  EXPECT_EQ(q.messages[0].date, "");
  ASSERT_EQ(body.warnings.size(), 1u);
  EXPECT_EQ(body.warnings[0].file, "Mail/thread.md");
  EXPECT_EQ(body.warnings[0].line, 12u);
  EXPECT_NE(body.warnings[0].message.find("December 12"), std::string::npos);
}

TEST(QuotedMessages, ForwardMarkerWithoutHeaderStillQuotes) {
  Body body(
      "Look at this\n"
      "-----Original Message-----\n"
      "the old text");
  QuotedMessages q = body.split();
  EXPECT_EQ(q.own_body, "Look at this");
  ASSERT_EQ(q.messages.size(), 1u);
  EXPECT_EQ(q.messages[0].from.address, "");
  EXPECT_EQ(q.messages[0].body, "the old text");
  ASSERT_EQ(body.warnings.size(), 1u);
  EXPECT_EQ(body.warnings[0].line, 11u);
}

TEST(QuotedMessages, DeepChainsNeedNoRecursion) {
  std::string text = "top\n";
  constexpr int kDepth = 3000;
  for (int k = 0; k < kDepth; ++k) {
    text += std::string(static_cast<std::size_t>(k), '>') +
            " On Mon, Jan 5, 2026 at 9:00 AM A <a@x.io> wrote:\n";
  }
  Body body(text);
  QuotedMessages q = body.split();
  ASSERT_EQ(q.messages.size(), static_cast<std::size_t>(kDepth));
  EXPECT_EQ(q.messages.back().depth, kDepth);
}

TEST(QuotedMessages, AppendingNumbersPositionsAndParents) {
  doc::Document doc;
  doc.messages.resize(2);  // messages of an earlier part of the file
  Body body(
      "mine\n"
      "On Mon, Jan 5, 2026 at 9:00 AM A <a@x.io> wrote:\n"
      "> theirs\n"
      "> On Sun, Jan 4, 2026 at 9:00 AM B <b@x.io> wrote:\n"
      "> > older");
  doc::EmailMessage top;
  top.subject = "s";
  append_message_with_quotes(top, body.split(), doc, 0, 1);
  ASSERT_EQ(doc.messages.size(), 5u);
  EXPECT_EQ(doc.messages[2].body, "mine");
  EXPECT_EQ(doc.messages[2].position, 2);
  EXPECT_EQ(doc.messages[2].quoted_in, 0);
  EXPECT_EQ(doc.messages[2].depth, 1);
  EXPECT_EQ(doc.messages[3].quoted_in, 2);
  EXPECT_EQ(doc.messages[3].depth, 2);
  EXPECT_EQ(doc.messages[4].quoted_in, 3);
  EXPECT_EQ(doc.messages[4].depth, 3);
  EXPECT_EQ(doc.messages[4].position, 4);
}

}  // namespace
}  // namespace kith::loaders
