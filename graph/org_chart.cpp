#include "graph/org_chart.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "graph/dot_quote.hpp"
#include "graph/export_scope.hpp"
#include "graph/xml_escape.hpp"

namespace kith {
namespace {

constexpr const char* kFont = "Helvetica,Arial,sans-serif";
constexpr std::size_t kTitleWidth = 30;   // characters per title line before it wraps
constexpr std::size_t kTooltipFacts = 3;  // evidence lines in one tooltip

struct Symbols {
  std::optional<SymbolId> person, account, works_at, reports_to, chief_of_staff_to;
  std::optional<SymbolId> name, title, current, contradiction;

  explicit Symbols(const Graph& g)
      : person(g.find_label("Person")),
        account(g.find_label("Account")),
        works_at(g.find_type("WORKS_AT")),
        reports_to(g.find_type("REPORTS_TO")),
        chief_of_staff_to(g.find_type("CHIEF_OF_STAFF_TO")),
        name(g.find_key("name")),
        title(g.find_key("title")),
        current(g.find_key("current")),
        contradiction(g.find_key("contradiction")) {}
};

std::string string_property(const PropertyList& props, std::optional<SymbolId> key) {
  if (!key) return {};
  for (const auto& [k, v] : props) {
    if (k == *key) {
      if (const auto* s = v.get_if<std::string>()) return *s;
    }
  }
  return {};
}

bool true_property(const PropertyList& props, std::optional<SymbolId> key) {
  if (!key) return false;
  for (const auto& [k, v] : props) {
    if (k == *key) return v.is<bool>() && v.as<bool>();
  }
  return false;
}

// A title broken into lines of about kTitleWidth characters at spaces, for a compact box.
std::vector<std::string> wrapped(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > kTitleWidth) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string evidence_lines(const Graph& g, EntityKind kind, std::uint64_t id) {
  std::string out;
  const std::vector<Evidence> facts = g.evidence(kind, id);
  for (std::size_t i = 0; i < facts.size() && i < kTooltipFacts; ++i) {
    const Evidence& e = facts[i];
    out += e.line > 0 ? fmt::format("\n{}:{} ({})", e.file, e.line, e.rule)
                      : fmt::format("\n{} ({})", e.file, e.rule);
  }
  if (facts.size() > kTooltipFacts)
    out += fmt::format("\n... {} more", facts.size() - kTooltipFacts);
  return out;
}

// One line between two people: every relationship behind it, and how it is drawn.
struct Line {
  NodeId upper = 0;  // the manager or principal
  NodeId lower = 0;  // the report or chief of staff
  bool current = false;
  bool contradiction = false;
  bool chief_of_staff = false;
  std::vector<RelId> rels;
};

class OrgChart {
 public:
  OrgChart(const Graph& g, const ExportSelection& sel, const OrgChartOptions& options)
      : g_(g), s_(g), options_(options) {
    collect(resolve_export_scope(g, sel));
  }

  void write(std::ostream& out) const {
    out << "digraph " << dot_quoted(options_.graph_name) << " {\n";
    out << fmt::format(
        "  graph [rankdir=TB, splines=ortho, newrank=true, nodesep=0.3, ranksep=0.45, pad=0.3, "
        "fontname={0}, fontsize=11, fontcolor=\"#6a737d\", labelloc=b, label={1}];\n"
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
        "color=\"#8c959f\", penwidth=1.2, fontname={0}, fontsize=13, fontcolor=\"#1f2328\", "
        "margin=\"0.2,0.08\"];\n"
        "  edge [dir=none, color=\"#57606a\", penwidth=1.2];\n",
        dot_quoted(kFont), dot_quoted(options_.legend ? legend() : ""));
    for (const auto& [account, people] : clusters_) {
      // An account whose people all sit in other clusters is left out, unless nobody is drawn.
      if (!people.empty() || (unclustered_.empty() && !has_people()))
        write_cluster(out, account, people);
    }
    for (const NodeId person : unclustered_)
      write_person(out, person, "  ");
    for (const Line& line : lines_)
      write_line(out, line);
    out << "}\n";
  }

