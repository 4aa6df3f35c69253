// The `table` format: a box of columns aligned by display width, cut to the terminal.
#include <algorithm>
#include <numeric>
#include <vector>

#include <fmt/format.h>

#include "repl/display_width.hpp"
#include "repl/result_format.hpp"
#include "repl/value_text.hpp"

namespace kith::repl {

namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kDim = "\033[2m";
constexpr std::string_view kReset = "\033[0m";

// A cell must stay on one line: control characters in strings are shown escaped.
std::string one_line(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out;
}

struct Cell {
  std::string text;
  std::size_t width = 0;
  bool right = false;  // numbers align right
  bool dim = false;    // null
};

Cell make_cell(const Value& v, const Graph& graph) {
  Cell c;
  c.text = one_line(value_text(v, graph));
  c.width = display_width(c.text);
  c.right = v.is_number();
  c.dim = v.is_null();
  return c;
}

// Column widths that fit `budget` columns of text: every column keeps its natural width up to
// a common cap, the largest that fits, and what is left over goes to the cut columns in order.
std::vector<std::size_t> fit_widths(std::vector<std::size_t> natural, std::size_t budget) {
  const std::size_t total = std::accumulate(natural.begin(), natural.end(), std::size_t{0});
  if (total <= budget || natural.empty()) return natural;
  auto used = [&](std::size_t cap) {
    std::size_t sum = 0;
    for (const std::size_t w : natural)
      sum += std::min(w, cap);
    return sum;
  };
  std::size_t lo = 1;
  std::size_t hi = *std::max_element(natural.begin(), natural.end());
  while (lo < hi) {  // the largest cap with used(cap) <= budget (at least 1)
    const std::size_t mid = (lo + hi + 1) / 2;
    if (used(mid) <= budget) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  std::size_t spare = budget > used(lo) ? budget - used(lo) : 0;
  for (std::size_t& w : natural) {
    if (w <= lo) continue;
    const std::size_t extra = std::min(spare, w - lo);
    w = lo + extra;
    spare -= extra;
  }
  return natural;
}

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (std::size_t i = 0; i < n; ++i)
    out += piece;
  return out;
}

std::string rule(const std::vector<std::size_t>& widths, std::string_view left,
                 std::string_view middle, std::string_view right) {
  std::string out(left);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) out += middle;
    out += repeat("─", widths[i] + 2);
  }
  out += right;
  out += '\n';
  return out;
}

std::string format_elapsed(double seconds) {
  if (seconds < 1.0) return fmt::format("{:.1f} ms", seconds * 1000.0);
  return fmt::format("{:.2f} s", seconds);
}

}  // namespace

void write_table(std::ostream& out, const query::Result& result, const Graph& graph,
                 const FormatOptions& options) {
  const std::size_t n = result.columns.size();
  std::vector<Cell> header(n);
  std::vector<std::vector<Cell>> rows;
  rows.reserve(result.rows.size());
  std::vector<std::size_t> natural(n);
  for (std::size_t i = 0; i < n; ++i) {
    header[i].text = one_line(result.columns[i]);
    header[i].width = display_width(header[i].text);
    natural[i] = header[i].width;
  }
  for (const auto& row : result.rows) {
    std::vector<Cell> cells;
    cells.reserve(n);
    for (std::size_t i = 0; i < n && i < row.size(); ++i) {
      cells.push_back(make_cell(row[i], graph));
      natural[i] = std::max(natural[i], cells.back().width);
    }
    rows.push_back(std::move(cells));
  }

  // Each column costs its text plus "│ " and " ", and the row one closing "│".
  const std::size_t overhead = 3 * n + 1;
  const std::vector<std::size_t> widths =
      options.width > overhead ? fit_widths(natural, options.width - overhead) : natural;

  auto write_cell = [&](const Cell& cell, std::size_t width, bool bold) {
    std::string text = cell.width > width ? truncate_to_width(cell.text, width) : cell.text;
    const std::size_t pad = width - std::min(width, display_width(text));
    const bool styled = options.color && (bold || cell.dim);
    if (styled) text = fmt::format("{}{}{}", bold ? kBold : kDim, text, kReset);
    out << "│ " << (cell.right ? std::string(pad, ' ') + text : text + std::string(pad, ' '))
        << ' ';
  };
  auto write_row = [&](const std::vector<Cell>& cells, bool bold) {
    for (std::size_t i = 0; i < n; ++i) {
      write_cell(i < cells.size() ? cells[i] : Cell{}, widths[i], bold);
    }
    out << "│\n";
  };

  if (n > 0) {
    out << rule(widths, "┌", "┬", "┐");
    write_row(header, true);
    out << rule(widths, "├", "┼", "┤");
    for (const auto& row : rows)
      write_row(row, false);
    out << rule(widths, "└", "┴", "┘");
  }

  // "3 rows", "1 row, created 1 node", or for a write that returns nothing "Created 1 node".
  std::string footer;
  const std::string effects = describe_effects(result.effects);
  if (n > 0 || effects.empty()) {
    footer = fmt::format("{} {}", result.rows.size(), result.rows.size() == 1 ? "row" : "rows");
    if (!effects.empty()) footer += ", " + effects;
  } else {
    footer = effects;
    footer[0] = static_cast<char>(footer[0] - 'a' + 'A');
  }
  if (options.elapsed_seconds)
    footer += fmt::format(" ({})", format_elapsed(*options.elapsed_seconds));
  if (options.color) footer = fmt::format("{}{}{}", kDim, footer, kReset);
  out << footer << '\n';
}

}  // namespace kith::repl
