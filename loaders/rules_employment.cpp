// Employers, titles and departures: "X works at C (as T)", "X works for C", "X joined C as T",
// "X is the T at C", "X is C's T", "X is T of D", "X, who runs D at C", "X leads C AI
// Infrastructure", "X left C", "X resigned".
#include "loaders/rule_matcher.hpp"

namespace kith::loaders {

namespace {

int chief_of_staff_end(const RuleMatcher& m, int i) {
  if (m.is(i, "chief") && m.is(i + 1, "of") && m.is(i + 2, "staff")) return i + 3;
  if (m.at(i) == "CoS") return i + 1;
  return -1;
}

bool is_person_relative(const RuleMatcher& m, int i) {
  return m.is_any(i, {"manager",   "boss",    "supervisor", "assistant",   "deputy",
                      "ea",        "pa",      "report",     "reports",     "peer",
                      "colleague", "mentor",  "successor",  "predecessor", "wife",
                      "husband",   "partner", "friend",     "one",         "key"}) ||
         chief_of_staff_end(m, i) >= 0;
}

bool names_a_role(const RuleMatcher& m, int b, int e, bool with_org) {
  bool strong = false, weak = false, specific = with_org;
  for (int k = b; k < e; ++k) {
    if (is_strong_title_word(m.at(k))) strong = true;
    if (is_title_word(m.at(k))) weak = true;
    if (m.is_any(k, {"of", "for"})) specific = true;
  }
  return strong || (weak && specific);
}

bool relative_in(const RuleMatcher& m, int b, int e) {
  for (int k = b; k < e; ++k) {
    if (m.possessive(k) || is_person_relative(m, k)) return true;
  }
  return false;
}

// The first token of a title after its article and a "former", and whether there was one.
// "our champion at Globex" names our relationship to them, not their job: -1.
int title_start(const RuleMatcher& m, int i, bool* former) {
  if (m.is_any(i, {"our", "my", "your", "their", "his", "her"})) return -1;
  while (m.is_any(i, {"the", "a", "an"}))
    ++i;
  if (m.is_any(i, {"former", "ex", "ex-", "previous"})) {
    *former = true;
    ++i;
  }
  return i;
}

void works_at(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is_any(i, {"works", "worked", "work", "working"}) || !m.is_verb_form(i)) continue;
    if (m.is(i, "working") && !m.is_any(i - 1, {"is", "was", "are", "were", "been"})) continue;
    const bool past = m.is(i, "worked");
    int j = i + 1;
    if (m.is_any(j, {"at", "for"})) {
      const auto org = m.org_at(j + 1);
      if (!org) continue;
      std::string title;
      int after = org.end;
      if (m.is(after, "as")) {
        bool former = false;
        const int t = title_start(m, after + 1, &former);
        title = m.title_at(t, &after, false);
        if (title.empty() || !names_a_role(m, t, after, true) || relative_in(m, t, after) ||
            m.is_deal_role(t, after))
          title.clear();
      } else if (!org.possessive && !m.is_clause_end(after)) {
        continue;  // "works at Contoso Blob product launches"
      }
      const auto clause = m.clause_of(i, past);
      if (clause.modal) continue;
      for (const auto& s : clause.subjects)
        m.emit(FactKind::WorksAt, s, org.name, "", title, !clause.past, clause.negated,
               m.is(j, "at") ? "works-at" : "works-for");
      continue;
    }
    if (m.is(j, "as")) {
      bool former = false;
      const int t = title_start(m, j + 1, &former);
      int end = 0;
      const auto title = m.title_at(t, &end, true);
      if (t < 0 || title.empty() || relative_in(m, t, end) || m.is_deal_role(t, end)) continue;
      Mention org;
      if (m.is_any(end, {"at", "for"})) org = m.org_at(end + 1);
      if (!names_a_role(m, t, end, bool(org))) continue;
      const auto clause = m.clause_of(i, past);
      if (clause.modal) continue;
      for (const auto& s : clause.subjects) {
        if (org) {
          m.emit(FactKind::WorksAt, s, org.name, "", title, !clause.past, clause.negated,
                 "works-as");
        } else {
          m.emit(FactKind::HasTitle, s, "", "", title, !clause.past, clause.negated, "works-as");
        }
      }
    }
  }
}

