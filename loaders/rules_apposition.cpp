// Facts stated in an apposition or a parenthetical after a name: "Tobias Kerr (Ian's boss)",
// "Helga (Tobias's boss, "chief scientist", direct report of Wen)", "Ravi Menon, Wen Li's chief
// of staff,", "Arjun, VP Partnerships at Fabrikam,", "Zoë Adler (leader of the Contoso Blob
// product)", "Sven (Contoso)". Each part is a fact about the name before it, and a part counts
// only when the whole of it is understood: "Ian, Tobias and Wen" says nothing.
#include "loaders/rule_matcher.hpp"

namespace kith::loaders {

namespace {

constexpr int kMaxParenTokens = 60;
constexpr int kMaxAppositionTokens = 24;

bool is_manager_noun(const RuleMatcher& m, int i) {
  return m.is_any(i, {"manager", "boss", "supervisor", "superior"}) && !m.possessive(i);
}

int chief_of_staff_end(const RuleMatcher& m, int i) {
  if (m.is(i, "chief") && m.is(i + 1, "of") && m.is(i + 2, "staff")) return i + 3;
  if (m.at(i) == "CoS") return i + 1;
  return -1;
}

// Nouns for a relation between two people, never a job at an organisation.
bool is_person_relative(const RuleMatcher& m, int i) {
  return m.is_any(i, {"manager", "boss", "supervisor", "assistant", "deputy", "ea", "pa", "report",
                      "reports", "peer", "colleague", "mentor", "successor", "predecessor", "wife",
                      "husband", "partner", "friend"}) ||
         chief_of_staff_end(m, i) >= 0;
}

// Whether words [b, e) name a job: a strong title word, or a weaker one ("leader", "owner")
// made specific by "of" / "for" / an organisation.
bool names_a_role(const RuleMatcher& m, int b, int e, bool with_org) {
  bool strong = false, weak = false, specific = with_org;
  for (int k = b; k < e; ++k) {
    const auto w = m.at(k);
    if (is_strong_title_word(w)) strong = true;
    if (is_title_word(w)) weak = true;
    if (m.is_any(k, {"of", "for"})) specific = true;
  }
  return strong || (weak && specific);
}

class Apposition {
 public:
  Apposition(RuleMatcher& m, const Mention& x) : m_(m), x_(x) {}

  // Words [b, e) say one thing about x.
  void part(int b, int e, bool in_paren) {
    bool former = false;
    while (b < e && m_.is_any(b, {"former", "formerly", "previously", "ex", "ex-", "once"})) {
      former = true;
      ++b;
    }
    while (b < e && m_.is_any(b, {"now", "currently", "also"}))
      ++b;
    if (b >= e) return;
    const bool current = !former;
    if (possessive_part(b, e, current)) return;
    if (relation_part(b, e, current)) return;
    title_part(b, e, current, in_paren);
  }

 private:
  bool possessive_part(int b, int e, bool current) {
    const auto y = m_.person_at(b);
    if (y && y.possessive) {
      int k = y.end;
      bool former = !current;
      while (k < e &&
             m_.is_any(k, {"line", "direct", "new", "old", "former", "previous", "current",
                           "interim", "acting", "immediate"}) &&
             !m_.is(k + 1, "report") && !m_.is(k + 1, "reports")) {
        former = former || m_.is_any(k, {"old", "former", "previous"});
        ++k;
      }
      if (is_manager_noun(m_, k)) {
        if (k + 1 == e) {
          m_.emit(FactKind::ReportsTo, y, x_.name, "", "", !former, false, "apposition-manager");
          return true;
        }
        if (m_.is(k + 1, "at")) {
          const auto org = m_.org_at(k + 2);
          if (org && org.end == e) {
            m_.emit(FactKind::ReportsTo, y, x_.name, "", "", !former, false, "apposition-manager");
            m_.emit(FactKind::WorksAt, x_, org.name, "", "", !former, false, "apposition-manager");
            m_.emit(FactKind::WorksAt, y, org.name, "", "", !former, false, "apposition-manager");
            return true;
          }
        }
        return false;
      }
      if (chief_of_staff_end(m_, k) == e) {
        m_.emit(FactKind::ChiefOfStaffTo, x_, y.name, "", "", !former, false,
                "apposition-chief-of-staff");
        return true;
      }
      if (m_.is(k, "direct") && m_.is_any(k + 1, {"report"}) && k + 2 == e) {
        m_.emit(FactKind::ReportsTo, x_, y.name, "", "", !former, false,
                "apposition-direct-report");
        return true;
      }
    }
    // "Contoso's chief scientist": a possessor before a job title is an organisation.
    const auto org = m_.org_at(b);
    if (!org || !org.possessive || is_person_relative(m_, org.end)) return false;
    int te = 0;
    const auto title = m_.title_at(org.end, &te, false);
    if (title.empty() || te != e || !names_a_role(m_, org.end, te, true)) return false;
    for (int k = org.end; k < te; ++k) {
      if (is_person_relative(m_, k)) return false;
    }
    m_.emit(FactKind::WorksAt, x_, org.name, "", m_.is_deal_role(org.end, te) ? "" : title, current,
            false, "apposition-org-title");
    return true;
  }

