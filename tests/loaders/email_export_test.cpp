#include "loaders/email_export.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kith::loaders {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string fixture(std::string_view name) {
  return read_file(std::filesystem::path(KITH_FIXTURES) / "email" / name);
}

doc::Document parse(std::string_view text, std::uint32_t first_line = 1) {
  doc::Document doc;
  parse_email_export(text, first_line, "Email/thread.md", doc);
  return doc;
}

TEST(EmailExport, RecognisesExportsByTheirStart) {
  EXPECT_TRUE(looks_like_email_export(fixture("export_three_messages_with_quotes.md")));
  EXPECT_TRUE(looks_like_email_export(fixture("export_flattened_nested_quotes.md")));
  EXPECT_FALSE(looks_like_email_export("# Weekly sync\n**Date**: 2026-01-05\n- [ ] send notes\n"));
  // A dated heading alone is a meeting log, not an export.
  EXPECT_FALSE(looks_like_email_export("# Log\n## 2026-01-05 10:00 — call with Dana\nnotes\n"));
  EXPECT_FALSE(looks_like_email_export(""));
}

TEST(EmailExport, ReadsMessagesAndTheirQuotes) {
  doc::Document doc = parse(fixture("export_three_messages_with_quotes.md"));
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  EXPECT_EQ(doc.title, "Re: Lighthouse pilot scope");
  EXPECT_EQ(doc.kind, doc::NoteKind::EmailThread);
  ASSERT_EQ(doc.messages.size(), 6u);

  const auto& odile = doc.messages[0];
  EXPECT_EQ(odile.from.name, "Odile Marchetti");
  EXPECT_EQ(odile.from.address, "odile.marchetti@bramblewood.io");
  EXPECT_EQ(odile.date, "2026-01-20T09:14:05");
  EXPECT_EQ(odile.subject, "Lighthouse pilot scope");
  EXPECT_EQ(odile.body,
            "Tomasz, Ines,\n\nCan we agree the pilot scope by Friday? Beatriz owns the budget.\n\n"
            "Odile");
  EXPECT_EQ(odile.line, 5u);
  EXPECT_EQ(odile.quoted_in, -1);

  const auto& tomasz = doc.messages[1];
  EXPECT_EQ(tomasz.line, 14u);
  // A rule inside a body is the body's; only the one before the next header ends it.
  EXPECT_EQ(tomasz.body,
            "Friday works. Ruairí Dunne will join from our side.\n\n---\n\n"
            "Tomasz Wren | Quillfeather Systems");
  EXPECT_EQ(doc.messages[2].quoted_in, 1);
  EXPECT_EQ(doc.messages[2].depth, 1);
  EXPECT_EQ(doc.messages[2].date, "2026-01-20T09:14");
  EXPECT_EQ(doc.messages[2].body, "Tomasz, Ines,\n\nCan we agree the pilot scope by Friday?");
  EXPECT_EQ(doc.messages[2].line, 23u);

  const auto& ines = doc.messages[3];
  EXPECT_EQ(ines.from.name, "Kowalczyk, Ines");
  EXPECT_EQ(ines.subject, "RE: Lighthouse pilot scope");
  EXPECT_EQ(ines.body, "Agreed, see the thread below.");
  EXPECT_EQ(ines.quoted_in, -1);

  const auto& outlook = doc.messages[4];
  EXPECT_EQ(outlook.from.address, "tomasz@quillfeather.com");
  EXPECT_EQ(outlook.date, "2026-01-20T11:02");
  ASSERT_EQ(outlook.to.size(), 2u);
  EXPECT_EQ(outlook.to[1].name, "Kowalczyk, Ines");
  ASSERT_EQ(outlook.cc.size(), 1u);
  EXPECT_EQ(outlook.cc[0].name, "Ruairí Dunne");
  EXPECT_EQ(outlook.quoted_in, 3);
  EXPECT_EQ(outlook.body, "Friday works.");
  EXPECT_EQ(doc.messages[5].quoted_in, 4);
  EXPECT_EQ(doc.messages[5].depth, 2);
  EXPECT_EQ(doc.messages[5].body, "Can we agree the pilot scope by Friday?");

  for (std::size_t k = 0; k < doc.messages.size(); ++k) {
    EXPECT_EQ(doc.messages[k].position, static_cast<int>(k));
  }
}