void joined(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is_any(i, {"joined", "joins", "rejoined"}) || !m.is_verb_form(i)) continue;
    const auto org = m.org_at(i + 1);
    if (!org || org.possessive) continue;
    int after = org.end;
    std::string title;
    // "joined Kwame." may be a person: only a known organisation, a title, a time or a former
    // employer says it is a company.
    bool accepted = m.is_known_org(org.name) && m.is_clause_end(after);
    if (m.is(after, "as")) {
      bool former = false;
      const int t = title_start(m, after + 1, &former);
      title = m.title_at(t, &after, false);
      if (title.empty() || !names_a_role(m, t, after, true) || relative_in(m, t, after)) continue;
      if (m.is_deal_role(t, after)) title.clear();
      accepted = true;
    } else if (m.is_any(after, {"last", "back", "earlier", "full-time", "from", "in", "since"})) {
      // "joined Contoso in 2021", not "joined Wen for lunch" or "joined Wen and Ian"
      accepted = accepted || !m.is(after, "in") || m.is_capitalised(after + 1) ||
                 (m.is_word(after + 1) && m.at(after + 1)[0] >= '0' && m.at(after + 1)[0] <= '9');
    }
    if (!accepted) continue;
    const auto clause = m.clause_of(i, false);
    if (clause.modal) continue;
    for (const auto& s : clause.subjects) {
      if (s.name == org.name) continue;
      m.emit(FactKind::WorksAt, s, org.name, "", title, !clause.past, clause.negated, "joined");
      if (m.is(after, "from")) {
        if (const auto prev = m.org_at(after + 1); prev && m.is_clause_end(prev.end))
          m.emit(FactKind::WorksAt, s, prev.name, "", "", false, false, "joined-from");
      }
    }
  }
}

// "X is the GM of Cloud Alliances at Northwind Data", "X is EVP for Core Platform at Contoso",
// "X was a director at Fabrikam", "X serves as CTO at C".
void title_at(RuleMatcher& m) {
  for (int a = 0; a < m.size(); ++a) {
    if (!m.is(a, "at")) continue;
    const auto org = m.org_at(a + 1);
    if (!org || (!org.possessive && !m.is_clause_end(org.end))) continue;
    // The copula before the title.
    int cop = -1;
    for (int k = a - 1; k >= 0 && a - k < 16; --k) {
      if (m.is_any(k, {"is", "was", "are", "were"}) ||
          (m.is(k, "as") && m.is_any(k - 1, {"serves", "served", "serving", "acts", "acted"}))) {
        cop = k;
        break;
      }
      if (m.is_any(k, {";", ":", "(", ")", "."})) break;
    }
    if (cop < 0) continue;
    int t = cop + 1;
    while (m.is_any(t, {"not", "now", "also", "currently", "still", "formerly", "previously"}))
      ++t;
    bool former = false;
    t = title_start(m, t, &former);
    int end = 0;
    const auto title = m.title_at(t, &end, true);
    if (title.empty() || end != a || relative_in(m, t, end) || !names_a_role(m, t, end, true))
      continue;
    const auto clause = m.clause_of(cop + 1, false);
    if (clause.modal) continue;
    const bool deal_role = m.is_deal_role(t, end);  // "the executive sponsor at Globex"
    for (const auto& s : clause.subjects)
      m.emit(FactKind::WorksAt, s, org.name, "", deal_role ? "" : title, !clause.past && !former,
             clause.negated, "title-at");
  }
}

