// End-to-end at a pseudo-terminal: :why, :export, :orgchart and :reload on a copy of the
// fixture vault, and Ctrl-C cancelling a long query without leaving the shell.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pty_shell.hpp"

namespace kith::testing {
namespace {

namespace fs = std::filesystem;

// A scratch folder holding a copy of the fixture vault (in vault/) and room for exports.
class Scratch {
 public:
  Scratch() {
    char pattern[] = "/tmp/kith-shell-XXXXXX";
    root_ = ::mkdtemp(pattern);
    fs::copy(fs::path(KITH_FIXTURES) / "contoso_vault", vault(), fs::copy_options::recursive);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  fs::path vault() const { return root_ / "vault"; }
  fs::path file(const std::string& name) const { return root_ / name; }

 private:
  fs::path root_;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ShellPty, WhyShowsTheEvidenceOfTheLastResult) {
  TempHome home;
  Scratch scratch;
  PtyShell shell(home.path(), true, scratch.vault().string());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":why\r");
  EXPECT_TRUE(shell.wait_for("no result to explain")) << shell.seen();
  shell.type(
      "MATCH (:Person {name: 'Dee Park'})-[r:REPORTS_TO]->(m) RETURN m.name, r ORDER BY m.name;\r");
  ASSERT_TRUE(shell.wait_for("2 rows")) << shell.seen();
  shell.type(":why\r");
  EXPECT_TRUE(shell.wait_for(
      "(Dee Park)-[:REPORTS_TO {current: true, contradiction: true}]->(Bo Lindqvist)"))
      << shell.seen();
  EXPECT_TRUE(shell.wait_for("People/Dee Park.md:7 [person-note-manager] manager: "))
      << shell.seen();
  EXPECT_TRUE(
      shell.wait_for("(Dee Park)-[:REPORTS_TO {current: true, contradiction: true}]->(Cy Ito)"))
      << shell.seen();
  EXPECT_TRUE(
      shell.wait_for("Meetings/2026-03-02-contoso-review.md:14 [reports-to] Dee Park "
                     "reports to Cy Ito"))
      << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ShellPty, ExportAndOrgChartWriteOutsideTheVaultOnly) {
  TempHome home;
  Scratch scratch;
  PtyShell shell(home.path(), true, scratch.vault().string());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH p = (:Person)-[:REPORTS_TO]->(:Person {name: 'Ana Díaz'}) RETURN p;\r");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  const fs::path json = scratch.file("last.json");
  shell.type(":export " + json.string() + "\r");
  ASSERT_TRUE(shell.wait_for("wrote " + json.string())) << shell.seen();
  const auto j = nlohmann::json::parse(read_file(json));
  EXPECT_EQ(j["links"].size(), 2u) << j.dump();  // Bo's current line and Cy's former one
  shell.type(":export dot " + (scratch.vault() / "last.dot").string() + "\r");
  EXPECT_TRUE(shell.wait_for("is inside the vault")) << shell.seen();
  EXPECT_FALSE(fs::exists(scratch.vault() / "last.dot"));

  const fs::path chart = scratch.file("contoso.svg");
  shell.type(":orgchart contoso " + chart.string() + "\r");
  EXPECT_TRUE(shell.wait_for("MATCH (a:Account {name: 'Contoso'})")) << "the query it runs\n"
                                                                     << shell.seen();
  ASSERT_TRUE(shell.wait_for("wrote " + chart.string())) << shell.seen();
  EXPECT_NE(read_file(chart).find("<svg"), std::string::npos);
  shell.type(":orgchart Globex\r");
  EXPECT_TRUE(shell.wait_for("no account 'Globex'")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << "and the shell goes on\n" << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ShellPty, ReloadReadsTheChangedFile) {
  TempHome home;
  Scratch scratch;
  PtyShell shell(home.path(), true, scratch.vault().string());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  const std::string ask =
      "MATCH (:Person {name: 'Tamsin Wheeler'})-[:REPORTS_TO]->(m) RETURN m.name AS manager;\r";
  shell.type(ask);
  ASSERT_TRUE(shell.wait_for("0 rows")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  const fs::path note = scratch.vault() / "People" / "Tamsin Wheeler.md";
  std::string text = read_file(note);
  text.replace(text.find("title:"), 0, "manager: '[[Rui Costa]]'\n");
  std::ofstream(note, std::ios::binary | std::ios::trunc) << text;
  shell.type(":reload\r");
  EXPECT_TRUE(shell.wait_for("re-read 1 file (1 changed, 0 added, 0 removed, 10 unchanged)"))
      << shell.seen();
  EXPECT_TRUE(shell.wait_for("changed: People/Tamsin Wheeler.md")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":why\r");  // the result before the reload named the old graph's entities
  EXPECT_TRUE(shell.wait_for("no result to explain")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(ask);
  EXPECT_TRUE(shell.wait_for("│ Rui Costa")) << shell.seen();
  EXPECT_TRUE(shell.wait_for("1 row")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ShellPty, CtrlCCancelsALongQueryAndTheShellGoesOn) {
  TempHome home;
  Scratch scratch;
  PtyShell shell(home.path(), true, scratch.vault().string());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  // Far more rows than any machine counts before the Ctrl-C arrives.
  shell.type("MATCH (a), (b), (c), (d), (e), (f), (g) RETURN count(*) AS rows;\r");
  shell.type("\x03");
  EXPECT_TRUE(shell.wait_for("the query was cancelled")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("RETURN 'still here' AS state;\r");
  EXPECT_TRUE(shell.wait_for("│ still here")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

}  // namespace
}  // namespace kith::testing
