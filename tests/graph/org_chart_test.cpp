// Org charts: what goes in which cluster, how each line is drawn, and that Graphviz draws the
// result without a complaint.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "graph/org_chart.hpp"

namespace kith {
namespace {

class OrgChartTest : public ::testing::Test {
 protected:
  NodeId account(const std::string& name) {
    const SymbolId labels[] = {g.intern_label("Account")};
    const NodeId n = g.create_node(labels);
    g.set_node_property(n, g.intern_key("name"), name);
    sel.nodes.push_back(n);
    return n;
  }

  NodeId person(const std::string& name, const std::string& title = "") {
    const SymbolId labels[] = {g.intern_label("Person")};
    const NodeId n = g.create_node(labels);
    g.set_node_property(n, g.intern_key("name"), name);
    if (!title.empty()) g.set_node_property(n, g.intern_key("title"), title);
    g.add_evidence(EntityKind::Node, n, {"People/" + name + ".md", 1, name, "person-note"});
    return n;
  }

  RelId relate(NodeId from, NodeId to, const char* type, PropertyList props = {}) {
    const RelId r = g.create_relationship(from, to, g.intern_type(type));
    for (auto& [key, value] : props)
      g.set_rel_property(r, key, std::move(value));
    g.add_evidence(EntityKind::Relationship, r, {"Meetings/m.md", 7, "said so", "prose"});
    sel.rels.push_back(r);
    return r;
  }

  RelId works_at(NodeId p, NodeId a, const std::string& title = "") {
    PropertyList props{{g.intern_key("current"), true}};
    if (!title.empty()) props.emplace_back(g.intern_key("title"), title);
    return relate(p, a, "WORKS_AT", std::move(props));
  }

  RelId reports_to(NodeId p, NodeId m, bool current) {
    return relate(p, m, "REPORTS_TO", {{g.intern_key("current"), current}});
  }

  std::string chart() {
    std::ostringstream out;
    write_org_chart(out, g, sel);
    return out.str();
  }

  // The text of the subgraph block that starts with `opening`, up to its closing brace.
  static std::string block(const std::string& dot, const std::string& opening) {
    const std::size_t start = dot.find(opening);
    if (start == std::string::npos) return {};
    return dot.substr(start, dot.find("\n  }\n", start) - start);
  }

  // The attribute list of the edge statement `from -> to`, or empty when there is none.
  static std::string edge(const std::string& dot, NodeId from, NodeId to) {
    const std::string head = "  n" + std::to_string(from) + " -> n" + std::to_string(to) + " [";
    const std::size_t start = dot.find(head);
    if (start == std::string::npos) return {};
    return dot.substr(start, dot.find("];\n", start) - start);
  }