  bool relation_part(int b, int e, bool current) {
    int k = b;
    if (m_.is_any(k, {"a", "an", "the"})) ++k;
    // "direct report of Y", "reporting to Y", "managed by Y", "chief of staff to Y"
    const char* rule = nullptr;
    FactKind kind = FactKind::ReportsTo;
    if (m_.is(k, "direct") && m_.is(k + 1, "report") && m_.is_any(k + 2, {"of", "to"})) {
      k += 3;
      rule = "apposition-direct-report";
    } else if (m_.is_any(k, {"reporting", "reports"}) && m_.is_any(k + 1, {"to", "into"})) {
      k += 2;
      rule = "apposition-reporting-to";
    } else if (m_.is(k, "reporting") && m_.is(k + 1, "directly") && m_.is(k + 2, "to")) {
      k += 3;
      rule = "apposition-reporting-to";
    } else if (m_.is(k, "managed") && m_.is(k + 1, "by")) {
      k += 2;
      rule = "apposition-managed-by";
    } else if (const int c = chief_of_staff_end(m_, k); c >= 0 && m_.is_any(c, {"to", "for"})) {
      k = c + 1;
      rule = "apposition-chief-of-staff";
      kind = FactKind::ChiefOfStaffTo;
    }
    if (rule == nullptr) return false;
    const auto y = m_.person_at(k);
    if (!y || y.possessive || y.end != e) return false;
    m_.emit(kind, x_, y.name, "", "", current, false, rule);
    return true;
  }

  void title_part(int b, int e, bool current, bool in_paren) {
    if (m_.is(b, "at")) {
      // "(formerly at Initech)"
      if (const auto org = m_.org_at(b + 1); org && org.end == e && !org.possessive)
        m_.emit(FactKind::WorksAt, x_, org.name, "", "", current, false, "apposition-org");
      return;
    }
    if (const auto org = m_.org_at(b); in_paren && org && org.end == e && !org.possessive) {
      // "Sven (Contoso)": only an organisation the sentence or note already knows as one.
      if (m_.is_known_org(org.name))
        m_.emit(FactKind::WorksAt, x_, org.name, "", "", current, false, "apposition-org");
      return;
    }
    int te = 0;
    const auto title = m_.title_at(b, &te, true);
    if (title.empty()) return;
    for (int k = b; k < te; ++k) {
      if (m_.possessive(k) || is_person_relative(m_, k)) return;
    }
    if (te == e) {
      // "leader of the Contoso Blob product": a title that names a known organisation.
      std::string org_name;
      for (int k = b; k < te && org_name.empty(); ++k)
        org_name = m_.known_org_at(k);
      if (!names_a_role(m_, b, te, !org_name.empty())) return;
      if (const int of = m_.executive_of(b, te); of >= 0) {
        // "CEO of Globex": the organisation an executive heads.
        m_.emit(FactKind::WorksAt, x_, m_.org_at(of + 1).name, "", m_.text(b, of), current, false,
                "apposition-title");
        return;
      }
      if (m_.is_deal_role(b, te)) {
        if (!org_name.empty())
          m_.emit(FactKind::WorksAt, x_, org_name, "", "", current, false, "apposition-title");
      } else if (org_name.empty()) {
        m_.emit(FactKind::HasTitle, x_, "", "", title, current, false, "apposition-title");
      } else {
        m_.emit(FactKind::WorksAt, x_, org_name, "", title, current, false, "apposition-title");
      }
      return;
    }
    if (!m_.is(te, "at")) return;
    const auto org = m_.org_at(te + 1);
    if (!org || org.end != e || !names_a_role(m_, b, te, true)) return;
    m_.emit(FactKind::WorksAt, x_, org.name, "", m_.is_deal_role(b, te) ? "" : title, current,
            false, "apposition-org-title");
  }

  RuleMatcher& m_;
  const Mention& x_;
};

// Splits a parenthetical at commas, semicolons and at an "and" that starts a new part ("Tobias
// Kerr's manager and Contoso's chief scientist"), not one inside a title ("VP Sales and
// Marketing").
void parenthetical(RuleMatcher& m, Apposition& a, int open, int close) {
  int b = open + 1;
  for (int k = open + 1; k <= close; ++k) {
    bool cut = k == close || m.is_any(k, {",", ";"});
    if (m.is(k, "and") && !cut) {
      const bool new_part = !m.is_capitalised(k + 1) || m.possessive(k + 1) ||
                            m.possessive(k + 2) || m.possessive(k + 3);
      cut = new_part;
    }
    if (!cut) continue;
    if (k > b) a.part(b, k, true);
    b = k + 1;
  }
}

}  // namespace

void apply_apposition_rules(RuleMatcher& m) {
  const int n = m.size();
  for (int i = 0; i < n; ++i) {
    const auto x = m.person_at(i);
    if (!x || x.possessive || x.begin < 0) continue;
    const int e = x.end;
    Apposition a(m, x);
    int open = -1;
    if (m.is(e, "(")) open = e;
    if (m.is_any(e, {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) && m.is(e + 1, "(")) open = e + 1;
    if (open >= 0) {
      for (int k = open + 1; k < n && k - open < kMaxParenTokens; ++k) {
        if (m.is(k, "(")) break;
        if (m.is(k, ")")) {
          parenthetical(m, a, open, k);
          break;
        }
      }
    } else if (m.is(e, ",")) {
      int k = e + 1;
      for (; k < n && k - e < kMaxAppositionTokens; ++k) {
        if (m.is_any(k, {",", ";", ".", ")", "(", ":", "!", "?"})) break;
      }
      if (k - e < kMaxAppositionTokens && k > e + 1) a.part(e + 1, k, false);
    }
    i = e - 1;
  }
}

}  // namespace kith::loaders
