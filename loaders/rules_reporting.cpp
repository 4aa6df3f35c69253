// Reporting lines and chiefs of staff: "X reports to Y", "Y manages X", "X's manager is Y",
// "X is Y's manager", "Y's direct reports include A, B and C", "X is Y's chief of staff",
// "Chief of staff: X" (in Y's note).
#include "loaders/rule_matcher.hpp"

namespace kith::loaders {

namespace {

// A word that says who someone's manager is, and the modifiers that may precede it.
bool is_manager_noun(const RuleMatcher& m, int i) {
  return m.is_any(i, {"manager", "boss", "supervisor", "superior"});
}
bool is_manager_modifier(const RuleMatcher& m, int i) {
  return m.is_any(i, {"line", "direct", "new", "old", "former", "previous", "current", "interim",
                      "acting", "ex", "real", "actual", "reporting", "immediate"});
}
bool is_past_modifier(const RuleMatcher& m, int i) {
  return m.is_any(i, {"old", "former", "previous", "ex"});
}

// Where "chief of staff" (or "CoS") starts at token i: the token after it, else -1.
int chief_of_staff_end(const RuleMatcher& m, int i) {
  if (m.is(i, "chief") && m.is(i + 1, "of") && m.is(i + 2, "staff")) return i + 3;
  if (m.at(i) == "CoS") return i + 1;
  return -1;
}

// A person object that is not part of a longer noun phrase: "reports to Wen." but not "reports
// to Wen team" or "reports to Wen's boss".
bool stands_alone(const RuleMatcher& m, const Mention& p) {
  return p && !p.possessive && m.is_clause_end(p.end);
}

// The reporting sense of "report to", not the telling one ("reported to Wen that ...").
bool is_telling(const RuleMatcher& m, int after_object) {
  return m.is_any(after_object, {"that", "on", "about", "regarding", "whether", "how", "what",
                                 "with", "re", "every", "weekly", "daily", "monthly"});
}

void reports_to(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is_any(i, {"reports", "report", "reported", "reporting"}) || !m.is_verb_form(i))
      continue;
    const bool participle = m.is(i, "reporting") && m.is(i - 1, ",") &&
                            !m.person_ending_at(i - 1);  // "X, reporting to Y": apposition
    if (m.is(i, "reporting") && !participle &&
        !m.is_any(i - 1, {"is", "was", "are", "were", "been", "currently", "now", "still"}))
      continue;
    int j = i + 1;
    if (m.is_any(j, {"directly", "straight", "formally", "officially", "solid-line"})) ++j;
    if (!m.is_any(j, {"to", "into"})) continue;
    // "reports to Wen and Ian": a dual reporting line, both stated.
    int end = 0;
    auto managers = m.people_at(j + 1, &end);
    if (managers.empty() || managers.back().possessive || !m.is_clause_end(end) ||
        is_telling(m, end))
      continue;
    if (participle) {
      // "Kwame is Director of Engineering at Globex, reporting to Deepa"
      for (const auto& s : m.main_subjects_before(i - 1))
        for (const auto& manager : managers)
          m.emit(FactKind::ReportsTo, s, manager.name, "", "", true, false, "reports-to");
      continue;
    }
    const auto clause = m.clause_of(i, m.is(i, "reported"));
    if (clause.modal) continue;
    for (const auto& s : clause.subjects)
      for (const auto& manager : managers)
        m.emit(FactKind::ReportsTo, s, manager.name, "", "", !clause.past, clause.negated,
               "reports-to");
  }
}

