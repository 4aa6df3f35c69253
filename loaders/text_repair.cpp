#include "loaders/text_repair.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "loaders/mojibake.hpp"
#include "loaders/unicode_nfc.hpp"
#include "loaders/utf8_validate.hpp"

namespace kith::loaders {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Bytes that send a line (or a whole file) off the fast path.
bool needs_work(unsigned char b) {
  return b >= 0x80 || b == '\0' || b == '\r';
}

bool is_clean_ascii(std::string_view text) {
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return needs_work(static_cast<unsigned char>(c)); });
}

// Mojibake repair and NFC can each expose work for the other (a repaired letter may be
// followed by a combining mark; a composed letter may complete a misread sequence), so
// alternate until neither changes anything. Both are idempotent on their own and repair
// only ever shortens the text, so this settles at once or in a step or two; the bound is a
// guard.
std::string repair_and_normalise(std::string_view text) {
  std::string repaired = fix_mojibake(text);
  std::string normalised = to_nfc(repaired);
  for (int round = 0; round < 8 && normalised != repaired; ++round) {
    repaired = fix_mojibake(normalised);
    if (repaired == normalised) break;
    normalised = to_nfc(repaired);
  }
  return normalised;
}

// string_view::find_first_of would search the two-character set once per byte.
std::size_t find_line_break(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') return i;
  }
  return std::string_view::npos;
}

void repair_line(std::string_view line, std::uint32_t number, std::string_view file,
                 std::vector<doc::Warning>& warnings, std::string& out) {
  if (is_clean_ascii(line)) {
    out.append(line);
    return;
  }
  std::string without_nul;
  const auto nul_count = std::count(line.begin(), line.end(), '\0');
  if (nul_count > 0) {
    without_nul.reserve(line.size());
    std::copy_if(line.begin(), line.end(), std::back_inserter(without_nul),
                 [](char c) { return c != '\0'; });
    line = without_nul;
    warnings.push_back(
        {std::string(file), number,
         fmt::format("removed {} NUL byte{}", nul_count, nul_count == 1 ? "" : "s")});
  }
  std::string valid;
  valid.reserve(line.size());
  const std::size_t replaced = append_replacing_invalid_utf8(line, valid);
  if (replaced > 0) {
    warnings.push_back({std::string(file), number,
                        fmt::format("invalid UTF-8: {} byte sequence{} replaced by U+FFFD",
                                    replaced, replaced == 1 ? "" : "s")});
  }
  out.append(repair_and_normalise(valid));
}

}  // namespace

std::string repair_text(std::string_view raw, std::string_view file,
                        std::vector<doc::Warning>& warnings) {
  while (raw.starts_with(kByteOrderMark))
    raw.remove_prefix(kByteOrderMark.size());
  if (is_clean_ascii(raw)) return std::string(raw);

  std::string out;
  out.reserve(raw.size());
  std::uint32_t number = 1;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = find_line_break(raw, start);
    if (end == std::string_view::npos) {
      repair_line(raw.substr(start), number, file, warnings, out);
      break;
    }
    repair_line(raw.substr(start, end - start), number, file, warnings, out);
    out.push_back('\n');
    ++number;
    start = end + (raw[end] == '\r' && end + 1 < raw.size() && raw[end + 1] == '\n' ? 2 : 1);
  }
  // A mark that only surfaced after repair (behind a NUL, or misread) is no text either.
  std::size_t marks = 0;
  while (std::string_view(out).substr(marks).starts_with(kByteOrderMark)) {
    marks += kByteOrderMark.size();
  }
  out.erase(0, marks);
  return out;
}

}  // namespace kith::loaders
