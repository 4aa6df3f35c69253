// End-to-end: a query that explodes is stopped with a message naming the limit, and the
// session it ran in (a script, or the interactive shell with its parameters and settings)
// goes on to the next statement.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pty_shell.hpp"
#include "run_kith.hpp"

namespace kith::testing {
namespace {

TEST(QueryGuardCli, AnExplodingStatementFailsAloneAndTheScriptGoesOn) {
  const auto script = std::filesystem::temp_directory_path() / "kith-explode.kq";
  std::ofstream(script) << "UNWIND range(1, 9000000000000) AS i RETURN i;\n"
                           "RETURN reduce(s = 'x', i IN range(1, 40) | s + s) AS s;\n"
                           "MATCH (p:Person) RETURN count(p) > 0 AS still_here;\n";
  const auto r =
      run_kith({"run", "samples/vault", script.string(), "--keep-going", "--format", "csv"});
  std::filesystem::remove(script);
  EXPECT_EQ(r.exit_code, 1) << "a failed statement fails the run";
  EXPECT_NE(r.err.find("kith-explode.kq:1:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("more than 4194304 elements"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith-explode.kq:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("more than 67108864 bytes"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "still_here\r\ntrue\r\n");
}

TEST(QueryGuardCli, EachGuardStopsItsQueryAndTheShellKeepsItsSession) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  for (const char* setting :
       {":param who 'Mira Okafor'", ":format csv", ":limit timeout 1s", ":limit max_rows 1000"}) {
    shell.type(std::string(setting) + "\r");
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  }
  const struct {
    const char* query;
    const char* message;
  } explosions[] = {
      {"MATCH (a), (b), (c), (d) RETURN count(*);", "longer than the timeout of 1000 ms"},
      {"MATCH (a), (b) RETURN a, b;", "more than max_rows = 1000 rows"},
      {"UNWIND range(1, 9000000000000) AS i RETURN i;", "more than 4194304 elements"},
      {"RETURN reduce(s = 'x', i IN range(1, 40) | s + s) AS s;", "more than 67108864 bytes"},
  };
  for (const auto& e : explosions) {
    shell.type(std::string(e.query) + "\r");
    EXPECT_TRUE(shell.wait_for(e.message)) << e.query << "\n" << shell.seen();
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  }
  // The parameter, the format and the guards set before are all still there.
  shell.type("MATCH (p:Person {name: $who}) RETURN p.name AS name;\r");
  EXPECT_TRUE(shell.wait_for("\nname")) << shell.seen();  // csv: a header, no table rules
  EXPECT_TRUE(shell.wait_for("\nMira Okafor")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":limit\r");
  EXPECT_TRUE(shell.wait_for("timeout           1s")) << shell.seen();
  EXPECT_TRUE(shell.wait_for("max_rows          1000 ")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

}  // namespace
}  // namespace kith::testing
