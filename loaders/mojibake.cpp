// How mojibake is recognised
// ==========================
//
// Mojibake is UTF-8 whose bytes were read one by one as Windows-1252 (or Latin-1) or as
// Mac Roman and written out again as UTF-8: each character of the original became two to
// four characters, one per byte. To undo it we map characters back to the bytes they were
// read from and decode those bytes as UTF-8. The hard part is deciding *when* to, because
// every character involved (é, Ã, √, π, ’, …) also occurs in correct text.
//
// Units. In each encoding, a unit is a run of characters whose bytes form exactly one
// well-formed UTF-8 multi-byte sequence: a lead byte (C2..F4) and the right number of
// continuation bytes (80..BF), no overlong form, no surrogate, nothing above U+10FFFF,
// decoding to an assigned character that is not a control (but see "garbled twice"), a
// surrogate or private use. A segment is a run of adjacent units of one encoding; it ends
// before a unit that could not stand there in clean text: a character of another script
// than the segment's so far; a combining mark without a base (a two-byte one needs a
// letter, and must be a diacritic decomposed Latin, Greek or Cyrillic uses, or a sign of
// the letter's own script); or a two-byte letter outside the core of a living alphabet
// (Latin-1, Latin Extended-A and a few more, basic Greek, Cyrillic, Armenian, Hebrew,
// Arabic, Syriac, Thaana, NKo): "«école»" read as Mac Roman would give "ǎcole" and "CAFÉ”"
// read as Windows-1252 "CAFɔ", both refused. ASCII never takes part, so a line without a
// byte >= 0x80 is never touched, and a lone lead ("Âge", "SÃO", "√2") or a lone
// continuation character ("≤") is no unit at all. "Script" here is coarse: a letter's
// block, and also that of the signs and digits a script's own blocks hold (Armenian ՜).
//
// Evidence. A segment is repaired when it carries enough of it:
//  1. Strong, repaired whatever surrounds it:
//     - a unit holds a character clean text never does: a C1 control (how Windows reads
//       the five bytes Windows-1252 leaves undefined, and how Latin-1 reads 80..9F), or
//       U+F8FF (Mac Roman's reading of F0) leading a four-byte unit;
//     - a four-byte unit (four characters in a row spelling one supplementary character);
//     - a three-byte unit decoding to U+2000..U+2BFF ("â€™" -> ’, "‚è´" -> ⏫, "‚Ñù" ->
//       ℝ) or to punctuation of the CJK, fullwidth and specials blocks;
//     - Windows-1252 "â€" whose final byte 9D (undefined, often dropped) was lost -> ”;
//     - the Mac Roman emoji whose leading U+F8FF was lost (editors and exports drop it,
//       as most fonts draw it as nothing): "ü" (9F) and two continuation characters, read
//       as F0 9F xx xx, when that is an emoji-plane symbol (So/Sk, U+1F000..U+1FAFF) and
//       the segment touches no letter on either side. The last condition matters: Turkish
//       "küçük" holds "üçü", which would read as 🍟.
//  2. Otherwise the segment is weak. A single unit is refused when it sits between letters
//     of another script ("ÈÉÆ" in "KÈÉÆØ" would be 郮), or touches one and could itself be
//     clean text, being two-byte or a Windows-1252 letter followed by two punctuation
//     marks ("l’ús" read as Mac Roman puts an Armenian sign among Latin letters, "été…»"
//     read as Windows-1252 a Han character after "ét"); also when it would continue an
//     all-capitals word in lower case ("IRMÃ" + no-break space is not "IRMà"). Two units
//     or more in a row are anchored (repaired on their own); so is a single unit unless:
//     - it is a Mac Roman pair of mathematical symbols ("√π", "√∏", "≈∑", "¬∞"), as
//       likely a formula as a misread letter. It is anchored inside a word or at the edge
//       of a word of two letters or more ("Str√∏m", "Malm√∂", "√∫ltimo"), needs line
//       evidence next to a lone letter ("o√π" is où, but "x≈π" a formula), and is never
//       repaired touching no letter ("√π", "2√π"). "¬" (C2) leads the Latin-1 symbols,
//       so "¬∞" is anchored next to a digit or letter ("45¬∞", "¬∞C");
//     - it ends in closing punctuation (… ’ ” › » – —) with neither a letter nor an
//       opening bracket after it: a word followed by punctuation reads the same ("PÅ”");
//     - it decodes to a character of a script other than Latin and touches no letter: a
//       word of one letter, or a sign between words (Mac Roman "’ü" is Armenian ՟).
//     Those need line evidence: a segment of the same encoding on the same line repaired
//     on its own evidence, and of the same script if the segment holds punctuation
//     (which makes it likelier to be clean text: "’ü" in "%100’ü").
//  Between two readings of the same characters the one with more evidence wins, then the
//  one explaining more characters, then the one with fewer combining marks, then
//  Windows-1252. A run that was refused is refused whole (its later units would end at the
//  same place and be refused again, at a cost quadratic in its length).
//
// Garbled twice. A C1 control is what the first round of repairing twice-garbled
// Windows-1252 yields, so a unit may decode to one when the unit before it in the segment
// decoded to a character Windows-1252 reads from a byte >= 80 (the C1 control then
// completes a sequence for the next round). The whole procedure repeats until a round
// changes nothing, which makes it idempotent; each round shortens the text, so it ends.
//
// Measured on the 950,000 distinct non-ASCII lines of Debian's translation catalogues
// (/usr/share/locale): 3 lines changed, all three real Windows-1252 mojibake ("vÃ¦re");
// and 99.7% of 60,000 of those lines, garbled whole, came back exactly.
#include "loaders/mojibake.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "loaders/utf8_validate.hpp"

