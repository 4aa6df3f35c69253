#include "repl/result_format.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "repl/display_width.hpp"
#include "repl/value_text.hpp"

namespace kith::repl {
namespace {

// Two people and a reporting line, built by hand.
struct SmallGraph {
  Graph graph;
  NodeId wen;
  NodeId ana;
  RelId reports;
  SmallGraph() {
    const SymbolId person = graph.intern_label("Person");
    const SymbolId name = graph.intern_key("name");
    const SymbolId title = graph.intern_key("title");
    const SymbolId current = graph.intern_key("current");
    wen = graph.create_node({&person, 1}, {{name, Value("Wen Li")}, {title, Value("CTO")}});
    ana = graph.create_node({&person, 1}, {{name, Value("Ana Ruiz")}});
    reports = graph.create_relationship(ana, wen, graph.intern_type("REPORTS_TO"),
                                        {{current, Value(true)}});
  }
};

std::string render(const query::Result& r, const Graph& g, Format f, FormatOptions o = {}) {
  std::ostringstream out;
  write_result(out, r, g, f, o);
  return out.str();
}

TEST(ValueText, NodesRelationshipsAndPathsPrintWithLabelsAndProperties) {
  SmallGraph s;
  EXPECT_EQ(value_literal(NodeRef{s.wen}, s.graph), "(:Person {name: 'Wen Li', title: 'CTO'})");
  EXPECT_EQ(value_literal(RelRef{s.reports}, s.graph), "[:REPORTS_TO {current: true}]");
  EXPECT_EQ(value_literal(Path{{s.ana, s.wen}, {s.reports}}, s.graph),
            "<(:Person {name: 'Ana Ruiz'})-[:REPORTS_TO {current: true}]->"
            "(:Person {name: 'Wen Li', title: 'CTO'})>");
  // Walked against its direction, the arrow points back.
  EXPECT_EQ(value_literal(Path{{s.wen, s.ana}, {s.reports}}, s.graph),
            "<(:Person {name: 'Wen Li', title: 'CTO'})<-[:REPORTS_TO {current: true}]-"
            "(:Person {name: 'Ana Ruiz'})>");
  EXPECT_EQ(value_literal(List{Value(1), Value("a"), Value(Map{{"first name", Value()}})}, s.graph),
            "[1, 'a', {`first name`: null}]");
  const NodeId bare = s.graph.create_node();
  EXPECT_EQ(value_literal(NodeRef{bare}, s.graph), "()");
  const SymbolId k = s.graph.intern_key("k");
  const NodeId unlabelled = s.graph.create_node({}, {{k, Value(1)}});
  EXPECT_EQ(value_literal(NodeRef{unlabelled}, s.graph), "({k: 1})");
  s.graph.delete_node(bare, true);
  EXPECT_EQ(value_literal(NodeRef{bare}, s.graph), "(#" + std::to_string(bare) + ")");
  EXPECT_EQ(value_text(Value("Wen Li"), s.graph), "Wen Li");
  EXPECT_EQ(value_text(Value(List{Value("Wen Li")}), s.graph), "['Wen Li']");
}

TEST(TableFormat, AlignsColumnsAndCountsRows) {
  SmallGraph s;
  query::Result r;
  r.columns = {"name", "reports"};
  r.rows = {{Value("Wen Li"), Value(12)}, {Value("\u738b\u82b3"), Value()}};
  EXPECT_EQ(render(r, s.graph, Format::Table),
            "┌────────┬─────────┐\n"
            "│ name   │ reports │\n"
            "├────────┼─────────┤\n"
            "│ Wen Li │      12 │\n"
            "│ 王芳   │ null    │\n"
            "└────────┴─────────┘\n"
            "2 rows\n");
}

TEST(TableFormat, CombiningMarksAndEmojiKeepTheBoxStraight) {
  SmallGraph s;
  query::Result r;
  r.columns = {"x"};
  r.rows = {{Value("Jose\u0301")}, {Value("\U0001F600\U0001F600")}, {Value("abcd")}};
  const std::string text = render(r, s.graph, Format::Table);
  std::istringstream lines(text);
  std::string line;
  std::size_t width = 0;
  for (int i = 0; i < 7 && std::getline(lines, line); ++i) {
    if (i == 0) width = display_width(line);
    EXPECT_EQ(display_width(line), width) << line;
  }
}

TEST(TableFormat, LongCellsAreCutToTheTerminalWidth) {
  SmallGraph s;
  query::Result r;
  r.columns = {"id", "text"};
  r.rows = {{Value(1), Value(std::string(200, 'x'))}};
  FormatOptions o;
  o.width = 40;
  const std::string text = render(r, s.graph, Format::Table, o);
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line))
    EXPECT_LE(display_width(line), 40u) << line;
  EXPECT_NE(text.find("x\u2026 │"), std::string::npos) << text;
  EXPECT_NE(text.find("│  1 │"), std::string::npos) << "the short column keeps its width\n" << text;
}

TEST(TableFormat, StringsStayOnOneLine) {
  SmallGraph s;
  query::Result r;
  r.columns = {"t"};
  r.rows = {{Value("a\nb\tc")}};
  EXPECT_NE(render(r, s.graph, Format::Table).find("│ a\\nb\\tc │"), std::string::npos);
}

