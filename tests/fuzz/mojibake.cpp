// Mojibake repair and the whole text repair stage, with the properties they promise:
// - fix_mojibake: valid UTF-8 in gives valid UTF-8 out, and repairing twice changes nothing
//   more; lines are judged on their own, so a correct line from the negative corpus (text in
//   many scripts that must never be touched) appended to any input comes out byte-identical.
// - repair_text: any bytes in give valid UTF-8 out with the input's line numbering kept.
#include <fstream>
#include <string>
#include <vector>

#include "fuzz_target.hpp"
#include "loaders/mojibake.hpp"
#include "loaders/text_repair.hpp"
#include "loaders/utf8_validate.hpp"

namespace {

const std::vector<std::string>& correct_lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    std::ifstream in(KITH_MOJIBAKE_CORRECT);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out.push_back(line);
    if (out.empty())
      kith::fuzz::check_failed("negative corpus " KITH_MOJIBAKE_CORRECT " read", __FILE__,
                               __LINE__);
    return out;
  }();
  return lines;
}

std::size_t line_breaks(std::string_view bytes) {
  std::size_t breaks = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') ++breaks;
    if (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')) ++breaks;
  }
  return breaks;
}

}  // namespace

KITH_FUZZ_TARGET(mojibake) {
  using namespace kith::loaders;
  std::string_view input = kith::fuzz::as_text(data, size);

  std::vector<kith::doc::Warning> warnings;
  std::string repaired = repair_text(input, "fuzz.md", warnings);
  FUZZ_CHECK(is_valid_utf8(repaired));
  FUZZ_CHECK(line_breaks(repaired) == line_breaks(input));

  if (!is_valid_utf8(input)) return 0;
  std::string fixed = fix_mojibake(input);
  FUZZ_CHECK(is_valid_utf8(fixed));
  FUZZ_CHECK(fix_mojibake(fixed) == fixed);
  FUZZ_CHECK(has_mojibake(input) == (fixed != input));

  const auto& lines = correct_lines();
  const std::string& correct = lines[size % lines.size()];
  std::string with_correct = std::string(input) + "\n" + correct;
  FUZZ_CHECK(fix_mojibake(with_correct) == fixed + "\n" + correct);
  return 0;
}
