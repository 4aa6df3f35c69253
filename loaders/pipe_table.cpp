#include "loaders/pipe_table.hpp"

namespace kith::loaders {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string_view strip_outer_pipes(std::string_view line) {
  line = trim(line);
  if (!line.empty() && line.front() == '|') line.remove_prefix(1);
  if (!line.empty() && line.back() == '|') line.remove_suffix(1);
  return line;
}

template <class F>
void for_each_cell(std::string_view line, F&& f) {
  std::string_view rest = strip_outer_pipes(line);
  for (;;) {
    std::size_t bar = rest.find('|');
    f(trim(rest.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
}

}  // namespace

bool is_table_delimiter_row(std::string_view line) {
  if (line.find('|') == std::string_view::npos) return false;
  bool ok = true;
  for_each_cell(line, [&](std::string_view cell) {
    if (!cell.empty() && cell.front() == ':') cell.remove_prefix(1);
    if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
    if (cell.empty()) ok = false;
    for (char c : cell) {
      if (c != '-') ok = false;
    }
  });
  return ok;
}

std::vector<std::string> split_table_row(std::string_view line) {
  std::vector<std::string> cells;
  for_each_cell(line, [&](std::string_view cell) { cells.emplace_back(cell); });
  return cells;
}

}  // namespace kith::loaders