TEST(EmailExport, SplitsAnExportThatLostItsNewlines) {
  std::string text = fixture("export_flattened_nested_quotes.md");
  ASSERT_EQ(text.find('\n'), std::string::npos) << "the fixture must be one line";
  doc::Document doc = parse(text, 7);
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  EXPECT_EQ(doc.title, "Re: Lighthouse budget");
  ASSERT_EQ(doc.messages.size(), 6u);
  for (const auto& m : doc.messages)
    EXPECT_EQ(m.line, 7u);  // the only line

  const auto& beatriz = doc.messages[0];
  EXPECT_EQ(beatriz.from.address, "beatriz@bramblewood.io");
  EXPECT_EQ(beatriz.date, "2026-01-26T17:05:09");
  EXPECT_EQ(beatriz.subject, "Re: Lighthouse budget");
  EXPECT_EQ(beatriz.body, "Approved up to 40k. Odile signs the order.\n\nBeatriz");

  const auto& tomasz = doc.messages[1];
  EXPECT_EQ(tomasz.from.name, "Tomasz Wren");
  EXPECT_EQ(tomasz.date, "2026-01-26T15:40");
  ASSERT_EQ(tomasz.to.size(), 1u);
  EXPECT_EQ(tomasz.to[0].address, "beatriz@bramblewood.io");
  ASSERT_EQ(tomasz.cc.size(), 2u);
  EXPECT_EQ(tomasz.cc[0].name, "Okafor, Chidi");
  EXPECT_EQ(tomasz.cc[0].address, "chidi.okafor@quillfeather.com");
  EXPECT_EQ(tomasz.cc[1].address, "ruairi@quillfeather.com");
  EXPECT_EQ(tomasz.subject, "Re: Lighthouse budget");
  EXPECT_EQ(tomasz.body, "The quote is attached -> 38k for the pilot.");
  EXPECT_EQ(tomasz.quoted_in, 0);

  const auto& odile = doc.messages[2];
  EXPECT_EQ(odile.from.name, "Odile Marchetti");
  EXPECT_EQ(odile.date, "2026-01-26T09:12");
  EXPECT_EQ(odile.body, "Tomasz, what would the pilot cost? 5 > 3 nodes is fine.");
  EXPECT_EQ(odile.quoted_in, 1);
  EXPECT_EQ(odile.depth, 2);

  const auto& ines = doc.messages[3];
  EXPECT_EQ(ines.from.name, "Ines Kowalczyk");
  EXPECT_EQ(ines.date, "2026-01-25T18:20:00");
  EXPECT_EQ(ines.subject, "Lighthouse budget");
  EXPECT_EQ(ines.body, "Odile, please get a quote.");
  EXPECT_EQ(ines.quoted_in, 2);
  EXPECT_EQ(ines.depth, 3);

  // The second message: its subject repeats the title and its quote has no '>' at all.
  EXPECT_EQ(doc.messages[4].quoted_in, -1);
  EXPECT_EQ(doc.messages[4].date, "2026-01-27T08:01:30");
  EXPECT_EQ(doc.messages[4].subject, "Re: Lighthouse budget");
  EXPECT_EQ(doc.messages[4].body, "Thanks Beatriz, ordering today.");
  EXPECT_EQ(doc.messages[5].from.name, "Beatriz Lund");
  EXPECT_EQ(doc.messages[5].date, "2026-01-26T17:05");
  EXPECT_EQ(doc.messages[5].body, "Approved up to 40k.");
  EXPECT_EQ(doc.messages[5].quoted_in, 4);
}

TEST(EmailExport, ADatedHeadingInsideABodyLineDoesNotMakeTheExportFlattened) {
  doc::Document doc = parse(
      "# T\n## 2026-01-02 10:00 — a@x.io\n**Subject:** T\n\nsee the log at ## 2026-01-01 09:00 "
      "for > details\n> quoted\n");
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].line, 2u);
  EXPECT_EQ(doc.messages[0].body, "see the log at ## 2026-01-01 09:00 for > details");
}

