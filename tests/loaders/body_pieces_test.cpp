#include "loaders/body_pieces.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace kith::loaders {
namespace {

std::string joined(const std::vector<BodyPiece>& pieces) {
  std::string out;
  for (const BodyPiece& p : pieces)
    out += p.text;
  return out;
}

// The body line each piece starts on, counted afresh.
void expect_lines_right(std::string_view body, const std::vector<BodyPiece>& pieces) {
  for (const BodyPiece& p : pieces) {
    const std::size_t offset = static_cast<std::size_t>(p.text.data() - body.data());
    const auto line = 1 + std::count(body.begin(), body.begin() + static_cast<long>(offset), '\n');
    EXPECT_EQ(p.line, static_cast<std::uint32_t>(line)) << "piece at byte " << offset;
  }
}

// Byte offsets in `body` where a piece starts, the first excepted.
std::vector<std::size_t> cuts(std::string_view body, const std::vector<BodyPiece>& pieces) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < pieces.size(); ++i)
    out.push_back(static_cast<std::size_t>(pieces[i].text.data() - body.data()));
  return out;
}

TEST(BodyPieces, ABodyOfOrdinarySizeIsOnePiece) {
  const std::string body = "# Title\n\nWen Li reports to Priya Raman.\n";
  const auto pieces = body_pieces(body);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].text, body);
  EXPECT_EQ(pieces[0].line, 1u);
}

TEST(BodyPieces, PiecesAreTheWholeBodyCutBetweenBlocks) {
  std::string body;
  for (int i = 0; i < 2000; ++i)
    body += "## Meeting " + std::to_string(i) +
            "\n\nWen Li reports to Priya Raman.\nShe said so twice.\n\n- [ ] Send the deck "
            "@Wen Li\n- Ask [[Priya Raman]]\n\n";
  const auto pieces = body_pieces(body, 0, 4096);
  EXPECT_EQ(joined(pieces), body);
  EXPECT_GT(pieces.size(), body.size() / 8192);
  expect_lines_right(body, pieces);
  for (const BodyPiece& p : pieces) {
    EXPECT_LE(p.text.size(), 4096u + 200u);
    // Every cut comes before a heading, a paragraph after a blank line, or a bullet item.
    const char first = p.text.front();
    EXPECT_TRUE(first == '#' || first == 'W' || first == '-') << p.text.substr(0, 40);
  }
}

TEST(BodyPieces, NeverCutsInsideFencedCodeOrAnHtmlComment) {
  std::string fence = "```text\n";
  std::string comment = "<!-- kept out\n";
  for (int i = 0; i < 3000; ++i) {
    fence += "Line of code\n\n";
    comment += "Hidden line\n\n";
  }
  fence += "```\n\n";
  comment += "-->\n\n";
  std::string body =
      "Intro paragraph.\n\n" + fence + "After the fence.\n\n" + comment + "After the comment.\n";
  const auto pieces = body_pieces(body, 0, 4096);
  EXPECT_EQ(joined(pieces), body);
  expect_lines_right(body, pieces);
  const std::size_t fence_begin = body.find("```text");
  const std::size_t fence_end = body.find("```\n\n", fence_begin + 3) + 3;
  const std::size_t comment_begin = body.find("<!--");
  const std::size_t comment_end = body.find("-->") + 3;
  for (std::size_t at : cuts(body, pieces)) {
    EXPECT_FALSE(at > fence_begin && at < fence_end) << at;
    EXPECT_FALSE(at > comment_begin && at < comment_end) << at;
  }
  EXPECT_FALSE(cuts(body, pieces).empty());
}

TEST(BodyPieces, ALineLongerThanAPieceIsCutBetweenWordsOutsideLinksAndCode) {
  std::string line;
  while (line.size() < 100'000)
    line += "met [[Priya Raman]] about `the renewal plan` and **the price** then ";
  const std::string body = "Intro.\n\n" + line + "\nLast line.\n";
  const auto pieces = body_pieces(body, 0, 4096);
  EXPECT_EQ(joined(pieces), body);
  expect_lines_right(body, pieces);
  ASSERT_GT(pieces.size(), 10u);
  for (std::size_t at : cuts(body, pieces)) {
    const std::string_view before = std::string_view(body).substr(0, at);
    EXPECT_EQ(std::count(before.begin(), before.end(), '['),
              std::count(before.begin(), before.end(), ']'))
        << at;
    EXPECT_EQ(std::count(before.begin(), before.end(), '`') % 2, 0) << at;
  }
  for (const BodyPiece& p : pieces)
    EXPECT_LE(p.text.size(), 4096u + 200u);
}

TEST(BodyPieces, AStrayBracketDoesNotStopTheCuts) {
  std::string line = "an [unclosed bracket ";
  while (line.size() < 100'000)
    line += "and more words ";
  const auto pieces = body_pieces(line, 0, 4096);
  EXPECT_EQ(joined(pieces), line);
  EXPECT_GT(pieces.size(), 10u);
}

}  // namespace
}  // namespace kith::loaders