// "X is Contoso's chief scientist", "X is the T" / "X is T of D" with no organisation named.
void is_title(RuleMatcher& m) {
  for (int cop = 0; cop < m.size(); ++cop) {
    if (!m.is_any(cop, {"is", "was"}) &&
        !(m.is(cop, "as") && m.is_any(cop - 1, {"serves", "served", "serving"})))
      continue;
    int t = cop + 1;
    while (m.is_any(t, {"not", "now", "also", "currently", "still", "formerly", "previously"}))
      ++t;
    bool former = false;
    t = title_start(m, t, &former);
    const auto org = m.org_at(t);
    if (org && org.possessive) {
      if (is_person_relative(m, org.end)) continue;
      int end = 0;
      const auto title = m.title_at(org.end, &end, false);
      if (title.empty() || relative_in(m, org.end, end) || !names_a_role(m, org.end, end, true) ||
          !m.is_clause_end(end))
        continue;
      const auto clause = m.clause_of(cop + 1, false);
      if (clause.modal) continue;
      // "X is Kestrel's executive sponsor for Globex": Kestrel's person, in a deal role.
      const bool deal_role = m.is_deal_role(org.end, end);
      for (const auto& s : clause.subjects)
        m.emit(FactKind::WorksAt, s, org.name, "", deal_role ? "" : title, !clause.past && !former,
               clause.negated, "possessive-title");
      continue;
    }
    int end = 0;
    const auto title = m.title_at(t, &end, true);
    if (title.empty() || m.is(end, "at") || relative_in(m, t, end) ||
        !names_a_role(m, t, end, false) || !m.is_clause_end(end))
      continue;
    if (!is_title_word(m.at(t)) && !m.is_capitalised(t) && !m.is_any(t, {"chief"}) &&
        !(end - t <= 3 && is_strong_title_word(m.at(end - 1)) &&
          !m.is_any(
              t, {"only", "one", "other", "same", "best", "first", "last", "reason", "another"}))) {
      // "X is the key decision maker ...": the phrase must open with a title word, be written
      // as a title ("Director, Storage Partnerships", "senior director" is fine), or be a short
      // one ending in a job noun ("the data engineer", "a solutions architect").
      if (!m.is_any(t, {"senior", "principal", "staff", "lead", "general", "managing", "executive",
                        "associate", "assistant", "deputy", "regional", "global", "technical",
                        "acting", "interim", "founding"}))
        continue;
    }
    if (m.person_at(t)) continue;  // "X is Wen Li" is not a title
    const auto clause = m.clause_of(cop + 1, false);
    if (clause.modal) continue;
    if (const int of = m.executive_of(t, end); of >= 0) {
      // "X is the CFO of Brightwater Freight": the employer, and the title without it
      for (const auto& s : clause.subjects)
        m.emit(FactKind::WorksAt, s, m.org_at(of + 1).name, "", m.text(t, of),
               !clause.past && !former, clause.negated, "executive-of");
      continue;
    }
    if (m.is_deal_role(t, end)) continue;  // "X is the executive sponsor for Globex"
    for (const auto& s : clause.subjects)
      m.emit(FactKind::HasTitle, s, "", "", title, !clause.past && !former, clause.negated,
             "is-title");
  }
}

// "X, who runs storage partnerships at Fabrikam", "X heads sales at C", "Wen leads Contoso AI
// Infrastructure" (the unit named after a known organisation).
void runs_at(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!m.is_any(i, {"runs", "ran", "leads", "led", "heads", "headed", "owns", "owned", "oversees",
                      "oversaw", "manages", "managed"}))
      continue;
    if (!m.is_verb_form(i)) continue;
    const bool past = m.is_any(i, {"ran", "led", "headed", "owned", "oversaw", "managed"});
    if (const auto unit = m.org_at(i + 1);
        unit && !unit.possessive && unit.end - unit.begin >= 2 && m.is_clause_end(unit.end) &&
        m.is_any(i, {"leads", "led", "heads", "headed", "runs", "ran"})) {
      // "leads Contoso AI Infrastructure": a unit named after a known organisation
      const std::string org_name = m.known_org_at(unit.begin);
      if (!org_name.empty()) {
        const auto clause = m.clause_of(i, past);
        if (clause.modal) continue;
        for (const auto& s : clause.subjects)
          m.emit(FactKind::WorksAt, s, org_name, "", m.text(i, unit.end), !clause.past,
                 clause.negated, "leads-org-unit");
        continue;
      }
    }
    if (m.person_at(i + 1)) continue;  // "manages Ian at Contoso" is a reporting line
    int a = i + 1;
    for (; a < m.size() && a - i < 10; ++a) {
      if (m.is(a, "at") || !m.is_word(a) || m.possessive(a)) break;
    }
    if (!m.is(a, "at") || a == i + 1) continue;
    // "runs storage partnerships at Fabrikam", not "runs the weekly sync at Initech"
    if (m.is_any(i + 1, {"the", "a", "an", "our", "my", "their", "this", "that", "some"})) continue;
    const auto org = m.org_at(a + 1);
    if (!org || org.possessive || !m.is_clause_end(org.end)) continue;
    const auto clause = m.clause_of(i, past);
    if (clause.modal) continue;
    for (const auto& s : clause.subjects)
      m.emit(FactKind::WorksAt, s, org.name, "", m.text(i, a), !clause.past, clause.negated,
             "runs-at");
  }
}

