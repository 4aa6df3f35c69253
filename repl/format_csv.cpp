// The `csv` format, exactly RFC 4180.
#include "repl/result_format.hpp"
#include "repl/value_text.hpp"

namespace kith::repl {

namespace {

void write_field(std::ostream& out, const std::string& text, bool quote_empty) {
  const bool quote =
      text.find_first_of("\",\r\n") != std::string::npos || (quote_empty && text.empty());
  if (!quote) {
    out << text;
    return;
  }
  out << '"';
  for (const char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace

void write_csv(std::ostream& out, const query::Result& result, const Graph& graph) {
  for (std::size_t i = 0; i < result.columns.size(); ++i) {
    if (i > 0) out << ',';
    write_field(out, result.columns[i], true);
  }
  out << "\r\n";
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out << ',';
      // Null is the bare empty field, the empty string a quoted one, so the two stay apart.
      if (!row[i].is_null()) write_field(out, value_text(row[i], graph), true);
    }
    out << "\r\n";
  }
}

}  // namespace kith::repl
