// End-to-end: `kith doctor` on a fixture vault holding a merge, a near-duplicate, an ambiguous
// first name and a contradiction (tests/repl/fixtures/contoso_vault).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

const std::string kVault = std::string(KITH_FIXTURES) + "/contoso_vault";

TEST(CliDoctor, ListsMergesNearDuplicatesUnresolvedNamesAndContradictionsWithEvidence) {
  const auto r = run_kith({"doctor", kVault});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& out = r.out;
  const auto section = [&](const std::string& title) {
    const std::size_t start = out.find("\n" + title + " (");
    if (start == std::string::npos) return std::string();
    return out.substr(start + 1, out.find("\n\n", start + 1) - start);
  };
  const std::string merged = section("Merged");
  EXPECT_NE(merged.find("Bo Lindqvist <- Bo Lindquist"), std::string::npos) << out;
  EXPECT_NE(merged.find("Meetings/2026-03-02-contoso-review.md:"), std::string::npos) << out;
  const std::string near = section("Near-duplicates");
  EXPECT_NE(near.find("Tamsin Wheeler / Tamsin Whitaker: similarity 0."), std::string::npos) << out;
  EXPECT_NE(near.find("People/Tamsin Wheeler.md"), std::string::npos) << out;
  EXPECT_NE(near.find("Meetings/2026-03-05-partner-call.md"), std::string::npos) << out;
  const std::string unresolved = section("Unresolved");
  EXPECT_NE(unresolved.find("\"Tamsin\""), std::string::npos) << out;
  EXPECT_NE(unresolved.find("Meetings/2026-03-09-planning.md:"), std::string::npos) << out;
  const std::string contradictions = section("Contradictions");
  EXPECT_NE(contradictions.find("Dee Park: two current managers: "), std::string::npos) << out;
  EXPECT_NE(contradictions.find("People/Dee Park.md:"), std::string::npos) << out;
  EXPECT_NE(contradictions.find("Meetings/2026-03-02-contoso-review.md:14 [reports-to] Dee Park "
                                "reports to Cy Ito"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\nWarnings ("), std::string::npos) << out;
}

TEST(CliDoctor, JsonCarriesTheSameLists) {
  const auto r = run_kith({"doctor", kVault, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["merges"].empty());
  ASSERT_FALSE(j["near_duplicates"].empty());
  EXPECT_EQ(j["near_duplicates"][0]["evidence"].size(), 2u);
  EXPECT_FALSE(j["unresolved"].empty());
  EXPECT_FALSE(j["contradictions"].empty());
  EXPECT_TRUE(j["warnings"].is_array());
}

TEST(CliDoctor, HelpSaysWhatItLists) {
  const auto top = run_kith({"--help"});
  ASSERT_EQ(top.exit_code, 0) << top.err;
  EXPECT_NE(top.out.find("doctor"), std::string::npos) << top.out;
  const auto r = run_kith({"doctor", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* word : {"merged spellings", "unresolved names", "contradictions", "--json"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word << "\n" << r.out;
}

TEST(CliDoctor, AMissingVaultIsAUsageError) {
  const auto r = run_kith({"doctor", "/nonexistent/vault"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a folder"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::testing
