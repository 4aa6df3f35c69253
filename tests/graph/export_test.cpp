// The exporters, checked by the tools that read their formats: Graphviz's own parser
// (dot -Tcanon), networkx for GraphML and node-link JSON, and nlohmann for JSON.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "graph/exporters.hpp"

namespace kith {
namespace {

// Strings that break naive escaping in one format or another.
const std::vector<std::string> kHostile = {"say \"hi\"",  "back\\slash",  "ends with backslash\\",
                                           "two\nlines",  "<b>{x}|y</b>", "Strøm 😀",
                                           "中文名字",    "\"",           "ends with \"",
                                           "\\\"",        "tab\there",    "&amp; &lt; ]]> 'single'",
                                           "\\N \\G \\L", "record|{a|b}", "",
                                           "   "};

bool have_program(const char* name) {
  return std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0;
}

bool have_networkx() {
  return std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0;
}

// Named after the running test too: ctest runs tests as parallel processes sharing TempDir().
std::string write_temp(const std::string& name, const std::string& content) {
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const std::string path = ::testing::TempDir() + "kith_export_" + test + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// Runs a shell command and returns its standard output; fails the test on a non-zero exit.
std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    ADD_FAILURE() << "cannot run " << command;
    return output;
  }
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), n);
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << command << "\n" << output;
  return output;
}

// ---- A reader for the canonical DOT that `dot -Tcanon` prints, just enough to check what
// Graphviz understood: statements of nodes and edges with attribute lists.
struct DotGraph {
  std::string name;
  std::map<std::string, std::map<std::string, std::string>> nodes;
  struct Edge {
    std::string source;
    std::string target;
    std::map<std::string, std::string> attributes;
  };
  std::vector<Edge> edges;
};

class DotReader {
 public:
  explicit DotReader(std::string text) : text_(std::move(text)) {}

  DotGraph read() {
    DotGraph g;
    expect("digraph");
    std::string token = next();
    if (token != "{") {
      g.name = token;
      expect("{");
    }
    for (token = next(); token != "}" && !token.empty(); token = next()) {
      if (token == ";") continue;
      if (token == "graph" || token == "node" || token == "edge") {
        attributes();
        continue;
      }
      if (peek() == "->") {
        next();
        DotGraph::Edge edge{token, next(), {}};
        edge.attributes = attributes();
        g.edges.push_back(std::move(edge));
      } else if (peek() == "=") {
        next();
        next();
      } else {
        auto attrs = attributes();
        g.nodes[token].insert(attrs.begin(), attrs.end());
      }
    }
    return g;
  }

 private:
  std::map<std::string, std::string> attributes() {
    std::map<std::string, std::string> attrs;
    if (peek() != "[") return attrs;
    next();
    for (std::string key = next(); key != "]" && !key.empty(); key = next()) {
      if (key == ",") continue;
      expect("=");
      attrs[key] = next();
    }
    return attrs;
  }

  void expect(const std::string& token) { EXPECT_EQ(next(), token); }

  std::string peek() {
    const std::size_t saved = pos_;
    std::string token = next();
    pos_ = saved;
    return token;
  }

  // The next token; quoted strings come back unescaped (\" \\ \n \r, and backslash-newline
  // continuations that Graphviz inserts into long strings).
  std::string next() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
    if (pos_ >= text_.size()) return "";
    const char c = text_[pos_];
    if (c == '-' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '>') {
      pos_ += 2;
      return "->";
    }
    if (std::string_view("{}[]=,;").find(c) != std::string_view::npos) {
      ++pos_;
      return std::string(1, c);
    }
    if (c == '"') {
      std::string out;
      for (++pos_; pos_ < text_.size() && text_[pos_] != '"'; ++pos_) {
        if (text_[pos_] != '\\' || pos_ + 1 >= text_.size()) {
          out += text_[pos_];
          continue;
        }
        const char e = text_[++pos_];
        if (e == 'n') {
          out += '\n';
        } else if (e == 'r') {
          out += '\r';
        } else if (e == '\n') {
          // continuation: nothing
        } else if (e == '"' || e == '\\') {
          out += e;
        } else {
          out += '\\';
          out += e;
        }
      }
      ++pos_;
      return out;
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           std::string_view("{}[]=,;\"").find(text_[pos_]) == std::string_view::npos &&
           !(text_[pos_] == '-' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '>')) {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }

  std::string text_;
  std::size_t pos_ = 0;
};