namespace kith::loaders {

namespace {

enum class Encoding : std::uint8_t { Windows1252 = 0, MacRoman = 1 };
constexpr int kEncodingCount = 2;

// What bytes 80..FF mean in Mac Roman (as Python's mac_roman codec and Apple's table say).
constexpr std::array<char32_t, 128> kMacRomanHigh = {
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3,
    0x00E5, 0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
    0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3,
    0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA,
    0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
    0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE,
    0x00CF, 0x00CC, 0x00D3, 0x00D4, 0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
    0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7};

// What bytes 80..9F mean in Windows-1252. The five undefined bytes are read as the C1
// controls of the same value, as Windows itself and Latin-1 readers do.
constexpr std::array<char32_t, 32> kWindows1252_80_9F = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr char32_t kAppleLogo = 0xF8FF;  // Mac Roman F0, drawn as nothing by most fonts
constexpr char32_t kNotAByte = 0xFFFFFFFF;

// Maps a character back to the byte (80..FF) one encoding reads as that character.
class ByteTable {
 public:
  explicit ByteTable(Encoding encoding) {
    low_.fill(-1);
    if (encoding == Encoding::Windows1252) {
      // Latin-1 readings of 80..9F (C1 controls) and A0..FF are the byte itself.
      for (int b = 0x80; b <= 0xFF; ++b)
        low_[b] = static_cast<std::int16_t>(b);
      for (int i = 0; i < 32; ++i)
        add(kWindows1252_80_9F[i], 0x80 + i);
    } else {
      for (int i = 0; i < 128; ++i)
        add(kMacRomanHigh[i], 0x80 + i);
      add(0x00A4, 0xDB);  // DB was the currency sign before Mac OS 8.5 made it the euro
    }
    std::sort(high_.begin(), high_.end());
  }

  int byte_of(char32_t c) const {
    if (c < 0x80) return -1;
    if (c < 0x100) return low_[c];
    if (c > high_.back().first || c < high_.front().first) return -1;
    const auto it = std::lower_bound(high_.begin(), high_.end(), std::make_pair(c, 0));
    return it != high_.end() && it->first == c ? it->second : -1;
  }

 private:
  void add(char32_t c, int byte) {
    if (c < 0x100) {
      low_[c] = static_cast<std::int16_t>(byte);
    } else {
      high_.emplace_back(c, byte);
    }
  }

