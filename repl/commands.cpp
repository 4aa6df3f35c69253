#include "repl/commands.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "loaders/load_report.hpp"
#include "repl/export_command.hpp"
#include "repl/literal.hpp"
#include "repl/query_limits.hpp"
#include "repl/reload_command.hpp"
#include "repl/schema_summary.hpp"
#include "repl/tasks_command.hpp"
#include "repl/why_command.hpp"

namespace kith::repl {

namespace {

const std::vector<CommandInfo> kCommands = {
    {":help", ":help", "this list"},
    {":quit", ":quit", "leave (Ctrl-D does too)"},
    {":exit", ":exit", "leave"},
    {":param", ":param NAME VALUE", "set $NAME to a literal: 42, 'text', [1, 2], {a: 1}"},
    {":params", ":params [clear]", "list the parameters, or forget them all"},
    {":format", ":format [table|csv|tsv|json|jsonl]", "show or set how results are printed"},
    {":timing", ":timing [on|off]", "show how long each query took"},
    {":limit", ":limit [NAME VALUE]", "show or set a query guard: timeout, max_rows, ..."},
    {":stats", ":stats", "what was read from the vault and what the graph holds"},
    {":schema", ":schema", "node labels and relationship types, with counts and properties"},
    {":tasks", ":tasks [QUERY]", "an Obsidian Tasks query (default: not done) and its Cypher"},
    {":why", ":why", "the evidence (file:line, rule, sentence) of each relationship just returned"},
    {":export", ":export [FORMAT] FILE", "write the last result: dot, svg, png, graphml or json"},
    {":orgchart", ":orgchart ACCOUNT|--all [FILE]", "an account's org chart: .dot, .svg or .png"},
    {":reload", ":reload", "read the files changed since the vault was read; rebuild the graph"},
    {":influencers", ":influencers NAME", "who influences NAME, through whom and why"},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

// Splits "NAME rest" at the first blank.
std::pair<std::string_view, std::string_view> first_word(std::string_view s) {
  s = trim(s);
  std::size_t end = 0;
  while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])))
    ++end;
  return {s.substr(0, end), trim(s.substr(end))};
}

Outcome usage(Session& s, std::string_view name) {
  for (const auto& c : kCommands) {
    if (c.name == name) s.err << "usage: " << c.usage << '\n';
  }
  return Outcome::Failed;
}

Outcome help(Session& s) {
  std::size_t width = 0;
  for (const auto& c : kCommands)
    width = std::max(width, c.usage.size());
  s.out << "Statements end with ';' and may span lines. Commands:\n";
  for (const auto& c : kCommands)
    s.out << fmt::format("  {:<{}}  {}\n", c.usage, width, c.help);
  s.out << "Tab completes keywords, labels, types, properties and, inside quotes, names.\n"
           "Ctrl-C cancels the statement being typed or the query running; Ctrl-D leaves.\n";
  return Outcome::Ok;
}

bool valid_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

Outcome param(Session& s, std::string_view args) {
  auto [name, value_text] = first_word(args);
  if (!name.empty() && name.front() == '$') name.remove_prefix(1);
  if (!valid_name(name) || value_text.empty()) return usage(s, ":param");
  std::string error;
  auto value = parse_literal(value_text, &error);
  if (!value) {
    s.err << fmt::format("error: :param {}: {}\n", name, error);
    return Outcome::Failed;
  }
  s.parameters[std::string(name)] = std::move(*value);
  return Outcome::Ok;
}

Outcome params(Session& s, std::string_view args) {
  if (args == "clear") {
    s.parameters.clear();
    return Outcome::Ok;
  }
  if (!args.empty()) return usage(s, ":params");
  for (const auto& [name, value] : s.parameters) {
    s.out << fmt::format(":param {} {}\n", name, to_cypher(value));
  }
  return Outcome::Ok;
}

Outcome format(Session& s, std::string_view args) {
  if (args.empty()) {
    s.out << format_name(s.format) << '\n';
    return Outcome::Ok;
  }
  const auto f = parse_format(args);
  if (!f) {
    s.err << fmt::format("error: unknown format '{}' (one of: {})\n", args,
                         fmt::join(format_names(), ", "));
    return Outcome::Failed;
  }
  s.format = *f;
  return Outcome::Ok;
}

Outcome timing(Session& s, std::string_view args) {
  if (args.empty()) {
    s.out << (s.timing ? "on" : "off") << '\n';
    return Outcome::Ok;
  }
  if (args != "on" && args != "off") return usage(s, ":timing");
  s.timing = args == "on";
  return Outcome::Ok;
}

Outcome limit(Session& s, std::string_view args) {
  if (args.empty()) {
    s.out << describe_query_limits(s.limits);
    return Outcome::Ok;
  }
  const std::size_t space = args.find_first_of(" \t");
  if (space == std::string_view::npos) return usage(s, ":limit");
  std::string_view value = args.substr(space + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  if (const auto problem = set_query_limit(s.limits, args.substr(0, space), value)) {
    s.err << "error: " << *problem << '\n';
    return Outcome::Failed;
  }
  return Outcome::Ok;
}

Outcome stats(Session& s) {
  s.out << loaders::format_load_report(loaders::make_load_report(s.vault), 10);
  s.out << fmt::format("graph: {} nodes, {} relationships\n", s.graph.node_count(),
                       s.graph.relationship_count());
  return Outcome::Ok;
}

// Prints the query it stands for, so the user learns the procedure, then runs it.
Outcome influencers(Session& s, std::string_view name) {
  if (name.size() >= 2 && (name.front() == '\'' || name.front() == '"') &&
      name.back() == name.front()) {
    name = name.substr(1, name.size() - 2);
  }
  if (name.empty()) return usage(s, ":influencers");
  Statement query;
  query.text = fmt::format(
      "CALL kith.influencers({}) YIELD person, score, reasons "
      "RETURN person.name AS person, round(score, 3) AS score, reasons",
      to_cypher(Value(std::string(name))));
  s.out << query.text << '\n';
  return run_statement(s, query);
}

}  // namespace

const std::vector<CommandInfo>& shell_commands() {
  return kCommands;
}

Outcome run_command(Session& session, std::string_view line) {
  const auto [name, args] = first_word(line);
  if (name == ":help" || name == ":h" || name == ":?")
    return args.empty() ? help(session) : usage(session, ":help");
  if (name == ":quit" || name == ":exit" || name == ":q") return Outcome::Quit;
  if (name == ":param") return param(session, args);
  if (name == ":params") return params(session, args);
  if (name == ":format") return format(session, args);
  if (name == ":timing") return timing(session, args);
  if (name == ":limit") return limit(session, args);
  if (name == ":stats") return args.empty() ? stats(session) : usage(session, ":stats");
  if (name == ":influencers") return influencers(session, args);
  if (name == ":schema") {
    if (!args.empty()) return usage(session, ":schema");
    session.out << format_schema(summarize_schema(session.graph));
    return Outcome::Ok;
  }
  if (name == ":tasks") return tasks_shell_command(session, args);
  if (name == ":why") return args.empty() ? why_command(session) : usage(session, ":why");
  if (name == ":export") return export_command(session, args);
  if (name == ":orgchart") return orgchart_command(session, args);
  if (name == ":reload") return args.empty() ? reload_command(session) : usage(session, ":reload");
  session.err << fmt::format("error: unknown command '{}' (:help lists them)\n", name);
  return Outcome::Failed;
}

}  // namespace kith::repl
