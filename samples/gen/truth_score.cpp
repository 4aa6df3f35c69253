#include "samples/gen/truth_score.hpp"

#include <functional>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "graph/name_key.hpp"

namespace kith::gen {

using nlohmann::json;

double RelationScore::precision() const {
  return found == 0 ? 1.0 : static_cast<double>(correct) / static_cast<double>(found);
}
double RelationScore::recall() const {
  return stated == 0 ? 1.0 : static_cast<double>(stated - missed) / static_cast<double>(stated);
}
double RelationScore::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

const RelationScore& QualityReport::at(std::string_view relation) const {
  for (const auto& r : relations)
    if (r.relation == relation) return r;
  throw std::out_of_range("no score for " + std::string(relation));
}

namespace {

// The graph's side: which truth person or company each node is, and each edge's evidence.
class GraphView {
 public:
  GraphView(const Graph& g, const json& truth) : g_(g) {
    for (const auto& p : truth["people"]) {
      const std::string name = p["name"];
      people_[name_key(name)] = name;
      for (const auto& s : p["spellings"])
        people_.try_emplace(name_key(s.get<std::string>()), name);
    }
    for (const auto& c : truth["companies"])
      companies_[name_key(c["name"].get<std::string>())] = c["name"];
    name_ = key("name");
    aliases_ = key("aliases");
    path_ = key("path");
    line_ = key("line");
    current_ = key("current");
  }

  std::optional<SymbolId> key(std::string_view k) const { return g_.find_key(k); }

  std::string text(NodeId n, std::optional<SymbolId> k) const {
    const Value* v = k ? g_.node_property(n, *k) : nullptr;
    return v && v->is<std::string>() ? v->as<std::string>() : std::string();
  }
  std::int64_t number(NodeId n, std::optional<SymbolId> k) const {
    const Value* v = k ? g_.node_property(n, *k) : nullptr;
    return v && v->is<std::int64_t>() ? v->as<std::int64_t>() : -1;
  }
  std::optional<bool> flag(RelId r, std::optional<SymbolId> k) const {
    const Value* v = k ? g_.rel_property(r, *k) : nullptr;
    if (!v || !v->is<bool>()) return std::nullopt;
    return v->as<bool>();
  }

  // The truth person a Person node is: by its name, else by one of its aliases; "" if none.
  std::string person(NodeId n) const {
    if (auto it = people_.find(name_key(text(n, name_))); it != people_.end()) return it->second;
    const Value* v = aliases_ ? g_.node_property(n, *aliases_) : nullptr;
    if (v && v->is<List>())
      for (const Value& a : v->as<List>())
        if (a.is<std::string>())
          if (auto it = people_.find(name_key(a.as<std::string>())); it != people_.end())
            return it->second;
    return {};
  }
  std::string person_or_name(NodeId n) const {
    const auto p = person(n);
    return p.empty() ? "?" + text(n, name_) : p;
  }
  std::string company(NodeId n) const {
    const auto it = companies_.find(name_key(text(n, name_)));
    return it == companies_.end() ? "?" + text(n, name_) : it->second;
  }

  std::string evidence(RelId r) const {
    const auto ev = g_.evidence(EntityKind::Relationship, r);
    if (ev.empty()) return "(no evidence)";
    const Evidence& e = ev.front();
    return fmt::format("{}:{}: {} [{}]", e.file, e.line, e.text.substr(0, 160), e.rule);
  }

  // Every relationship of `type`, as fn(rel, source, target).
  void each(std::string_view type, const std::function<void(RelId, NodeId, NodeId)>& fn) const {
    const auto t = g_.find_type(type);
    if (!t) return;
    g_.for_each_relationship([&](RelId r) {
      if (g_.rel_type(r) == *t) fn(r, g_.source(r), g_.target(r));
    });
  }

