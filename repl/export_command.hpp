// Exporting graphs from the shell and the command line: `kith export`, `:export` (the last
// result) and `:orgchart`. DOT, GraphML and JSON are written by graph/exporters.hpp and
// graph/org_chart.hpp; SVG and PNG are DOT rendered by Graphviz. Nothing is ever written inside
// the vault.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "graph/exporters.hpp"
#include "query/engine.hpp"
#include "repl/session.hpp"

namespace kith::repl {

enum class GraphFormat { Dot, Svg, Png, GraphMl, Json };

std::optional<GraphFormat> parse_graph_format(std::string_view name);  // "dot", "svg", ...
std::span<const std::string_view> graph_format_names();
// The format a file name asks for by its extension (.dot/.gv, .svg, .png, .graphml, .json).
std::optional<GraphFormat> graph_format_of(std::string_view file);

// Every node, relationship and path in the result, wherever it sits (a column, a list, a map).
ExportSelection result_selection(const query::Result& result);

// True when `file` (which need not exist) is `folder` or lies under it, symlinks resolved.
bool inside_folder(const std::filesystem::path& file, const std::filesystem::path& folder);

struct ExportTarget {
  GraphFormat format = GraphFormat::Dot;
  std::string file;  // "-" for session.out (text formats only)
};

// Writes `selection` to the target, as an org chart when `org_chart` (DOT, SVG, PNG; GraphML
// and JSON write the chart's people and lines as a plain graph). Refuses files inside the
// vault. Errors go to session.err; false on failure.
bool export_selection(Session& session, const ExportSelection& selection, bool org_chart,
                      const ExportTarget& target);

// The account node `written` names: by name or alias (case and accents folded), by name
// without legal forms ("Contoso Ltd"), or by mail domain. nullopt, with a message listing the
// known accounts in session.err, when there is none.
std::optional<NodeId> find_account(Session& session, std::string_view written);

// The query that selects an org chart: the people of `account` (every account when nullopt)
// with their current WORKS_AT, and their REPORTS_TO and CHIEF_OF_STAFF_TO lines (for one
// account, those to its people and to people of no known account).
std::string org_chart_query(const std::optional<std::string>& account);

// Runs org_chart_query and returns its selection (the account itself included, so an account
// with no known people still gets its cluster). When `show_query`, the query is printed first,
// so the user learns how to ask it. nullopt when the query fails (the error is printed).
std::optional<ExportSelection> org_chart_selection(Session& session, std::optional<NodeId> account,
                                                   bool show_query);

// :export [FORMAT] FILE: the last result's nodes, relationships and paths; the format may come
// from FILE's extension; FILE - writes a text format to the session's output.
Outcome export_command(Session& session, std::string_view args);

// :orgchart ACCOUNT [FILE] / :orgchart --all [FILE]: prints the query it runs, then writes the
// chart to FILE (format by extension), or its DOT to the session's output.
Outcome orgchart_command(Session& session, std::string_view args);

// `kith export VAULT ...`: the whole graph, a query's result, or an org chart.
struct ExportRequest {
  std::optional<std::string> query;    // --query
  std::optional<std::string> account;  // --orgchart ACCOUNT
  bool all_accounts = false;           // --all
  std::string format;                  // --format; empty: from the file's extension
  std::string file;                    // -o; "-" for stdout
};
// The exit code: 0, 1 when the query fails or gives nothing to export, 2 for usage errors
// (bad format, a file inside the vault, an unknown account) and files that cannot be written.
int run_export(Session& session, const ExportRequest& request);

}  // namespace kith::repl