void direct_reports(RuleMatcher& m) {
  const auto& ctx = m.context();
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is(i, "direct")) continue;
    const bool singular = m.is(i + 1, "report");
    const bool plural = m.is(i + 1, "reports");
    if (!singular && !plural) continue;
    const auto owner = m.person_ending_at(i);
    if (owner && owner.possessive) {
      if (singular || (m.is(i - 1 - (owner.end - owner.begin), "of") &&
                       m.is(i - 2 - (owner.end - owner.begin), "one"))) {
        // "X is Y's direct report", "X is one of Y's direct reports"
        int v = owner.begin;
        if (m.is(v - 1, "of") && m.is(v - 2, "one")) v -= 2;
        if (!m.is_word(v - 1) || !m.is_clause_end(i + 2)) continue;
        const auto clause = m.clause_of(v, false);
        for (const auto& s : clause.subjects)
          m.emit(FactKind::ReportsTo, s, owner.name, "", "", !clause.past, clause.negated,
                 "possessive-direct-report");
        continue;
      }
      // "Y's direct reports include A, B and C"
      int j = i + 2;
      bool past = false;
      if (m.is_any(j, {"include", "includes", "are", "included", "were", ":"})) {
        past = m.is_any(j, {"included", "were"});
        int end = 0;
        for (const auto& r : m.people_at(j + 1, &end)) {
          if (r.possessive) break;
          m.emit(FactKind::ReportsTo, r, owner.name, "", "", !past, false, "direct-reports-list");
        }
      }
      continue;
    }
    if (plural && i == 0 && m.is(i + 2, ":") && !ctx.note_person.empty()) {
      // "Direct reports: A, B" in the manager's own note
      int end = 0;
      for (const auto& r : m.people_at(i + 3, &end))
        m.emit(FactKind::ReportsTo, r, ctx.note_person, "", "", true, false,
               "direct-reports-field");
      continue;
    }
    if (!singular) continue;
    // "X is a direct report of Y", "X was a direct report to Y"
    const int j = i + 2;
    if (!m.is_any(j, {"of", "to"})) continue;
    const auto manager = m.person_at(j + 1);
    if (!stands_alone(m, manager)) continue;
    int v = i;
    if (m.is_any(v - 1, {"a", "an", "former"})) --v;
    const bool former = m.is(v, "former") || m.is(v + 1, "former");
    if (m.is(v - 1, "a") && m.is(v, "former")) --v;
    if (!m.is_word(v - 1)) continue;  // ", a direct report of Y" is an apposition
    const auto clause = m.clause_of(v, false);
    for (const auto& s : clause.subjects)
      m.emit(FactKind::ReportsTo, s, manager.name, "", "", !clause.past && !former, clause.negated,
             "direct-report-of");
  }
}

void manages(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is_any(i, {"manages", "managed", "manage", "managing"}) || !m.is_verb_form(i)) continue;
    if (m.is(i, "managing") && !m.is_any(i - 1, {"is", "was", "are", "were", "been"})) continue;
    if (m.is(i + 1, "by")) {
      // "X is managed by Y", "X, managed by Y"
      const auto manager = m.person_at(i + 2);
      if (!stands_alone(m, manager)) continue;
      if (m.is(i - 1, ",")) {
        const auto x = m.person_ending_at(i - 1);
        if (x && !x.possessive)
          m.emit(FactKind::ReportsTo, x, manager.name, "", "", true, false, "managed-by");
        continue;
      }
      const auto clause = m.clause_of(i, false);
      if (clause.modal) continue;
      for (const auto& s : clause.subjects)
        m.emit(FactKind::ReportsTo, s, manager.name, "", "", !clause.past, clause.negated,
               "managed-by");
      continue;
    }
    int end = 0;
    const auto reports = m.people_at(i + 1, &end);
    if (reports.empty() || reports.back().possessive || !m.is_clause_end(end) ||
        m.is_any(end, {"on", "for", "in"}))
      continue;  // "manages Halyard storage", "manages Wen's calendar", "manages Ian at ..."
    const auto clause = m.clause_of(i, m.is(i, "managed"));
    if (clause.modal) continue;
    for (const auto& s : clause.subjects) {
      for (const auto& r : reports)
        m.emit(FactKind::ReportsTo, r, s.name, "", "", !clause.past, clause.negated, "manages");
    }
  }
}

