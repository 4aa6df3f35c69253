// Decisions, influence, trust and introductions: "the final decision is Wen's", "X makes the
// final decision on P", "Decision maker: X", "X will influence Y's decision", "X is the one
// to influence Y's decision", "X can't be trusted", "X introduced Y to Z", "Priya, meet Arjun".
#include "loaders/rule_matcher.hpp"

namespace kith::loaders {

namespace {

bool is_reporting_verb(const RuleMatcher& m, int i) {
  return m.is_any(i, {"said", "says", "claims", "claimed", "told", "thinks", "believes", "insists",
                      "insisted", "boasted", "bragged", "warned", "mentioned", "noted", "stated",
                      "suggested", "feels", "felt", "thought"});
}

// The reporting verb before a subject ("Priya said (that) Ian ..."), or -1.
int reporting_verb_before(const RuleMatcher& m, const Mention& subject) {
  if (subject.begin < 0) return -1;
  int k = subject.begin - 1;
  if (m.is(k, "that")) --k;
  return is_reporting_verb(m, k) ? k : -1;
}

// What a decision is about, from the words between its determiner and "decision": "the final
// Halyard storage decision" is about Halyard, "Contoso's decision" about Contoso.
std::string decision_topic(const RuleMatcher& m, int decision) {
  int b = decision;
  while (b > 0 && decision - b < 6 && m.is_word(b - 1) &&
         !m.is_any(b - 1, {"the", "this", "that", "a", "an", "is", "was", "makes", "made", "make",
                           "making", "own", "owns"}))
    --b;
  for (int k = b; k < decision; ++k) {
    if (const auto org = m.org_at(k); org && org.end <= decision) return org.name;
  }
  return {};
}

// "... decision on [[Halyard]]", "... decision for the Halyard deal"
std::string topic_after(const RuleMatcher& m, int i) {
  if (!m.is_any(i, {"on", "for", "about", "regarding", "over", "of"})) return {};
  int k = i + 1;
  if (m.is_any(k, {"the", "this", "our"})) ++k;
  const auto org = m.org_at(k);
  return org ? org.name : std::string();
}

bool is_decision_noun(const RuleMatcher& m, int i) {
  if (m.is(i, "decision")) return true;
  return m.is_any(i, {"call", "say"}) && m.is(i - 1, "final");
}

void decision_statements(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (!is_decision_noun(m, i)) continue;
    int j = i + 1;
    std::string topic;
    if (m.is_any(j, {"on", "for", "about", "regarding"}) && m.is_capitalised(j + 1) &&
        !m.possessive(j + 1)) {
      // "the decision on Halyard is Wen's"
      topic = topic_after(m, j);
      j = m.org_at(j + 1).end;
    }
    // "the final decision is Wen's", "the decision will be Wen's"
    if (m.is_any(j, {"is", "was", "will"})) {
      const bool was = m.is(j, "was");
      if (m.is(j, "will")) {
        if (!m.is(j + 1, "be")) continue;
        ++j;
      }
      ++j;
      const bool negated = m.is(j, "not");
      if (negated) ++j;
      while (m.is_any(j, {"ultimately", "really", "actually", "still"}))
        ++j;
      const auto who = m.person_at(j);
      if (!who || !who.possessive || !m.is_clause_end(who.end)) continue;
      if (topic.empty()) topic = decision_topic(m, i);
      m.emit(FactKind::Decides, who, topic, "", "", !was, negated, "decision-is-possessive");
      continue;
    }
    // "the decision rests with Wen"
    if (m.is_any(j, {"rests", "lies", "sits", "rested", "lay"}) && m.is(j + 1, "with")) {
      const auto who = m.person_at(j + 2);
      if (!who || who.possessive || !m.is_clause_end(who.end)) continue;
      m.emit(FactKind::Decides, who, decision_topic(m, i), "", "", !m.is_any(j, {"rested", "lay"}),
             false, "decision-rests-with");
      continue;
    }
    // "X makes the final decision on P", "Makes the final storage decision for [[Halyard]]."
    int v = i - 1;
    while (v >= 0 && i - v < 7 && m.is_word(v) &&
           !m.is_any(v, {"make", "makes", "made", "making", "own", "owns", "owned"}))
      --v;
    if (!m.is_any(v, {"make", "makes", "made", "making", "own", "owns", "owned"})) continue;
    if (m.is(v, "making") && !m.is_any(v - 1, {"is", "was", "are", "were"})) continue;
    if (topic.empty()) topic = topic_after(m, i + 1);
    if (topic.empty()) topic = decision_topic(m, i);
    const auto clause = m.clause_of(v, m.is_any(v, {"made", "owned"}));
    for (const auto& s : clause.subjects)
      m.emit(FactKind::Decides, s, topic, "", "", !clause.past, clause.negated, "makes-decision");
  }
}

void final_say(RuleMatcher& m) {
  for (int i = 0; i + 2 < m.size(); ++i) {
    if (!m.is_any(i, {"has", "have", "had"})) continue;
    int j = i + 1;
    if (m.is(j, "the")) ++j;
    if (!m.is(j, "final") || !m.is(j + 1, "say")) continue;
    const auto clause = m.clause_of(i, m.is(i, "had"));
    for (const auto& s : clause.subjects)
      m.emit(FactKind::Decides, s, topic_after(m, j + 2), "", "", !clause.past, clause.negated,
             "final-say");
  }
}

void decision_maker(RuleMatcher& m) {
  const int n = m.size();
  for (int i = 0; i < n; ++i) {
    int after = -1;
    if (m.is_any(i, {"decision-maker", "decision-makers", "decisionmaker"})) after = i + 1;
    if (m.is(i, "decision") && m.is_any(i + 1, {"maker", "makers"})) after = i + 2;
    if (after < 0) continue;
    if (i == 0 && m.is(after, ":")) {
      int end = 0;
      for (const auto& who : m.people_at(after + 1, &end))
        m.emit(FactKind::Decides, who, "", "", "", true, false, "decision-maker-field");
      continue;
    }
    std::string topic = topic_after(m, after);
    int rest = after;
    if (!topic.empty()) {
      rest = after + 1;
      if (m.is_any(rest, {"the", "this", "our"})) ++rest;
      rest = m.org_at(rest).end;
    }
    // "the decision maker for Halyard is Wen"
    if (m.is_any(rest, {"is", "was"})) {
      int j = rest + 1;
      const bool negated = m.is(j, "not");
      if (negated) ++j;
      const auto who = m.person_at(j);
      if (who && !who.possessive && m.is_clause_end(who.end))
        m.emit(FactKind::Decides, who, topic, "", "", !m.is(rest, "was"), negated,
               "decision-maker");
      continue;
    }
    if (!m.is_clause_end(rest)) continue;
    // "X is the final decision maker (for P)", "X, the decision maker, ..."
    int b = i;
    while (b > 0 && i - b < 4 &&
           m.is_any(b - 1, {"final", "key", "ultimate", "economic", "real", "primary", "main",
                            "technical", "only", "actual"}))
      --b;
    if (m.is_any(b - 1, {"the", "a", "an"})) --b;
    if (m.is(b - 1, ",")) {
      if (const auto who = m.person_ending_at(b - 1); who && !who.possessive)
        m.emit(FactKind::Decides, who, topic, "", "", true, false, "decision-maker");
      continue;
    }
    if (!m.is_any(b - 1, {"is", "was", "not", "also", "still", "now", "be", "been"})) continue;
    const auto clause = m.clause_of(b, false);
    for (const auto& s : clause.subjects)
      m.emit(FactKind::Decides, s, topic, "", "", !clause.past, clause.negated, "decision-maker");
  }
}

void mark_claim(RuleMatcher& m, ProseFact* f, const Mention& subject) {
  if (f == nullptr) return;
  const int verb = reporting_verb_before(m, subject);
  if (verb < 0) return;
  const auto reporter = m.clause_of(verb, false);
  for (const auto& r : reporter.subjects) {
    if (r.name == subject.name) f->claimed = true;
  }
}

void influence(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (m.is_any(i, {"influence", "influences", "influenced", "sway", "sways", "swayed"})) {
      const auto target = m.person_at(i + 1);
      if (target) {
        const bool direct = !target.possessive && m.is_clause_end(target.end);
        const bool decision = target.possessive &&
                              m.is_any(target.end, {"decision", "decisions", "thinking", "view",
                                                    "views", "choice", "vote", "opinion", "call"});
        if (!direct && !decision) continue;
        int v = i;
        const char* rule = "influences";
        bool claims = false;
        if (m.is(i - 1, "to") && m.is(i - 2, "one") && m.is(i - 3, "the")) {
          v = i - 3;
          rule = "one-to-influence";
        } else if (m.is(i - 1, "to") && m.is_any(i - 2, {"claims", "claimed", "claim"})) {
          v = i - 2;
          claims = true;
        } else if (m.is(i - 1, "to")) {
          continue;  // "trying to influence", "asked her to influence"
        }
        const auto clause = m.clause_of(v, m.is_any(i, {"influenced", "swayed"}));
        for (const auto& s : clause.subjects) {
          auto* f = m.emit(FactKind::Influences, s, target.name, "", "", !clause.past,
                           clause.negated, rule);
          if (f != nullptr && claims) f->claimed = true;
          mark_claim(m, f, s);
        }
      }
      // "has (a lot of) influence over Wen"
      if (!m.is(i, "influence") && !m.is(i, "sway")) continue;
      int h = i - 1;
      bool negated = false;
      while (h >= 0 && i - h < 5 && !m.is_any(h, {"has", "have", "had"})) {
        if (!m.is_word(h) || m.is_capitalised(h)) break;
        negated = negated || m.is_any(h, {"no", "little"});
        --h;
      }
      if (!m.is_any(h, {"has", "have", "had"}) || !m.is_any(i + 1, {"over", "with", "on"}))
        continue;
      const auto who = m.person_at(i + 2);
      if (!who) continue;
      if (who.possessive ? !m.is_any(who.end, {"decision", "decisions"})
                         : !m.is_clause_end(who.end))
        continue;
      const auto clause = m.clause_of(h, m.is(h, "had"));
      for (const auto& s : clause.subjects) {
        auto* f = m.emit(FactKind::Influences, s, who.name, "", "", !clause.past,
                         clause.negated || negated, "influence-over");
        mark_claim(m, f, s);
      }
    }
  }
}

