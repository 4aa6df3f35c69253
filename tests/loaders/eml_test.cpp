#include "loaders/eml.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "loaders/html_text.hpp"

namespace kith::loaders {
namespace {

doc::Document read_fixture(std::string_view name) {
  std::ifstream in(std::filesystem::path(KITH_FIXTURES) / "email" / name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_FALSE(bytes.str().empty()) << name;
  doc::Document doc;
  read_eml(bytes.str(), name, doc);
  return doc;
}

doc::Document read_text(std::string_view bytes) {
  doc::Document doc;
  read_eml(bytes, "Mail/inline.eml", doc);
  return doc;
}

TEST(Eml, MultipartAlternativePrefersPlainTextAndDecodesEverything) {
  doc::Document doc = read_fixture("multipart_alternative_qp_encoded_words.eml");
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  EXPECT_EQ(doc.kind, doc::NoteKind::EmailThread);
  EXPECT_EQ(doc.title, "Réunion Lighthouse — prochaines étapes");
  ASSERT_EQ(doc.messages.size(), 2u);
  const auto& m = doc.messages[0];
  EXPECT_EQ(m.from.name, "Renée Fjørd");  // an ISO-8859-1 encoded word
  EXPECT_EQ(m.from.address, "renee.fjord@bramblewood.io");
  EXPECT_EQ(m.subject, doc.title);
  EXPECT_EQ(m.date, "2026-02-05T09:30:15");
  ASSERT_EQ(m.to.size(), 2u);
  EXPECT_EQ(m.to[1].name, "Okafor, Chidi");
  ASSERT_EQ(m.cc.size(), 1u);
  EXPECT_EQ(m.cc[0].name, "Ruairí Dunne");
  // Quoted-printable undone, soft line break joined, the quoted reply taken out.
  EXPECT_NE(m.body.find("La réunion est confirmée pour jeudi à 10h. This line is long enough that "
                        "quoted-printable must wrap it with a soft line break somewhere in the "
                        "middle of it."),
            std::string::npos);
  EXPECT_EQ(m.body.find("Can we meet"), std::string::npos);
  EXPECT_EQ(m.body.find("<p>"), std::string::npos);
  EXPECT_EQ(m.line, 1u);

  const auto& quoted = doc.messages[1];
  EXPECT_EQ(quoted.from.name, "Tomasz Wren");
  EXPECT_EQ(quoted.from.address, "tomasz@quillfeather.com");
  EXPECT_EQ(quoted.date, "2026-02-04T16:12");
  EXPECT_EQ(quoted.body, "Can we meet on Thursday?\n\nTomasz");
  EXPECT_EQ(quoted.quoted_in, 0);
  EXPECT_EQ(quoted.depth, 1);
}

TEST(Eml, Base64HtmlBodyBecomesTextAndItsBlockquoteAQuotedMessage) {
  doc::Document doc = read_fixture("base64_html_only_blockquote.eml");
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  ASSERT_EQ(doc.messages.size(), 2u);
  EXPECT_EQ(doc.messages[0].body, "Thanks & see you at the kick-off <Thursday>.\nInes");
  EXPECT_EQ(doc.messages[0].date, "2026-02-02T11:47:00");
  EXPECT_EQ(doc.messages[1].from.name, "Beatriz Lund");
  EXPECT_EQ(doc.messages[1].from.address, "beatriz@bramblewood.io");
  EXPECT_EQ(doc.messages[1].body, "Kick-off is on Thursday.\nBeatriz");
}

TEST(Eml, Latin1BodyAndHeaderAreConvertedToUtf8) {
  doc::Document doc = read_fixture("latin1_body_8bit_crlf.eml");
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.title, "Café in Lyon");
  EXPECT_EQ(doc.messages[0].body, "Ruairí, le café est à côté de la gare.\n\nOdile");
  ASSERT_EQ(doc.messages[0].to.size(), 1u);
  EXPECT_EQ(doc.messages[0].to[0].name, "");
  EXPECT_EQ(doc.messages[0].to[0].address, "ruairi@quillfeather.com");
}

TEST(Eml, UndeclaredEightBitTextIsRepairedNotDropped) {
  doc::Document doc = read_text(
      "From: a@x.io\nSubject: s\nDate: Tue, 10 Feb 2026 14:05:00 +0100\n"
      "Content-Type: text/plain\n\nd\xe9j\xe0 vu\n");
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].body, "déjà vu");
}

TEST(Eml, InlineForwardedMessageIsQuoted) {
  doc::Document doc = read_fixture("forwarded_inline.eml");
  ASSERT_EQ(doc.messages.size(), 2u);
  EXPECT_EQ(doc.messages[0].body, "Odile, can you approve this one?");
  const auto& fwd = doc.messages[1];
  EXPECT_EQ(fwd.from.name, "Accounts Quillfeather");
  EXPECT_EQ(fwd.from.address, "billing@quillfeather.com");
  EXPECT_EQ(fwd.date, "2026-02-10T18:30");
  EXPECT_EQ(fwd.subject, "Lighthouse invoice");
  ASSERT_EQ(fwd.to.size(), 1u);
  ASSERT_EQ(fwd.cc.size(), 1u);
  EXPECT_EQ(fwd.cc[0].address, "tomasz@quillfeather.com");
  EXPECT_EQ(fwd.body, "Invoice 118 for the pilot is attached.");
  EXPECT_EQ(fwd.quoted_in, 0);
  // Unencoded single-part body: the header's line in the file.
  EXPECT_EQ(fwd.line, 10u);
}