  const Graph& g_;
  std::map<std::string, std::string> people_;     // name_key of a spelling -> canonical name
  std::map<std::string, std::string> companies_;  // name_key -> company name
  std::optional<SymbolId> name_, aliases_, path_, line_, current_;
};

// Found facts (key -> evidence) against stated ones (key -> where) and what is true.
RelationScore compare(std::string relation, const std::map<std::string, std::string>& stated,
                      const std::map<std::string, std::string>& found,
                      const std::function<bool(const std::string&)>& is_true) {
  RelationScore s;
  s.relation = std::move(relation);
  s.stated = stated.size();
  s.found = found.size();
  for (const auto& [k, where] : found) {
    if (is_true(k))
      ++s.correct;
    else
      s.wrong.push_back(k + "  <- " + where);
  }
  for (const auto& [k, where] : stated) {
    if (found.count(k)) continue;
    ++s.missed;
    s.misses.push_back(k + "  (" + where + ")");
  }
  return s;
}

std::string where(const json& fact) {
  return fmt::format("{}:{}", fact.value("path", std::string()), fact.value("line", 0));
}

std::string arrow(const std::string& a, const std::string& b) {
  return a + " -> " + b;
}

// Pairs of distinct spellings: truly one person, and put on one node by the graph.
RelationScore person_merge(const Graph& g, const GraphView& view, const json& truth) {
  RelationScore s;
  s.relation = "person merge";
  const auto person_label = g.find_label("Person");
  struct Spelling {
    std::string written;
    std::string person;
    std::int64_t node;  // -1 when no node or several carry it
  };
  std::vector<Spelling> spellings;
  for (const auto& p : truth["people"]) {
    std::set<std::string> seen;
    for (const auto& w : p["spellings"]) {
      const std::string written = w;
      if (!seen.insert(name_key(written)).second) continue;  // the same up to case and accents
      std::int64_t node = -1;
      if (person_label)
        if (const auto nodes = g.find_by_name(*person_label, written); nodes.size() == 1)
          node = static_cast<std::int64_t>(nodes.front());
      spellings.push_back({written, p["name"], node});
    }
  }
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    for (std::size_t j = i + 1; j < spellings.size(); ++j) {
      const Spelling& a = spellings[i];
      const Spelling& b = spellings[j];
      const bool same = a.person == b.person;
      const bool merged = a.node >= 0 && a.node == b.node;
      if (same) ++s.stated;
      if (merged) ++s.found;
      if (same && merged) ++s.correct;
      if (same && !merged) {
        ++s.missed;
        s.misses.push_back(fmt::format("{} = {}", a.written, b.written));
      }
      if (merged && !same)
        s.wrong.push_back(fmt::format("{} = {} ({} and {}: node {})", a.written, b.written,
                                      a.person, b.person, view.text(a.node, view.name_)));
    }
  }
  return s;
}

}  // namespace