// Who says someone cannot be trusted: the subject of "said" before them, else the speaker.
std::string distrust_source(const RuleMatcher& m, const Mention& subject) {
  if (const int verb = reporting_verb_before(m, subject); verb >= 0) {
    const auto reporter = m.clause_of(verb, false);
    if (!reporter.subjects.empty()) return reporter.subjects.front().name;
  }
  return m.context().speaker;
}

void trust(RuleMatcher& m) {
  for (int i = 0; i < m.size(); ++i) {
    if (m.is(i, "trusted") && m.is(i - 1, "be")) {
      const int k = i - 2;
      int verb = -1;
      bool trusted = false;
      if (m.is_any(k, {"can't", "cannot", "couldn't", "shouldn't", "won't"})) {
        verb = k;
      } else if (m.is(k, "not") && m.is_any(k - 1, {"can", "could", "should", "will", "must"})) {
        verb = k - 1;
      } else if (m.is(k, "to") && m.is(k - 1, "not") && m.is_any(k - 2, {"is", "are", "was"})) {
        verb = k - 2;
      } else if (m.is_any(k, {"can", "could"})) {
        verb = k;
        trusted = true;
      }
      if (verb < 0 || !m.is_clause_end(i + 1)) continue;
      const auto clause = m.clause_of(verb, false);
      for (const auto& s : clause.subjects) {
        const auto source = distrust_source(m, s);
        if (source == s.name) continue;  // "Marta said she can't be trusted": unclear who
        m.emit(FactKind::Distrusted, s, "", source, "", true, trusted, "cannot-be-trusted");
      }
      continue;
    }
    if (m.is_any(i, {"untrustworthy", "trustworthy"})) {
      const auto clause = m.clause_of(i, false);
      const bool untrustworthy = m.is(i, "untrustworthy");
      if (!untrustworthy && !clause.negated) continue;
      for (const auto& s : clause.subjects)
        m.emit(FactKind::Distrusted, s, "", distrust_source(m, s), "", true,
               untrustworthy && clause.negated, "untrustworthy");
      continue;
    }
    if (m.is(i, "trust")) {
      const bool refusal =
          m.is_any(i - 1,
                   {"don't", "never", "shouldn't", "can't", "cannot", "doesn't", "didn't"}) ||
          (m.is(i - 1, "not") && m.is_any(i - 2, {"do", "does", "did", "should", "can"}));
      if (!refusal) continue;
      const auto who = m.person_at(i + 1);
      if (!who || who.possessive || !m.is_clause_end(who.end)) continue;
      const auto clause = m.clause_of(i, false);
      const std::string source =
          clause.subjects.empty() ? m.context().speaker : clause.subjects.front().name;
      m.emit(FactKind::Distrusted, who, "", source, "", true, false, "dont-trust");
    }
  }
}

