#include "repl/why_command.hpp"

#include <set>

#include <fmt/format.h>

#include "repl/evidence_text.hpp"
#include "repl/export_command.hpp"
#include "repl/value_text.hpp"

namespace kith::repl {

namespace {

// A node as a person reads it: its name (or title, text, path), else its label and id.
std::string caption(const Graph& g, NodeId n) {
  if (!g.node_exists(n)) return fmt::format("#{}", n);
  for (const char* key : {"name", "title", "subject", "text", "path"}) {
    const auto id = g.find_key(key);
    const Value* v = id ? g.node_property(n, *id) : nullptr;
    if (const auto* s = v ? v->get_if<std::string>() : nullptr; s && !s->empty()) return *s;
  }
  const auto& labels = g.node_labels(n);
  return labels.empty() ? fmt::format("#{}", n)
                        : fmt::format("{} #{}", g.label_name(labels.front()), n);
}

}  // namespace

std::string explain_relationships(const Graph& g, const ExportSelection& selection,
                                  std::size_t max_items) {
  std::string out;
  std::set<RelId> seen;
  std::size_t shown = 0;
  for (const RelId r : selection.rels) {
    if (!seen.insert(r).second || !g.relationship_exists(r)) continue;
    if (++shown > max_items) continue;
    out += fmt::format("({})-{}->({})\n", caption(g, g.source(r)),
                       value_literal(Value(RelRef{r}), g), caption(g, g.target(r)));
    const auto facts = g.evidence(EntityKind::Relationship, r);
    if (facts.empty()) out += "  no evidence recorded (made by a query, not read from a note)\n";
    for (const Evidence& e : facts)
      out += "  " + evidence_line(e) + "\n";
  }
  if (shown > max_items) out += fmt::format("... and {} more relationships\n", shown - max_items);
  return out;
}

Outcome why_command(Session& session) {
  if (!session.last_result) {
    session.err << "error: no result to explain: :why explains the relationships of the last "
                   "query's result (none yet, or the vault was reloaded since)\n";
    return Outcome::Failed;
  }
  const ExportSelection selection = result_selection(*session.last_result);
  if (selection.rels.empty()) {
    session.err << "error: the last result holds no relationships; return them (RETURN r, or a "
                   "path p = (a)-[r]->(b) RETURN p) and ask :why again\n";
    return Outcome::Failed;
  }
  session.out << explain_relationships(session.graph, selection);
  return Outcome::Ok;
}

}  // namespace kith::repl