 private:
  void collect(const ExportScope& scope) {
    std::set<NodeId> people;
    for (const NodeId n : scope.nodes) {
      if (s_.person && g_.has_label(n, *s_.person)) people.insert(n);
      if (s_.account && g_.has_label(n, *s_.account)) clusters_[n];
    }
    // A person's cluster: the account of a selected current WORKS_AT, else of any selected one.
    std::map<NodeId, std::pair<NodeId, bool>> membership;  // person -> (account, current)
    std::map<std::pair<NodeId, NodeId>, Line> lines;       // (upper, lower) -> line
    for (const RelId r : scope.rels) {
      const SymbolId type = g_.rel_type(r);
      const NodeId source = g_.source(r);
      const NodeId target = g_.target(r);
      const PropertyList& props = g_.rel_properties(r);
      if (type == s_.works_at && people.count(source) && clusters_.count(target)) {
        const bool current = true_property(props, s_.current);
        const auto it = membership.find(source);
        if (it == membership.end() || (current && !it->second.second))
          membership[source] = {target, current};
        if (!work_title_.count(source)) {
          std::string title = string_property(props, s_.title);
          if (!title.empty()) work_title_[source] = std::move(title);
        }
      } else if ((type == s_.reports_to || type == s_.chief_of_staff_to) && people.count(source) &&
                 people.count(target) && source != target) {
        Line& line = lines[{target, source}];
        line.upper = target;
        line.lower = source;
        line.rels.push_back(r);
        if (type == s_.chief_of_staff_to) {
          line.chief_of_staff = true;
        } else if (true_property(props, s_.current)) {
          line.current = true;
          line.contradiction = line.contradiction || true_property(props, s_.contradiction);
        }
      }
    }
    for (auto& [key, line] : lines) {
      // Without a current REPORTS_TO, a chief of staff line is still the current tie.
      if (line.chief_of_staff) line.current = true;
      if (line.current && !line.chief_of_staff) has_manager_.insert(line.lower);
      if (line.chief_of_staff) chief_of_staff_.insert(line.lower);
      lines_.push_back(std::move(line));
    }
    std::map<NodeId, NodeId> cluster_of;
    for (const auto& [person, account] : membership)
      cluster_of[person] = account.first;
    // Someone of no selected account goes where all their current lines lead, if that is one
    // cluster.
    for (const NodeId person : people) {
      if (cluster_of.count(person)) continue;
      std::set<NodeId> partner_clusters;
      bool all_clustered = true;
      for (const Line& line : lines_) {
        // A former line says nothing of where someone works now.
        if (!line.current || (line.upper != person && line.lower != person)) continue;
        const auto it = cluster_of.find(line.upper == person ? line.lower : line.upper);
        if (it == cluster_of.end()) {
          all_clustered = false;
        } else {
          partner_clusters.insert(it->second);
        }
      }
      if (all_clustered && partner_clusters.size() == 1)
        clusters_[*partner_clusters.begin()].push_back(person);
      else
        unclustered_.push_back(person);
    }
    for (const auto& [person, account] : cluster_of)
      clusters_[account].push_back(person);
    // By name, each chief of staff right after their principal: Graphviz keeps the input order
    // where nothing else decides, so the two end up side by side.
    std::map<NodeId, NodeId> principal_of;
    for (const Line& line : lines_) {
      if (line.chief_of_staff) principal_of.emplace(line.lower, line.upper);
    }
    const auto order_key = [&](NodeId n) {
      const auto it = principal_of.find(n);
      return it == principal_of.end() ? std::make_pair(name(n), std::string())
                                      : std::make_pair(name(it->second), name(n));
    };
    const auto in_order = [&](NodeId a, NodeId b) { return order_key(a) < order_key(b); };
    for (auto& [account, members] : clusters_)
      std::sort(members.begin(), members.end(), in_order);
    std::sort(unclustered_.begin(), unclustered_.end(), in_order);
  }

  bool has_people() const {
    for (const auto& [account, people] : clusters_) {
      if (!people.empty()) return true;
    }
    return false;
  }

  // How to read the kinds of line the chart holds, for the caption.
  std::string legend() const {
    bool current = false, former = false, chief = false, contradiction = false;
    for (const Line& line : lines_) {
      chief = chief || line.chief_of_staff;
      current = current || (line.current && !line.chief_of_staff && !line.contradiction);
      former = former || !line.current;
      contradiction = contradiction || line.contradiction;
    }
    std::vector<std::string> parts;
    if (current) parts.emplace_back("solid: reports to");
    if (contradiction) parts.emplace_back("red: one of two current managers");
    if (former) parts.emplace_back("dashed: former line");
    if (chief) parts.emplace_back("dotted: chief of staff");
    return fmt::format("{}", fmt::join(parts, "   ·   "));
  }

