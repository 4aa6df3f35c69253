#include "repl/repl.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "repl/commands.hpp"
#include "repl/completion.hpp"
#include "repl/history_path.hpp"
#include "repl/line_editor.hpp"
#include "repl/schema_summary.hpp"
#include "repl/terminal.hpp"

namespace kith::repl {

namespace {

constexpr const char* kPrompt = "kith> ";
constexpr const char* kContinuation = "  ...> ";

CompletionWords graph_words(const Graph& graph) {
  CompletionWords words;
  const SchemaSummary schema = summarize_schema(graph);
  for (const auto& e : schema.labels)
    words.labels.push_back(e.name);
  for (const auto& e : schema.types)
    words.types.push_back(e.name);
  words.keys = schema.keys;
  words.names = node_names(graph, {"Person", "Account"});
  for (const auto& c : shell_commands())
    words.commands.emplace_back(c.name);
  for (const auto f : format_names())
    words.formats.emplace_back(f);
  return words;
}

}  // namespace

int run_interactive(Session& session) {
  // The prompt and editing go where the user looks: stdout, unless it is redirected.
  std::FILE* screen = is_terminal(STDOUT_FILENO) ? stdout : stderr;
  // The graph's words change with writes and :reload; they are read again at the first Tab
  // after a statement ran, not on every key.
  CompletionWords graph_completions = graph_words(session.graph);
  bool graph_changed = false;
  StatementSplitter splitter;
  LineEditor editor(stdin, screen, [&](std::string_view line) {
    if (graph_changed) {
      graph_completions = graph_words(session.graph);
      graph_changed = false;
    }
    CompletionWords words = graph_completions;
    for (const auto& [name, value] : session.parameters)
      words.parameters.push_back(name);
    return complete(splitter, line, words);
  });
  if (auto file = history_path(session.vault.root)) editor.use_history_file(*file);
  InterruptGuard guard;

  fmt::print(screen,
             "kith 0.1.0: {} nodes, {} relationships from {}\n"
             "Statements end with ';'. :help for help, :quit or Ctrl-D to leave.\n",
             session.graph.node_count(), session.graph.relationship_count(),
             session.vault.root.string());
  std::fflush(screen);

  std::string entry;  // the statement's lines, for the history
  while (true) {
    const InputLine input = editor.read_line(splitter.pending() ? kContinuation : kPrompt);
    if (input.kind == InputLine::Kind::End) {
      std::fputc('\n', screen);
      return 0;
    }
    if (input.kind == InputLine::Kind::Interrupted) {
      splitter.reset();
      entry.clear();
      continue;
    }
    // A statement recalled from the history holds its line breaks; feed it line by line.
    std::string_view text = input.text;
    while (true) {
      const std::size_t nl = text.find('\n');
      splitter.feed_line(text.substr(0, nl));
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
    if (!entry.empty()) entry += '\n';
    entry += input.text;
    if (!splitter.pending()) {
      editor.add_history(entry);
      entry.clear();
    }
    for (const Statement& statement : splitter.take()) {
      session.format_options.width = terminal_width(STDOUT_FILENO);
      if (run_statement(session, statement) == Outcome::Quit) return 0;
      graph_changed = true;
    }
  }
}

int run_stream(Session& session, std::istream& in, bool keep_going) {
  StatementSplitter splitter;
  int exit_code = 0;
  auto run = [&](const std::vector<Statement>& statements) {
    for (const Statement& statement : statements) {
      const Outcome outcome = run_statement(session, statement);
      if (outcome == Outcome::Quit) return false;
      if (outcome == Outcome::Failed) {
        exit_code = 1;
        if (!keep_going) return false;
      }
    }
    return true;
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    splitter.feed_line(line);
    if (!run(splitter.take())) return exit_code;
  }
  try {
    run(splitter.finish());
  } catch (const ScriptError& e) {
    if (session.source_name.empty()) {
      session.err << fmt::format("SyntaxError: {} (line {}, column {})\n", e.what(), e.line(),
                                 e.column());
    } else {
      session.err << fmt::format("{}:{}:{}: SyntaxError: {}\n", session.source_name, e.line(),
                                 e.column(), e.what());
    }
    return 1;
  }
  return exit_code;
}

}  // namespace kith::repl
