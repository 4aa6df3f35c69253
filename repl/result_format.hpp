// Writing a query's result: one function per output format, all taking the same Result and the
// graph its nodes and relationships live in.
//
//   table  columns aligned by display width, long cells cut to the terminal, a row count
//   csv    RFC 4180: a header row, CRLF line ends, fields quoted when they hold '"', ',', CR or
//          LF; null is an empty field and the empty string a quoted "" (as PostgreSQL does)
//   tsv    a header row, tab-separated, LF line ends; tab, newline, CR and backslash in a field
//          written as \t \n \r \\ so every row stays one line; null is an empty field
//   json   one array of row objects keyed by column name, one row per line
//   jsonl  one row object per line
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "graph/graph.hpp"
#include "query/engine.hpp"

namespace kith::repl {

enum class Format { Table, Csv, Tsv, Json, Jsonl };

std::optional<Format> parse_format(std::string_view name);  // "table", "csv", ...
std::string_view format_name(Format format);
std::span<const std::string_view> format_names();

struct FormatOptions {
  std::size_t width = 0;  // the terminal's columns: table cells are cut to fit; 0 for no limit
  bool color = false;     // ANSI colours (the caller decides: a terminal, and no NO_COLOR)
  // Shown below a table when set ("3 rows (1.2 ms)"); the other formats never print it.
  std::optional<double> elapsed_seconds;
};

void write_result(std::ostream& out, const query::Result& result, const Graph& graph, Format format,
                  const FormatOptions& options = {});

void write_table(std::ostream& out, const query::Result& result, const Graph& graph,
                 const FormatOptions& options);
void write_csv(std::ostream& out, const query::Result& result, const Graph& graph);
void write_tsv(std::ostream& out, const query::Result& result, const Graph& graph);
void write_json(std::ostream& out, const query::Result& result, const Graph& graph);
void write_jsonl(std::ostream& out, const query::Result& result, const Graph& graph);

// "created 2 nodes, set 3 properties": what a writing query changed; empty when nothing did.
std::string describe_effects(const query::SideEffects& effects);

}  // namespace kith::repl
