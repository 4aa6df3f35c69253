// Obsidian Tasks queries in the shell and on the command line: `kith tasks VAULT [QUERY]`,
// `kith tasks VAULT --note FILE` and `:tasks [QUERY]`. Each query is translated into Cypher
// (query/tasks_query.hpp), run on the session's graph and printed as the plugin would list it:
// grouped, one Markdown task line per task with its owners, due date, priority and file:line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/value.hpp"
#include "repl/session.hpp"

namespace kith::repl {

struct TasksRunOptions {
  Date today;
  bool show_cypher = false;  // print the Cypher before the tasks (an `explain` line does too)
  // Where the query text came from, for error positions: a note's path, with the line the text
  // starts on in it; empty for a query typed or given as an argument.
  std::string source;
  std::uint32_t first_line = 1;
};

// Translates and runs one query. In the table format the tasks are listed; in csv, tsv, json
// and jsonl the statement's rows are written as they are. Errors, with line:column, go to
// session.err and give Failed.
Outcome run_tasks_query(Session& session, std::string_view text, const TasksRunOptions& options);

// KITH_TODAY (YYYY-MM-DD) when set, else the local date. Nullopt, with `error` set, when
// KITH_TODAY is not a date.
std::optional<Date> tasks_today(std::string& error);

// What `kith tasks` was given.
struct TasksCommandArguments {
  std::string query = "not done";  // "-": read it from stdin
  std::string note;                // run this note's blocks instead (vault-relative or absolute)
  std::string today;               // YYYY-MM-DD; empty: tasks_today()
  bool show_cypher = false;
};

// `kith tasks` on the loaded vault, in the session's format. Returns the exit code: 0, 1 when
// a query failed, 2 for a bad --today or KITH_TODAY, or a note that is not in the vault.
int run_tasks_command(Session& session, const TasksCommandArguments& args);

// `:tasks [QUERY]`: the query on one line (`not done` when none is given), its Cypher first.
Outcome tasks_shell_command(Session& session, std::string_view args);

}  // namespace kith::repl
