// The session with a query runner that stands in for the engine: it answers from the
// parameters it is given, or fails where the text says, so what is tested is the shell's part.
#include "repl/session.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "query/query_error.hpp"
#include "repl/commands.hpp"
#include "repl/repl.hpp"

namespace kith::repl {
namespace {

query::Result answer(Graph&, std::string_view text, const Map& parameters,
                     const query::QueryOptions& options) {
  EXPECT_NE(options.cancel, nullptr) << "every query can be cancelled";
  if (text.find("FAIL") != std::string_view::npos) {
    // Report the position of FAIL within the statement, as the engine reports errors.
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < text.find("FAIL"); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw query::QueryError(query::ErrorPhase::CompileTime, "SyntaxError", "InvalidSyntax",
                            "no such thing as FAIL", line, column);
  }
  query::Result r;
  r.columns = {"text"};
  r.rows.push_back({Value(std::string(text))});
  for (const auto& [name, value] : parameters)
    r.rows.push_back({Value(name + "=" + to_cypher(value))});
  return r;
}

struct Fixture {
  Graph graph;
  loaders::Vault vault;
  loaders::BuildReport build;
  std::ostringstream out;
  std::ostringstream err;
  Session session{graph, vault, build, answer, out, err};
};

TEST(Session, RunsQueriesWithTheParametersInTheChosenFormat) {
  Fixture f;
  f.session.format = Format::Csv;
  ASSERT_EQ(run_command(f.session, ":param who 'Wen Li'"), Outcome::Ok) << f.err.str();
  Statement s;
  s.text = "RETURN $who";
  EXPECT_EQ(run_statement(f.session, s), Outcome::Ok) << f.err.str();
  EXPECT_EQ(f.out.str(), "text\r\nRETURN $who\r\nwho='Wen Li'\r\n");
}

TEST(Session, LimitSetsTheGuardsOfTheQueriesThatFollow) {
  Graph graph;
  loaders::Vault vault;
  loaders::BuildReport build;
  std::ostringstream out;
  std::ostringstream err;
  query::QueryOptions seen;
  Session session{graph,
                  vault,
                  build,
                  [&](Graph&, std::string_view, const Map&, const query::QueryOptions& options) {
                    seen = options;
                    return query::Result{};
                  },
                  out,
                  err};
  ASSERT_EQ(run_command(session, ":limit timeout 90s"), Outcome::Ok) << err.str();
  ASSERT_EQ(run_command(session, ":limit var_length_bound  40"), Outcome::Ok) << err.str();
  EXPECT_EQ(run_command(session, ":limit max_rows many"), Outcome::Failed);
  EXPECT_NE(err.str().find("max_rows many"), std::string::npos) << err.str();
  EXPECT_EQ(run_command(session, ":limit timeout"), Outcome::Failed);
  Statement s;
  s.text = "RETURN 1";
  ASSERT_EQ(run_statement(session, s), Outcome::Ok) << err.str();
  EXPECT_EQ(seen.timeout, std::chrono::seconds(90));
  EXPECT_EQ(seen.var_length_bound, 40);
  EXPECT_EQ(seen.max_rows, query::QueryOptions{}.max_rows);
  EXPECT_NE(seen.cancel, nullptr);
  out.str("");
  ASSERT_EQ(run_command(session, ":limit"), Outcome::Ok);
  EXPECT_NE(out.str().find("timeout           90s"), std::string::npos) << out.str();
}

TEST(Session, ScriptErrorsNameTheFileLineAndColumn) {
  Fixture f;
  f.session.source_name = "people.kq";
  std::istringstream script("RETURN 1;\n// two\n  RETURN 2,\n    FAIL;\nRETURN 3;\n");
  EXPECT_EQ(run_stream(f.session, script, false), 1);
  EXPECT_EQ(f.err.str(), "people.kq:4:5: SyntaxError: no such thing as FAIL\n");
  EXPECT_NE(f.out.str().find("RETURN 1"), std::string::npos);
  EXPECT_EQ(f.out.str().find("RETURN 3"), std::string::npos) << "stops at the first error";
}

TEST(Session, KeepGoingRunsTheRestButStillFails) {
  Fixture f;
  f.session.source_name = "s.kq";
  std::istringstream script("RETURN FAIL; RETURN 3;");
  EXPECT_EQ(run_stream(f.session, script, true), 1);
  EXPECT_EQ(f.err.str(), "s.kq:1:8: SyntaxError: no such thing as FAIL\n");
  EXPECT_NE(f.out.str().find("RETURN 3"), std::string::npos);
}

TEST(Session, AtThePromptErrorsPointAtTheColumn) {
  Fixture f;
  Statement s;
  s.text = "MATCH (n)\nRETURN  FAIL";
  EXPECT_EQ(run_statement(f.session, s), Outcome::Failed);
  EXPECT_EQ(f.err.str(), "SyntaxError: no such thing as FAIL\n  RETURN  FAIL\n          ^\n");
}

TEST(Session, UnterminatedStringInAScript) {
  Fixture f;
  f.session.source_name = "s.kq";
  std::istringstream script("RETURN 1;\nRETURN 'x;\n");
  EXPECT_EQ(run_stream(f.session, script, false), 1);
  EXPECT_EQ(f.err.str(), "s.kq:2:8: SyntaxError: unterminated string\n");
}

TEST(Session, QuitEndsAScript) {
  Fixture f;
  std::istringstream script("RETURN 1;\n:quit\nRETURN 2;\n");
  EXPECT_EQ(run_stream(f.session, script, false), 0);
  EXPECT_EQ(f.out.str().find("RETURN 2"), std::string::npos);
}

TEST(Commands, ParamsFormatAndTiming) {
  Fixture f;
  EXPECT_EQ(run_command(f.session, ":param n [1, 2]"), Outcome::Ok);
  EXPECT_EQ(run_command(f.session, ":param $m {a: 'x'}"), Outcome::Ok);
  EXPECT_EQ(run_command(f.session, ":params"), Outcome::Ok);
  EXPECT_EQ(f.out.str(), ":param m {a: 'x'}\n:param n [1, 2]\n");
  EXPECT_EQ(run_command(f.session, ":params clear"), Outcome::Ok);
  EXPECT_TRUE(f.session.parameters.empty());
  EXPECT_EQ(run_command(f.session, ":param n [1,"), Outcome::Failed);
  EXPECT_NE(f.err.str().find(":param n:"), std::string::npos) << f.err.str();
  EXPECT_EQ(run_command(f.session, ":param 1x 2"), Outcome::Failed);
  EXPECT_EQ(run_command(f.session, ":format jsonl"), Outcome::Ok);
  EXPECT_EQ(f.session.format, Format::Jsonl);
  EXPECT_EQ(run_command(f.session, ":format yaml"), Outcome::Failed);
  EXPECT_EQ(run_command(f.session, ":timing on"), Outcome::Ok);
  EXPECT_TRUE(f.session.timing);
  EXPECT_EQ(run_command(f.session, ":timing maybe"), Outcome::Failed);
  EXPECT_EQ(run_command(f.session, ":nope"), Outcome::Failed);
  EXPECT_EQ(run_command(f.session, ":quit"), Outcome::Quit);
}

TEST(Commands, SchemaCountsLabelsAndTypes) {
  Fixture f;
  const SymbolId person = f.graph.intern_label("Person");
  const SymbolId name = f.graph.intern_key("name");
  const NodeId a = f.graph.create_node({&person, 1}, {{name, Value("A")}});
  const NodeId b = f.graph.create_node({&person, 1}, {{name, Value("B")}});
  f.graph.create_relationship(a, b, f.graph.intern_type("REPORTS_TO"));
  EXPECT_EQ(run_command(f.session, ":schema"), Outcome::Ok);
  const std::string text = f.out.str();
  EXPECT_NE(text.find("(:Person)"), std::string::npos) << text;
  EXPECT_NE(text.find("2  {name}"), std::string::npos) << text;
  EXPECT_NE(text.find("[:REPORTS_TO]"), std::string::npos) << text;
}

TEST(Commands, InfluencersPrintsTheQueryItRunsThenItsResult) {
  Fixture f;
  f.session.format = Format::Csv;
  EXPECT_EQ(run_command(f.session, ":influencers 'O'Brien'"), Outcome::Ok) << f.err.str();
  const std::string query =
      "CALL kith.influencers('O\\'Brien') YIELD person, score, reasons "
      "RETURN person.name AS person, round(score, 3) AS score, reasons";
  EXPECT_EQ(f.out.str(), query + "\ntext\r\n\"" + query + "\"\r\n");
  EXPECT_EQ(run_command(f.session, ":influencers"), Outcome::Failed);
  EXPECT_NE(f.err.str().find("usage: :influencers NAME"), std::string::npos) << f.err.str();
}

TEST(Commands, HelpListsEveryCommand) {
  Fixture f;
  EXPECT_EQ(run_command(f.session, ":help"), Outcome::Ok);
  for (const auto& c : shell_commands())
    EXPECT_NE(f.out.str().find(c.usage), std::string::npos) << c.name;
}

}  // namespace
}  // namespace kith::repl