// "Y's manager is X", "X is Y's manager (at C)", "Y's manager, X, ..."
void possessive_manager(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!is_manager_noun(m, i) || m.possessive(i)) continue;
    int b = i;
    bool former = false;
    while (b > 0 && is_manager_modifier(m, b - 1) && i - b < 3) {
      former = former || is_past_modifier(m, b - 1);
      --b;
    }
    const auto report = m.person_ending_at(b);
    if (!report || !report.possessive) continue;
    const int after = i + 1;
    if (m.is_any(after, {"is", "was"})) {
      int j = after + 1;
      bool negated = false;
      bool past = m.is(after, "was") || former;
      while (m.is_any(j, {"not", "now", "still", "currently", "formerly", "actually"})) {
        negated = negated || m.is(j, "not");
        past = past || m.is(j, "formerly");
        ++j;
      }
      const auto manager = m.person_at(j);
      if (!stands_alone(m, manager)) continue;
      m.emit(FactKind::ReportsTo, report, manager.name, "", "", !past, negated,
             "possessive-manager-is");
      continue;
    }
    if (m.is(after, ",") && report.begin >= 0) {
      const auto manager = m.person_at(after + 1);
      if (stands_alone(m, manager) && !m.is_word(report.begin - 1)) {
        m.emit(FactKind::ReportsTo, report, manager.name, "", "", !former, false,
               "possessive-manager-apposition");
        continue;
      }
    }
    if (report.begin == 0 && !m.context().note_person.empty() &&
        (after >= m.size() || m.is_any(after, {".", "since", "from", "until"}))) {
      // "Mira Okafor's manager since January." in the manager's own note
      m.emit(FactKind::ReportsTo, report, m.context().note_person, "", "", !former, false,
             "possessive-manager-note");
      continue;
    }
    if (report.begin < 0 || !m.is_word(report.begin - 1)) continue;  // "(Y's manager)": apposition
    Mention org;
    if (m.is(after, "at")) {
      org = m.org_at(after + 1);
      if (!org || !m.is_clause_end(org.end)) continue;
    } else if (!m.is_clause_end(after) || m.is_any(after, {"on", "in", "for", "from"})) {
      continue;  // "Wen's manager meeting"
    }
    auto clause = m.clause_of(report.begin, false);
    if (clause.modal ||
        !m.is_any(report.begin - 1,
                  {"is", "was", "the", "as", "former", "now", "still", "actually", "currently",
                   "formerly", "previously", "not", "be", "been", "were", "are", "also"}))
      continue;
    const bool current = !clause.past && !former;
    for (const auto& s : clause.subjects) {
      m.emit(FactKind::ReportsTo, report, s.name, "", "", current, clause.negated,
             "possessive-manager");
      if (org && !clause.negated) {
        m.emit(FactKind::WorksAt, s, org.name, "", "", current, false, "possessive-manager");
        m.emit(FactKind::WorksAt, report, org.name, "", "", current, false, "possessive-manager");
      }
    }
  }
}

// "Priya was on my team at Contoso", "Ian is on Tobias's team": the team's owner manages them.
void on_team(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is(i, "on") || !m.is_any(i - 1, {"is", "was", "are", "were", "been", "am"})) continue;
    const auto lead = m.person_at(i + 1);
    if (!lead || !lead.possessive || !m.is(lead.end, "team")) continue;
    const int after = lead.end + 1;
    Mention org;
    if (m.is(after, "at")) {
      org = m.org_at(after + 1);
      if (!org || org.possessive) continue;
    } else if (!m.is_clause_end(after) || m.is_any(after, {"on", "in", "for", "from"})) {
      continue;  // "on Wen's team offsite"
    }
    const auto clause = m.clause_of(i, false);
    if (clause.modal) continue;
    for (const auto& s : clause.subjects) {
      m.emit(FactKind::ReportsTo, s, lead.name, "", "", !clause.past, clause.negated, "on-team");
      if (org && !clause.negated) {
        m.emit(FactKind::WorksAt, s, org.name, "", "", !clause.past, false, "on-team");
        m.emit(FactKind::WorksAt, lead, org.name, "", "", !clause.past, false, "on-team");
      }
    }
  }
}

