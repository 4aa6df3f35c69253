// End-to-end: the kith binary as users and scripts call it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

TEST(Cli, StatsOnTheSampleVault) {
  const auto r = run_kith({"stats", "samples/vault"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("notes"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << "no progress line when stderr is not a terminal: " << r.err;
}

TEST(Cli, StatsJsonIsMachineReadable) {
  const auto r = run_kith({"stats", "samples/vault", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  // Every note of the sample vault but the ignored Templates/ folder: 70 Markdown, 5 .eml.
  EXPECT_EQ(j["files"], 75);
  EXPECT_GE(j["by_kind"]["meeting"].get<int>(), 23);
  EXPECT_EQ(j["by_kind"]["person"], 23);  // People/<Name>.md; the dated digests are meetings
  EXPECT_EQ(j["tasks"], 76);
  EXPECT_EQ(j["open_tasks"], 39);
  for (const auto& w : j["warnings"]) {
    EXPECT_FALSE(w["file"].get<std::string>().empty());
  }
}

TEST(Cli, MissingVaultIsAUsageErrorOnStderr) {
  const auto r = run_kith({"stats", "no/such/vault"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("no/such/vault"), std::string::npos) << r.err;
}

TEST(Cli, UnknownOptionIsAUsageError) {
  const auto r = run_kith({"--no-such-option"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST(Cli, HelpListsTheSubcommands) {
  const auto r = run_kith({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("stats"), std::string::npos) << r.out;
}

TEST(Cli, TourRunsItsQueriesOnThePipedSampleVault) {
  const auto r = run_kith({"samples/vault"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Each question is shown with the query that answers it, and the query's rows.
  EXPECT_NE(r.out.find("MATCH (p:Person)-[r:REPORTS_TO]->(m:Person)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Anneliese Várkonyi"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rows"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(Cli, DefaultRunShowsTheSampleVault) {
  const auto r = run_kith({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("samples/vault"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kith::testing