  std::string name(NodeId n) const {
    std::string s = string_property(g_.node_properties(n), s_.name);
    return s.empty() ? fmt::format("#{}", n) : s;
  }

  std::string title(NodeId person) const {
    std::string t = string_property(g_.node_properties(person), s_.title);
    if (!t.empty()) return t;
    const auto it = work_title_.find(person);
    return it == work_title_.end() ? std::string() : it->second;
  }

  void write_person(std::ostream& out, NodeId person, const char* indent) const {
    const std::string who = name(person);
    const std::string what = title(person);
    std::string label = "<b>" + xml_escaped(who) + "</b>";
    if (!what.empty()) {
      label += "<br/><font point-size=\"10\" color=\"#57606a\">";
      const auto lines = wrapped(what);
      for (std::size_t i = 0; i < lines.size(); ++i)
        label += (i ? "<br/>" : "") + xml_escaped(lines[i]);
      label += "</font>";
    }
    std::string tooltip = what.empty() ? who : who + ", " + what;
    tooltip += evidence_lines(g_, EntityKind::Node, person);
    out << indent << 'n' << person << " [label=<" << label << ">, tooltip=" << dot_quoted(tooltip)
        << "];\n";
  }

  void write_cluster(std::ostream& out, NodeId account, const std::vector<NodeId>& people) const {
    out << "  subgraph cluster_n" << account << " {\n";
    out << "    graph [label=<<b>" << xml_escaped(name(account))
        << "</b>>, labeljust=l, labelloc=t, fontsize=15, fontcolor=\"#1f2328\", "
           "style=\"rounded,filled\", fillcolor=\"#f6f8fa\", color=\"#d0d7de\", margin=14];\n";
    if (people.empty()) {
      out << "    empty_n" << account
          << " [shape=plaintext, style=\"\", label=\"no people known\", fontsize=11];\n";
    }
    std::vector<NodeId> top;
    for (const NodeId person : people) {
      write_person(out, person, "    ");
      if (!has_manager_.count(person) && !chief_of_staff_.count(person)) top.push_back(person);
    }
    if (!top.empty()) {
      out << "    { rank=min;";
      for (const NodeId person : top)
        out << " n" << person << ';';
      out << " }\n";
    }
    // A chief of staff on the rank of the principal, when both are drawn in this cluster.
    const std::set<NodeId> here(people.begin(), people.end());
    for (const Line& line : lines_) {
      if (line.chief_of_staff && here.count(line.upper) && here.count(line.lower))
        out << "    { rank=same; n" << line.upper << "; n" << line.lower << "; }\n";
    }
    out << "  }\n";
  }

  void write_line(std::ostream& out, const Line& line) const {
    const char* verb = line.chief_of_staff ? "is chief of staff to"
                       : line.current      ? "reports to"
                                           : "formerly reported to";
    std::string tooltip = fmt::format("{} {} {}", name(line.lower), verb, name(line.upper));
    if (line.contradiction) tooltip += " (contradiction: another current manager too)";
    for (const RelId r : line.rels)
      tooltip += evidence_lines(g_, EntityKind::Relationship, r);
    out << "  n" << line.upper << " -> n" << line.lower << " [";
    if (line.chief_of_staff) {
      out << "style=dotted, ";
    } else if (!line.current) {
      out << "style=dashed, color=\"#8c959f\", constraint=false, ";
    } else if (line.contradiction) {
      out << "color=\"#cf222e\", ";
    }
    out << "tooltip=" << dot_quoted(tooltip) << "];\n";
  }

  const Graph& g_;
  Symbols s_;
  const OrgChartOptions& options_;
  std::map<NodeId, std::vector<NodeId>> clusters_;  // account -> its people, by name
  std::vector<NodeId> unclustered_;                 // people tied to no selected account
  std::map<NodeId, std::string> work_title_;        // person -> a WORKS_AT title
  std::vector<Line> lines_;
  std::set<NodeId> has_manager_;
  std::set<NodeId> chief_of_staff_;
};

}  // namespace

void write_org_chart(std::ostream& out, const Graph& g, const ExportSelection& sel,
                     const OrgChartOptions& options) {
  OrgChart(g, sel, options).write(out);
}

}  // namespace kith