TEST(EmailExport, FlattenedSubjectUnlikeTheTitleEndsAtTheFirstQuote) {
  doc::Document doc = parse(
      "# Budget- Messages: 1---## 2026-01-02 10:00:00 — Ines <ines@x.io>**Subject:** Other "
      "words> Quoted own text.---");
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].subject, "Other words");
  EXPECT_EQ(doc.messages[0].body, "Quoted own text.");
}

TEST(EmailExport, FlattenedSubjectWithNoEndIsWarned) {
  doc::Document doc = parse(
      "# Budget- Messages: 1---## 2026-01-02 10:00:00 — Ines <ines@x.io>**Subject:** Other "
      "wordsAnd the body---");
  ASSERT_EQ(doc.messages.size(), 1u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].line, 1u);
}

TEST(EmailExport, AWrongMessageCountIsWarnedAtItsLine) {
  doc::Document doc = parse(
      "# T\n- Exported: 2026-01-01 00:00:00\n- Messages: 3\n---\n"
      "## 2026-01-02 10:00:00 — Ines <ines@x.io>\n**Subject:** T\n\nhi\n---\n",
      20);
  ASSERT_EQ(doc.messages.size(), 1u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].file, "Email/thread.md");
  EXPECT_EQ(doc.warnings[0].line, 22u);
  EXPECT_NE(doc.warnings[0].message.find("3"), std::string::npos);
}

TEST(EmailExport, BadHeadersAreWarnedAndTheRestRead) {
  doc::Document doc = parse(
      "# T\n## 2026-13-45 10:00 — Ines <ines@x.io>\nfirst\n---\n"
      "## 2026-01-02 10:00 —\nsecond\n---\n"
      "## 2026-01-03 10:00 - tomasz@x.io\nthird\n");
  ASSERT_EQ(doc.messages.size(), 3u);
  EXPECT_EQ(doc.messages[0].date, "");
  EXPECT_EQ(doc.messages[0].body, "first");
  EXPECT_EQ(doc.messages[2].from.address, "tomasz@x.io");
  EXPECT_EQ(doc.messages[2].date, "2026-01-03T10:00");
  ASSERT_EQ(doc.warnings.size(), 2u);
  EXPECT_EQ(doc.warnings[0].line, 2u);
  EXPECT_EQ(doc.warnings[1].line, 5u);
}

TEST(EmailExport, NoMessagesIsAWarningNotACrash) {
  doc::Document doc = parse("# Just a title\n- Messages: 2\n");
  EXPECT_TRUE(doc.messages.empty());
  ASSERT_EQ(doc.warnings.size(), 1u);
  doc = parse("");
  EXPECT_TRUE(doc.messages.empty());
}

TEST(EmailExport, FrontmatterTitleWins) {
  doc::Document doc;
  doc.properties["title"] = Value("Lighthouse thread");
  doc.title = "Lighthouse thread";
  parse_email_export("# Re: Lighthouse\n## 2026-01-02 10:00 — a@x.io\nhi\n", 5, "t.md", doc);
  EXPECT_EQ(doc.title, "Lighthouse thread");
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].line, 6u);
}

TEST(EmailExport, HostileFlattenedInputStaysLinear) {
  std::string text = "# T- Messages: 1---## 2026-01-02 10:00:00 — A <a@x.io>**Subject:** T";
  for (int k = 0; k < 2000; ++k) {
    text +=
        "> > From: B <b@x.io>> Sent: Friday, December 12, 2025 at 12:18 PM> On Fri, Dec 12, "
        "2025 at 10:15 AM C <c@x.io> wrote:> <<>>--> x";
  }
  doc::Document doc = parse(text);
  ASSERT_FALSE(doc.messages.empty());
  EXPECT_EQ(doc.messages.size(), 1u + 2u * 2000u);
  EXPECT_EQ(doc.messages.back().depth, 4000);
}

TEST(EmailExport, EveryTruncationIsReadWithoutCrashing) {
  for (const char* name :
       {"export_flattened_nested_quotes.md", "export_three_messages_with_quotes.md"}) {
    std::string text = fixture(name);
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
      doc::Document doc = parse(std::string_view(text).substr(0, cut));
      for (const auto& m : doc.messages) {
        ASSERT_GE(m.line, 1u) << name << " cut at " << cut;
        ASSERT_LT(m.quoted_in, static_cast<int>(doc.messages.size()));
      }
    }
  }
}