  Graph g;
  ExportSelection sel;
};

TEST_F(OrgChartTest, PeopleSitInTheirAccountsClusterWithNameAndTitle) {
  const NodeId contoso = account("Contoso");
  const NodeId fabrikam = account("Fabrikam");
  const NodeId ana = person("Ana Díaz", "Chief Executive Officer");
  const NodeId bo = person("Bo <Lee> & Co");
  const NodeId cy = person("Cy Ito");
  works_at(ana, contoso);
  works_at(bo, contoso, "Head of \"Sales\"");
  works_at(cy, fabrikam);
  const std::string dot = chart();
  const std::string in_contoso = block(dot, "subgraph cluster_n" + std::to_string(contoso));
  const std::string in_fabrikam = block(dot, "subgraph cluster_n" + std::to_string(fabrikam));
  ASSERT_FALSE(in_contoso.empty()) << dot;
  EXPECT_NE(in_contoso.find("<b>Contoso</b>"), std::string::npos) << in_contoso;
  EXPECT_NE(in_contoso.find("n" + std::to_string(ana) + " [label=<<b>Ana Díaz</b><br/>"),
            std::string::npos)
      << in_contoso;
  EXPECT_NE(in_contoso.find("Chief Executive Officer</font>"), std::string::npos) << in_contoso;
  // Names and titles are escaped for Graphviz's HTML-like labels; the title of the WORKS_AT
  // stands in when the person has none.
  EXPECT_NE(in_contoso.find("<b>Bo &lt;Lee&gt; &amp; Co</b>"), std::string::npos) << in_contoso;
  EXPECT_NE(in_contoso.find("Head of \"Sales\"</font>"), std::string::npos) << in_contoso;
  EXPECT_EQ(in_contoso.find("Cy Ito"), std::string::npos) << in_contoso;
  EXPECT_NE(in_fabrikam.find("<b>Cy Ito</b>"), std::string::npos) << in_fabrikam;
}

TEST_F(OrgChartTest, LinesRunFromManagerDownFormerOnesDashed) {
  const NodeId contoso = account("Contoso");
  const NodeId boss = person("Ana Díaz");
  const NodeId report = person("Bo Lee");
  const NodeId old = person("Cy Ito");
  for (const NodeId p : {boss, report, old})
    works_at(p, contoso);
  reports_to(report, boss, true);
  reports_to(report, old, false);
  const std::string dot = chart();
  const std::string current = edge(dot, boss, report);
  const std::string former = edge(dot, old, report);
  ASSERT_FALSE(current.empty()) << dot;
  EXPECT_EQ(current.find("dashed"), std::string::npos) << current;
  EXPECT_NE(current.find("Bo Lee reports to Ana Díaz\\nMeetings/m.md:7 (prose)"), std::string::npos)
      << current;
  ASSERT_FALSE(former.empty()) << dot;
  EXPECT_NE(former.find("style=dashed"), std::string::npos) << former;
  EXPECT_NE(former.find("constraint=false"), std::string::npos) << former;
  EXPECT_NE(former.find("formerly reported to"), std::string::npos) << former;
  // No line points upwards.
  EXPECT_TRUE(edge(dot, report, boss).empty()) << dot;
}

TEST_F(OrgChartTest, TopLevelIsWhoeverHasNoCurrentManager) {
  const NodeId contoso = account("Contoso");
  const NodeId ceo = person("Ana Díaz");
  const NodeId vp = person("Bo Lee");
  const NodeId loner = person("Cy Ito");
  const NodeId left_behind = person("Di Wu");
  for (const NodeId p : {ceo, vp, loner, left_behind})
    works_at(p, contoso);
  reports_to(vp, ceo, true);
  reports_to(left_behind, vp, false);
  const std::string dot = chart();
  const std::string cluster = block(dot, "subgraph cluster_n" + std::to_string(contoso));
  const std::size_t top = cluster.find("{ rank=min;");
  ASSERT_NE(top, std::string::npos) << cluster;
  const std::string rank = cluster.substr(top, cluster.find('}', top) - top);
  EXPECT_NE(rank.find(" n" + std::to_string(ceo) + ";"), std::string::npos) << rank;
  EXPECT_NE(rank.find(" n" + std::to_string(loner) + ";"), std::string::npos) << rank;
  EXPECT_NE(rank.find(" n" + std::to_string(left_behind) + ";"), std::string::npos) << rank;
  EXPECT_EQ(rank.find(" n" + std::to_string(vp) + ";"), std::string::npos) << rank;
}

TEST_F(OrgChartTest, ChiefOfStaffBesideThePrincipal) {
  const NodeId contoso = account("Contoso");
  const NodeId principal = person("Ana Díaz");
  const NodeId chief = person("Bo Lee");
  works_at(principal, contoso);
  works_at(chief, contoso);
  relate(chief, principal, "CHIEF_OF_STAFF_TO");
  reports_to(chief, principal, true);  // drawn once, as the chief of staff line
  const std::string dot = chart();
  const std::string cluster = block(dot, "subgraph cluster_n" + std::to_string(contoso));
  EXPECT_NE(cluster.find("{ rank=same; n" + std::to_string(principal) + "; n" +
                         std::to_string(chief) + "; }"),
            std::string::npos)
      << cluster;
  const std::string line = edge(dot, principal, chief);
  EXPECT_NE(line.find("style=dotted"), std::string::npos) << line;
  EXPECT_NE(line.find("is chief of staff to"), std::string::npos) << line;
  EXPECT_EQ(dot.find(" -> ", dot.find(" -> ") + 1), std::string::npos) << "one line\n" << dot;
}

TEST_F(OrgChartTest, TwoCurrentManagersAreBothDrawnInRed) {
  const NodeId contoso = account("Contoso");
  const NodeId a = person("Ana Díaz");
  const NodeId b = person("Bo Lee");
  const NodeId c = person("Cy Ito");
  for (const NodeId p : {a, b, c})
    works_at(p, contoso);
  for (const NodeId m : {a, b}) {
    const RelId r = reports_to(c, m, true);
    g.set_rel_property(r, g.intern_key("contradiction"), true);
  }
  const std::string dot = chart();
  for (const NodeId m : {a, b}) {
    const std::string line = edge(dot, m, c);
    EXPECT_NE(line.find("color=\"#cf222e\""), std::string::npos) << line;
    EXPECT_NE(line.find("contradiction"), std::string::npos) << line;
  }
}

TEST_F(OrgChartTest, PeopleOfNoAccountJoinTheOneClusterTheirCurrentLinesLeadTo) {
  const NodeId contoso = account("Contoso");
  const NodeId fabrikam = account("Fabrikam");
  const NodeId ana = person("Ana Díaz");
  const NodeId eve = person("Eve Ng");
  works_at(ana, contoso);
  works_at(eve, fabrikam);
  const NodeId chief = person("Bo Lee");  // no company known: Ana's chief of staff
  relate(chief, ana, "CHIEF_OF_STAFF_TO");
  const NodeId bridge = person("Cy Ito");  // lines into both accounts
  reports_to(bridge, ana, true);
  reports_to(eve, bridge, true);
  const NodeId gone = person("Di Wu");  // a former line only
  reports_to(gone, ana, false);
  const std::string dot = chart();
  const std::string in_contoso = block(dot, "subgraph cluster_n" + std::to_string(contoso));
  EXPECT_NE(in_contoso.find("<b>Bo Lee</b>"), std::string::npos) << dot;
  EXPECT_EQ(in_contoso.find("Cy Ito"), std::string::npos) << dot;
  EXPECT_EQ(in_contoso.find("Di Wu"), std::string::npos) << dot;
  for (const NodeId outside : {bridge, gone}) {
    EXPECT_NE(dot.find("\n  n" + std::to_string(outside) + " [label=<<b>"), std::string::npos)
        << dot;
  }
  EXPECT_FALSE(edge(dot, bridge, eve).empty()) << dot;
}

TEST_F(OrgChartTest, AnAccountWithNoPeopleSaysSo) {
  account("Contoso");
  EXPECT_NE(chart().find("no people known"), std::string::npos);
}

TEST_F(OrgChartTest, GraphvizDrawsItWithoutComplaint) {
  const NodeId contoso = account("Contoso \"East\"");
  const NodeId ana = person("Ana Díaz", "Senior Vice President, Global Logistics Platforms");
  const NodeId bo = person("Bo \\ Lee");
  const NodeId cy = person("Cy <Ito>");
  for (const NodeId p : {ana, bo, cy})
    works_at(p, contoso);
  reports_to(bo, ana, true);
  reports_to(cy, bo, false);
  relate(cy, ana, "CHIEF_OF_STAFF_TO");
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const std::string path = ::testing::TempDir() + "kith_org_chart_" + test + ".dot";
  std::ofstream(path) << chart();
  const std::string command = "dot -Tsvg -o /dev/null '" + path + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string complaints;
  std::array<char, 512> buffer;
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    complaints.append(buffer.data(), n);
  EXPECT_EQ(pclose(pipe), 0) << complaints;
  EXPECT_EQ(complaints, "");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace kith
