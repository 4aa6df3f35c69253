// End-to-end: `kith tasks` and `:tasks` on a small vault of tasks with owners, dates,
// priorities, tags and statuses, and a note holding ```tasks blocks.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

constexpr const char* kVault = "tests/repl/fixtures/tasks_vault";
constexpr const char* kToday = "--today=2026-11-04";  // a Wednesday

constexpr const char* kSend =
    "- [ ] Send the pricing sheet  @Dana Whitlock  due 2026-11-03  priority high  "
    "Accounts/Contoso.md:10\n";
constexpr const char* kBook =
    "- [x] Book the kickoff room  @Sam Ortiz  due 2026-10-20  Accounts/Contoso.md:11\n";
constexpr const char* kDraft =
    "- [/] Draft the pilot plan  @Dana Whitlock, @Sam Ortiz  priority medium  "
    "Accounts/Contoso.md:12\n";
constexpr const char* kReview =
    "- [ ] Review the renewal terms  @Sam Ortiz  due 2026-11-06  priority low  "
    "Meetings/2026-11-02 Weekly.md:11\n";
constexpr const char* kCall =
    "- [-] Call the old vendor  due 2026-11-01  Meetings/2026-11-02 Weekly.md:12\n";
constexpr const char* kUpdate =
    "- [ ] Update the roadmap  @Mira Okafor  Meetings/2026-11-02 Weekly.md:13\n";

TEST(CliTasks, ListsOpenTasksByDefaultDueFirst) {
  const auto r = run_kith({"tasks", kVault, kToday});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kSend) + kReview + kDraft + kUpdate + "4 tasks\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliTasks, FiltersOnOneLineEach) {
  const auto r = run_kith({"tasks", kVault, kToday, "not done\npath includes contoso\n"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kSend) + kDraft + "2 tasks\n");
}

TEST(CliTasks, TodayComesFromTheOptionOrKithToday) {
  auto r = run_kith({"tasks", kVault, kToday, "due before tomorrow"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kSend) + kBook + kCall + "3 tasks\n");
  ::setenv("KITH_TODAY", "2026-10-21", 1);
  r = run_kith({"tasks", kVault, "due before today"});
  ::unsetenv("KITH_TODAY");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kBook) + "1 task\n");
}