void introductions(RuleMatcher& m) {
  const auto& ctx = m.context();
  bool intro_word = false;
  for (int i = 0; i < m.size() && !intro_word; ++i)
    intro_word = m.is_any(i, {"intro", "introduction", "introducing", "intros"});
  Mention speaker;
  speaker.name = ctx.speaker;
  speaker.valid = !ctx.speaker.empty();
  for (int i = 0; i < m.size(); ++i) {
    if (m.is_any(i, {"introduced", "introduces", "introducing"})) {
      if (m.is(i, "introducing") && !m.is_any(i - 1, {"is", "was", "am", "are"})) continue;
      if (m.is(i + 1, "to")) {
        // "Y was introduced to Z by X"
        const auto z = m.person_at(i + 2);
        if (!z || z.possessive || !m.is(z.end, "by")) continue;
        const auto x = m.person_at(z.end + 1);
        if (!x || x.possessive || !m.is_clause_end(x.end)) continue;
        const auto clause = m.clause_of(i, false);
        for (const auto& y : clause.subjects)
          m.emit(FactKind::Introduced, x, y.name, z.name, "", true, clause.negated,
                 "introduced-by");
        continue;
      }
      const auto y = m.person_at(i + 1);
      if (!y || y.possessive) continue;
      Mention z;
      if (m.is(y.end, "to")) {
        z = m.person_at(y.end + 1);
      } else {
        int end = 0;
        const auto both = m.people_at(i + 1, &end);
        if (both.size() == 2) z = both[1];
      }
      if (!z || z.possessive || !m.is_clause_end(z.end)) continue;
      const auto clause = m.clause_of(i, false);
      if (clause.modal) continue;
      for (const auto& x : clause.subjects)
        m.emit(FactKind::Introduced, x, y.name, z.name, "", true, clause.negated, "introduced");
      continue;
    }
    if (m.is_any(i, {"connected", "connects"})) {
      const auto y = m.person_at(i + 1);
      if (!y || y.possessive || !m.is_any(y.end, {"with", "to"})) continue;
      const auto z = m.person_at(y.end + 1);
      if (!z || z.possessive || !m.is_clause_end(z.end)) continue;
      const auto clause = m.clause_of(i, false);
      if (clause.modal) continue;
      for (const auto& x : clause.subjects)
        m.emit(FactKind::Introduced, x, y.name, z.name, "", true, clause.negated, "connected");
      continue;
    }
    if (m.is(i, "meet") && m.is(i - 1, ",") && speaker) {
      // "Priya, meet Arjun Patel": the writer introduces Arjun to Priya.
      const auto x = m.person_ending_at(i - 1);
      if (!x || x.possessive || x.begin < 0) continue;
      if (x.begin > 0 && !m.is_any(x.begin - 1, {"hi", "hey", "hello", "dear"})) continue;
      const auto y = m.person_at(i + 1);
      if (!y || y.possessive) continue;
      m.emit(FactKind::Introduced, speaker, y.name, x.name, "", true, false, "meet-introduction");
      continue;
    }
    if (m.is(i, "<") && m.is(i + 1, ">") && speaker && intro_word) {
      // "Intro: Priya <> Arjun"
      const auto a = m.person_ending_at(i);
      const auto b = m.person_at(i + 2);
      if (!a || !b || a.possessive || b.possessive || !m.is_clause_end(b.end)) continue;
      m.emit(FactKind::Introduced, speaker, b.name, a.name, "", true, false, "angle-introduction");
    }
  }
}

}  // namespace

void apply_influence_rules(RuleMatcher& m) {
  decision_statements(m);
  final_say(m);
  decision_maker(m);
  influence(m);
  trust(m);
  introductions(m);
}

}  // namespace kith::loaders
