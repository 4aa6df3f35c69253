#include "loaders/text_repair.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

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

// The first byte at or after `from` that needs work, eight bytes at a time: nearly every
// note is mostly plain ASCII lines, and a byte-by-byte search (std::find_if does not
// vectorise an early exit) costs more than the rest of their repair.
std::size_t find_byte_needing_work(std::string_view text, std::size_t from) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  // Nonzero exactly when some byte of v is zero (the classic bit trick: a borrow can only
  // run on from a byte that was zero).
  const auto has_zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & kHighBits) | has_zero_byte(word) | has_zero_byte(word ^ (kOnes * '\r'))) break;
  }
  for (; i < text.size(); ++i) {
    if (needs_work(static_cast<unsigned char>(text[i]))) return i;
  }
  return std::string_view::npos;
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

// The output so far and the number of the line being repaired, counted only when a warning
// needs it: clean runs of lines are copied whole without looking for their line ends.
class RepairedText {
 public:
  explicit RepairedText(std::size_t capacity) { text_.reserve(capacity); }

  std::string& text() { return text_; }

  std::uint32_t current_line() {
    counted_lines_ += static_cast<std::uint32_t>(
        std::count(text_.begin() + static_cast<std::ptrdiff_t>(counted_to_), text_.end(), '\n'));
    counted_to_ = text_.size();
    return counted_lines_ + 1;
  }

 private:
  std::string text_;
  std::size_t counted_to_ = 0;
  std::uint32_t counted_lines_ = 0;
};

// A line that holds a NUL or a byte above ASCII.
void repair_line(std::string_view line, std::string_view file, std::vector<doc::Warning>& warnings,
                 RepairedText& out) {
  std::string without_nul;
  if (line.find('\0') != std::string_view::npos) {
    const auto nul_count = std::count(line.begin(), line.end(), '\0');
    without_nul.reserve(line.size());
    std::copy_if(line.begin(), line.end(), std::back_inserter(without_nul),
                 [](char c) { return c != '\0'; });
    line = without_nul;
    warnings.push_back(
        {std::string(file), out.current_line(),
         fmt::format("removed {} NUL byte{}", nul_count, nul_count == 1 ? "" : "s")});
  }
  if (is_valid_utf8(line)) {
    // Almost every line with letters beyond ASCII is clean: checking costs a fraction of
    // repairing (which copies it twice and decodes it character by character).
    if (!may_hold_mojibake(line) && is_nfc_quick(line)) {
      out.text().append(line);
    } else {
      out.text().append(repair_and_normalise(line));
    }
    return;
  }
  std::string valid;
  valid.reserve(line.size());
  const std::size_t replaced = append_replacing_invalid_utf8(line, valid);
  warnings.push_back({std::string(file), out.current_line(),
                      fmt::format("invalid UTF-8: {} byte sequence{} replaced by U+FFFD", replaced,
                                  replaced == 1 ? "" : "s")});
  out.text().append(repair_and_normalise(valid));
}

}  // namespace

std::string repair_text(std::string_view raw, std::string_view file,
                        std::vector<doc::Warning>& warnings) {
  while (raw.starts_with(kByteOrderMark))
    raw.remove_prefix(kByteOrderMark.size());

  RepairedText out(raw.size());
  std::size_t start = 0;  // of the first line not yet in out
  while (true) {
    const std::size_t work = find_byte_needing_work(raw, start);
    if (work == std::string_view::npos) {
      out.text().append(raw.substr(start));
      break;
    }
    // The lines before the one holding `work` need nothing: copy them as they are.
    const std::size_t newline = raw.substr(start, work - start).rfind('\n');
    const std::size_t line_start = newline == std::string_view::npos ? start : start + newline + 1;
    out.text().append(raw.substr(start, line_start - start));
    const std::size_t end = find_line_break(raw, work);
    const std::string_view line =
        raw.substr(line_start, (end == std::string_view::npos ? raw.size() : end) - line_start);
    if (work == end) {
      out.text().append(line);  // what needed work was the CR that ends this clean line
    } else {
      repair_line(line, file, warnings, out);
    }
    if (end == std::string_view::npos) break;
    out.text().push_back('\n');
    start = end + (raw[end] == '\r' && end + 1 < raw.size() && raw[end + 1] == '\n' ? 2 : 1);
  }
  // A mark that only surfaced after repair (behind a NUL, or misread) is no text either.
  std::string& text = out.text();
  std::size_t marks = 0;
  while (std::string_view(text).substr(marks).starts_with(kByteOrderMark)) {
    marks += kByteOrderMark.size();
  }
  text.erase(0, marks);
  return std::move(text);
}

}  // namespace kith::loaders
