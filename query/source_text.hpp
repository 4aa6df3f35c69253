// Maps byte offsets in a query to 1-based line and column (columns count characters, so a
// caret lines up under non-ASCII text), and hands out whole lines for error messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "query/ast.hpp"

namespace kith::query {

class SourceText {
 public:
  explicit SourceText(std::string_view text);

  std::string_view text() const { return text_; }
  ast::Position position(std::size_t offset) const;
  // The line's text without its line terminator; line is 1-based.
  std::string_view line(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  // chars_before_[i]: number of UTF-8 characters starting before byte i.
  std::vector<std::uint32_t> chars_before_;
};

}  // namespace kith::query
