#include "repl/cli.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "loaders/graph_builder.hpp"
#include "loaders/load_report.hpp"
#include "loaders/vault.hpp"
#include "query/engine.hpp"
#include "repl/doctor_command.hpp"
#include "repl/export_command.hpp"
#include "repl/literal.hpp"
#include "repl/loaded_vault.hpp"
#include "repl/peak_memory.hpp"
#include "repl/progress_line.hpp"
#include "repl/query_limits.hpp"
#include "repl/repl.hpp"
#include "repl/schema_summary.hpp"
#include "repl/session.hpp"
#include "repl/tasks_command.hpp"
#include "repl/terminal.hpp"

namespace kith::repl {

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitQuery = 1;
constexpr int kExitUsage = 2;

// The bundled sample vault when kith runs from the repository (or its build folder), else the
// current folder: `kith` with no argument should show something, and never a surprise folder.
std::string default_vault() {
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "samples" / "vault", ec) && fs::exists(dir / "CMakeLists.txt", ec)) {
      return (dir / "samples" / "vault").string();
    }
    if (dir == dir.parent_path()) break;
  }
  return ".";
}

bool load(const std::string& path, loaders::Vault& vault) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    fmt::print(stderr, "kith: {}: not a folder\n", path);
    return false;
  }
  ProgressLine progress;
  loaders::LoadOptions options;
  if (progress.enabled()) {
    options.progress = [&](const loaders::LoadProgress& p) { progress.update(p); };
  }
  vault = loaders::read_vault(path, options);
  return true;
}

// A vault read and its graph built: what every query-running command starts from.
using Loaded = LoadedVault;

bool load_graph(const std::string& path, Loaded& loaded) {
  const auto started = fs::file_time_type::clock::now();
  if (!load(path, loaded.vault)) return false;
  build_loaded_vault(loaded, started);
  return true;
}

// The query guards given with --limit; every command's session starts from them.
query::QueryOptions command_line_limits;

bool read_limits(const std::vector<std::string>& pairs) {
  for (const auto& pair : pairs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "kith: --limit {}: expected NAME=VALUE, such as timeout=2m\n", pair);
      return false;
    }
    const auto problem = set_query_limit(command_line_limits, std::string_view(pair).substr(0, eq),
                                         std::string_view(pair).substr(eq + 1));
    if (problem) {
      fmt::print(stderr, "kith: --limit {}\n", *problem);
      return false;
    }
  }
  return true;
}

Session make_session(Loaded& loaded) {
  Session session(loaded.graph, loaded.vault, loaded.build, query::run_query, std::cout, std::cerr);
  session.limits = command_line_limits;
  session.format_options.color = color_wanted(STDOUT_FILENO);
  session.format_options.width = terminal_width(STDOUT_FILENO);
  session.reloadable = &loaded;
  return session;
}

// What was read, what the graph holds, how long each stage took and the memory it needed.
int run_stats(const std::string& path, bool json) {
  Loaded loaded;
  if (!load_graph(path, loaded)) return kExitUsage;
  const auto report = loaders::make_load_report(loaded.vault);
  const auto schema = summarize_schema(loaded.graph);
  const double peak_mb = static_cast<double>(peak_resident_bytes()) / (1 << 20);
  if (json) {
    auto j = loaders::load_report_json(report);
    auto& graph = j["graph"];
    graph["nodes"] = loaded.graph.node_count();
    graph["relationships"] = loaded.graph.relationship_count();
    graph["labels"] = nlohmann::json::object();
    graph["types"] = nlohmann::json::object();
    for (const auto& label : schema.labels)
      graph["labels"][label.name] = label.count;
    for (const auto& type : schema.types)
      graph["types"][type.name] = type.count;
    j["seconds"]["build"] = loaded.build.seconds;
    j["peak_memory_mb"] = peak_mb;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << loaders::format_load_report(report, SIZE_MAX) << "\n"
              << format_schema(schema)
              << fmt::format("\ngraph built in {:.2f} s; peak memory {:.0f} MB\n",
                             loaded.build.seconds, peak_mb);
  }
  return kExitOk;
}

