#include "repl/result_format.hpp"

#include <array>
#include <vector>

#include <fmt/format.h>

namespace kith::repl {

namespace {

constexpr std::array<std::string_view, 5> kNames = {"table", "csv", "tsv", "json", "jsonl"};

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Format>(i);
  }
  return std::nullopt;
}

std::string_view format_name(Format format) {
  return kNames[static_cast<std::size_t>(format)];
}

std::span<const std::string_view> format_names() {
  return kNames;
}

void write_result(std::ostream& out, const query::Result& result, const Graph& graph, Format format,
                  const FormatOptions& options) {
  switch (format) {
    case Format::Table:
      write_table(out, result, graph, options);
      return;
    case Format::Csv:
      write_csv(out, result, graph);
      return;
    case Format::Tsv:
      write_tsv(out, result, graph);
      return;
    case Format::Json:
      write_json(out, result, graph);
      return;
    case Format::Jsonl:
      write_jsonl(out, result, graph);
      return;
  }
}

std::string describe_effects(const query::SideEffects& e) {
  std::vector<std::string> parts;
  auto add = [&](std::int64_t n, std::string_view verb, std::string_view one,
                 std::string_view many) {
    if (n != 0) parts.push_back(fmt::format("{} {} {}", verb, n, n == 1 ? one : many));
  };
  add(e.nodes_created, "created", "node", "nodes");
  add(e.nodes_deleted, "deleted", "node", "nodes");
  add(e.relationships_created, "created", "relationship", "relationships");
  add(e.relationships_deleted, "deleted", "relationship", "relationships");
  add(e.properties_set, "set", "property", "properties");
  add(e.properties_removed, "removed", "property", "properties");
  add(e.labels_added, "added", "label", "labels");
  add(e.labels_removed, "removed", "label", "labels");
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace kith::repl
