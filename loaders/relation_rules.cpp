#include "loaders/relation_rules.hpp"

#include "loaders/prose_tokens.hpp"
#include "loaders/rule_matcher.hpp"

namespace kith::loaders {

namespace {

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Word beginnings that some rule needs; a word matches when it starts with one of them, or,
// for a stem ending in '$', when it is exactly that word.
constexpr std::string_view kStems[] = {
    "report",        "manag",      "boss",
    "supervis",      "superior$",  "chief",
    "staff",         "cos$",       "work",
    "join",          "lead",       "head",
    "runs$",         "ran$",       "owns$",
    "owned$",        "oversee",    "oversaw$",
    "decision",      "decide",     "final",
    "influenc",      "sway",       "trust",
    "untrust",       "meet$",      "introduc",
    "intro$",        "connect",    "step",
    "replac",        "team$",      "succeed",
    "took$",         "takes$",     "taking$",
    "left$",         "resign",     "quit$",
    "quits$",        "retired$",   "departed$",
    "serves$",       "served$",    "serving$",
    "ceo",           "cto",        "cfo",
    "coo$",          "cio",        "ciso",
    "cmo",           "cro$",       "cpo",
    "cso$",          "cdo$",       "vp$",
    "vps$",          "svp",        "evp",
    "avp",           "gm$",        "md$",
    "director",      "president",  "founder",
    "co-founder",    "cofounder",  "officer",
    "scientist",     "architect",  "engineer",
    "counsel",       "partner",    "principal",
    "executive",     "analyst",    "consultant",
    "specialist",    "rep$",       "representative",
    "vice$",         "chair",      "dean$",
    "professor",     "owner",      "sponsor",
    "champion",      "deputy",     "assistant",
    "associate",     "intern$",    "fellow$",
    "strategist",    "researcher", "designer",
    "evangelist",    "recruiter",  "secretary",
    "treasurer",     "controller", "coordinator",
    "administrator", "advisor",    "adviser",
    "commissioner",  "governor",   "superintendent",
    "provost$",
};

// The stems grouped by first letter, so a word is compared only with stems that could match.
struct StemIndex {
  std::vector<std::string_view> by_letter[26];
  StemIndex() {
    for (auto stem : kStems)
      by_letter[stem[0] - 'a'].push_back(stem);
  }
};

bool word_matches(std::string_view text, std::size_t b, std::size_t e) {
  static const StemIndex index;
  const std::size_t len = e - b;
  const char first = lower(text[b]);
  if (len == 2 && first == 'a' && lower(text[b + 1]) == 't') {
    // "at Contoso", "at [[Contoso]]": only before a name can "at" start a rule.
    std::size_t n = e;
    while (n < text.size() && text[n] == ' ')
      ++n;
    return n < text.size() && ((text[n] >= 'A' && text[n] <= 'Z') || text[n] == '[' ||
                               static_cast<unsigned char>(text[n]) >= 0xC0);
  }
  for (auto stem : index.by_letter[first - 'a']) {
    const bool whole = stem.back() == '$';
    if (whole) stem.remove_suffix(1);
    if (stem.size() > len || (whole && stem.size() != len)) continue;
    bool same = true;
    for (std::size_t k = 1; k < stem.size() && same; ++k)
      same = lower(text[b + k]) == stem[k];
    if (same) return true;
  }
  return false;
}

}  // namespace

bool may_state_relation(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '>') return true;  // A <> B
    if (!is_ascii_alpha(text[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && (is_ascii_alpha(text[e]) || text[e] == '-'))
      ++e;
    if (word_matches(text, i, e)) return true;
    i = e;
  }
  return false;
}

namespace {

// "Sven (Contoso) called": a parenthetical naming the note's account says who works there.
bool names_note_account(std::string_view text, const ExtractionContext& ctx) {
  return !ctx.note_account.empty() && text.find('(') != std::string_view::npos &&
         text.find(ctx.note_account) != std::string_view::npos;
}

// Which sentences of a statement that names the note's account are worth reading: those with
// a parenthetical ("Sven (Contoso)") and, as always, those with a word some rule starts with.
bool has_parenthesis_or_relation_word(std::string_view text) {
  return text.find('(') != std::string_view::npos || may_state_relation(text);
}

}  // namespace

bool may_yield_facts(std::string_view text, const ExtractionContext& ctx) {
  return may_state_relation(text) || names_note_account(text, ctx);
}

std::vector<ProseFact> extract_facts(std::string_view sentence, const ExtractionContext& ctx) {
  std::vector<ProseFact> out;
  if (!may_yield_facts(sentence, ctx)) return out;
  const bool account_named = names_note_account(sentence, ctx);
  for (const auto& s : split_prose(
           sentence, account_named ? has_parenthesis_or_relation_word : may_state_relation)) {
    if (s.question || !may_yield_facts(s.text, ctx)) continue;
    RuleMatcher m(s, ctx, out);
    apply_reporting_rules(m);
    apply_apposition_rules(m);
    apply_employment_rules(m);
    apply_succession_rules(m);
    apply_influence_rules(m);
  }
  return out;
}

const std::vector<std::string>& rule_names() {
  static const std::vector<std::string> names = {
      // reporting (rules_reporting.cpp)
      "reports-to",
      "direct-report-of",
      "possessive-direct-report",
      "direct-reports-list",
      "direct-reports-field",
      "manages",
      "managed-by",
      "possessive-manager-is",
      "possessive-manager",
      "possessive-manager-apposition",
      "possessive-manager-note",
      "manager-field",
      "on-team",
      "possessive-chief-of-staff",
      "possessive-chief-of-staff-is",
      "chief-of-staff-to",
      "chief-of-staff-field",
      // appositions and parentheticals (rules_apposition.cpp)
      "apposition-manager",
      "apposition-chief-of-staff",
      "apposition-direct-report",
      "apposition-reporting-to",
      "apposition-managed-by",
      "apposition-org-title",
      "apposition-title",
      "apposition-org",
      // employment (rules_employment.cpp)
      "works-at",
      "works-for",
      "works-as",
      "joined",
      "joined-from",
      "title-at",
      "possessive-title",
      "is-title",
      "executive-of",
      "runs-at",
      "leads-org-unit",
      "left",
      "left-to-join",
      "resigned",
      // succession (rules_succession.cpp)
      "stepped-into-role",
      "replaced",
      "replaced-by",
      "succeeded",
      "took-over",
      // decisions, influence, trust, introductions (rules_influence.cpp)
      "decision-is-possessive",
      "decision-rests-with",
      "makes-decision",
      "final-say",
      "decision-maker",
      "decision-maker-field",
      "influences",
      "one-to-influence",
      "influence-over",
      "cannot-be-trusted",
      "untrustworthy",
      "dont-trust",
      "introduced",
      "introduced-by",
      "connected",
      "meet-introduction",
      "angle-introduction",
  };
  return names;
}

}  // namespace kith::loaders
