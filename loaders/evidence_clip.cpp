#include "loaders/evidence_clip.hpp"

namespace kith::loaders {

std::string clip_evidence_text(std::string text) {
  if (text.size() <= kMaxEvidenceBytes) return text;
  std::size_t cut = kMaxEvidenceBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  // Prefer to end on a word: look back a little for a space.
  constexpr std::size_t kWordLookBack = 80;
  for (std::size_t i = cut; i > 0 && cut - i < kWordLookBack; --i) {
    if (text[i - 1] == ' ') {
      cut = i - 1;
      break;
    }
  }
  text.resize(cut);
  text += " …";
  return text;
}

}  // namespace kith::loaders
