// kith.influencers and kith.evidence on small graphs built by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine_test_support.hpp"
#include "query/query_error.hpp"

namespace kith::query {
namespace {

using test::rows;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Tobias -0.8-> Helga -0.5-> Wen <-0.9- Ann, Tobias -0.3-> Wen (weaker than through Helga),
// Cy -0.9-> Tobias, Dee -0.05-> Wen, and Wen -0.9-> Ann, which must not make Wen her own
// influencer.
void make_influence(Graph& g) {
  run_query(g,
            "CREATE (wen:Person {name: 'Wen Li'}), (helga:Person {name: 'Helga Strøm'}), "
            "(tobias:Person {name: 'Tobias Kerr', aliases: ['Toby']}), "
            "(ann:Person {name: 'Ann'}), (cy:Person {name: 'Cy'}), (dee:Person {name: 'Dee'}), "
            "(tobias)-[:INFLUENCES {weight: 0.8, reasons: ['chief of staff']}]->(helga), "
            "(helga)-[:INFLUENCES {weight: 0.5, reasons: ['direct report', 'emails']}]->(wen), "
            "(tobias)-[:INFLUENCES {weight: 0.3, reasons: ['introduction']}]->(wen), "
            "(ann)-[:INFLUENCES {weight: 0.9, reasons: ['stated']}]->(wen), "
            "(cy)-[:INFLUENCES {weight: 0.9, reasons: ['manager']}]->(tobias), "
            "(dee)-[:INFLUENCES {weight: 0.05, reasons: ['meetings']}]->(wen), "
            "(wen)-[:INFLUENCES {weight: 0.9, reasons: ['manager']}]->(ann), "
            "(ann)-[:REPORTS_TO]->(cy)");
}

constexpr const char* kScores =
    "YIELD person, score, path RETURN person.name, round(score, 3), length(path)";

TEST(KithInfluencers, BestPathPerPersonScoredByTheProductOfWeights) {
  Graph g;
  make_influence(g);
  EXPECT_THAT(rows(g, std::string("CALL kith.influencers('Wen Li') ") + kScores),
              ElementsAre("'Ann' | 0.9 | 1", "'Helga Strøm' | 0.5 | 1", "'Tobias Kerr' | 0.4 | 2",
                          "'Cy' | 0.36 | 3", "'Dee' | 0.05 | 1"));
}

TEST(KithInfluencers, DepthLimitAndMinWeightOptions) {
  Graph g;
  make_influence(g);
  // With two hops Cy only reaches Wen through Tobias's weaker direct edge.
  EXPECT_THAT(
      rows(g,
           std::string("CALL kith.influencers('Wen Li', {depth: 2, minWeight: 0.1, limit: 4}) ") +
               kScores),
      ElementsAre("'Ann' | 0.9 | 1", "'Helga Strøm' | 0.5 | 1", "'Tobias Kerr' | 0.4 | 2",
                  "'Cy' | 0.27 | 2"));
  EXPECT_THAT(
      rows(g, std::string("CALL kith.influencers('Wen Li', {depth: 1, limit: 1}) ") + kScores),
      ElementsAre("'Ann' | 0.9 | 1"));
}

TEST(KithInfluencers, PathRunsFromThePersonToTheTargetWithItsReasons) {
  Graph g;
  make_influence(g);
  EXPECT_THAT(rows(g,
                   "CALL kith.influencers('Wen Li') YIELD person, path, reasons "
                   "WHERE person.name = 'Cy' RETURN [n IN nodes(path) | n.name], reasons"),
              ElementsAre("['Cy', 'Tobias Kerr', 'Helga Strøm', 'Wen Li'] | "
                          "['manager', 'chief of staff', 'direct report', 'emails']"));
}

// Paths are built only when path or reasons is yielded: the people, scores and their order
// must not depend on it, ties included (same score: fewer hops first, then the node id).
TEST(KithInfluencers, SamePeopleAndScoresWhateverIsYielded) {
  Graph g;
  make_influence(g);
  run_query(g,
            "MATCH (wen:Person {name: 'Wen Li'}) "
            "CREATE (e:Person {name: 'Eve'})-[:INFLUENCES {weight: 0.5}]->(wen), "
            "(f:Person {name: 'Fay'})-[:INFLUENCES {weight: 1.0}]->(e), "
            "(h:Person {name: 'Hal'})-[:INFLUENCES {weight: 0.9}]->(wen)");
  for (const char* options : {"", ", {depth: 2}", ", {limit: 3}", ", {minWeight: 0.4}"}) {
    const std::string call = std::string("CALL kith.influencers('Wen Li'") + options + ") ";
    const auto scores = rows(g, call + "YIELD person, score RETURN person.name, score");
    EXPECT_GE(scores.size(), 3u) << options;
    EXPECT_EQ(scores,
              rows(g, call + "YIELD person, score, path, reasons RETURN person.name, score"))
        << options;
    EXPECT_EQ(scores, rows(g, call + "YIELD person, score, reasons RETURN person.name, score"))
        << options;
    EXPECT_EQ(rows(g, call + "YIELD person, reasons RETURN person.name, reasons"),
              rows(g, call + "YIELD person, path, reasons RETURN person.name, reasons"))
        << options;
    EXPECT_EQ(rows(g, call + "YIELD path RETURN [n IN nodes(path) | n.name]"),
              rows(g, call + "YIELD path, reasons RETURN [n IN nodes(path) | n.name]"))
        << options;
  }
  EXPECT_THAT(rows(g,
                   "CALL kith.influencers('Wen Li', {depth: 2}) YIELD person, score "
                   "WHERE score = 0.5 RETURN person.name"),
              ElementsAre("'Helga Strøm'", "'Eve'", "'Fay'"));
}

TEST(KithInfluencers, NamesResolveThroughTheNameIndexOrANode) {
  Graph g;
  make_influence(g);
  EXPECT_THAT(rows(g, "CALL kith.influencers('helga strom') YIELD person RETURN person.name"),
              ElementsAre("'Tobias Kerr'", "'Cy'"));
  EXPECT_THAT(rows(g, "CALL kith.influencers('TOBY') YIELD person RETURN person.name"),
              ElementsAre("'Cy'"));
  EXPECT_THAT(rows(g,
                   "MATCH (t:Person {name: 'Tobias Kerr'}) "
                   "CALL kith.influencers(t) YIELD person RETURN person.name"),
              ElementsAre("'Cy'"));
}

TEST(KithInfluencers, UnknownAndAmbiguousNamesAreErrors) {
  Graph g;
  make_influence(g);
  run_query(g, "CREATE (:Person {name: 'Ann'})");
  try {
    run_query(g, "CALL kith.influencers('Nobody')");
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_EQ(e.error_class(), "ProcedureError");
    EXPECT_THAT(e.what(), HasSubstr("no person is named 'Nobody'"));
  }
  try {
    run_query(g, "CALL kith.influencers('ann')");
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_THAT(e.what(), HasSubstr("'ann' names 2 people"));
  }
  EXPECT_THROW(run_query(g, "CALL kith.influencers('Wen Li', {depth: 0})"), QueryError);
  EXPECT_THROW(run_query(g, "CALL kith.influencers('Wen Li', {width: 2})"), QueryError);
}

TEST(KithEvidence, NodesRelationshipsAndPathsCiteTheirSources) {
  Graph g;
  const SymbolId person = g.intern_label("Person");
  const SymbolId name = g.intern_key("name");
  const NodeId a = g.create_node({&person, 1}, {{name, Value("A")}});
  const NodeId b = g.create_node({&person, 1}, {{name, Value("B")}});
  const RelId r = g.create_relationship(a, b, g.intern_type("REPORTS_TO"));
  g.add_evidence(EntityKind::Node, a, {"People/A.md", 1, "# A", "person-note"});
  g.add_evidence(EntityKind::Relationship, r,
                 {"People/A.md", 4, "manager: B", "person-note-manager"});
  g.add_evidence(EntityKind::Relationship, r, {"Notes/x.md", 9, "A reports to B", "prose"});
  EXPECT_THAT(
      rows(g, "MATCH (a {name: 'A'}) CALL kith.evidence(a) YIELD file, line RETURN file, line"),
      ElementsAre("'People/A.md' | 1"));
  EXPECT_THAT(rows(g,
                   "MATCH p = (:Person)-[r:REPORTS_TO]->() CALL kith.evidence(r) "
                   "YIELD file, line, text, rule RETURN file, line, text, rule"),
              ElementsAre("'People/A.md' | 4 | 'manager: B' | 'person-note-manager'",
                          "'Notes/x.md' | 9 | 'A reports to B' | 'prose'"));
  EXPECT_THAT(
      rows(g, "MATCH p = ()-[:REPORTS_TO]->() CALL kith.evidence(p) YIELD rule RETURN rule"),
      ElementsAre("'person-note-manager'", "'prose'"));
  EXPECT_THAT(rows(g, "MATCH (b {name: 'B'}) CALL kith.evidence(b) YIELD rule RETURN rule"),
              ElementsAre());
  EXPECT_THROW(run_query(g, "CALL kith.evidence(1)"), QueryError);
}

}  // namespace
}  // namespace kith::query
