// DOT, GraphML and JSON export of arbitrary strings: names, labels, relationship types and
// property values taken from the input. Each output must parse back (Boost.Graph's own DOT
// and GraphML readers, nlohmann::json) with every node and relationship, and names must come
// back as they went in wherever the format can carry them unchanged.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_target.hpp"
#include "graph/exporters.hpp"
#include "graph/graph.hpp"
#include "loaders/utf8_validate.hpp"

namespace {

struct VertexData {
  std::string id;
  std::string caption;
  std::string name;
};
using ParsedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData>;

std::vector<std::string_view> split_on_nul(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\0', start);
    if (end == std::string_view::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool plain_printable(std::string_view s) {
  if (!kith::loaders::is_valid_utf8(s)) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') return false;
  return true;
}

// Boost's GraphML reader trims and collapses spaces in element text (XML itself keeps them),
// so names are compared with their spaces normalised the same way.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// XML cannot carry U+FFFE or U+FFFF, so the GraphML writer puts U+FFFD in their place.
std::string as_graphml_writes_it(std::string_view valid_utf8) {
  std::string out(valid_utf8);
  for (std::size_t i = out.find("\xEF\xBF"); i != std::string::npos;
       i = out.find("\xEF\xBF", i + 1))
    if (i + 2 < out.size() && (out[i + 2] == '\xBE' || out[i + 2] == '\xBF')) out[i + 2] = '\xBD';
  return out;
}

}  // namespace

KITH_FUZZ_TARGET(export) {
  auto parts = split_on_nul(kith::fuzz::as_text(data, size));
  if (parts.size() > 64) parts.resize(64);  // the formats, not the graph's size, are under test

  // Parts in threes: a node's name, its label, the type of the relationship to the next node.
  kith::Graph g;
  auto name_key = g.intern_key("name");
  auto note_key = g.intern_key(parts.size() > 1 ? parts[1] : "note");
  std::vector<kith::NodeId> nodes;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < parts.size(); i += 3) {
    auto label = g.intern_label(i + 1 < parts.size() && !parts[i + 1].empty() ? parts[i + 1] : "X");
    nodes.push_back(g.create_node(
        {&label, 1}, {{name_key, kith::Value(parts[i])}, {note_key, kith::Value(parts[i])}}));
    names.emplace_back(parts[i]);
  }
  std::size_t rels = 0;
  for (std::size_t n = 0; n + 1 < nodes.size(); ++n) {
    std::string_view type = 3 * n + 2 < parts.size() ? parts[3 * n + 2] : "R";
    g.create_relationship(nodes[n], nodes[n + 1], g.intern_type(type.empty() ? "R" : type),
                          {{name_key, kith::Value(type)}});
    ++rels;
  }

  std::ostringstream json_out;
  kith::write_json(json_out, g);
  auto json = nlohmann::json::parse(json_out.str());  // throws, and so crashes, when invalid
  FUZZ_CHECK(json["nodes"].size() == nodes.size());
  FUZZ_CHECK(json["links"].size() == rels);
  for (std::size_t n = 0; n < nodes.size(); ++n)
    if (kith::loaders::is_valid_utf8(names[n]))
      FUZZ_CHECK(json["nodes"][n]["properties"]["name"] == names[n]);

  {
    std::ostringstream out;
    kith::write_graphml(out, g);
    std::istringstream in(out.str());
    ParsedGraph parsed;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("name", boost::get(&VertexData::name, parsed));
    boost::read_graphml(in, parsed, dp);
    FUZZ_CHECK(boost::num_vertices(parsed) == nodes.size());
    FUZZ_CHECK(boost::num_edges(parsed) == rels);
    for (std::size_t n = 0; n < nodes.size(); ++n)
      if (plain_printable(names[n]))
        FUZZ_CHECK(collapse_spaces(parsed[n].name) ==
                   collapse_spaces(as_graphml_writes_it(names[n])));
  }
  {
    std::ostringstream out;
    kith::write_dot(out, g);
    ParsedGraph parsed;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("node_id", boost::get(&VertexData::id, parsed));
    dp.property("label", boost::get(&VertexData::caption, parsed));
    FUZZ_CHECK(boost::read_graphviz(out.str(), parsed, dp, "node_id"));
    FUZZ_CHECK(boost::num_vertices(parsed) == nodes.size());
    FUZZ_CHECK(boost::num_edges(parsed) == rels);
    for (std::size_t v = 0; v < boost::num_vertices(parsed); ++v) {
      std::size_t n = std::stoul(parsed[v].id.substr(1));  // ids are n<id>, ids from 0
      if (plain_printable(names[n]) && !names[n].empty()) FUZZ_CHECK(parsed[v].caption == names[n]);
    }
  }
  return 0;
}