// "Manager: X", "Reports to: X", "Boss: X" opening a line of the report's own note.
void manager_field(RuleMatcher& m) {
  const auto& ctx = m.context();
  if (ctx.note_person.empty()) return;
  int colon = -1;
  if ((is_manager_noun(m, 0) || (is_manager_modifier(m, 0) && is_manager_noun(m, 1))) &&
      (m.is(1, ":") || m.is(2, ":")))
    colon = m.is(1, ":") ? 1 : 2;
  if (m.is(0, "reports") && m.is(1, "to") && m.is(2, ":")) colon = 2;
  if (colon < 0) return;
  const auto manager = m.person_at(colon + 1);
  if (!stands_alone(m, manager)) return;
  Mention self;
  self.name = ctx.note_person;
  self.valid = true;
  m.emit(FactKind::ReportsTo, self, manager.name, "", "", true, false, "manager-field");
}

void chief_of_staff(RuleMatcher& m) {
  const auto& ctx = m.context();
  for (int i = 0; i < m.size(); ++i) {
    const int after = chief_of_staff_end(m, i);
    if (after < 0) continue;
    if (i == 0 && m.is_any(after, {":", "-", "\xE2\x80\x93"}) && !ctx.note_person.empty()) {
      // "Chief of staff: X" in the principal's note
      const auto cos = m.person_at(after + 1);
      if (stands_alone(m, cos))
        m.emit(FactKind::ChiefOfStaffTo, cos, ctx.note_person, "", "", true, false,
               "chief-of-staff-field");
      continue;
    }
    const auto principal = m.person_ending_at(i);
    if (principal && principal.possessive) {
      if (m.is_any(after, {"is", "was"})) {
        // "Y's chief of staff is X"
        int j = after + 1;
        const bool negated = m.is(j, "not");
        if (negated) ++j;
        const auto cos = m.person_at(j);
        if (stands_alone(m, cos))
          m.emit(FactKind::ChiefOfStaffTo, cos, principal.name, "", "", !m.is(after, "was"),
                 negated, "possessive-chief-of-staff-is");
        continue;
      }
      // "X is Y's chief of staff"
      if (principal.begin < 0 || !m.is_word(principal.begin - 1) || !m.is_clause_end(after))
        continue;
      if (!m.is_any(principal.begin - 1, {"is", "was", "as", "not", "now", "still", "currently",
                                          "formerly", "previously", "also", "be", "been"}))
        continue;
      const auto clause = m.clause_of(principal.begin, false);
      if (clause.modal) continue;
      for (const auto& s : clause.subjects)
        m.emit(FactKind::ChiefOfStaffTo, s, principal.name, "", "", !clause.past, clause.negated,
               "possessive-chief-of-staff");
      continue;
    }
    // "X is chief of staff to Y", "X serves as the chief of staff for Y"
    if (!m.is_any(after, {"to", "for"})) continue;
    const auto boss = m.person_at(after + 1);
    if (!stands_alone(m, boss)) continue;
    int v = i;
    if (m.is_any(v - 1, {"the", "a"})) --v;
    if (!m.is_word(v - 1)) continue;  // ", chief of staff to Y" is an apposition
    const auto clause = m.clause_of(v, false);
    if (clause.modal) continue;
    for (const auto& s : clause.subjects)
      m.emit(FactKind::ChiefOfStaffTo, s, boss.name, "", "", !clause.past, clause.negated,
             "chief-of-staff-to");
  }
}

}  // namespace

void apply_reporting_rules(RuleMatcher& m) {
  reports_to(m);
  direct_reports(m);
  manages(m);
  possessive_manager(m);
  on_team(m);
  manager_field(m);
  chief_of_staff(m);
}

}  // namespace kith::loaders
