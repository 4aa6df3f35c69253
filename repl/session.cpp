#include "repl/session.hpp"

#include <chrono>

#include <fmt/format.h>

#include "query/caret_lines.hpp"
#include "query/query_error.hpp"
#include "repl/commands.hpp"
#include "repl/line_editor.hpp"
#include "repl/query_limits.hpp"

namespace kith::repl {

namespace {

// The statement's `line`-th line (1-based).
std::string_view statement_line(std::string_view text, std::size_t line) {
  for (std::size_t i = 1; i < line; ++i) {
    const std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return {};
    text.remove_prefix(nl + 1);
  }
  return text.substr(0, text.find('\n'));
}

// The message as printed: after the script position, or with a caret line at the prompt.
std::string describe_query_error_text(const Session& session, const Statement& statement,
                                      const query::QueryError* q, const std::string& kind,
                                      std::string_view message) {
  // The parser's messages bring their own caret lines (windowed around the column on long
  // lines); draw one only for errors that come without.
  const bool has_caret = message.find('\n') != std::string_view::npos;
  if (!session.source_name.empty()) {
    const SourcePosition at = q ? source_position(statement, q->line(), q->column())
                                : SourcePosition{statement.line, statement.column};
    // "syntax error at L:C" counts from the statement; the script's position leads instead.
    constexpr std::string_view kAt = "syntax error at ";
    if (message.starts_with(kAt)) {
      const std::size_t colon = message.find(": ", kAt.size());
      if (colon != std::string_view::npos && colon < message.find('\n'))
        message.remove_prefix(colon + 2);
    }
    return fmt::format("{}:{}:{}: {}: {}\n", session.source_name, at.line, at.column, kind,
                       message);
  }
  std::string out = fmt::format("{}: {}\n", kind, message);
  if (q && q->line() > 0 && q->column() > 0 && !has_caret) {
    out += query::caret_lines(statement_line(statement.text, q->line()), q->column()) + "\n";
  }
  return out;
}

}  // namespace

std::string describe_query_error(const Session& session, const Statement& statement,
                                 const std::exception& error) {
  const auto* q = dynamic_cast<const query::QueryError*>(&error);
  const std::string kind = q ? q->error_class() : "Error";
  std::string_view message = error.what();
  if (kind == "LimitExceeded") {
    const std::string hint = how_to_raise(message);
    if (!hint.empty())
      return describe_query_error_text(session, statement, q, kind,
                                       fmt::format("{}; {}", message, hint));
  }
  return describe_query_error_text(session, statement, q, kind, message);
}

std::optional<query::Result> run_query_statement(Session& session, const Statement& statement) {
  query::QueryOptions options = session.limits;
  interrupted().store(false);
  options.cancel = &interrupted();
  try {
    return session.run_query(session.graph, statement.text, session.parameters, options);
  } catch (const std::exception& e) {
    session.err << describe_query_error(session, statement, e);
  }
  return std::nullopt;
}

Outcome run_statement(Session& session, const Statement& statement) {
  if (statement.kind == Statement::Kind::Command) return run_command(session, statement.text);
  const auto start = std::chrono::steady_clock::now();
  std::optional<query::Result> result = run_query_statement(session, statement);
  if (!result) return Outcome::Failed;
  FormatOptions format_options = session.format_options;
  if (session.timing) {
    format_options.elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if (!result->plan.empty())
    session.out << result->plan << (result->plan.back() == '\n' ? "" : "\n");
  write_result(session.out, *result, session.graph, session.format, format_options);
  session.out.flush();
  session.last_result = std::move(result);
  return Outcome::Ok;
}

}  // namespace kith::repl
