// Lines of frontmatter keys and list items, for evidence. Documents keep the frontmatter as
// values without lines, so the builder reads the block again to cite `file:line` for facts
// such as `manager: '[[Marcus Feld]]'` or one participant of a list.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kith::loaders {

class FrontmatterLines {
 public:
  FrontmatterLines() = default;
  // Reads up to `end_line` lines of the file; nothing when the file cannot be read.
  FrontmatterLines(const std::filesystem::path& file, std::uint32_t end_line);
  // Parses frontmatter text (for tests).
  static FrontmatterLines from_text(std::string_view text);

  // The line of `key: value` or of the list item `- value` under key (value compared without
  // quotes and brackets, case-insensitively); else the key's line; else 1 (the fence).
  std::uint32_t line(std::string_view key, std::string_view value = {}) const;
  // The text of that line, trimmed, for Evidence.text.
  std::string text(std::uint32_t line) const;

 private:
  void parse(std::string_view text);
  std::map<std::string, std::uint32_t> keys_;
  std::map<std::pair<std::string, std::string>, std::uint32_t> items_;
  std::vector<std::string> lines_;  // line n at n - 1
};

}  // namespace kith::loaders
