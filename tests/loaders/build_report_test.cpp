#include "loaders/build_report.hpp"

#include <gtest/gtest.h>

#include "loaders/graph_builder.hpp"

namespace kith::loaders {
namespace {

BuildReport sample_report() {
  BuildReport r;
  r.owner = "Ines Araújo";
  r.owner_source = "kith.yaml";
  r.people = 3;
  PersonMerge m;
  m.kept = "Greta Lindqvist";
  m.merged = "Greta Lindquist";
  m.rule = "fuzzy-strong";
  m.why = "surname typo (0.95, same sound)";
  m.similarity = 0.97;
  m.evidence = Evidence{"Meetings/a.md", 4, "", "participants"};
  r.merges.push_back(m);
  r.near_duplicates.push_back({"Tamsin Wheeler", "Tamsin Whitaker", 0.83, "surnames differ",
                               Evidence{"People/Tamsin Wheeler.md", 1, "", "person-note"},
                               Evidence{"Notes/d.md", 3, "", "participants"}});
  UnresolvedName u;
  u.written = "Tamsin";
  u.candidates = {"Tamsin Wheeler", "Tamsin Whitaker"};
  u.why = "first name shared by several people";
  u.evidence = Evidence{"Notes/b.md", 9, "", ""};
  r.unresolved.push_back(u);
  Contradiction c;
  c.kind = "two current managers";
  c.subject = "Hugo Mertens";
  c.values = {"Farid Haddad", "Greta Lindqvist"};
  c.evidence = {Evidence{"People/Hugo Mertens.md", 6, "", ""}, Evidence{"Notes/c.md", 2, "", ""}};
  r.contradictions.push_back(c);
  return r;
}

TEST(BuildReport, TextCitesEvidence) {
  const std::string text = format_build_report(sample_report());
  EXPECT_NE(text.find("owner: Ines Araújo (kith.yaml)"), std::string::npos) << text;
  EXPECT_NE(text.find("Greta Lindqvist <- Greta Lindquist [fuzzy-strong 0.97]"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Meetings/a.md:4"), std::string::npos);
  EXPECT_NE(text.find("Tamsin Wheeler / Tamsin Whitaker (0.83)"), std::string::npos);
  EXPECT_NE(text.find("Notes/b.md:9: \"Tamsin\""), std::string::npos);
  EXPECT_NE(text.find("could be Tamsin Wheeler, Tamsin Whitaker"), std::string::npos);
  EXPECT_NE(text.find("Hugo Mertens: two current managers: Farid Haddad vs Greta Lindqvist "
                      "[People/Hugo Mertens.md:6] [Notes/c.md:2]"),
            std::string::npos)
      << text;
}

TEST(BuildReport, ListsAreCut) {
  BuildReport r = sample_report();
  for (int i = 0; i < 5; ++i)
    r.remarks.push_back("remark " + std::to_string(i));
  const std::string text = format_build_report(r, 2);
  EXPECT_NE(text.find("remark 1"), std::string::npos);
  EXPECT_EQ(text.find("remark 2"), std::string::npos);
  EXPECT_NE(text.find("... and 3 more"), std::string::npos);
}

TEST(BuildReport, Json) {
  const nlohmann::json j = build_report_json(sample_report());
  EXPECT_EQ(j["owner"], "Ines Araújo");
  EXPECT_EQ(j["counts"]["people"], 3);
  EXPECT_EQ(j["merges"][0]["evidence"]["line"], 4);
  EXPECT_EQ(j["near_duplicates"][0]["similarity"], 0.83);
  EXPECT_EQ(j["near_duplicates"][0]["evidence"][1]["file"], "Notes/d.md");
  EXPECT_EQ(j["unresolved"][0]["candidates"].size(), 2u);
  EXPECT_EQ(j["contradictions"][0]["evidence"].size(), 2u);
}

// The project's own sample vault loads end to end (kith.yaml owner and aliases included).
TEST(BuildReport, SampleVault) {
  const std::filesystem::path root = std::filesystem::path(KITH_SOURCE_DIR) / "samples" / "vault";
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "no samples/vault";
  Graph g;
  const BuildReport r = build_graph(read_vault(root), g);
  EXPECT_EQ(r.owner_source, "kith.yaml");
  EXPECT_GT(r.people, 3u);
  EXPECT_EQ(g.find_by_name(*g.find_label("Person"), r.owner).size(), 1u);
  std::cout << format_build_report(r, 100);
}

}  // namespace
}  // namespace kith::loaders