class ExportTest : public ::testing::Test {
 protected:
  Graph g;
  SymbolId person = g.intern_label("Person");
  SymbolId employee = g.intern_label("Employee");
  SymbolId account = g.intern_label("Account");
  SymbolId reports_to = g.intern_type("REPORTS_TO");
  SymbolId works_at = g.intern_type("WORKS_AT");
  SymbolId odd_type = g.intern_type("ODD \"TYPE\" {x}|<y>");
  SymbolId name = g.intern_key("name");
  SymbolId age = g.intern_key("age");
  SymbolId score = g.intern_key("score");
  SymbolId active = g.intern_key("active");
  SymbolId aliases = g.intern_key("aliases");
  SymbolId note = g.intern_key("note");
  SymbolId shape = g.intern_key("shape");
  SymbolId labels_key = g.intern_key("labels");
  SymbolId type_key = g.intern_key("type");
  SymbolId founded = g.intern_key("founded");
  SymbolId since = g.intern_key("since");

  NodeId helga, yu, acme, bare, twin;
  RelId r_first, r_works, r_second, r_loop;

  void SetUp() override {
    const SymbolId p[] = {person};
    const SymbolId pe[] = {person, employee};
    const SymbolId a[] = {account};
    helga = g.create_node(p, {{name, "Helga \"H\" Strøm"},
                              {age, 51},
                              {score, 2.5},
                              {active, true},
                              {aliases, List{"H.S.", "Helga"}},
                              {note, "line1\nline2\\ <>{}|"},
                              {shape, "record"},
                              {labels_key, "not the labels"}});
    yu = g.create_node(pe, {{name, "中文名字 😀"}, {age, 40.5}, {active, false}});
    acme = g.create_node(a, {{name, "back\\slash\\"}, {founded, *Date::from_ymd(2015, 7, 21)}});
    bare = g.create_node();
    twin = g.create_node(p, {{name, "Helga \"H\" Strøm"}, {age, "unknown"}});
    const NodeId gone = g.create_node(p, {{name, "Deleted"}});
    r_first = g.create_relationship(helga, yu, reports_to, {{since, 2020}});
    r_works = g.create_relationship(yu, acme, works_at, {{type_key, "full-time"}});
    r_second = g.create_relationship(helga, yu, reports_to, {{since, 2021.5}});
    r_loop = g.create_relationship(bare, bare, odd_type);
    g.create_relationship(twin, gone, works_at);
    g.delete_node(gone, /*detach=*/true);
  }

  std::string dot(const ExportSelection& sel = {}, const DotOptions& options = {}) {
    std::ostringstream out;
    write_dot(out, g, sel, options);
    return out.str();
  }
  std::string graphml(const ExportSelection& sel = {}) {
    std::ostringstream out;
    write_graphml(out, g, sel);
    return out.str();
  }
  nlohmann::json json(const ExportSelection& sel = {}) {
    std::ostringstream out;
    write_json(out, g, sel);
    return nlohmann::json::parse(out.str());
  }

  DotGraph canon(const std::string& dot_text, const std::string& file) {
    const std::string path = write_temp(file, dot_text);
    return DotReader(run("dot -Tcanon '" + path + "' 2>&1")).read();
  }
};

TEST_F(ExportTest, DotIsReadBackByGraphvizWithEveryStringIntact) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz `dot` is not installed";
  const DotGraph read = canon(dot(), "whole.dot");
  ASSERT_EQ(read.nodes.size(), 5u);
  ASSERT_EQ(read.edges.size(), 4u);
  EXPECT_EQ(read.name, "kith");

  const auto& h = read.nodes.at("n" + std::to_string(helga));
  EXPECT_EQ(h.at("label"), "Helga \"H\" Strøm");
  EXPECT_EQ(h.at("labels"), "Person");
  EXPECT_EQ(h.at("prop_note"), "line1\nline2\\ <>{}|");
  EXPECT_EQ(h.at("prop_aliases"), "['H.S.', 'Helga']");
  EXPECT_EQ(h.at("prop_age"), "51");
  EXPECT_EQ(h.at("prop_labels"), "not the labels");
  // A property called "shape" must not turn the node into a record (where |{} are syntax).
  EXPECT_EQ(h.count("shape"), 0u);
  EXPECT_EQ(h.at("prop_shape"), "record");

  EXPECT_EQ(read.nodes.at("n" + std::to_string(yu)).at("labels"), "Person:Employee");
  EXPECT_EQ(read.nodes.at("n" + std::to_string(acme)).at("label"), "back\\slash\\");
  EXPECT_EQ(read.nodes.at("n" + std::to_string(acme)).at("prop_founded"), "2015-07-21");
  // Without a name the caption falls back to the first label and the id.
  EXPECT_EQ(read.nodes.at("n" + std::to_string(bare)).at("label"), "#" + std::to_string(bare));
  EXPECT_EQ(read.nodes.at("n" + std::to_string(twin)).at("label"), "Helga \"H\" Strøm");

  int loops = 0;
  int reports = 0;
  for (const auto& e : read.edges) {
    if (e.attributes.at("label") == "ODD \"TYPE\" {x}|<y>") {
      ++loops;
      EXPECT_EQ(e.source, e.target);
    }
    if (e.attributes.at("label") == "REPORTS_TO") {
      ++reports;
      EXPECT_EQ(e.source, "n" + std::to_string(helga));
      EXPECT_EQ(e.target, "n" + std::to_string(yu));
    }
  }
  EXPECT_EQ(loops, 1);
  EXPECT_EQ(reports, 2);  // parallel relationships stay two edges
}

