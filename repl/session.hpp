// One shell session: the loaded vault and graph, the parameters and output settings the user
// chose, and running statements (queries and :commands) against them. The REPL, `kith run`
// and `kith query` all go through here, so they behave alike.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph.hpp"
#include "loaders/build_report.hpp"
#include "loaders/vault.hpp"
#include "query/engine.hpp"
#include "repl/loaded_vault.hpp"
#include "repl/result_format.hpp"
#include "repl/script.hpp"

namespace kith::repl {

// The query engine's entry point (query::run_query), passed in so the shell can be tested with
// results made by hand.
using QueryRunner =
    std::function<query::Result(Graph&, std::string_view, const Map&, const query::QueryOptions&)>;

enum class Outcome { Ok, Failed, Quit };

struct Session {
  Session(Graph& graph, const loaders::Vault& vault, const loaders::BuildReport& build,
          QueryRunner run_query, std::ostream& out, std::ostream& err)
      : graph(graph),
        vault(vault),
        build(build),
        run_query(std::move(run_query)),
        out(out),
        err(err) {}

  Graph& graph;
  const loaders::Vault& vault;
  const loaders::BuildReport& build;
  QueryRunner run_query;
  std::ostream& out;
  std::ostream& err;

  Map parameters;
  // The guards every query of the session runs under (`:limit`, `--limit`); the cancel flag
  // is set per statement.
  query::QueryOptions limits;
  Format format = Format::Table;
  bool timing = false;
  FormatOptions format_options;  // terminal width and colour
  // Where statements come from, for error positions: a script's path, or empty for the prompt.
  std::string source_name;
  // The last query's result, for :why and :export; empty before the first query and after
  // :reload (its ids would name entities of the graph before).
  std::optional<query::Result> last_result;
  // What :reload refreshes in place (graph, vault and build are its members); nullptr when the
  // session cannot reload.
  LoadedVault* reloadable = nullptr;
};

// Runs a query statement without printing its result. Errors go to session.err (nullopt).
std::optional<query::Result> run_query_statement(Session& session, const Statement& statement);

// Runs one statement: a query (its result written in the session's format) or a :command.
// Errors go to session.err; a failed query gives Failed.
Outcome run_statement(Session& session, const Statement& statement);

// A query error as the shell prints it: "SCRIPT:3:12: SyntaxError: ..." for scripts, or the
// message with the statement's line and a caret under the column at the prompt.
std::string describe_query_error(const Session& session, const Statement& statement,
                                 const std::exception& error);

}  // namespace kith::repl