// What `kith VAULT` shows when nothing is asked of it: what was read, then a few of the
// questions kith answers, each with the query that answers it, so the tour teaches the language.
void print_tour(const std::string& path, Session& session, const Loaded& loaded) {
  const auto report = loaders::make_load_report(loaded.vault);
  fmt::print("kith: {}\n\n{}", path, loaders::format_load_report(report, 10));
  fmt::print("\ngraph: {} nodes, {} relationships\n", loaded.graph.node_count(),
             loaded.graph.relationship_count());
  static constexpr std::pair<const char*, const char*> kTour[] = {
      {"Who reports to whom (and which lines are former ones)?",
       "MATCH (p:Person)-[r:REPORTS_TO]->(m:Person)\n"
       "RETURN p.name AS person, m.name AS manager, r.current AS current\n"
       "ORDER BY manager, person LIMIT 10;"},
      {"Who owns the most open tasks?",
       "MATCH (p:Person)-[:OWNS]->(t:Task {open: true})\n"
       "RETURN p.name AS owner, count(t) AS open, collect(t.text)[..2] AS some\n"
       "ORDER BY open DESC, owner LIMIT 5;"},
      {"Who decides, and who influences them?",
       "MATCH (d:Person)-[:DECIDES]->(x)\n"
       "MATCH (i:Person)-[f:INFLUENCES]->(d)\n"
       "RETURN d.name AS decides, x.name AS about, i.name AS influenced_by, f.weight AS weight\n"
       "ORDER BY weight DESC LIMIT 5;"},
  };
  for (const auto& [question, query] : kTour) {
    fmt::print("\n{}\n\n{}\n", question, query);
    std::stringstream statement(query);
    run_stream(session, statement, true);
  }
  fmt::print(
      "\nOpen it at a terminal with `kith {}` for the shell (:help lists its commands), or ask\n"
      "one question: kith query {} 'MATCH (p:Person) RETURN p.name'\n",
      path, path);
}

// `kith [VAULT]`: the REPL at a terminal; otherwise the statements on stdin, or the tour when
// stdin holds none (as when run with </dev/null).
int run_shell(const std::string& path) {
  Loaded loaded;
  if (!load_graph(path, loaded)) return kExitUsage;
  Session session = make_session(loaded);
  if (is_terminal(STDIN_FILENO)) return run_interactive(session);
  std::stringstream input;
  input << std::cin.rdbuf();
  bool holds_statements = true;  // an open string or comment: run_stream reports where
  try {
    holds_statements = !split_script(input.str()).empty();
  } catch (const ScriptError&) {
  }
  if (!holds_statements) {
    print_tour(path, session, loaded);
    return kExitOk;
  }
  session.source_name = "<stdin>";
  return run_stream(session, input, false);
}

bool read_parameters(const std::vector<std::string>& pairs, Map& parameters) {
  for (const auto& pair : pairs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "kith: --param {}: expected NAME=VALUE\n", pair);
      return false;
    }
    parameters[pair.substr(0, eq)] = parse_parameter(std::string_view(pair).substr(eq + 1));
  }
  return true;
}

std::optional<Format> format_option(const std::string& name) {
  const auto format = parse_format(name);
  if (!format)
    fmt::print(stderr, "kith: --format {}: not one of table, csv, tsv, json, jsonl\n", name);
  return format;
}

int run_query_command(const std::string& path, std::string text,
                      const std::vector<std::string>& params, const std::string& format_name) {
  const auto format = format_option(format_name);
  if (!format) return kExitUsage;
  Map parameters;
  if (!read_parameters(params, parameters)) return kExitUsage;
  if (text == "-") {
    std::stringstream in;
    in << std::cin.rdbuf();
    text = in.str();
  }
  Loaded loaded;
  if (!load_graph(path, loaded)) return kExitUsage;
  Session session = make_session(loaded);
  session.parameters = std::move(parameters);
  session.format = *format;
  // Usually one statement, its ';' optional; like sqlite3, several run in order.
  std::istringstream in(text);
  return run_stream(session, in, false) == 0 ? kExitOk : kExitQuery;
}

int run_doctor(const std::string& path, bool json) {
  Loaded loaded;
  if (!load_graph(path, loaded)) return kExitUsage;
  const auto load_report = loaders::make_load_report(loaded.vault);
  if (json) {
    std::cout << doctor_report_json(loaded.build, load_report).dump(2) << "\n";
  } else {
    std::cout << format_doctor_report(loaded.build, load_report);
  }
  return kExitOk;
}

int run_export_command(const std::string& path, const ExportRequest& request,
                       const std::vector<std::string>& params) {
  Map parameters;
  if (!read_parameters(params, parameters)) return kExitUsage;
  Loaded loaded;
  if (!load_graph(path, loaded)) return kExitUsage;
  Session session = make_session(loaded);
  session.parameters = std::move(parameters);
  return run_export(session, request);
}