// The example vault's thread export that lost its newlines (see examples/README.md).
std::filesystem::path shared_email_folder() {
  const char* shared = std::getenv("KITH_SHARED_DIR");
  std::filesystem::path root = shared != nullptr
                                   ? std::filesystem::path(shared)
                                   : std::filesystem::path(KITH_SOURCE_DIR "/../shared");
  return root / "examples" / "vault" / "Email";
}

TEST(EmailExport, ExampleVaultOneLineExportHoldsFourMessages) {
  auto path = shared_email_folder() / "Re-Halyard-Northwind-December-8th-EoD-update.md";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  std::string text = read_file(path);
  ASSERT_TRUE(looks_like_email_export(text));
  doc::Document doc = parse(text);
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  ASSERT_EQ(doc.messages.size(), 4u);
  for (const auto& m : doc.messages)
    EXPECT_EQ(m.line, 1u);

  const auto& marcus = doc.messages[0];
  EXPECT_EQ(marcus.from.name, "Marcus Feld");
  EXPECT_EQ(marcus.from.address, "marcus@northwinddata.com");
  EXPECT_EQ(marcus.date.substr(0, 16), "2025-12-21T07:52");
  EXPECT_TRUE(marcus.to.empty());
  EXPECT_EQ(marcus.depth, 0);
  EXPECT_EQ(marcus.body.find("From:"), std::string::npos);

  const auto& priya = doc.messages[1];
  EXPECT_EQ(priya.from.name, "Priya Raman");
  EXPECT_EQ(priya.from.address, "priya.raman@northwinddata.com");
  EXPECT_EQ(priya.date, "2025-12-12T12:18");
  ASSERT_EQ(priya.to.size(), 1u);
  EXPECT_EQ(priya.to[0].name, "Dana Whitlock");
  ASSERT_EQ(priya.cc.size(), 4u);
  EXPECT_EQ(priya.cc[0].name, "Marcus Feld");
  EXPECT_EQ(priya.cc[1].name, "Elan Brook");
  EXPECT_EQ(priya.cc[2].name, "Ori Sharon");
  EXPECT_EQ(priya.cc[3].name, "Jónas Eiríksson");
  EXPECT_EQ(priya.cc[3].address, "jonas@northwinddata.com");
  EXPECT_EQ(priya.quoted_in, 0);
  EXPECT_NE(priya.body.find("1) The final decision is Wen's\n2) Ian can't be trusted."),
            std::string::npos);
  EXPECT_EQ(priya.body.find("wrote:"), std::string::npos);

  const auto& dana = doc.messages[2];
  EXPECT_EQ(dana.from.name, "Dana Whitlock");
  EXPECT_EQ(dana.from.address, "dana.whitlock@northwinddata.com");
  EXPECT_EQ(dana.date, "2025-12-12T10:15");
  EXPECT_EQ(dana.quoted_in, 1);

  const auto& first = doc.messages[3];
  EXPECT_EQ(first.from.name, "Marcus Feld");
  EXPECT_EQ(first.date, "2025-12-12T08:37");
  EXPECT_EQ(first.quoted_in, 2);
  EXPECT_EQ(first.depth, 3);
}

TEST(EmailExport, ExampleVaultIntroductionExport) {
  auto path = shared_email_folder() / "Intro-Leo-Hart-meets-Arjun-Patel.md";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  doc::Document doc = parse(read_file(path));
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  ASSERT_EQ(doc.messages.size(), 3u);
  EXPECT_EQ(doc.messages[0].from.name, "Leo Hart");
  EXPECT_EQ(doc.messages[0].subject, "Intro: Priya <> Arjun");
  EXPECT_EQ(doc.messages[1].from.address, "arjun.patel@fabrikam.com");
  EXPECT_EQ(doc.messages[1].body,
            "Thanks Leo (moving you to bcc). Priya, coffee on January 7 in Lafayette?");
  EXPECT_EQ(doc.messages[2].from.name, "Leo Hart");
  EXPECT_EQ(doc.messages[2].quoted_in, 1);
  EXPECT_EQ(doc.messages[2].date, "2025-12-18T16:02");
}

}  // namespace
}  // namespace kith::loaders