TEST_F(ExportTest, DotEscapesEveryHostileString) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz `dot` is not installed";
  Graph h;
  const SymbolId key = h.intern_key("name");
  std::vector<NodeId> ids;
  for (const std::string& s : kHostile) {
    const SymbolId label = h.intern_label(s.empty() ? "Empty" : s);
    const SymbolId labels[] = {label};
    ids.push_back(h.create_node(labels, {{key, s}}));
  }
  std::ostringstream out;
  DotOptions options;
  options.graph_name = "graph \"named\" {oddly}\\";
  write_dot(out, h, {}, options);
  const DotGraph read = canon(out.str(), "hostile.dot");
  EXPECT_EQ(read.name, options.graph_name);
  ASSERT_EQ(read.nodes.size(), kHostile.size());
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    const auto& attrs = read.nodes.at("n" + std::to_string(ids[i]));
    // An empty name is no caption: the label and id stand in.
    const std::string caption =
        kHostile[i].empty() ? "Empty #" + std::to_string(ids[i]) : kHostile[i];
    EXPECT_EQ(attrs.at("label"), caption);
    EXPECT_EQ(attrs.at("labels"), kHostile[i].empty() ? "Empty" : kHostile[i]);
    // Graphviz drops attributes equal to the default "", so absent means empty.
    EXPECT_EQ(attrs.count("prop_name") ? attrs.at("prop_name") : "", kHostile[i]);
  }
}

TEST_F(ExportTest, DotReplacesBytesGraphvizCannotCarry) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz `dot` is not installed";
  Graph h;
  const SymbolId key = h.intern_key("name");
  const NodeId n = h.create_node({}, {{key, std::string("bad \xff byte, nul \0, cr\r.", 23)}});
  std::ostringstream out;
  write_dot(out, h);
  EXPECT_EQ(out.str().find('\0'), std::string::npos);
  const DotGraph read = canon(out.str(), "bytes.dot");
  EXPECT_EQ(read.nodes.at("n" + std::to_string(n)).at("label"),
            "bad \xEF\xBF\xBD byte, nul \xEF\xBF\xBD, cr\r.");
}

TEST_F(ExportTest, DotCaptionUsesTheConfiguredKey) {
  DotOptions options;
  options.caption_key = "age";
  options.rankdir = "LR";
  const std::string text = dot({}, options);
  EXPECT_NE(text.find("n0 [label=\"51\""), std::string::npos) << text;
  EXPECT_NE(text.find("rankdir=\"LR\""), std::string::npos);
  // No age: first label and id.
  EXPECT_NE(text.find("n2 [label=\"Account #2\""), std::string::npos) << text;
}

// Reads a GraphML file with networkx and prints nodes and edges with their typed attributes.
constexpr const char* kReadGraphml = R"(
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "directed": g.is_directed(),
  "nodes": {n: d for n, d in g.nodes(data=True)},
  "edges": [list(e) for e in g.edges(keys=True, data=True)] if g.is_multigraph()
           else [[u, v, None, d] for u, v, d in g.edges(data=True)],
}, ensure_ascii=False))
)";

