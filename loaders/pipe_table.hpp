// GFM pipe tables. cmark's core parser has no table extension, so a table reaches us as a
// paragraph whose lines are `| a | b |` rows; these recognise and split them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::loaders {

// A row of cells such as `|---|:--:|` or `--- | ---`: every cell is hyphens with optional
// colons at either end, and there is at least one '|'.
bool is_table_delimiter_row(std::string_view line);

// The trimmed cells of a row, without the optional leading and trailing '|'.
std::vector<std::string> split_table_row(std::string_view line);

}  // namespace kith::loaders