QualityReport score_graph(const Graph& g, const json& truth) {
  GraphView view(g, truth);
  QualityReport report;
  std::map<std::string, const json*> people;
  for (const auto& p : truth["people"])
    people[p["name"]] = &p;
  auto truth_of = [&](const std::string& name) -> const json* {
    const auto it = people.find(name);
    return it == people.end() ? nullptr : it->second;
  };

  // Reporting lines, current and former.
  for (const bool current : {true, false}) {
    std::map<std::string, std::string> stated, found;
    for (const auto& f : truth["facts"])
      if (f["kind"] == "REPORTS_TO" && f["current"] == current)
        stated.try_emplace(arrow(f["subject"], f["object"]), where(f));
    view.each("REPORTS_TO", [&](RelId r, NodeId a, NodeId b) {
      if (view.flag(r, view.current_).value_or(true) != current) return;
      found.try_emplace(arrow(view.person_or_name(a), view.person_or_name(b)), view.evidence(r));
    });
    auto is_true = [&](const std::string& k) {
      const auto at = k.find(" -> ");
      const json* p = truth_of(k.substr(0, at));
      if (!p) return false;
      const std::string manager = k.substr(at + 4);
      if (current) return (*p)["manager"].is_string() && (*p)["manager"] == manager;
      for (const auto& m : (*p)["former_managers"])
        if (m == manager) return true;
      return false;
    };
    report.relations.push_back(
        compare(current ? "REPORTS_TO (current)" : "REPORTS_TO (former)", stated, found, is_true));
  }

  {  // Current employers.
    std::map<std::string, std::string> stated, found;
    for (const auto& f : truth["facts"])
      if (f["kind"] == "WORKS_AT" && f["current"] == true)
        stated.try_emplace(arrow(f["subject"], f["account"]), where(f));
    view.each("WORKS_AT", [&](RelId r, NodeId a, NodeId b) {
      if (!view.flag(r, view.current_).value_or(true)) return;
      found.try_emplace(arrow(view.person_or_name(a), view.company(b)), view.evidence(r));
    });
    report.relations.push_back(
        compare("WORKS_AT (current)", stated, found, [&](const std::string& k) {
          const auto at = k.find(" -> ");
          const json* p = truth_of(k.substr(0, at));
          return p && (*p)["departed"] == false && (*p)["company"] == k.substr(at + 4);
        }));
  }

  // Person -> person facts that the world defines one way.
  auto person_to_person = [&](const char* type, const char* kind, const char* field) {
    std::map<std::string, std::string> stated, found;
    for (const auto& f : truth["facts"])
      if (f["kind"] == kind) stated.try_emplace(arrow(f["subject"], f["object"]), where(f));
    view.each(type, [&](RelId r, NodeId a, NodeId b) {
      found.try_emplace(arrow(view.person_or_name(a), view.person_or_name(b)), view.evidence(r));
    });
    report.relations.push_back(compare(type, stated, found, [&](const std::string& k) {
      const auto at = k.find(" -> ");
      const json* p = truth_of(k.substr(0, at));
      return p && (*p)[field].is_string() && (*p)[field] == k.substr(at + 4);
    }));
  };
  person_to_person("CHIEF_OF_STAFF_TO", "CHIEF_OF_STAFF_TO", "chief_of_staff_to");
  person_to_person("SUCCEEDED", "SUCCEEDED", "succeeded");

  {  // Decision makers.
    std::map<std::string, std::string> stated, found, makers;
    for (const auto& c : truth["companies"])
      if (c["decision_maker"].is_string()) makers[c["name"]] = c["decision_maker"];
    for (const auto& f : truth["facts"])
      if (f["kind"] == "DECIDES") stated.try_emplace(arrow(f["subject"], f["account"]), where(f));
    view.each("DECIDES", [&](RelId r, NodeId a, NodeId b) {
      found.try_emplace(arrow(view.person_or_name(a), view.company(b)), view.evidence(r));
    });
    report.relations.push_back(compare("DECIDES", stated, found, [&](const std::string& k) {
      const auto at = k.find(" -> ");
      const auto it = makers.find(k.substr(at + 4));
      return it != makers.end() && it->second == k.substr(0, at);
    }));
  }

  {  // Task owners.
    std::map<std::string, std::string> stated, found, owners;
    for (const auto& t : truth["tasks"]) {
      const std::string task =
          fmt::format("{}:{}", t["path"].get<std::string>(), t["line"].get<int>());
      if (!t["owner"].is_string()) continue;
      owners[task] = t["owner"];
      stated.try_emplace(arrow(t["owner"], task), task);
    }
    view.each("OWNS", [&](RelId r, NodeId a, NodeId b) {
      const std::string task =
          fmt::format("{}:{}", view.text(b, view.path_), view.number(b, view.line_));
      found.try_emplace(arrow(view.person_or_name(a), task), view.evidence(r));
    });
    report.relations.push_back(compare("OWNS", stated, found, [&](const std::string& k) {
      const auto at = k.find(" -> ");
      const auto it = owners.find(k.substr(at + 4));
      return it != owners.end() && it->second == k.substr(0, at);
    }));
  }

  {  // Meeting attendance.
    std::map<std::string, std::string> stated;
    for (const auto& m : truth["meetings"])
      for (const auto& a : m["attendees"])
        stated.try_emplace(arrow(a, m["path"]), m["path"].get<std::string>());
    std::map<std::string, std::string> found;
    view.each("ATTENDED", [&](RelId r, NodeId a, NodeId b) {
      found.try_emplace(arrow(view.person_or_name(a), view.text(b, view.path_)), view.evidence(r));
    });
    report.relations.push_back(compare("ATTENDED", stated, found,
                                       [&](const std::string& k) { return stated.count(k) > 0; }));
  }

  {  // Senders and recipients.
    std::map<std::string, std::string> sent, to;
    for (const auto& e : truth["emails"]) {
      const std::string path = e["path"];
      sent.try_emplace(arrow(e["from"], path), path);
      for (const char* field : {"to", "cc"})
        if (e.contains(field))
          for (const auto& r : e[field])
            if (std::string(field) == "to") to.try_emplace(arrow(path, r), path);
    }
    std::map<std::string, std::string> found_sent, found_to;
    view.each("SENT", [&](RelId r, NodeId a, NodeId b) {
      found_sent.try_emplace(arrow(view.person_or_name(a), view.text(b, view.path_)),
                             view.evidence(r));
    });
    view.each("TO", [&](RelId r, NodeId a, NodeId b) {
      found_to.try_emplace(arrow(view.text(a, view.path_), view.person_or_name(b)),
                           view.evidence(r));
    });
    report.relations.push_back(
        compare("SENT", sent, found_sent, [&](const std::string& k) { return sent.count(k) > 0; }));
    report.relations.push_back(
        compare("TO", to, found_to, [&](const std::string& k) { return to.count(k) > 0; }));
  }

  report.relations.push_back(person_merge(g, view, truth));
  return report;
}

std::string format_quality_table(const QualityReport& report) {
  std::string out =
      "| relation | stated | found | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|\n";
  for (const auto& r : report.relations)
    out += fmt::format("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", r.relation, r.stated,
                       r.found, r.precision(), r.recall(), r.f1());
  return out;
}

}  // namespace kith::gen
