#include "loaders/build_report.hpp"

#include <fmt/format.h>

namespace kith::loaders {

namespace {

std::string where(const Evidence& e) {
  if (e.file.empty()) return "(no source)";
  return e.line > 0 ? fmt::format("{}:{}", e.file, e.line) : e.file;
}

nlohmann::json evidence_json(const Evidence& e) {
  return {{"file", e.file}, {"line", e.line}, {"text", e.text}, {"rule", e.rule}};
}

template <class T, class F>
void section(std::string& out, const char* title, const std::vector<T>& items,
             std::size_t max_items, F&& line) {
  if (items.empty()) return;
  out += fmt::format("\n{} ({}):\n", title, items.size());
  for (std::size_t i = 0; i < items.size() && i < max_items; ++i)
    out += "  " + line(items[i]) + "\n";
  if (items.size() > max_items) out += fmt::format("  ... and {} more\n", items.size() - max_items);
}

}  // namespace

std::string format_build_report(const BuildReport& r, std::size_t max_items) {
  std::string out = fmt::format(
      "graph: {} nodes, {} relationships ({} notes, {} people, {} accounts, {} projects, {} "
      "tasks, {} emails, {} decisions) in {:.2f}s\n",
      r.nodes, r.relationships, r.notes, r.people, r.accounts, r.projects, r.tasks, r.emails,
      r.decisions, r.seconds);
  if (r.owner.empty())
    out += "owner: unknown (set `owner:` in kith.yaml); @Myself tasks have no owner\n";
  else
    out += fmt::format("owner: {} ({})\n", r.owner, r.owner_source);
  section(out, "merged spellings", r.merges, max_items, [](const PersonMerge& m) {
    return fmt::format("{} <- {} [{}{}] {} at {}", m.kept, m.merged, m.rule,
                       m.similarity < 1 ? fmt::format(" {:.2f}", m.similarity) : "", m.why,
                       where(m.evidence));
  });
  section(out, "similar names kept apart", r.near_duplicates, max_items,
          [](const ReportedNearDuplicate& d) {
            return fmt::format("{} / {} ({:.2f}): {}", d.a, d.b, d.similarity, d.why);
          });
  section(out, "unresolved names", r.unresolved, max_items, [](const UnresolvedName& u) {
    std::string line = fmt::format("{}: \"{}\" {}", where(u.evidence), u.written, u.why);
    if (!u.candidates.empty())
      line += " (could be " + fmt::format("{}", fmt::join(u.candidates, ", ")) + ")";
    return line;
  });
  section(out, "contradictions", r.contradictions, max_items, [](const Contradiction& c) {
    std::string line = fmt::format("{}: {}: {}", c.subject, c.kind, fmt::join(c.values, " vs "));
    for (const auto& e : c.evidence)
      line += " [" + where(e) + "]";
    return line;
  });
  section(out, "remarks", r.remarks, max_items, [](const std::string& s) { return s; });
  return out;
}

nlohmann::json build_report_json(const BuildReport& r) {
  nlohmann::json j;
  j["owner"] = r.owner;
  j["owner_source"] = r.owner_source;
  j["counts"] = {
      {"notes", r.notes},         {"people", r.people}, {"accounts", r.accounts},
      {"projects", r.projects},   {"tasks", r.tasks},   {"emails", r.emails},
      {"decisions", r.decisions}, {"nodes", r.nodes},   {"relationships", r.relationships}};
  j["seconds"] = r.seconds;
  j["merges"] = nlohmann::json::array();
  for (const auto& m : r.merges)
    j["merges"].push_back({{"kept", m.kept},
                           {"merged", m.merged},
                           {"rule", m.rule},
                           {"why", m.why},
                           {"similarity", m.similarity},
                           {"evidence", evidence_json(m.evidence)}});
  j["near_duplicates"] = nlohmann::json::array();
  for (const auto& d : r.near_duplicates)
    j["near_duplicates"].push_back(
        {{"a", d.a},
         {"b", d.b},
         {"similarity", d.similarity},
         {"why", d.why},
         {"evidence", {evidence_json(d.a_seen), evidence_json(d.b_seen)}}});
  j["unresolved"] = nlohmann::json::array();
  for (const auto& u : r.unresolved)
    j["unresolved"].push_back({{"written", u.written},
                               {"candidates", u.candidates},
                               {"why", u.why},
                               {"evidence", evidence_json(u.evidence)}});
  j["contradictions"] = nlohmann::json::array();
  for (const auto& c : r.contradictions) {
    nlohmann::json ev = nlohmann::json::array();
    for (const auto& e : c.evidence)
      ev.push_back(evidence_json(e));
    j["contradictions"].push_back(
        {{"kind", c.kind}, {"subject", c.subject}, {"values", c.values}, {"evidence", ev}});
  }
  j["remarks"] = r.remarks;
  return j;
}

}  // namespace kith::loaders
