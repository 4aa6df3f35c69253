// End-to-end: `kith export` in every format, org charts and the vault left untouched, on a
// small fixture vault (tests/repl/fixtures/contoso_vault).
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

namespace fs = std::filesystem;

const std::string kVault = std::string(KITH_FIXTURES) + "/contoso_vault";

// A fresh file name outside the vault, removed after the test.
class OutputFile {
 public:
  explicit OutputFile(const std::string& extension) {
    char pattern[] = "/tmp/kith-export-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    path_ = (dir_ / ("out." + extension)).string();
  }
  ~OutputFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }
  std::string bytes() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  fs::path dir_;
  std::string path_;
};

// What a shell command prints; the test fails when it exits non-zero.
std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    ADD_FAILURE() << "cannot run " << command;
    return out;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    out.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

constexpr const char* kReportingPaths =
    "MATCH p = (:Person)-[:REPORTS_TO]->(:Person {name: 'Bo Lindqvist'}) RETURN p";

// The names of the nodes a JSON export holds, sorted.
std::vector<std::string> names_in(const nlohmann::json& j) {
  std::vector<std::string> names;
  for (const auto& n : j["nodes"])
    names.push_back(n["properties"].value("name", ""));
  std::sort(names.begin(), names.end());
  return names;
}

TEST(CliExport, JsonOfAQueryHoldsItsPathsNodesAndRelationships) {
  const auto r = run_kith({"export", kVault, "--query", kReportingPaths, "-o", "-", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(names_in(j), (std::vector<std::string>{"Bo Lindqvist", "Cy Ito", "Dee Park"}));
  ASSERT_EQ(j["links"].size(), 2u);
  for (const auto& link : j["links"]) {
    EXPECT_EQ(link["type"], "REPORTS_TO");
    EXPECT_EQ(link["properties"]["current"], true);
  }
}

TEST(CliExport, GraphmlOfAQueryParsesBack) {
  OutputFile file("graphml");
  const auto r = run_kith({"export", kVault, "-q", kReportingPaths, "-o", file.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  // networkx reads it back; the counts are what the query returned.
  const std::string command = "/usr/bin/python3 -c 'import networkx as nx; g = nx.read_graphml(\"" +
                              file.path() +
                              "\"); print(g.number_of_nodes(), g.number_of_edges(), "
                              "sorted(d[\"type\"] for _, _, d in g.edges(data=True)))'";
  EXPECT_EQ(output_of(command), "3 2 ['REPORTS_TO', 'REPORTS_TO']\n");
}

TEST(CliExport, DotOfTheWholeGraphByItsExtension) {
  OutputFile file("dot");
  const auto r = run_kith({"export", kVault, "-o", file.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string dot = file.bytes();
  EXPECT_EQ(dot.rfind("digraph \"kith\" {\n", 0), 0u) << dot;
  EXPECT_NE(dot.find("label=\"Contoso\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"CHIEF_OF_STAFF_TO\""), std::string::npos);
  // Graphviz reads it as one graph with every node.
  const std::string command = "dot -Tcanon '" + file.path() + "' | grep -c 'labels=Person'";
  EXPECT_GE(std::stoi(output_of(command)), 7);
}

TEST(CliExport, SvgAndPngAreDrawnByGraphviz) {
  OutputFile svg("svg");
  auto r = run_kith({"export", kVault, "--orgchart", "contoso", "-o", svg.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string drawing = svg.bytes();
  EXPECT_NE(drawing.find("<svg"), std::string::npos) << drawing.substr(0, 300);
  EXPECT_NE(drawing.find("Ana Díaz"), std::string::npos);
  OutputFile png("png");
  r = run_kith({"export", kVault, "--query", kReportingPaths, "-o", png.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(png.bytes().substr(0, 8), "\x89PNG\r\n\x1a\n");
  r = run_kith({"export", kVault, "-o", "-", "-f", "png"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("png is an image"), std::string::npos) << r.err;
}

TEST(CliExport, OrgChartOfAnAccount) {
  const auto r = run_kith({"export", kVault, "--orgchart", "CONTOSO", "-o", "-", "-f", "dot"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& dot = r.out;
  // One cluster, the account's, holding its people with their titles.
  const std::size_t cluster = dot.find("  subgraph cluster_n");
  ASSERT_NE(cluster, std::string::npos) << dot;
  EXPECT_EQ(dot.find("\n    graph [label=<<b>Contoso</b>>", cluster), dot.find('\n', cluster))
      << dot;
  EXPECT_EQ(dot.find("subgraph cluster", dot.find("subgraph cluster") + 1), std::string::npos);
  for (const char* who :
       {"<b>Ana Díaz</b><br/><font point-size=\"10\" color=\"#57606a\">Chief "
        "Executive Officer</font>",
        "<b>Bo Lindqvist</b><br/><font point-size=\"10\" "
        "color=\"#57606a\">VP Engineering</font>",
        "<b>Cy Ito</b>", "<b>Dee Park</b>", "<b>Rui Costa</b>", "<b>Tamsin Wheeler</b>"}) {
    EXPECT_NE(dot.find(who), std::string::npos) << who << "\n" << dot;
  }
  // Mira works elsewhere.
  EXPECT_EQ(dot.find("Mira Okafor"), std::string::npos) << dot;
  // Cy's former line to Ana is dashed, Bo's current line solid, Rui beside Ana.
  EXPECT_NE(dot.find("style=dashed, color=\"#8c959f\", constraint=false, tooltip=\"Cy Ito "
                     "formerly reported to Ana Díaz\\nPeople/Cy Ito.md:"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("tooltip=\"Bo Lindqvist reports to Ana Díaz\\nPeople/Bo Lindqvist.md:"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("style=dotted, tooltip=\"Rui Costa is chief of staff to "
                     "Ana Díaz"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("{ rank=same;"), std::string::npos) << dot;
  // Dee has two current managers: both lines drawn, in red.
  EXPECT_NE(dot.find("tooltip=\"Dee Park reports to Cy Ito (contradiction"), std::string::npos)
      << dot;
}

TEST(CliExport, OrgChartOfEveryAccount) {
  const auto r = run_kith({"export", kVault, "--all", "-o", "-", "-f", "dot"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<b>Contoso</b>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<b>Northwind Traders</b>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<b>Mira Okafor</b>"), std::string::npos) << r.out;
}

TEST(CliExport, AnUnknownAccountListsTheKnownOnes) {
  const auto r = run_kith({"export", kVault, "--orgchart", "Globex", "-o", "-", "-f", "dot"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("no account 'Globex' (known: Contoso, Northwind Traders)"),
            std::string::npos)
      << r.err;
}

TEST(CliExport, NeverWritesInsideTheVault) {
  const std::string inside = kVault + "/People/chart.dot";
  const std::string existing = kVault + "/People/Ana Díaz.md";
  const std::string before = [&] {
    std::ifstream in(existing, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  for (const std::string& target : {inside, existing, kVault + "/../contoso_vault/x.json"}) {
    const auto r = run_kith({"export", kVault, "-o", target, "-f", "json"});
    EXPECT_EQ(r.exit_code, 2) << target;
    EXPECT_NE(r.err.find("is inside the vault"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(inside));
  std::ifstream in(existing, std::ios::binary);
  std::ostringstream after;
  after << in.rdbuf();
  EXPECT_EQ(after.str(), before);
}

TEST(CliExport, UsageAndQueryErrorsHaveTheirExitCodes) {
  auto r = run_kith({"export", kVault, "-o", "/tmp/kith-export-no-extension"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot tell the format"), std::string::npos) << r.err;
  r = run_kith({"export", kVault, "-o", "-", "-f", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown export format 'pdf'"), std::string::npos) << r.err;
  r = run_kith({"export", kVault, "-o", "-", "-f", "json", "--query", "MATCH (n) RETURN nope"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
  r = run_kith({"export", kVault, "-o", "-", "-f", "json", "--query", "RETURN 1 AS one"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no nodes, relationships or paths"), std::string::npos) << r.err;
  r = run_kith({"export", kVault, "-o", "-", "-f", "dot", "--all", "--orgchart", "Contoso"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CliExport, HelpDescribesEveryOption) {
  const auto top = run_kith({"--help"});
  ASSERT_EQ(top.exit_code, 0) << top.err;
  EXPECT_NE(top.out.find("export"), std::string::npos) << top.out;
  const auto r = run_kith({"export", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* option : {"--output", "--format", "--query", "--orgchart", "--all", "--param"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option << "\n" << r.out;
}

}  // namespace
}  // namespace kith::testing
