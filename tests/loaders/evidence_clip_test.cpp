#include "loaders/evidence_clip.hpp"

#include <gtest/gtest.h>

#include <string>

#include "loaders/utf8_validate.hpp"

namespace kith::loaders {
namespace {

TEST(EvidenceClip, ASentenceKeepsEveryByte) {
  const std::string sentence = "Wen Li reports to Priya Raman since March.";
  EXPECT_EQ(clip_evidence_text(sentence), sentence);
  const std::string exactly(kMaxEvidenceBytes, 'a');
  EXPECT_EQ(clip_evidence_text(exactly), exactly);
}

TEST(EvidenceClip, AWallOfTextEndsOnAWordWithAnEllipsis) {
  std::string wall;
  while (wall.size() < 100'000)
    wall += "Wen Li met Priya Raman ";
  const std::string clipped = clip_evidence_text(wall);
  EXPECT_LE(clipped.size(), kMaxEvidenceBytes + std::string(" …").size());
  EXPECT_GE(clipped.size(), kMaxEvidenceBytes - 80);
  EXPECT_TRUE(clipped.ends_with(" …")) << clipped.substr(clipped.size() - 20);
  EXPECT_EQ(wall.compare(0, clipped.size() - 4, clipped, 0, clipped.size() - 4), 0);
  EXPECT_NE(clipped[clipped.size() - 5], ' ');
}

TEST(EvidenceClip, NeverCutsACharacterInTwo) {
  // No spaces to fall back on: the cut must land between characters.
  for (const std::string ch : {"é", "李", "😀"}) {
    std::string wall;
    while (wall.size() < 10'000)
      wall += ch;
    const std::string clipped = clip_evidence_text(wall);
    EXPECT_TRUE(is_valid_utf8(clipped)) << ch;
    EXPECT_LE(clipped.size(), kMaxEvidenceBytes + std::string(" …").size());
  }
}

}  // namespace
}  // namespace kith::loaders