TEST_F(ExportTest, GraphmlIsReadBackByNetworkxWithTypedAttributes) {
  if (!have_networkx()) GTEST_SKIP() << "/usr/bin/python3 with networkx is not available";
  const std::string path = write_temp("whole.graphml", graphml());
  const std::string script = write_temp("read_graphml.py", kReadGraphml);
  const auto read = nlohmann::json::parse(run("/usr/bin/python3 " + script + " " + path));
  EXPECT_TRUE(read["directed"].get<bool>());
  ASSERT_EQ(read["nodes"].size(), 5u);
  ASSERT_EQ(read["edges"].size(), 4u);

  const auto& h = read["nodes"]["n" + std::to_string(helga)];
  EXPECT_EQ(h["labels"], "Person");
  EXPECT_EQ(h["name"], "Helga \"H\" Strøm");
  EXPECT_EQ(h["note"], "line1\nline2\\ <>{}|");
  EXPECT_TRUE(h["active"].is_boolean());
  EXPECT_EQ(h["active"], true);
  EXPECT_TRUE(h["score"].is_number_float());
  EXPECT_EQ(h["score"], 2.5);
  // Lists travel as JSON text.
  EXPECT_EQ(nlohmann::json::parse(h["aliases"].get<std::string>()),
            nlohmann::json({"H.S.", "Helga"}));
  // A property named like our own "labels" attribute is renamed, not lost or overwriting.
  EXPECT_EQ(h["labels_"], "not the labels");
  // age holds 51, 40.5 and "unknown": the key falls back to string.
  EXPECT_EQ(h["age"], "51");
  EXPECT_EQ(read["nodes"]["n" + std::to_string(yu)]["labels"], "Person:Employee");
  EXPECT_EQ(read["nodes"]["n" + std::to_string(yu)]["age"], "40.5");
  EXPECT_EQ(read["nodes"]["n" + std::to_string(acme)]["founded"], "2015-07-21");
  EXPECT_EQ(read["nodes"]["n" + std::to_string(acme)]["name"], "back\\slash\\");

  int reports = 0;
  for (const auto& e : read["edges"]) {
    const auto& data = e[3];
    if (data["type"] == "REPORTS_TO") {
      ++reports;
      EXPECT_TRUE(data["since"].is_number_float());  // 2020 and 2021.5 widen to double
    }
    if (data["type"] == "WORKS_AT") {
      EXPECT_EQ(data["type_"], "full-time");
    }
    if (data["type"] == "ODD \"TYPE\" {x}|<y>") {
      EXPECT_EQ(e[0], e[1]);
    }
  }
  EXPECT_EQ(reports, 2);
}

TEST_F(ExportTest, GraphmlCarriesHostileStrings) {
  if (!have_networkx()) GTEST_SKIP() << "/usr/bin/python3 with networkx is not available";
  Graph h;
  std::vector<NodeId> ids;
  for (const std::string& s : kHostile) {
    const SymbolId key = h.intern_key(s.empty() ? "empty" : s);
    ids.push_back(h.create_node({}, {{key, s + "\r\n" + s}}));
  }
  const NodeId control = h.create_node(
      {}, {{h.intern_key("c"), std::string("nul \0 bell \a bad \xc3 \xEF\xBF\xBF", 22)}});
  std::ostringstream out;
  write_graphml(out, h);
  const std::string path = write_temp("hostile.graphml", out.str());
  const std::string script = write_temp("read_graphml.py", kReadGraphml);
  const auto read = nlohmann::json::parse(run("/usr/bin/python3 " + script + " " + path));
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    const std::string key = kHostile[i].empty() ? "empty" : kHostile[i];
    EXPECT_EQ(read["nodes"]["n" + std::to_string(ids[i])][key], kHostile[i] + "\r\n" + kHostile[i])
        << key;
  }
  EXPECT_EQ(read["nodes"]["n" + std::to_string(control)]["c"],
            "nul \xEF\xBF\xBD bell \xEF\xBF\xBD bad \xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST_F(ExportTest, JsonNodeLinkParsesBack) {
  const nlohmann::json doc = json();
  EXPECT_TRUE(doc["directed"].get<bool>());
  EXPECT_TRUE(doc["multigraph"].get<bool>());
  ASSERT_EQ(doc["nodes"].size(), 5u);
  ASSERT_EQ(doc["links"].size(), 4u);
  const auto& h = doc["nodes"][0];
  EXPECT_EQ(h["id"], helga);
  EXPECT_EQ(h["labels"], nlohmann::json({"Person"}));
  EXPECT_EQ(h["properties"]["name"], "Helga \"H\" Strøm");
  EXPECT_EQ(h["properties"]["age"], 51);
  EXPECT_EQ(h["properties"]["aliases"], nlohmann::json({"H.S.", "Helga"}));
  EXPECT_EQ(h["properties"]["note"], "line1\nline2\\ <>{}|");
  EXPECT_EQ(doc["nodes"][1]["labels"], nlohmann::json({"Person", "Employee"}));
  EXPECT_EQ(doc["nodes"][2]["properties"]["founded"], "2015-07-21");
  EXPECT_EQ(doc["nodes"][3]["labels"], nlohmann::json::array());
  const auto& first = doc["links"][0];
  EXPECT_EQ(first["id"], r_first);
  EXPECT_EQ(first["source"], helga);
  EXPECT_EQ(first["target"], yu);
  EXPECT_EQ(first["type"], "REPORTS_TO");
  EXPECT_EQ(first["properties"]["since"], 2020);
  EXPECT_EQ(doc["links"][3]["type"], "ODD \"TYPE\" {x}|<y>");
}