  std::array<std::int16_t, 0x100> low_{};
  std::vector<std::pair<char32_t, int>> high_;
};

const ByteTable& byte_table(Encoding encoding) {
  static const ByteTable windows1252(Encoding::Windows1252);
  static const ByteTable mac_roman(Encoding::MacRoman);
  return encoding == Encoding::Windows1252 ? windows1252 : mac_roman;
}

bool is_continuation_byte(int b) {
  return b >= 0x80 && b <= 0xBF;
}

// --- character classes ----------------------------------------------------------------------

utf8proc_category_t category(char32_t c) {
  if (c > 0x10FFFF) return UTF8PROC_CATEGORY_CN;
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool is_letter(char32_t c) {
  const auto cat = category(c);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool is_mark(char32_t c) {
  const auto cat = category(c);
  return cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
}

bool is_space_or_control(char32_t c) {
  const auto cat = category(c);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC;
}

bool is_c1_control(char32_t c) {
  return c >= 0x80 && c <= 0x9F;
}

// clang-format off
enum Script : int { kNoScript = 0, kLatin, kGreek, kCyrillic, kArmenian, kHebrew, kArabic,
                    kSyriac, kThaana, kNko, kTibetan, kMyanmar, kGeorgian, kCjk, kEthiopic,
                    kCherokee, kCanadian, kYi };
// clang-format on

// The script a block of code points belongs to: a group number for the scripts listed
// (Han, kana and Hangul are one group since Japanese and Korean mix them), and the
// 128-code-point block for the rest, which for the scripts not listed is their own block.
int block_script(char32_t c) {
  struct Range {
    char32_t low, high;
    Script script;
  };
  static constexpr Range kRanges[] = {
      {0x0000, 0x02FF, kLatin},    {0x0370, 0x03FF, kGreek},    {0x0400, 0x052F, kCyrillic},
      {0x0530, 0x058F, kArmenian}, {0x0590, 0x05FF, kHebrew},   {0x0600, 0x06FF, kArabic},
      {0x0700, 0x074F, kSyriac},   {0x0750, 0x077F, kArabic},   {0x0780, 0x07BF, kThaana},
      {0x07C0, 0x07FF, kNko},      {0x0870, 0x08FF, kArabic},   {0x0F00, 0x0FFF, kTibetan},
      {0x1000, 0x109F, kMyanmar},  {0x10A0, 0x10FF, kGeorgian}, {0x1100, 0x11FF, kCjk},
      {0x1200, 0x139F, kEthiopic}, {0x13A0, 0x13FF, kCherokee}, {0x1400, 0x167F, kCanadian},
      {0x18B0, 0x18FF, kCanadian}, {0x1C80, 0x1C8F, kCyrillic}, {0x1C90, 0x1CBF, kGeorgian},
      {0x1D00, 0x1DBF, kLatin},    {0x1E00, 0x1EFF, kLatin},    {0x1F00, 0x1FFF, kGreek},
      {0x2C60, 0x2C7F, kLatin},    {0x2D00, 0x2D2F, kGeorgian}, {0x2D80, 0x2DDF, kEthiopic},
      {0x2DE0, 0x2DFF, kCyrillic}, {0x2E80, 0x9FFF, kCjk},      {0xA000, 0xA4CF, kYi},
      {0xA640, 0xA69F, kCyrillic}, {0xA720, 0xA7FF, kLatin},    {0xA960, 0xA97F, kCjk},
      {0xA9E0, 0xA9FF, kMyanmar},  {0xAA60, 0xAA7F, kMyanmar},  {0xAB00, 0xAB2F, kEthiopic},
      {0xAB30, 0xAB6F, kLatin},    {0xAB70, 0xABBF, kCherokee}, {0xAC00, 0xD7FF, kCjk},
      {0xF900, 0xFAFF, kCjk},      {0xFB00, 0xFB06, kLatin},    {0xFB13, 0xFB17, kArmenian},
      {0xFB1D, 0xFB4F, kHebrew},   {0xFB50, 0xFDFF, kArabic},   {0xFE70, 0xFEFF, kArabic},
      {0xFF21, 0xFF5A, kLatin},    {0xFF66, 0xFFDC, kCjk},      {0x20000, 0x3FFFF, kCjk},
  };
  for (const Range& r : kRanges) {
    if (c >= r.low && c <= r.high) return r.script;
  }
  return 1000 + static_cast<int>(c >> 7);
}

// A coarse script, enough to tell that two characters cannot share a word: that of a
// letter's block, and for the punctuation, digits and marks that a script's own blocks hold
// (Armenian ՜, Cyrillic ҂, Mongolian ᠖) that of their block too. Characters every script
// uses (ASCII punctuation and digits, U+2000 onwards, the combining diacritics) have none.
int script_of(char32_t c) {
  if (is_letter(c)) return block_script(c);
  if ((c >= 0x0370 && c <= 0x1AAF) || (c >= 0xA000 && c <= 0xABFF)) return block_script(c);
  return kNoScript;
}

// Whether a letter decoded from a two-byte unit is one that living alphabets use day to
// day (or one of the letters the two misreadings themselves produce, for text garbled
// twice). Two-byte units are the weakest evidence, and the rarer letters of the same blocks
// (IPA, click letters, Pinyin tone letters, historic Cyrillic) are exactly what correct
// text like "«école»" or "CAFÉ”" turns into when misread.
bool is_common_letter(char32_t c) {
  static constexpr std::pair<char32_t, char32_t> kCommon[] = {
      {0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA},  // ª µ º
      {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x017F},  // Latin-1, Latin Extended-A
      {0x018F, 0x018F}, {0x0192, 0x0192}, {0x01A0, 0x01A1},  // Ə ƒ Ơ ơ
      {0x01AF, 0x01B0}, {0x0218, 0x021B}, {0x0259, 0x0259},  // Ư ư Ș ș Ț ț ə
      {0x02BB, 0x02BC}, {0x02C6, 0x02C7},                    // ʻ ʼ ˆ ˇ
      {0x0386, 0x03CE},                                      // Greek
      {0x0400, 0x045F}, {0x0490, 0x04FF},                    // Cyrillic
      {0x0531, 0x0556}, {0x0561, 0x0587},                    // Armenian
      {0x05D0, 0x05F2},                                      // Hebrew
      {0x0620, 0x06FF},                                      // Arabic
      {0x0710, 0x074F}, {0x0780, 0x07B1}, {0x07CA, 0x07EA},  // Syriac, Thaana, NKo
  };
  return std::any_of(std::begin(kCommon), std::end(kCommon),
                     [c](const auto& range) { return c >= range.first && c <= range.second; });
}

// Three-byte units strong enough to stand on their own: U+2000..U+2BFF (punctuation,
// letterlike symbols such as ℝ, arrows, operators, shapes), led by E2 and read "â" or "‚",
// and the punctuation of the CJK, variation-selector, byte-order-mark, fullwidth and
// specials blocks. A lowercase accented letter or "‚" followed by two such characters is
// not how any language is written. Other three-byte decodings (a Mongolian digit from
// "á" + no-break space + "–" in Czech) are weak.
bool is_strong_three_byte(char32_t c) {
  const auto in = [c](char32_t low, char32_t high) { return c >= low && c <= high; };
  if (in(0x2000, 0x2BFF)) return true;
  return !is_letter(c) &&
         (in(0x3000, 0x303F) || in(0xFE00, 0xFE0F) || in(0xFE30, 0xFE6F) || c == 0xFEFF ||
          in(0xFF00, 0xFF65) || in(0xFFE0, 0xFFEF) || in(0xFFF9, 0xFFFD));
}

bool is_math_symbol(char32_t c) {
  constexpr std::u32string_view kMathSymbols = U"√≈∆¬ƒ÷◊∞±≤≥µ∂∑∏π∫Ω≠";
  return kMathSymbols.find(c) != std::u32string_view::npos;
}

// The punctuation, spaces and hyphens that sit next to letters in clean text.
bool is_punctuation(char32_t c) {
  constexpr std::u32string_view kPunctuation = U"…’”»›–—“‘„•·«‹¡¿\u00A0\u00AD";
  return kPunctuation.find(c) != std::u32string_view::npos;
}

bool is_closing_punctuation(char32_t c) {
  constexpr std::u32string_view kClosing = U"…’”›»–—";
  return kClosing.find(c) != std::u32string_view::npos;
}

bool is_windows1252_high(char32_t c) {
  return byte_table(Encoding::Windows1252).byte_of(c) >= 0x80;
}

// --- units and segments ---------------------------------------------------------------------

struct Char {
  char32_t code_point;
  std::uint32_t offset;  // in bytes, into the line
  std::uint8_t length;
};

struct Unit {
  std::uint32_t begin = 0, end = 0;  // character indices
  char32_t decoded = 0;
  std::uint8_t bytes = 0;   // length of the UTF-8 sequence the characters spelled
  bool proof = false;       // holds a character clean text never does
  bool lost_lead = false;   // Mac Roman emoji whose leading U+F8FF was lost
  bool lost_trail = false;  // Windows-1252 "â€" whose byte 9D was lost
};

enum class Evidence : std::uint8_t { Rejected, NeedsLineEvidence, Anchored, Strong };

std::optional<Unit> lost_lead_emoji(const std::vector<Char>& chars, std::uint32_t i) {
  if (i + 2 >= chars.size()) return std::nullopt;
  const ByteTable& table = byte_table(Encoding::MacRoman);
  const int b2 = table.byte_of(chars[i + 1].code_point);
  const int b3 = table.byte_of(chars[i + 2].code_point);
  if (!is_continuation_byte(b2) || !is_continuation_byte(b3)) return std::nullopt;
  const char32_t c = 0x1F000 | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
  const auto cat = category(c);
  if (c > 0x1FAFF || (cat != UTF8PROC_CATEGORY_SO && cat != UTF8PROC_CATEGORY_SK)) {
    return std::nullopt;
  }
  Unit unit;
  unit.begin = i;
  unit.end = i + 3;
  unit.decoded = c;
  unit.bytes = 4;
  unit.lost_lead = true;
  return unit;
}

// The unit of one encoding that starts at chars[i], if any. Checks only that the bytes
// spell one well-formed character that is not unassigned, private use or a surrogate.
std::optional<Unit> parse_unit(const std::vector<Char>& chars, std::uint32_t i, Encoding encoding) {
  const ByteTable& table = byte_table(encoding);
  const int lead = table.byte_of(chars[i].code_point);
  if (encoding == Encoding::MacRoman && lead == 0x9F) return lost_lead_emoji(chars, i);
  if (lead < 0xC2 || lead > 0xF4) return std::nullopt;
  const std::uint32_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

  char bytes[4] = {static_cast<char>(lead)};
  bool proof = chars[i].code_point == kAppleLogo || length == 4;
  for (std::uint32_t k = 1; k < length; ++k) {
    const int b = i + k < chars.size() ? table.byte_of(chars[i + k].code_point) : -1;
    if (!is_continuation_byte(b)) {
      // "â€" + (lost 9D): the right double quote, whose last byte Windows-1252 leaves
      // undefined and many converters drop.
      if (encoding == Encoding::Windows1252 && lead == 0xE2 && k == 2 &&
          static_cast<unsigned char>(bytes[1]) == 0x80) {
        Unit unit;
        unit.begin = i;
        unit.end = i + 2;
        unit.decoded = U'”';
        unit.bytes = 3;
        unit.lost_trail = true;
        return unit;
      }
      return std::nullopt;
    }
    bytes[k] = static_cast<char>(b);
    proof = proof || is_c1_control(chars[i + k].code_point);
  }
  const Utf8Step step = decode_utf8(std::string_view(bytes, length), 0);
  if (!step.valid || step.length != length) return std::nullopt;
  switch (category(step.code_point)) {
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
      return std::nullopt;
    case UTF8PROC_CATEGORY_CC:
      // A C1 control is what text garbled twice decodes to after one round; any other
      // control is never the original.
      if (!is_c1_control(step.code_point)) return std::nullopt;
      proof = true;
      break;
    default:
      break;
  }
  Unit unit;
  unit.begin = i;
  unit.end = i + length;
  unit.decoded = step.code_point;
  unit.bytes = static_cast<std::uint8_t>(length);
  unit.proof = proof;
  return unit;
}

struct Segment {
  std::uint32_t begin = 0, end = 0;            // character indices
  std::uint32_t first_unit = 0, end_unit = 0;  // indices into LineAnalysis::units()
  Encoding encoding = Encoding::Windows1252;
  Evidence evidence = Evidence::Rejected;
  int script = 0;                // of the decoded letters (and script-specific signs), 0 if none
  bool has_punctuation = false;  // holds punctuation, so could be clean text ("’ü", "ß“")
};

class LineAnalysis {
 public:
  // Finds the segments of one line and how much evidence each carries. The analysis keeps
  // its buffers from line to line, so that a pass over a file allocates once.
  void run(const std::vector<Char>& chars) {
    chars_ = &chars;
    units_.clear();
    segments_.clear();
    evidence_scripts_[0].clear();
    evidence_scripts_[1].clear();
    // A run that was refused is refused whole: its later units start runs that end at the
    // same place and hold letters of the same script, so trying each again would refuse
    // them again, at a cost quadratic in the run's length.
    std::array<std::uint32_t, kEncodingCount> refused_until{};
    std::uint32_t i = 0;
    while (i < chars_->size()) {
      if (code_point(i) < 0x80) {
        ++i;
        continue;
      }
      std::optional<Segment> best;
      int best_encoding = 0;
      for (int e = 0; e < kEncodingCount; ++e) {
        std::vector<Unit>& units = candidate_units_[e];
        units.clear();
        if (i < refused_until[e]) continue;
        collect_units(i, static_cast<Encoding>(e), units);
        if (units.empty()) continue;
        Segment segment;
        segment.begin = i;
        segment.end = units.back().end;
        segment.encoding = static_cast<Encoding>(e);
        segment.evidence = evaluate(segment.begin, segment.end, segment.encoding, units);
        if (segment.evidence == Evidence::Rejected) {
          refused_until[e] = segment.end;
          continue;
        }
        if (!best || better(segment, units, *best, candidate_units_[best_encoding])) {
          best = segment;
          best_encoding = e;
        }
      }
      if (!best) {
        ++i;
        continue;
      }
      const std::vector<Unit>& best_units = candidate_units_[best_encoding];
      best->first_unit = static_cast<std::uint32_t>(units_.size());
      units_.insert(units_.end(), best_units.begin(), best_units.end());
      best->end_unit = static_cast<std::uint32_t>(units_.size());
      best->script = segment_script(best_units);
      best->has_punctuation =
          std::any_of(chars_->begin() + best->begin, chars_->begin() + best->end,
                      [](const Char& c) { return is_punctuation(c.code_point); });
      segments_.push_back(*best);
      if (best->evidence >= Evidence::Anchored) {
        evidence_scripts_[best_encoding].push_back(best->script);
      }
      i = best->end;
    }
  }

  // Line evidence is the same misreading elsewhere on the line; for a segment that holds
  // punctuation, of the same script too: Mac Roman Turkish around "’ü" says nothing for the
  // Armenian sign it would read as, while "Ï€" is π wherever Windows-1252 was misread.
  bool repairs(const Segment& s) const {
    if (s.evidence >= Evidence::Anchored) return true;
    if (s.evidence != Evidence::NeedsLineEvidence) return false;
    const std::vector<int>& scripts = evidence_scripts_[static_cast<int>(s.encoding)];
    if (s.script == kNoScript || !s.has_punctuation) return !scripts.empty();
    return std::find(scripts.begin(), scripts.end(), s.script) != scripts.end();
  }

  const std::vector<Segment>& segments() const { return segments_; }
  const std::vector<Unit>& units() const { return units_; }

 private:
  char32_t code_point(std::uint32_t i) const { return (*chars_)[i].code_point; }
  char32_t at(std::uint32_t i) const { return i < chars_->size() ? code_point(i) : 0; }
  char32_t before(std::uint32_t i) const { return i == 0 ? 0 : code_point(i - 1); }

  // The run of adjacent units of one encoding starting at chars[i]. The run ends before the
  // first unit that could not be part of clean text next to the ones before it, so that
  // one odd unit does not spoil its neighbours.
  void collect_units(std::uint32_t i, Encoding encoding, std::vector<Unit>& units) const {
    units.clear();
    char32_t previous = before(i);
    int script = 0;
    for (std::uint32_t j = i; j < chars_->size();) {
      const auto unit = parse_unit(*chars_, j, encoding);
      if (!unit) break;
      const char32_t c = unit->decoded;
      if (is_mark(c) && !can_carry_mark(previous, c, unit->bytes)) break;
      if (is_c1_control(c) && (units.empty() || !is_windows1252_high(previous))) break;
      if (unit->bytes == 2 && is_letter(c) && !is_common_letter(c)) break;
      const int s = script_of(c);
      if (s != 0 && script != 0 && s != script) break;
      if (s != 0) script = s;
      units.push_back(*unit);
      previous = c;
      j = unit->end;
    }
  }

  // Whether a decoded combining mark can follow the character before it. Any mark needs a
  // base; a two-byte one needs a letter, and must be a diacritic that decomposed Latin,
  // Greek or Cyrillic text uses, or a vowel sign or point of the letter's own script
  // (Hebrew to NKo); the rest of that range is rare enough that misread clean text
  // ("PROHLÍŽEČ", "»ß«") is the likelier source.
  static bool can_carry_mark(char32_t base, char32_t mark, int bytes) {
    if (base == 0 || is_space_or_control(base)) return false;
    if (bytes != 2) return true;
    if (!is_letter(base)) return false;
    if ((mark >= 0x0300 && mark <= 0x0338) || mark == 0x0342 || mark == 0x0345) return true;
    return mark >= 0x0591 && mark <= 0x07FF && script_of(mark) == script_of(base);
  }

  // Whether a single unit could as well be clean text: any two-byte unit (a letter and a
  // sign), and a Windows-1252 three-byte unit whose two trailing characters are
  // punctuation ("é…»"). Such a unit must not bring a script a neighbour does not have.
  // Other three-byte units ("ë¥¼" for 를, glued to "UID" as Korean glues its particles)
  // may touch another script on one side, and two units or more in a row on both.
  bool reads_as_word_and_punctuation(const Unit& u, Encoding encoding) const {
    if (u.bytes == 2) return true;
    if (u.bytes != 3 || encoding != Encoding::Windows1252 || u.lost_trail) return false;
    return is_punctuation(code_point(u.begin + 1)) && is_punctuation(code_point(u.begin + 2));
  }

  static int segment_script(const std::vector<Unit>& units) {
    for (const Unit& u : units) {
      if (const int s = script_of(u.decoded); s != kNoScript) return s;
    }
    return kNoScript;
  }

  static int count_marks(const std::vector<Unit>& units) {
    return static_cast<int>(std::count_if(units.begin(), units.end(),
                                          [](const Unit& u) { return is_mark(u.decoded); }));
  }

  // Between two readings of the same characters: more evidence, then more characters
  // explained, then fewer combining marks (a letter is the likelier original), then
  // Windows-1252 (the commoner misreading), which is the earlier candidate.
  static bool better(const Segment& a, const std::vector<Unit>& a_units, const Segment& b,
                     const std::vector<Unit>& b_units) {
    if (a.evidence != b.evidence) return a.evidence > b.evidence;
    if (a.end != b.end) return a.end > b.end;
    return count_marks(a_units) < count_marks(b_units);
  }

  Evidence evaluate(std::uint32_t begin, std::uint32_t end, Encoding encoding,
                    const std::vector<Unit>& units) const {
    const char32_t left = before(begin);
    const char32_t right = at(end);
    const bool letter_left = is_letter(left);
    const bool letter_right = is_letter(right);

    bool strong = false;
    bool lost_lead = false;
    int script = 0;
    for (const Unit& u : units) {
      lost_lead = lost_lead || u.lost_lead;
      strong = strong || u.proof || u.lost_lead || u.lost_trail ||
               (u.bytes == 3 && is_strong_three_byte(u.decoded));
      if (script == 0) script = script_of(u.decoded);
    }
    if (lost_lead && (letter_left || letter_right)) return Evidence::Rejected;
    if (strong) return Evidence::Strong;

    if (units.size() == 1) {
      int foreign_neighbours = 0;
      for (const char32_t neighbour : {left, right}) {
        const int s = script_of(neighbour);
        if (script != 0 && s != 0 && s != script) ++foreign_neighbours;
      }
      // Inside a word of another script on both sides ("ÈÉÆ" in "KÈÉÆØ" would be 郮).
      if (foreign_neighbours == 2) return Evidence::Rejected;
      if (foreign_neighbours == 1 && reads_as_word_and_punctuation(units.front(), encoding)) {
        return Evidence::Rejected;
      }
    }
    // An all-capitals word does not go on in lower case: "IRMÃ" + no-break space is not
    // "IRMà". (Two units or more are evidence enough: text garbled twice passes through
    // lower case on its way back.)
    const auto is_upper = [](char32_t c) { return category(c) == UTF8PROC_CATEGORY_LU; };
    if (units.size() == 1 && begin >= 2 &&
        category(units.front().decoded) == UTF8PROC_CATEGORY_LL && is_upper(left) &&
        is_upper(before(begin - 1))) {
      return Evidence::Rejected;
    }
    if (units.size() >= 2) return Evidence::Anchored;

    const Unit& u = units.front();
    const char32_t first = code_point(u.begin);
    const char32_t last = code_point(u.end - 1);
    if (u.bytes == 2 && is_math_symbol(first) && is_math_symbol(last)) {
      return evaluate_math_like(begin, end, u.decoded);
    }
    if (is_closing_punctuation(last) && !letter_right && category(right) != UTF8PROC_CATEGORY_PS) {
      return Evidence::NeedsLineEvidence;
    }
    // A lone character of a script other than Latin is a word of its own, or a sign
    // between words of another script ("l’ús" read as Mac Roman holds Armenian ՜): real
    // mojibake of such a script comes in runs of units, or in lines that show it elsewhere.
    // Latin is different: its misread letters sit among ASCII letters, as in "Zo√´".
    if (script != kNoScript && script != kLatin && !letter_left && !letter_right) {
      return Evidence::NeedsLineEvidence;
    }
    return Evidence::Anchored;
  }

  // A Mac Roman unit of two mathematical symbols ("√π", "√∏", "¬∞") is as likely a formula
  // as a misread letter, so it is judged by the word around it: a letter inside a word or
  // at the edge of a longer one is repaired ("Str√∏m", "Malm√∂", "√∫ltimo"), one next to a
  // single letter only with line evidence ("o√π" for où, but "x≈π"), and one touching no
  // letter never ("√π", "2√π"). Mac Roman C2 ("¬") leads the Latin-1 symbols: "¬∞" is
  // repaired next to a digit or letter ("45¬∞", "¬∞C"), elsewhere only with line
  // evidence, as is "√∑" (÷).
  Evidence evaluate_math_like(std::uint32_t begin, std::uint32_t end, char32_t decoded) const {
    if (code_point(begin) == U'¬') {
      const auto touches = [](char32_t c) {
        return is_letter(c) || category(c) == UTF8PROC_CATEGORY_ND;
      };
      return touches(before(begin)) || touches(at(end)) ? Evidence::Anchored
                                                        : Evidence::NeedsLineEvidence;
    }
    if (!is_letter(decoded)) return Evidence::NeedsLineEvidence;  // "√∑" -> ÷
    int letters_left = 0;
    while (letters_left < 2 && begin > static_cast<std::uint32_t>(letters_left) &&
           is_letter(code_point(begin - 1 - letters_left))) {
      ++letters_left;
    }
    int letters_right = 0;
    while (letters_right < 2 && is_letter(at(end + letters_right)))
      ++letters_right;
    if ((letters_left > 0 && letters_right > 0) || letters_left == 2 || letters_right == 2) {
      return Evidence::Anchored;
    }
    return letters_left + letters_right > 0 ? Evidence::NeedsLineEvidence : Evidence::Rejected;
  }

  const std::vector<Char>* chars_ = nullptr;
  std::array<std::vector<Unit>, kEncodingCount> candidate_units_;
  std::vector<Unit> units_;
  std::vector<Segment> segments_;
  // Per encoding, the scripts of the segments repaired on their own evidence.
  std::array<std::vector<int>, kEncodingCount> evidence_scripts_;
};

bool has_byte_above_ascii(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// What one character can be in a unit, per encoding: bit 0 (Windows-1252) and bit 2 (Mac
// Roman) when it may start one (a misread lead byte, or Mac Roman's "ü" that leads an emoji
// whose U+F8FF was lost), bits 1 and 3 when it may continue one. A unit needs a starter
// directly followed by a continuer of the same encoding: (starter << 1) & continuer.
constexpr std::uint8_t kStartsUnit = 0b0101;

std::uint8_t unit_roles(char32_t c) {
  std::uint8_t roles = 0;
  for (int e = 0; e < kEncodingCount; ++e) {
    const int b = byte_table(static_cast<Encoding>(e)).byte_of(c);
    const bool starts = (b >= 0xC2 && b <= 0xF4) || (e == 1 && b == 0x9F);
    if (starts) roles |= static_cast<std::uint8_t>(1u << (2 * e));
    if (is_continuation_byte(b)) roles |= static_cast<std::uint8_t>(2u << (2 * e));
  }
  return roles;
}

// unit_roles for U+0000..U+00FF, where most of the readings lie, looked up rather than
// searched: a line of Latin text asks for every one of its letters.
std::uint8_t unit_roles_fast(char32_t c) {
  static const std::array<std::uint8_t, 0x100> kLatin1 = [] {
    std::array<std::uint8_t, 0x100> table{};
    for (char32_t c = 0; c < 0x100; ++c)
      table[c] = unit_roles(c);
    return table;
  }();
  return c < 0x100 ? kLatin1[c] : unit_roles(c);
}

void decode_line(std::string_view line, std::vector<Char>& chars) {
  chars.clear();
  std::size_t pos = 0;
  while (pos < line.size()) {
    const Utf8Step step = decode_utf8(line, pos);
    chars.push_back(
        {step.valid ? step.code_point : kNotAByte, static_cast<std::uint32_t>(pos), step.length});
    pos += step.length;
  }
}

// Repairs one line into out; returns whether anything changed.
bool repair_line(std::string_view line, std::vector<Char>& chars, LineAnalysis& analysis,
                 std::string& out) {
  if (!may_hold_mojibake(line)) {
    out.append(line);
    return false;
  }
  decode_line(line, chars);
  analysis.run(chars);
  bool changed = false;
  std::size_t copied_to = 0;  // byte offset in line
  for (const Segment& s : analysis.segments()) {
    if (!analysis.repairs(s)) continue;
    const std::size_t begin = chars[s.begin].offset;
    out.append(line.substr(copied_to, begin - copied_to));
    for (std::uint32_t u = s.first_unit; u < s.end_unit; ++u) {
      const char32_t c = analysis.units()[u].decoded;
      if (c != 0xFEFF) append_utf8(c, out);  // a misread byte order mark means nothing
    }
    copied_to = s.end < chars.size() ? chars[s.end].offset : line.size();
    changed = true;
  }
  out.append(line.substr(copied_to));
  return changed;
}

// One pass over every line; returns whether anything changed.
bool repair_pass(std::string_view text, std::string& out) {
  std::vector<Char> chars;
  LineAnalysis analysis;
  bool changed = false;
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    const std::string_view line = text.substr(
        start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    changed = repair_line(line, chars, analysis, out) || changed;
    if (newline == std::string_view::npos) break;
    out.push_back('\n');
    start = newline + 1;
  }
  return changed;
}

}  // namespace

std::string fix_mojibake(std::string_view text) {
  if (!has_byte_above_ascii(text)) return std::string(text);
  std::string current;
  current.reserve(text.size());
  if (!repair_pass(text, current)) return std::string(text);
  // Each further pass only runs when the previous one shortened the text.
  std::string next;
  while (true) {
    next.clear();
    if (!repair_pass(current, next)) return current;
    current.swap(next);
  }
}

bool may_hold_mojibake(std::string_view text) {
  std::uint8_t previous = 0;  // unit_roles of the character before
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      previous = 0;
      ++pos;
      continue;
    }
    const Utf8Step step = decode_utf8(text, pos);
    const std::uint8_t roles = step.valid ? unit_roles_fast(step.code_point) : 0;
    if (((previous & kStartsUnit) << 1) & roles) return true;
    previous = roles;
    pos += step.length;
  }
  return false;
}

bool has_mojibake(std::string_view text) {
  if (!has_byte_above_ascii(text)) return false;
  std::string scratch;
  scratch.reserve(text.size());
  return repair_pass(text, scratch);
}

}  // namespace kith::loaders
