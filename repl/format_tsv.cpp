// The `tsv` format: one line per row whatever the fields hold, for cut, awk and sort.
#include "repl/result_format.hpp"
#include "repl/value_text.hpp"

namespace kith::repl {

namespace {

void write_field(std::ostream& out, const std::string& text) {
  for (const char c : text) {
    switch (c) {
      case '\t':
        out << "\\t";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      case '\\':
        out << "\\\\";
        break;
      default:
        out << c;
    }
  }
}

}  // namespace

void write_tsv(std::ostream& out, const query::Result& result, const Graph& graph) {
  for (std::size_t i = 0; i < result.columns.size(); ++i) {
    if (i > 0) out << '\t';
    write_field(out, result.columns[i]);
  }
  out << '\n';
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out << '\t';
      if (!row[i].is_null()) write_field(out, value_text(row[i], graph));
    }
    out << '\n';
  }
}

}  // namespace kith::repl