TEST_F(ExportTest, JsonCarriesHostileStringsAndRepairsBadUtf8) {
  Graph h;
  const SymbolId key = h.intern_key("name");
  for (const std::string& s : kHostile)
    h.create_node({}, {{key, s}});
  h.create_node({}, {{key, std::string("bad \xff end")}});
  std::ostringstream out;
  write_json(out, h);
  const auto doc = nlohmann::json::parse(out.str());
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    EXPECT_EQ(doc["nodes"][i]["properties"]["name"], kHostile[i]);
  }
  EXPECT_EQ(doc["nodes"][kHostile.size()]["properties"]["name"], "bad \xEF\xBF\xBD end");
}

TEST_F(ExportTest, JsonIsReadByNetworkxNodeLinkGraph) {
  if (!have_networkx()) GTEST_SKIP() << "/usr/bin/python3 with networkx is not available";
  std::ostringstream out;
  write_json(out, g);
  const std::string path = write_temp("whole.json", out.str());
  const std::string result =
      run("/usr/bin/python3 -c \"import json, sys, networkx as nx; "
          "g = nx.node_link_graph(json.load(open(sys.argv[1]))); "
          "print(g.number_of_nodes(), g.number_of_edges(), g.is_multigraph(), "
          "g.nodes[0]['properties']['name'])\" " +
          path);
  EXPECT_EQ(result, "5 4 True Helga \"H\" Strøm\n");
}

TEST_F(ExportTest, SelectionBringsInRelationshipEndsAndSkipsMissingIds) {
  ExportSelection sel;
  sel.nodes = {bare, 999, bare};
  sel.rels = {r_works, 12345};
  const nlohmann::json doc = json(sel);
  std::vector<NodeId> nodes;
  for (const auto& n : doc["nodes"])
    nodes.push_back(n["id"].get<NodeId>());
  EXPECT_EQ(nodes, (std::vector<NodeId>{yu, acme, bare}));
  ASSERT_EQ(doc["links"].size(), 1u);
  EXPECT_EQ(doc["links"][0]["id"], r_works);
  // Selecting nodes alone does not drag their relationships in.
  sel.rels.clear();
  sel.nodes = {helga, yu};
  EXPECT_EQ(json(sel)["links"].size(), 0u);

  const std::string dot_text = dot(ExportSelection{{}, {r_loop}});
  EXPECT_NE(dot_text.find("n3 -> n3"), std::string::npos) << dot_text;
  EXPECT_EQ(dot_text.find("n0 "), std::string::npos) << dot_text;
  EXPECT_NE(graphml(ExportSelection{{}, {r_first}}).find("<edge id=\"r0\""), std::string::npos);
}

TEST_F(ExportTest, EmptyGraphExportsAreWellFormed) {
  Graph empty;
  std::ostringstream d, x, j;
  write_dot(d, empty);
  write_graphml(x, empty);
  write_json(j, empty);
  EXPECT_EQ(nlohmann::json::parse(j.str())["nodes"].size(), 0u);
  if (have_program("dot")) {
    EXPECT_TRUE(canon(d.str(), "empty.dot").nodes.empty());
  }
  if (have_networkx()) {
    const std::string path = write_temp("empty.graphml", x.str());
    const std::string script = write_temp("read_graphml.py", kReadGraphml);
    EXPECT_EQ(nlohmann::json::parse(run("/usr/bin/python3 " + script + " " + path))["nodes"].size(),
              0u);
  }
}

}  // namespace
}  // namespace kith
