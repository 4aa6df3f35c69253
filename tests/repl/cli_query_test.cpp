// End-to-end: queries through `kith query`, `kith run` and a pipe, on the sample vault.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

constexpr const char* kAccounts = "MATCH (a:Account) RETURN a.name AS account ORDER BY account";

// A query script in /tmp holding `text`; its path.
std::string temporary_script(const std::string& text) {
  char pattern[] = "/tmp/kith-query-script-XXXXXX.kq";
  const int fd = ::mkstemps(pattern, 3);
  ::close(fd);
  std::ofstream(pattern) << text;
  return pattern;
}

TEST(CliQuery, PrintsATableWithARowCount) {
  const auto r = run_kith({"query", "samples/vault", kAccounts});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("│ account"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("│ Brightwater Freight"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" rows\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\033'), std::string::npos) << "no colour when stdout is not a terminal";
}

TEST(CliQuery, CsvWithParameters) {
  const auto r = run_kith({"query", "samples/vault", "RETURN $x AS x, $n AS n, $l AS l", "--param",
                           "x=hello, world", "-p", "n=42", "-p", "l=[1, 'a']", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "x,n,l\r\n\"hello, world\",42,\"[1, 'a']\"\r\n");
}

TEST(CliQuery, JsonNodesCarryLabelsPropertiesAndId) {
  const auto r = run_kith({"query", "samples/vault",
                           "MATCH (a:Account) RETURN a ORDER BY a.name LIMIT 1", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["a"]["labels"], nlohmann::json::array({"Account"}));
  EXPECT_TRUE(j[0]["a"]["properties"]["name"].is_string());
  EXPECT_TRUE(j[0]["a"]["id"].is_number_integer());
}

TEST(CliQuery, QueryFromStdinAsJsonLines) {
  const auto r = run_kith({"query", "samples/vault", "-", "--format", "jsonl"}, kAccounts);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    EXPECT_TRUE(nlohmann::json::parse(line).contains("account")) << line;
    ++rows;
  }
  EXPECT_GE(rows, 2);
}

TEST(CliQuery, AnErrorPointsAtTheColumnAndExitsWithOne) {
  const auto r = run_kith({"query", "samples/vault", "RETURN nope"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  RETURN nope\n         ^\n"), std::string::npos) << r.err;
}

TEST(CliQuery, AScriptsSyntaxErrorGivesOnlyTheScriptsPosition) {
  const std::string path = temporary_script("RETURN 1;\n\nMATC (n) RETURN n;\n");
  const auto r = run_kith({"run", "samples/vault", path});
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind(path + ":3:1: SyntaxError: unexpected 'MATC'", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find("syntax error at"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n  MATC (n) RETURN n\n  ^"), std::string::npos) << r.err;
}

TEST(CliQuery, LimitsAreSetOnTheCommandLineAndNamedWhenHit) {
  auto r = run_kith({"query", "samples/vault", "--limit", "max_rows=100", "--limit", "timeout=5m",
                     "UNWIND range(1, 1000) AS x RETURN count(*) AS n"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("max_rows = 100"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--limit max_rows=N"), std::string::npos) << r.err;
  r = run_kith({"query", "samples/vault", "--limit", "max_rows=5000", "--format", "csv",
                "UNWIND range(1, 1000) AS x RETURN count(*) AS n"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n\r\n1000\r\n");
  r = run_kith({"query", "samples/vault", "--limit", "max_rows=lots", "RETURN 1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("max_rows lots"), std::string::npos) << r.err;
}

TEST(CliQuery, ASyntaxErrorShowsItsCaretOnce) {
  const auto r = run_kith({"query", "samples/vault", "MATC (n) RETURN n"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("did you mean MATCH?"), std::string::npos) << r.err;
  const std::string caret = "  MATC (n) RETURN n\n  ^\n";
  const std::size_t first = r.err.find(caret);
  ASSERT_NE(first, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(caret, first + 1), std::string::npos) << r.err;
}

TEST(CliQuery, RunStopsAtTheFirstErrorWithItsScriptPosition) {
  const std::string path =
      temporary_script(":format csv\nRETURN 1 AS a; // first\n\nRETURN\n  x;\nRETURN 3 AS c;\n");
  auto r = run_kith({"run", "samples/vault", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "a\r\n1\r\n");
  EXPECT_EQ(r.err.rfind(path + ":5:3: ", 0), 0u) << r.err;
  r = run_kith({"run", "samples/vault", path, "--keep-going"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "a\r\n1\r\nc\r\n3\r\n");
  std::remove(path.c_str());
}

TEST(CliQuery, StatementsPipedToTheShell) {
  const auto r =
      run_kith({"samples/vault"}, ":format tsv\nMATCH (a:Account)\nRETURN count(a) AS n;\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("n\n", 0), 0u) << r.out;
  EXPECT_GT(std::stoi(r.out.substr(2)), 0) << r.out;
}

}  // namespace
}  // namespace kith::testing