TEST(Eml, AttachedMessageIsQuotedByTheOneCarryingIt) {
  doc::Document doc = read_fixture("forwarded_as_attachment.eml");
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0].message;
  ASSERT_EQ(doc.messages.size(), 2u);
  EXPECT_EQ(doc.messages[0].body, "See the attached message from Tomasz.");
  const auto& inner = doc.messages[1];
  EXPECT_EQ(inner.from.name, "Tomasz Wren");
  EXPECT_EQ(inner.subject, "Pilot hardware list");
  EXPECT_EQ(inner.date, "2026-02-06T16:20:00");
  EXPECT_EQ(inner.body, "Six nodes, two switches.");
  EXPECT_EQ(inner.quoted_in, 0);
  EXPECT_EQ(inner.depth, 1);
}

TEST(Eml, TruncatedMessageKeepsWhatItHas) {
  doc::Document doc = read_fixture("truncated_multipart.eml");
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].subject, "Budget notes");
  EXPECT_EQ(doc.messages[0].body.rfind("The budget is 40k", 0), 0u);

  doc = read_text("From: Ines <ines@x.io>\nSubj");
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].from.address, "ines@x.io");
  EXPECT_FALSE(doc.warnings.empty());  // no Date
}

TEST(Eml, NotAMessageGivesAWarningAndNoMessage) {
  for (const char* name : {"no_headers.eml", "binary_junk.eml"}) {
    doc::Document doc = read_fixture(name);
    EXPECT_TRUE(doc.messages.empty()) << name;
    ASSERT_EQ(doc.warnings.size(), 1u) << name;
    EXPECT_EQ(doc.warnings[0].file, name);
  }
  doc::Document doc = read_text("");
  EXPECT_TRUE(doc.messages.empty());
  EXPECT_EQ(doc.warnings.size(), 1u);
}

TEST(Eml, EveryTruncationIsReadWithoutCrashing) {
  std::ifstream in(std::filesystem::path(KITH_FIXTURES) / "email" / "forwarded_as_attachment.eml",
                   std::ios::binary);
  std::stringstream stream;
  stream << in.rdbuf();
  std::string bytes = stream.str();
  ASSERT_FALSE(bytes.empty());
  for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
    doc::Document doc = read_text(std::string_view(bytes).substr(0, cut));
    // Either a message was read or the file was said not to be one.
    ASSERT_TRUE(!doc.messages.empty() || !doc.warnings.empty()) << "cut at " << cut;
  }
}

TEST(Eml, UnreadableDateIsWarnedAndLeftEmpty) {
  doc::Document doc = read_fixture("unreadable_date.eml");
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].date, "");
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].message.find("sometime next week"), std::string::npos);
}

TEST(Eml, DeeplyNestedMultipartsDoNotCrash) {
  std::string bytes = "From: a@x.io\nSubject: nest\nDate: Tue, 10 Feb 2026 14:05:00 +0100\n";
  constexpr int kDepth = 200;
  for (int k = 0; k < kDepth; ++k) {
    bytes += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(k) + "\"\n\n--b" +
             std::to_string(k) + "\n";
  }
  bytes += "Content-Type: text/plain\n\ndeep\n";
  doc::Document doc = read_text(bytes);
  ASSERT_EQ(doc.messages.size(), 1u);
  EXPECT_EQ(doc.messages[0].subject, "nest");
}

TEST(Eml, ReadsFromManyThreadsAtOnce) {
  std::string bytes =
      "From: =?UTF-8?Q?Zo=C3=AB?= <zoe@x.io>\nSubject: hi\nDate: Tue, 10 Feb 2026 14:05:00 +0100\n"
      "\nhello\n";
  std::vector<std::string> names(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < names.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 50; ++k) {
        doc::Document doc;
        read_eml(bytes, "t.eml", doc);
        if (!doc.messages.empty()) names[t] = doc.messages[0].from.name;
      }
    });
  }
  for (auto& th : threads)
    th.join();
  for (const auto& n : names)
    EXPECT_EQ(n, "Zoë");
}

TEST(HtmlText, KeepsTextStructureAndQuotes) {
  EXPECT_EQ(html_to_text("<p>One &amp; two</p><p>three&nbsp;four<br>five</p>"),
            "One & two\nthree four\nfive");
  EXPECT_EQ(
      html_to_text("<div>a</div><blockquote><div>b</div><blockquote>c</blockquote></blockquote>"),
      "a\n> b\n> > c");
  EXPECT_EQ(html_to_text("<style>p{}</style><SCRIPT>x<y</SCRIPT>ok &#233;&#x4E2D; 5 < 6"),
            "ok é中 5 < 6");
  EXPECT_EQ(html_to_text("<a href=\"x>y\">link</a> <!-- hidden --> text"), "link text");
  EXPECT_EQ(html_to_text("unclosed <b"), "unclosed");
}

}  // namespace
}  // namespace kith::loaders