// "X left Contoso", "X left the company", "after she left", "X resigned", "X left to join C".
void left(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    const bool is_left = m.is_any(i, {"left", "quit", "departed"});
    const bool is_resigned = m.is_any(i, {"resigned", "retired"});
    if ((!is_left && !is_resigned) || !m.is_verb_form(i)) continue;
    int after = i + 1;
    std::string object;
    bool stated = false;
    const auto org = m.org_at(after);
    if (org && !org.possessive && (is_left || m.is(after - 1, "from"))) {
      object = org.name;
      after = org.end;
      stated = (m.is_clause_end(after) && !m.is_any(after, {"for", "on", "at"})) ||
               (is_left && m.is(after, "to") && m.is(after + 1, "join"));
    } else if (is_resigned && m.is(after, "from") && m.org_at(after + 1)) {
      const auto from = m.org_at(after + 1);
      object = from.name;
      after = from.end;
      stated = m.is_clause_end(after);
    } else if (m.is_any(after, {"the", "her", "his", "their"}) &&
               m.is_any(after + 1, {"company", "team", "firm", "role", "job", "organization",
                                    "organisation", "business", "position"})) {
      after += 2;
      stated = m.is_clause_end(after) && !m.is_any(after, {"for", "on", "at"});
    } else if (after >= m.size() || m.is_any(after, {".", ",", ";", ")", "!"}) ||
               (m.is(after, "and") && !m.is_capitalised(after + 1))) {
      stated = true;
    } else if (m.is(after, "in") &&
               (m.is_capitalised(after + 1) ||
                (m.is_word(after + 1) && m.at(after + 1)[0] >= '0' && m.at(after + 1)[0] <= '9'))) {
      stated = true;  // "left in March", "left in 2024"
    } else if (is_left && m.is(after, "to") && m.is(after + 1, "join")) {
      stated = true;
    } else if (is_resigned && m.is_any(after, {"last", "this", "recently", "earlier"})) {
      stated = true;
    }
    if (!stated) continue;
    const auto clause = m.clause_of(i, true);
    if (clause.modal) continue;
    for (const auto& s : clause.subjects) {
      // "stepped into Maya's role after she left": the succession rule knows who "she" is.
      if (s.begin >= 0 && m.is(s.begin - 1, "after") && is_person_pronoun(s.name)) continue;
      m.emit(FactKind::LeftRole, s, object, "", "", true, clause.negated,
             is_resigned ? "resigned" : "left");
      if (m.is(after, "to") && m.is(after + 1, "join")) {
        if (const auto next = m.org_at(after + 2); next && !next.possessive)
          m.emit(FactKind::WorksAt, s, next.name, "", "", true, false, "left-to-join");
      }
    }
  }
}

}  // namespace

void apply_employment_rules(RuleMatcher& m) {
  works_at(m);
  joined(m);
  title_at(m);
  is_title(m);
  runs_at(m);
  left(m);
}

}  // namespace kith::loaders
