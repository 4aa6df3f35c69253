// Successions: "X stepped into Y's role (after she left)", "X replaced Y (as T)", "X succeeded
// Y", "X took over from Y", "X took over Y's role", "X was replaced by Y".
#include "loaders/rule_matcher.hpp"

namespace kith::loaders {

namespace {

bool is_role_noun(const RuleMatcher& m, int i) {
  return m.is_any(i, {"role", "job", "position", "seat", "spot", "shoes", "responsibilities",
                      "territory", "accounts", "team"});
}

// "... after she left": the one who left is the person whose role was taken.
void vacated(RuleMatcher& m, int after_role, const Mention& previous, const char* rule) {
  if (m.is(after_role, "after") && m.is_any(after_role + 1, {"she", "he", "they"}) &&
      m.is_any(after_role + 2, {"left", "resigned", "retired", "departed", "quit"}))
    m.emit(FactKind::LeftRole, previous, "", "", "", true, false, rule);
}

// "as CTO" after a succession: the successor's new title.
void new_title(RuleMatcher& m, int as, const Mention& successor, bool current) {
  if (!m.is(as, "as")) return;
  int end = 0;
  const auto title = m.title_at(as + 1, &end, true);
  if (title.empty()) return;
  bool role = false;
  for (int k = as + 1; k < end; ++k)
    role = role || is_title_word(m.at(k));
  if (!role || m.possessive(as + 1)) return;
  if (m.is(end, "at")) {
    if (const auto org = m.org_at(end + 1); org && !org.possessive) {
      m.emit(FactKind::WorksAt, successor, org.name, "", title, current, false, "replaced");
      return;
    }
  }
  if (m.is_clause_end(end))
    m.emit(FactKind::HasTitle, successor, "", "", title, current, false, "replaced");
}

void stepped_into(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is_any(i, {"stepped", "steps", "step", "stepping"})) continue;
    int j = i + 1;
    if (m.is(j, "into")) {
      ++j;
    } else if (m.is(j, "in") && m.is(j + 1, "to")) {
      j += 2;
    } else {
      continue;
    }
    const auto previous = m.person_at(j);
    if (!previous || !previous.possessive || !is_role_noun(m, previous.end)) continue;
    const auto clause = m.clause_of(i, false);
    if (clause.modal || clause.subjects.empty()) continue;
    for (const auto& s : clause.subjects)
      m.emit(FactKind::Succeeded, s, previous.name, "", "", true, clause.negated,
             "stepped-into-role");
    vacated(m, previous.end + 1, previous, "stepped-into-role");
  }
}

void replaced(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    const bool replace = m.is_any(i, {"replaced", "replaces", "replacing"});
    const bool succeed = m.is_any(i, {"succeeded", "succeeds", "succeeding"});
    if (!replace && !succeed) continue;
    if (m.is_any(i, {"replacing", "succeeding"}) &&
        !m.is_any(i - 1, {"is", "was", "are", "were", "been"}))
      continue;
    const char* rule = replace ? "replaced" : "succeeded";
    if (m.is(i + 1, "by")) {
      // "X was replaced by Y": Y succeeded X.
      const auto successor = m.person_at(i + 2);
      if (!successor || successor.possessive || !m.is_clause_end(successor.end)) continue;
      const auto clause = m.clause_of(i, false);
      if (clause.modal) continue;
      for (const auto& s : clause.subjects)
        m.emit(FactKind::Succeeded, successor, s.name, "", "", true, clause.negated, "replaced-by");
      continue;
    }
    auto previous = m.person_at(i + 1);
    if (!previous) continue;
    int after = previous.end;
    if (previous.possessive) {
      if (!is_role_noun(m, after)) continue;  // "replaced Wen's laptop"
      ++after;
    }
    if (!m.is_clause_end(after) || m.is_any(after, {"on", "with", "for"})) continue;
    const auto clause = m.clause_of(i, false);
    if (clause.modal) continue;
    for (const auto& s : clause.subjects) {
      m.emit(FactKind::Succeeded, s, previous.name, "", "", true, clause.negated, rule);
      if (!clause.negated) new_title(m, after, s, true);
    }
  }
}

void took_over(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is_any(i, {"took", "takes", "taking", "take"}) || !m.is(i + 1, "over")) continue;
    if (m.is_any(i, {"take", "taking"}) &&
        !m.is_any(i - 1, {"is", "was", "are", "were", "did", "didn't"}))
      continue;
    Mention previous;
    int after = 0;
    if (m.is(i + 2, "from")) {
      previous = m.person_at(i + 3);
      if (!previous || previous.possessive) continue;
      after = previous.end;
    } else {
      previous = m.person_at(i + 2);
      if (!previous || !previous.possessive || !is_role_noun(m, previous.end)) continue;
      after = previous.end + 1;
    }
    if (!m.is_clause_end(after) || m.is_any(after, {"on", "with", "for"})) continue;
    const auto clause = m.clause_of(i, false);
    if (clause.modal) continue;
    for (const auto& s : clause.subjects) {
      m.emit(FactKind::Succeeded, s, previous.name, "", "", true, clause.negated, "took-over");
      if (!clause.negated) new_title(m, after, s, true);
    }
    vacated(m, after, previous, "took-over");
  }
}

}  // namespace

void apply_succession_rules(RuleMatcher& m) {
  stepped_into(m);
  replaced(m);
  took_over(m);
}

}  // namespace kith::loaders
