// End-to-end: the interactive shell at a pseudo-terminal, as a person types into it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pty_shell.hpp"

namespace kith::testing {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReplPty, GreetsAndLeavesOnCtrlD) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, ParamsAndFormatCommands) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":param who 'Wen Li'\r");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":params\r");
  EXPECT_TRUE(shell.wait_for(":param who 'Wen Li'")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":format csv\r");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":format\r");
  EXPECT_TRUE(shell.wait_for("csv")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":format xml\r");
  EXPECT_TRUE(shell.wait_for("unknown format 'xml'")) << shell.seen();
  shell.type(":quit\r");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, StatementsContinueUntilTheSemicolonAndCtrlCDropsThem) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH (p:Person)\r");
  ASSERT_TRUE(shell.wait_for("...> ")) << "a statement without ';' continues\n" << shell.seen();
  shell.type("WHERE p.name = 'a;b'\r");
  ASSERT_TRUE(shell.wait_for("...> ")) << "a ';' inside a string does not end it\n" << shell.seen();
  shell.type("\x03");
  ASSERT_TRUE(shell.wait_for("kith> ")) << "Ctrl-C drops the statement\n" << shell.seen();
  shell.type(":params\r");  // a command again, not a continuation line
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, AMultiLineQueryRunsAtItsSemicolon) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH (a:Account)\r");
  ASSERT_TRUE(shell.wait_for("...> ")) << shell.seen();
  shell.type("RETURN count(a) AS accounts;\r");
  EXPECT_TRUE(shell.wait_for("│ accounts │")) << shell.seen();
  EXPECT_TRUE(shell.wait_for("1 row")) << shell.seen();
  EXPECT_EQ(shell.seen().find("\033[1m"), std::string::npos) << "NO_COLOR is set";
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("RETURN 'Wen Lì 王' AS who;\r");
  EXPECT_TRUE(shell.wait_for("│ Wen Lì 王 │")) << "UTF-8 typed in comes out whole\n"
                                               << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("RETURN nope;\r");
  EXPECT_TRUE(shell.wait_for("^")) << "an error points at its column\n" << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << "and the shell goes on\n" << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, ColourAtATerminalWithoutNoColor) {
  TempHome home;
  PtyShell shell(home.path(), false);
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("RETURN 1 AS one;\r");
  EXPECT_TRUE(shell.wait_for("\033[1mone\033[0m")) << "a bold header\n" << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, TabCompletesCommandsAndLabels) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":sche\t");
  EXPECT_TRUE(shell.wait_for(":schema")) << shell.seen();
  shell.type("\r");
  EXPECT_TRUE(shell.wait_for("(:Person)")) << ":schema ran\n" << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH (p:Pers\t");
  EXPECT_TRUE(shell.wait_for("MATCH (p:Person")) << shell.seen();
  // One key at a time: the terminal flushes what is typed ahead of a Ctrl-C.
  shell.type("\x03");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, CompletionLearnsWhatTheSessionWrote) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("CREATE (:Zeppelin {name: 'Zora Quill'});\r");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH (z:Zepp\t");
  EXPECT_TRUE(shell.wait_for("MATCH (z:Zeppelin")) << shell.seen();
  shell.type("\x03");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, HistoryIsKeptInTheHomeNotTheVault) {
  TempHome home;
  {
    PtyShell shell(home.path());
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
    shell.type(":timing on\r");
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
    shell.type(":quit\r");
    ASSERT_EQ(shell.wait_exit(), 0) << shell.seen();
  }
  const fs::path history = home.path() / ".local" / "state" / "kith" / "history";
  ASSERT_TRUE(fs::exists(history));
  EXPECT_NE(read_file(history).find("timing"), std::string::npos) << read_file(history);
  // The next session recalls it with the up arrow (twice: :quit came last).
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x1b[A");
  ASSERT_TRUE(shell.wait_for(":quit")) << shell.seen();
  shell.type("\x1b[A");
  EXPECT_TRUE(shell.wait_for(":timing on")) << shell.seen();
  shell.type("\x03");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

}  // namespace
}  // namespace kith::testing