int run_script_command(const std::string& path, const std::string& script, bool keep_going,
                       const std::string& format_name) {
  const auto format = format_option(format_name);
  if (!format) return kExitUsage;
  std::ifstream in(script, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "kith: {}: cannot read the script\n", script);
    return kExitUsage;
  }
  Loaded loaded;
  if (!load_graph(path, loaded)) return kExitUsage;
  Session session = make_session(loaded);
  session.source_name = script;
  session.format = *format;  // until the script's own :format
  return run_stream(session, in, keep_going);
}

int run_tasks_subcommand(const std::string& path, const TasksCommandArguments& args,
                         const std::string& format_name) {
  const auto format = format_option(format_name);
  if (!format) return kExitUsage;
  Loaded loaded;
  if (!load_graph(path, loaded)) return kExitUsage;
  Session session = make_session(loaded);
  session.format = *format;
  return run_tasks_command(session, args);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"kith: the people in your notes, as a graph you can query"};
  app.set_version_flag("--version", "kith 0.1.0");
  app.require_subcommand(0, 1);
  std::string vault_path;
  app.add_option("vault", vault_path, "the vault folder (default: the sample vault in a checkout)");

  auto* stats = app.add_subcommand(
      "stats",
      "what a load reads and builds: notes by kind, warnings, graph counts, timings, memory");
  std::string stats_vault;
  bool stats_json = false;
  stats->add_option("vault", stats_vault, "the vault folder")->required();
  stats->add_flag("--json", stats_json, "print the report as JSON");

  auto* query = app.add_subcommand("query", "run one query and print its result");
  std::string query_vault;
  std::string query_text;
  std::vector<std::string> query_params;
  std::string query_format = "table";
  query->add_option("vault", query_vault, "the vault folder")->required();
  query->add_option("query", query_text, "the query, or - to read it from stdin")->required();
  query
      ->add_option("-p,--param", query_params,
                   "NAME=VALUE: set $NAME; VALUE is a literal (42, 'text', [1, 2]) or else text")
      ->take_all();
  query->add_option("-f,--format", query_format, "table, csv, tsv, json or jsonl")
      ->capture_default_str();
  std::vector<std::string> limits;
  const std::string limit_help =
      "NAME=VALUE: a query guard (timeout=2m, max_rows=N, max_memory_bytes=8GB, "
      "var_length_bound=30); `:limit` in the shell lists them";
  app.add_option("-l,--limit", limits, limit_help)->allow_extra_args(false);
  query->add_option("-l,--limit", limits, limit_help)->allow_extra_args(false);

  auto* run = app.add_subcommand("run", "run a script of statements (each ending with ';')");
  std::string run_vault;
  std::string run_script;
  bool keep_going = false;
  run->add_option("vault", run_vault, "the vault folder")->required();
  run->add_option("script", run_script,
                  "the script: statements ending with ';', // and /* */ comments, :commands")
      ->required();
  run->add_flag("-k,--keep-going", keep_going,
                "run every statement even after one fails (the exit code still says so)");
  std::string run_format = "table";
  run->add_option("-f,--format", run_format,
                  "table, csv, tsv, json or jsonl, until the script sets its own with :format")
      ->capture_default_str();
  run->add_option("-l,--limit", limits, limit_help)->allow_extra_args(false);

  auto* tasks = app.add_subcommand(
      "tasks", "run an Obsidian Tasks query (the text of a ```tasks block) and list the tasks");
  std::string tasks_vault;
  TasksCommandArguments tasks_args;
  std::string tasks_format = "table";
  tasks->add_option("vault", tasks_vault, "the vault folder")->required();
  auto* tasks_query = tasks->add_option(
      "query", tasks_args.query,
      "the query, one instruction per line, or - to read it from stdin (default: not done)");
  tasks
      ->add_option("-n,--note", tasks_args.note,
                   "run each ```tasks block of this note (a path in the vault) instead")
      ->excludes(tasks_query);
  tasks->add_option("--today", tasks_args.today,
                    "the date 'today' stands for, YYYY-MM-DD (default: $KITH_TODAY, else the "
                    "local date)");
  tasks->add_flag("--cypher", tasks_args.show_cypher, "print the Cypher each query runs first");
  tasks->add_option("-f,--format", tasks_format, "table (a task list), csv, tsv, json or jsonl")
      ->capture_default_str();
  tasks->add_option("-l,--limit", limits, limit_help)->allow_extra_args(false);
  tasks->footer(
      "Instructions, one a line ('#' starts a comment, a trailing '\\' continues the line):\n"
      "  not done | done\n"
      "  due|scheduled|starts|created|done|happens [before|after|on|in|on or before|on or after] "
      "DATE\n"
      "      DATE: 2026-11-03, today, tomorrow, in 3 days, next monday; or a range: this week,\n"
      "      next month, last quarter, 2026-11, 2026-W45, 2026-Q4, 2026\n"
      "  has|no due|scheduled|start|created|done|happens date\n"
      "  path|description|filename includes|does not include TEXT\n"
      "  tags include|do not include TAG;  has tags;  no tags\n"
      "  priority is [above|below|not] highest|high|medium|none|low|lowest\n"
      "  status.type is [not] TODO|IN_PROGRESS|DONE|CANCELLED|NON_TASK|ON_HOLD\n"
      "  (a) AND (b), (a) OR (b), NOT (a), (a) XOR (b)\n"
      "  sort by status|due|scheduled|start|created|done|priority|path|filename|description "
      "[reverse]\n"
      "  group by owner|path|folder|filename|due|priority|status\n"
      "  limit N;  limit groups N;  explain (print the Cypher)\n"
      "Exit codes: 0 success, 1 a query failed, 2 bad usage or the vault could not be read.");
  auto* doctor = app.add_subcommand(
      "doctor",
      "what building the graph decided, with evidence: merged spellings, similar names "
      "kept apart, unresolved names, contradictions, warnings");
  std::string doctor_vault;
  bool doctor_json = false;
  doctor->add_option("vault", doctor_vault, "the vault folder")->required();
  doctor->add_flag("--json", doctor_json, "print the report as JSON");

  auto* exporter = app.add_subcommand(
      "export",
      "write the graph, a query's result or an org chart as dot, svg, png, graphml or json");
  std::string export_vault;
  ExportRequest export_request;
  std::string export_query;
  std::string export_account;
  std::vector<std::string> export_params;
  exporter->add_option("vault", export_vault, "the vault folder")->required();
  exporter
      ->add_option("-o,--output", export_request.file,
                   "the file to write, never inside the vault; - for stdout (not png)")
      ->required();
  exporter->add_option("-f,--format", export_request.format,
                       "dot, svg, png, graphml or json (default: from the file's extension); svg "
                       "and png are drawn by Graphviz");
  auto* export_query_option = exporter->add_option(
      "-q,--query", export_query,
      "export the nodes, relationships and paths this query returns (MATCH p = ... RETURN p), "
      "instead of the whole graph");
  auto* orgchart_option = exporter->add_option(
      "--orgchart", export_account,
      "the org chart of ACCOUNT (its name, an alias or its mail domain): people with titles, "
      "current lines solid, former dashed, chiefs of staff beside their principal");
  auto* all_option = exporter->add_flag(
      "--all", export_request.all_accounts,
      "the org chart of every account, each a cluster, with the lines between them");
  exporter->add_option("-l,--limit", limits, limit_help)->allow_extra_args(false);
  exporter->add_option("-p,--param", export_params, "NAME=VALUE: set $NAME for --query")
      ->take_all();
  export_query_option->excludes(orgchart_option)->excludes(all_option);
  orgchart_option->excludes(all_option);
  exporter->footer(
      "Exit codes: 0 written, 1 the query failed or returned nothing to export, 2 bad usage, an "
      "unknown account, a file inside the vault or one that cannot be written.");

  // Set last: subcommands made after it would inherit it.
  app.footer(
      "With no command, kith opens an interactive shell on VAULT at a terminal; with stdin not "
      "a terminal it runs the statements read from stdin (or, given none, describes the vault).\n"
      "Exit codes: 0 success, 1 a query failed, 2 bad usage or the vault could not be read.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!read_limits(limits)) return kExitUsage;
  if (stats->parsed()) return run_stats(stats_vault, stats_json);
  if (query->parsed())
    return run_query_command(query_vault, query_text, query_params, query_format);
  if (run->parsed()) return run_script_command(run_vault, run_script, keep_going, run_format);
  if (tasks->parsed()) return run_tasks_subcommand(tasks_vault, tasks_args, tasks_format);
  if (doctor->parsed()) return run_doctor(doctor_vault, doctor_json);
  if (exporter->parsed()) {
    if (export_query_option->count()) export_request.query = export_query;
    if (orgchart_option->count()) export_request.account = export_account;
    return run_export_command(export_vault, export_request, export_params);
  }
  return run_shell(vault_path.empty() ? default_vault() : vault_path);
}

}  // namespace kith::repl
