// The `json` and `jsonl` formats. Rows are written key by key so the keys keep the column
// order (a JSON object from nlohmann sorts its keys).
#include "repl/result_format.hpp"
#include "repl/value_text.hpp"

namespace kith::repl {

namespace {

void write_row(std::ostream& out, const query::Result& result, const std::vector<Value>& row,
               const Graph& graph) {
  out << '{';
  for (std::size_t i = 0; i < result.columns.size() && i < row.size(); ++i) {
    if (i > 0) out << ", ";
    // Invalid UTF-8 is replaced rather than thrown on: output must not fail half-way.
    out << nlohmann::json(result.columns[i])
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << ": "
        << value_json(row[i], graph).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  out << '}';
}

}  // namespace

void write_json(std::ostream& out, const query::Result& result, const Graph& graph) {
  if (result.rows.empty()) {
    out << "[]\n";
    return;
  }
  out << "[\n";
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    write_row(out, result, result.rows[r], graph);
    out << (r + 1 < result.rows.size() ? ",\n" : "\n");
  }
  out << "]\n";
}

void write_jsonl(std::ostream& out, const query::Result& result, const Graph& graph) {
  for (const auto& row : result.rows) {
    write_row(out, result, row, graph);
    out << '\n';
  }
}

}  // namespace kith::repl
