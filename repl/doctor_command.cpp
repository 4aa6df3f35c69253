#include "repl/doctor_command.hpp"

#include <fmt/format.h>

#include "repl/evidence_text.hpp"

namespace kith::repl {

namespace {

// A heading with the count, a line saying what the section means, then one entry per item
// (or "none"), each entry with its evidence indented below it.
template <class T, class F>
void section(std::string& out, const char* title, const char* meaning, const std::vector<T>& items,
             F&& entry) {
  out += fmt::format("\n{} ({}): {}\n", title, items.size(), meaning);
  if (items.empty()) out += "  none\n";
  for (const T& item : items)
    out += entry(item);
}

std::string evidence(const Evidence& e) {
  return "      " + evidence_line(e) + "\n";
}

}  // namespace

std::string format_doctor_report(const loaders::BuildReport& r, const loaders::LoadReport& load) {
  std::string out =
      fmt::format("{} notes read; graph: {} nodes, {} relationships ({} people, {} accounts)\n",
                  load.files, r.nodes, r.relationships, r.people, r.accounts);
  out += r.owner.empty()
             ? "owner: unknown (set `owner:` in kith.yaml); @Myself tasks have no owner\n"
             : fmt::format("owner: {} ({})\n", r.owner, r.owner_source);

  section(out, "Merged", "spellings taken for one person", r.merges,
          [](const loaders::PersonMerge& m) {
            std::string line = fmt::format("  {} <- {}: {}", m.kept, m.merged, m.rule);
            if (m.similarity < 1) line += fmt::format(" {:.2f}", m.similarity);
            if (!m.why.empty()) line += ", " + m.why;
            return line + "\n" + evidence(m.evidence);
          });
  section(out, "Near-duplicates", "similar names kept apart as different people", r.near_duplicates,
          [](const loaders::ReportedNearDuplicate& d) {
            return fmt::format("  {} / {}: similarity {:.2f}, {}\n", d.a, d.b, d.similarity,
                               d.why) +
                   evidence(d.a_seen) + evidence(d.b_seen);
          });
  section(out, "Unresolved", "names that could not be tied to one person", r.unresolved,
          [](const loaders::UnresolvedName& u) {
            std::string line = fmt::format("  \"{}\": {}", u.written, u.why);
            if (!u.candidates.empty())
              line += fmt::format(" (could be {})", fmt::join(u.candidates, ", "));
            return line + "\n" + evidence(u.evidence);
          });
  section(out, "Contradictions", "facts that cannot all hold; both are kept and marked",
          r.contradictions, [](const loaders::Contradiction& c) {
            std::string text =
                fmt::format("  {}: {}: {}\n", c.subject, c.kind, fmt::join(c.values, " vs "));
            for (const Evidence& e : c.evidence)
              text += evidence(e);
            return text;
          });
  section(out, "Warnings", "what could not be read as written", load.warnings,
          [](const doc::Warning& w) { return "  " + loaders::format_warning(w) + "\n"; });
  if (!r.remarks.empty()) {
    section(out, "Remarks", "worth knowing", r.remarks,
            [](const std::string& s) { return "  " + s + "\n"; });
  }
  return out;
}

nlohmann::json doctor_report_json(const loaders::BuildReport& build,
                                  const loaders::LoadReport& load) {
  nlohmann::json j = loaders::build_report_json(build);
  j["warnings"] = loaders::load_report_json(load)["warnings"];
  return j;
}

}  // namespace kith::repl
