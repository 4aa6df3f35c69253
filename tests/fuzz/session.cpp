// The shell on arbitrary input, as `kith VAULT < input` runs it: the check that tells a script
// from no statements at all, the statement splitter fed line by line, then every statement
// (queries under tight guards, and the :commands with their argument and literal parsing)
// against the small graph of small_graph.hpp. A statement must end as output, an error
// message or :quit; any exception escaping it is a finding.
//
// :export and :orgchart are skipped: they write files wherever their argument says (the export
// target covers what they write). A :limit may run, but the guards are put back after it.
// Each query is held to 200 ms, but an input may hold hundreds of them: after two seconds the
// rest are not run, so that a run over libFuzzer's time limit means one statement that hung.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>
#include <string>

#include "fuzz_target.hpp"
#include "loaders/build_report.hpp"
#include "loaders/vault.hpp"
#include "repl/script.hpp"
#include "repl/session.hpp"
#include "small_graph.hpp"

namespace {

bool writes_files(const kith::repl::Statement& statement) {
  if (statement.kind != kith::repl::Statement::Kind::Command) return false;
  std::string_view text = statement.text;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  return text.starts_with(":export") || text.starts_with(":orgchart");
}

}  // namespace

KITH_FUZZ_TARGET(session) {
  using namespace kith::repl;
  std::string_view input = kith::fuzz::as_text(data, size);
  const auto lines = static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n') + 1);
  try {
    for (const Statement& statement : split_script(input))
      FUZZ_CHECK(statement.line >= 1 && statement.line <= lines);
  } catch (const ScriptError& e) {
    FUZZ_CHECK(e.line() >= 1 && e.line() <= lines);
  }

  kith::Graph graph;
  kith::fuzz::build_small_graph(graph);
  const kith::loaders::Vault vault;
  const kith::loaders::BuildReport build;
  std::ostringstream out;
  std::ostringstream err;
  Session session(graph, vault, build, kith::query::run_query, out, err);
  session.limits = kith::fuzz::small_query_options();
  session.source_name = "<stdin>";

  StatementSplitter splitter;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  auto run = [&](const std::vector<Statement>& statements) {
    for (const Statement& statement : statements) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      if (writes_files(statement)) continue;
      if (run_statement(session, statement) == Outcome::Quit) return false;
      session.limits = kith::fuzz::small_query_options();
    }
    return true;
  };
  while (!input.empty()) {
    const std::size_t end = std::min(input.find('\n'), input.size());
    std::string_view line = input.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    splitter.feed_line(line);
    if (!run(splitter.take())) return 0;
    input.remove_prefix(std::min(end + 1, input.size()));
  }
  try {
    run(splitter.finish());
  } catch (const ScriptError&) {
    // Reported as a SyntaxError at its line and column by the shell.
  }
  return 0;
}