TEST(CliTasks, GroupsByOwnerWithATaskUnderEachOfItsOwners) {
  const auto r = run_kith({"tasks", kVault, kToday,
                           "(tags include #deal) OR (path includes Meetings)\ngroup by owner"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("## Dana Whitlock\n") + kSend + kDraft + "\n## Mira Okafor\n" +
                       kUpdate + "\n## Sam Ortiz\n" + kReview + kDraft + "\n## No owner\n" + kCall +
                       "\n5 tasks\n");
}

TEST(CliTasks, GroupsByDueAndPathWithLimits) {
  auto r = run_kith({"tasks", kVault, kToday, "not done\ngroup by due\nlimit 3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("## 2026-11-03 Tuesday\n") + kSend + "\n## 2026-11-06 Friday\n" +
                       kReview + "\n## No due date\n" + kDraft + "\n3 tasks\n");
  r = run_kith({"tasks", kVault, kToday, "not done\ngroup by path\nlimit groups to 1 tasks"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("## Accounts/Contoso\n") + kSend +
                       "\n## Meetings/2026-11-02 Weekly\n" + kReview + "\n2 tasks\n");
}

TEST(CliTasks, CypherFlagShowsTheStatementFirst) {
  const auto r = run_kith({"tasks", kVault, kToday, "--cypher", "priority is above medium"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("MATCH (t:Task)\nWHERE t.priority IN ['highest', 'high']\n", 0), 0u)
      << r.out;
  EXPECT_NE(r.out.find("\n\n" + std::string(kSend) + "1 task\n"), std::string::npos) << r.out;
}

TEST(CliTasks, CsvWritesTheRows) {
  const auto r = run_kith({"tasks", kVault, kToday, "done", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "status,status_type,text,owners,due,priority,path,line\r\n"
            "x,DONE,Book the kickoff room,['Sam Ortiz'],2026-10-20,,Accounts/Contoso.md,11\r\n"
            "-,CANCELLED,Call the old vendor,[],2026-11-01,,Meetings/2026-11-02 Weekly.md,12\r\n");
}

TEST(CliTasks, ABadInstructionIsAQueryErrorAtItsLineAndColumn) {
  const auto r = run_kith({"tasks", kVault, kToday, "not done\ndue before someday"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "2:12: error: cannot read 'someday' as a date or date range (2026-11-03, today, in 3 "
            "days, next week, 2026-11, 2026-W45, 2026-Q4, 2026)\n"
            "  due before someday\n"
            "             ^\n");
}

TEST(CliTasks, NoteBlocksRunInTurnAndABadOneDoesNotStopTheOthers) {
  const auto r = run_kith({"tasks", kVault, kToday, "--note", "Dashboard.md"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, std::string("# Dashboard.md:5\n") + kSend + "1 task\n" +
                       "\n# Dashboard.md:12\n" + "\n# Dashboard.md:19\n## Dana Whitlock\n" + kSend +
                       kDraft + "\n## Mira Okafor\n" + kUpdate + "\n## Sam Ortiz\n" + kReview +
                       kDraft + "\n## No owner\n" + kCall + "\n5 tasks\n");
  EXPECT_EQ(r.err,
            "Dashboard.md:14:13: error: unknown priority 'urgent' (one of: highest, high, "
            "medium, none, low, lowest)\n"
            "  priority is urgent\n"
            "              ^\n");
}

TEST(CliTasks, NoteByAbsolutePathInsideTheVault) {
  const auto r = run_kith({"tasks", kVault, kToday, "--note",
                           std::string(KITH_SOURCE_DIR) + "/" + kVault + "/Dashboard.md"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("# Dashboard.md:5\n", 0), 0u) << r.out;
}

TEST(CliTasks, UsageErrorsExitWithTwo) {
  auto r = run_kith({"tasks", kVault, "--today", "2026-11-31"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kith: --today 2026-11-31: expected a date, YYYY-MM-DD\n");
  r = run_kith({"tasks", kVault, kToday, "--note", "Nowhere.md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Nowhere.md: not a note of the vault"), std::string::npos) << r.err;
  r = run_kith({"tasks", kVault, kToday, "--note", "Accounts/Contoso.md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kith: Accounts/Contoso.md: the note has no ```tasks blocks\n");
  r = run_kith({"tasks", kVault, kToday, "--note", "Dashboard.md", "not done"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_kith({"tasks", kVault, kToday, "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_kith({"tasks", "tests/repl/fixtures/no-such-vault"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
}

TEST(CliTasks, HelpDescribesTheCommand) {
  auto r = run_kith({"tasks", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* part : {"--note", "--today", "--cypher", "--format", "not done", "tags include",
                           "group by owner", "limit groups N", "Exit codes"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
  }
  r = run_kith({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("tasks"), std::string::npos) << r.out;
}

TEST(CliTasks, ShellCommandPrintsTheCypherItRuns) {
  ::setenv("KITH_TODAY", "2026-11-04", 1);
  const auto r = run_kith({kVault}, ":tasks path includes contoso\n:tasks\n:tasks due before\n");
  ::unsetenv("KITH_TODAY");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("MATCH (t:Task)\nWHERE toLower(t.path) CONTAINS toLower('contoso')\n", 0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("\n\n" + std::string(kSend) + kDraft + kBook + "3 tasks\n"),
            std::string::npos)
      << r.out;
  // With no query, `not done`.
  EXPECT_NE(r.out.find("MATCH (t:Task)\nWHERE t.open\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(std::string(kDraft) + kUpdate + "4 tasks\n"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("1:11: error: 'due before' needs a date"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::testing