TEST(TableFormat, ColourOnlyWhenAsked) {
  SmallGraph s;
  query::Result r;
  r.columns = {"n"};
  r.rows = {{Value()}};
  EXPECT_EQ(render(r, s.graph, Format::Table).find('\033'), std::string::npos);
  FormatOptions o;
  o.color = true;
  const std::string coloured = render(r, s.graph, Format::Table, o);
  EXPECT_NE(coloured.find("\033[1mn\033[0m"), std::string::npos) << coloured;
  EXPECT_NE(coloured.find("\033[2mnull\033[0m"), std::string::npos) << coloured;
}

TEST(TableFormat, FooterShowsTimeAndWhatAWriteChanged) {
  SmallGraph s;
  query::Result r;
  r.effects.nodes_created = 2;
  r.effects.properties_set = 1;
  FormatOptions o;
  o.elapsed_seconds = 0.0123;
  EXPECT_EQ(render(r, s.graph, Format::Table, o), "Created 2 nodes, set 1 property (12.3 ms)\n");
  r.columns = {"n"};
  r.rows = {{Value(1)}};
  EXPECT_NE(render(r, s.graph, Format::Table).find("1 row, created 2 nodes, set 1 property\n"),
            std::string::npos);
  query::Result empty;
  empty.columns = {"n"};
  EXPECT_NE(render(empty, s.graph, Format::Table).find("0 rows\n"), std::string::npos);
}

TEST(CsvFormat, QuotesExactlyWhatRfc4180Requires) {
  SmallGraph s;
  query::Result r;
  r.columns = {"name", "note"};
  r.rows = {{Value("Wen Li"), Value("says \"hi\", twice")},
            {Value("a\nb"), Value()},
            {Value(""), Value(List{Value(1), Value(2)})},
            {Value(1.5), Value(true)}};
  EXPECT_EQ(render(r, s.graph, Format::Csv),
            "name,note\r\n"
            "Wen Li,\"says \"\"hi\"\", twice\"\r\n"
            "\"a\nb\",\r\n"
            "\"\",\"[1, 2]\"\r\n"
            "1.5,true\r\n");
}

TEST(TsvFormat, EscapesSoEveryRowIsOneLine) {
  SmallGraph s;
  query::Result r;
  r.columns = {"a", "b"};
  r.rows = {{Value("x\ty\\z"), Value("1\n2")}, {Value(), Value(3)}};
  EXPECT_EQ(render(r, s.graph, Format::Tsv), "a\tb\nx\\ty\\\\z\t1\\n2\n\t3\n");
}

TEST(JsonFormat, AnArrayOfRowObjectsInColumnOrder) {
  SmallGraph s;
  query::Result r;
  r.columns = {"z", "a", "who"};
  r.rows = {{Value(1), Value("x"), Value(NodeRef{s.wen})}, {Value(), Value(2.5), Value()}};
  const std::string text = render(r, s.graph, Format::Json);
  EXPECT_LT(text.find("\"z\""), text.find("\"a\"")) << "keys keep the column order: " << text;
  const auto j = nlohmann::json::parse(text);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["z"], 1);
  EXPECT_EQ(j[0]["who"]["labels"], nlohmann::json::array({"Person"}));
  EXPECT_EQ(j[0]["who"]["properties"]["name"], "Wen Li");
  EXPECT_EQ(j[0]["who"]["id"], s.wen);
  EXPECT_TRUE(j[1]["z"].is_null());
  EXPECT_EQ(render(query::Result{}, s.graph, Format::Json), "[]\n");
}

TEST(JsonFormat, RelationshipsAndPathsAreObjects) {
  SmallGraph s;
  query::Result r;
  r.columns = {"r", "p"};
  r.rows = {{Value(RelRef{s.reports}), Value(Path{{s.ana, s.wen}, {s.reports}})}};
  const auto j = nlohmann::json::parse(render(r, s.graph, Format::Json));
  EXPECT_EQ(j[0]["r"]["type"], "REPORTS_TO");
  EXPECT_EQ(j[0]["r"]["start"], s.ana);
  EXPECT_EQ(j[0]["r"]["end"], s.wen);
  EXPECT_EQ(j[0]["r"]["properties"]["current"], true);
  EXPECT_EQ(j[0]["p"]["nodes"].size(), 2u);
  EXPECT_EQ(j[0]["p"]["relationships"][0]["id"], s.reports);
}

TEST(JsonlFormat, OneObjectPerLine) {
  SmallGraph s;
  query::Result r;
  r.columns = {"n", "d"};
  r.rows = {{Value(1), Value(*Date::parse_iso("2025-01-02"))}, {Value(2), Value("\xff")}};
  const std::string text = render(r, s.graph, Format::Jsonl);
  std::istringstream lines(text);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line))
    rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["d"], "2025-01-02");
  EXPECT_EQ(rows[1]["n"], 2);
}

TEST(Formats, NamesRoundTrip) {
  for (const auto name : format_names()) {
    const auto f = parse_format(name);
    ASSERT_TRUE(f.has_value()) << name;
    EXPECT_EQ(format_name(*f), name);
  }
  EXPECT_FALSE(parse_format("xml").has_value());
}

}  // namespace
}  // namespace kith::repl
