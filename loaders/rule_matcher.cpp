#include "loaders/rule_matcher.hpp"

#include <algorithm>

namespace kith::loaders {

namespace {

constexpr std::size_t kMaxFacts = 256;  // per extract_facts call
constexpr int kMaxListNames = 20;
constexpr int kMaxTitleWords = 12;

bool equal_names(std::string_view a, std::string_view b) {
  return same_word(a, b);
}

bool is_quote(std::string_view t) {
  return t == "\"" || t == "'" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" ||
         t == "\xE2\x80\x98" || t == "\xE2\x80\x99";
}

}  // namespace

RuleMatcher::RuleMatcher(const ProseSentence& s, const ExtractionContext& ctx,
                         std::vector<ProseFact>& out)
    : s_(s), ctx_(ctx), out_(out), spans_(find_name_spans(s)), span_of_(s.tokens.size(), -1) {
  for (std::size_t k = 0; k < spans_.size(); ++k) {
    for (int t = spans_[k].begin; t < spans_[k].end; ++t)
      span_of_[t] = static_cast<int>(k);
  }
  if (!ctx.note_account.empty()) orgs_.push_back(ctx.note_account);
  // "at Contoso": the words after "at" name an organisation, so the same words elsewhere in
  // the sentence are not a person. ("works for" and "joined" may take a person.)
  for (int i = 0; i + 1 < size(); ++i) {
    if (!is(i, "at") || is_any(i - 1, {"look", "looked", "looking"})) continue;
    const auto span = org_span_at(s_, i + 1);
    if (span.end > span.begin && !span.possessive)
      orgs_.push_back(span_text(s_, span.begin, span.end));
  }
}

// Keywords are written in lower case, so the folded text compares byte for byte.
bool RuleMatcher::is(int i, std::string_view w) const {
  return i >= 0 && i < size() && s_.folded_at(i) == w;
}

bool RuleMatcher::is_any(int i, std::initializer_list<std::string_view> ws) const {
  if (i < 0 || i >= size()) return false;
  const auto t = s_.folded_at(i);
  for (auto w : ws) {
    if (t == w) return true;
  }
  return false;
}

std::string RuleMatcher::text(int begin, int end) const {
  while (begin < end && (is_quote(at(begin)) || is(begin, ",")))
    ++begin;
  while (end > begin && (is_quote(at(end - 1)) || is(end - 1, ",")))
    --end;
  return span_text(s_, begin, end);
}

bool RuleMatcher::is_known_org(std::string_view name) const {
  for (const auto& o : orgs_) {
    if (equal_names(o, name)) return true;
  }
  return false;
}

std::string RuleMatcher::known_org_at(int i) const {
  const auto span = org_span_at(s_, i);
  for (int e = span.begin + 1; e <= span.end; ++e) {
    auto name = span_text(s_, span.begin, e);
    if (is_known_org(name)) return name;
  }
  return {};
}

Mention RuleMatcher::mention(int begin, int end, bool possessive) const {
  Mention m;
  m.begin = begin;
  m.end = end;
  m.name = span_text(s_, begin, end);
  m.possessive = possessive;
  m.valid = !m.name.empty() && !is_known_org(m.name);
  return m;
}

Mention RuleMatcher::pronoun(int i) const {
  Mention m;
  m.begin = i;
  m.end = i + 1;
  m.valid = true;
  const auto w = at(i);
  m.possessive = is_any(i, {"my", "his", "their", "her"});
  if (is_any(i, {"i", "me", "my"})) {
    m.name = ctx_.speaker.empty() ? std::string(w) : ctx_.speaker;
    return m;
  }
  // he/she/they: the one person the sentence named before, else left as written.
  std::string only;
  int distinct = 0;
  for (const auto& sp : spans_) {
    if (sp.end > i) break;
    const auto name = span_text(s_, sp.begin, sp.end);
    if (is_known_org(name) || equal_names(name, only)) continue;
    only = name;
    ++distinct;
  }
  // In a person note, a he/she nobody in the sentence can be is the note's person.
  if (distinct == 0 && !ctx_.note_person.empty() &&
      is_any(i, {"he", "she", "him", "her", "his", "hers"}))
    only = ctx_.note_person, distinct = 1;
  m.name = distinct == 1 ? only : std::string(w);
  return m;
}

Mention RuleMatcher::person_at(int i) const {
  if (!is_word(i)) return {};
  if (s_.tokens[i].link < 0 && is_person_pronoun(at(i))) return pronoun(i);
  const int k = span_of_[i];
  if (k < 0 || spans_[k].begin != i) return {};
  return mention(i, spans_[k].end, spans_[k].possessive);
}

Mention RuleMatcher::person_ending_at(int end) const {
  const int i = end - 1;
  if (!is_word(i)) return {};
  if (s_.tokens[i].link < 0 && is_person_pronoun(at(i))) return pronoun(i);
  const int k = span_of_[i];
  if (k < 0 || spans_[k].end != end) return {};
  return mention(spans_[k].begin, end, spans_[k].possessive);
}

std::vector<Mention> RuleMatcher::people_at(int i, int* end) const {
  std::vector<Mention> out;
  auto first = person_at(i);
  if (!first) return out;
  out.push_back(first);
  int pos = first.end;
  while (static_cast<int>(out.size()) < kMaxListNames && !out.back().possessive) {
    int next = -1;
    bool last = false;
    if (is(pos, ",") && is(pos + 1, "and")) {
      next = pos + 2;
      last = true;
    } else if (is(pos, ",")) {
      next = pos + 1;
    } else if (is(pos, "and") || is(pos, "&")) {
      next = pos + 1;
      last = true;
    }
    if (next < 0) break;
    auto m = person_at(next);
    if (!m) break;
    out.push_back(m);
    pos = m.end;
    if (last) break;
  }
  // "manages Ian and Tobias reports to ...": the last name opens the next clause.
  if (out.size() > 1 &&
      is_any(pos, {"reports", "reported", "manages", "managed", "is",     "was", "works",
                   "worked",  "joined",   "leads",   "runs",    "said",   "has", "had",
                   "will",    "does",     "did",     "report",  "manage", "are"})) {
    out.pop_back();
    pos = out.back().end;
  }
  *end = pos;
  return out;
}

std::vector<Mention> RuleMatcher::people_ending_at(int end) const {
  std::vector<Mention> out;
  auto last = person_ending_at(end);
  if (!last) return out;
  out.push_back(last);
  int pos = last.begin;
  bool seen_and = false;
  while (static_cast<int>(out.size()) < kMaxListNames) {
    int k = -1;
    if (!seen_and && (is(pos - 1, "and") || is(pos - 1, "&"))) {
      k = is(pos - 2, ",") ? pos - 2 : pos - 1;
      seen_and = true;
    } else if (seen_and && is(pos - 1, ",")) {
      k = pos - 1;
    }
    if (k < 0) break;
    auto m = person_ending_at(k);
    if (!m || m.possessive) break;
    out.push_back(m);
    pos = m.begin;
  }
  if (out.size() > 1) {
    // A list of subjects opens its clause; "Wen met Ian and Tobias reports ..." does not.
    const int before = pos - 1;
    const bool opens = before < 0 || (!is_word(before) && !is(before, ",")) ||
                       is_any(before, {"both", "and", "also", "then", "now", "currently", "that"});
    if (!opens) out.resize(1);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

Mention RuleMatcher::org_at(int i) const {
  const auto span = org_span_at(s_, i);
  if (span.end <= span.begin) return {};
  Mention m;
  m.begin = span.begin;
  m.end = span.end;
  m.name = span_text(s_, span.begin, span.end);
  m.possessive = span.possessive;
  m.valid = true;
  return m;
}

Clause RuleMatcher::clause_of(int verb, bool verb_is_past) const {
  auto c = clause_from(verb - 1, verb_is_past, 0);
  // "ask Deepa if she reports to Kwame", "whether Marta manages Ian": not a statement.
  if (!c.subjects.empty() && c.subjects.front().begin > 0 &&
      is_any(c.subjects.front().begin - 1, {"if", "whether", "unless", "does", "do", "did"}))
    c.modal = true;
  return c;
}

Clause RuleMatcher::clause_from(int k, bool verb_is_past, int depth) const {
  Clause c;
  bool perfect = false;
  bool past = false;
  for (int steps = 0; k >= 0 && steps < 8; ++steps, --k) {
    if (!is_word(k)) break;
    if (is(k, "to")) {
      if (is(k - 1, "used")) {
        past = true;
        --k;
        continue;
      }
      if (is_any(k - 1, {"going", "want", "wants", "need", "needs", "have", "has", "plan", "plans",
                         "expected", "likely", "set", "about"})) {
        c.modal = true;
        continue;
      }
      return {};  // an infinitive: "asked Dana to report to Marcus"
    }
    if (is(k, "as") && is_any(k - 1, {"serves", "served", "serving", "acts", "acted", "acting",
                                      "works", "worked", "working"})) {
      past = past || is_any(k - 1, {"served", "acted", "worked"});
      --k;
      continue;
    }
    if (is_any(k, {"was", "were", "had", "did", "formerly", "previously", "once", "former"})) {
      past = true;
    } else if (is_any(k, {"didn't", "wasn't", "weren't", "hadn't"})) {
      past = true;
      c.negated = true;
    } else if (is(k, "longer") && is(k - 1, "no")) {
      past = true;
      --k;
      ++steps;
    } else if (is_any(k, {"not", "never", "doesn't", "don't", "isn't", "aren't", "hasn't",
                          "haven't", "cannot", "can't"})) {
      c.negated = true;
    } else if (is_any(k, {"will", "would", "should", "could", "might", "may", "must", "shall",
                          "won't", "wouldn't", "shouldn't", "couldn't", "gonna"})) {
      c.modal = true;
      if (is_any(k, {"won't", "wouldn't", "shouldn't", "couldn't"})) c.negated = true;
    } else if (is_any(k, {"has", "have"})) {
      perfect = true;
    } else if (!is_any(k, {"is",         "are",         "am",          "be",         "been",
                           "being",      "do",          "does",        "can",        "also",
                           "still",      "now",         "currently",   "directly",   "recently",
                           "actually",   "apparently",  "reportedly",  "officially", "effectively",
                           "then",       "already",     "just",        "only",       "indirectly",
                           "ultimately", "technically", "temporarily", "both",       "all",
                           "going",      "probably",    "likely",      "allegedly",  "supposedly",
                           "really",     "definitely",  "certainly",   "eventually", "briefly",
                           "originally", "initially",   "later",       "soon",       "today",
                           "officially"})) {
      break;
    }
  }
  c.past = past || (verb_is_past && !perfect);
  if (k < 0) {
    if (!ctx_.note_person.empty()) {
      Mention m;
      m.name = ctx_.note_person;
      m.valid = true;
      c.subjects.push_back(m);
    }
    return c;
  }
  if (is_any(k, {"who", "that"}) && !is_word(k - 1)) {
    if (auto m = person_ending_at(k - 1); m && !m.possessive) c.subjects.push_back(m);
    return c;
  }
  if (is(k, "who")) {
    if (auto m = person_ending_at(k); m && !m.possessive) c.subjects.push_back(m);
    return c;
  }
  if (is(k, ")")) {
    for (int p = k - 1; p >= 0 && k - p < 60; --p) {
      if (!is(p, "(")) continue;
      int e = p;
      if (is_any(e - 1, {"-", "\xE2\x80\x93", "\xE2\x80\x94"})) --e;
      if (auto m = person_ending_at(e); m && !m.possessive) c.subjects.push_back(m);
      break;
    }
    return c;
  }
  if (is(k, ",")) {
    // "Tobias Kerr, Ian's manager, reports to ...": the subject is before the apposition.
    for (int p = k - 1; p >= 0 && k - p < 24; --p) {
      if (is_any(p, {";", ":", ".", "(", ")"})) break;
      if (!is(p, ",")) continue;
      if (auto m = person_ending_at(p); m && !m.possessive) c.subjects.push_back(m);
      break;
    }
    return c;
  }
  if (is(k, "and") && depth < 2) {
    // "Helga reports to Wen and is Contoso's chief scientist": the subject is shared.
    c.subjects = main_subjects_before(k, depth);
    return c;
  }
  for (auto& m : people_ending_at(k + 1)) {
    if (m.possessive) {
      c.subjects.clear();
      break;
    }
    c.subjects.push_back(m);
  }
  return c;
}

std::vector<Mention> RuleMatcher::main_subjects_before(int k, int depth) const {
  if (depth >= 2) return {};
  for (int q = k - 1; q >= 0 && k - q < 40; --q) {
    if (is_any(q, {";", ":", "("})) break;
    if (!is_any(q,
                {"reports",  "reported",  "manages", "managed", "works",      "worked", "is",
                 "was",      "are",       "were",    "leads",   "led",        "runs",   "ran",
                 "heads",    "headed",    "joined",  "makes",   "made",       "left",   "stepped",
                 "replaced", "succeeded", "said",    "says",    "introduced", "owns",   "serves",
                 "served",   "has",       "had"}))
      continue;
    auto inner = clause_from(q - 1, false, depth + 1);
    if (!inner.subjects.empty()) return inner.subjects;
  }
  return {};
}

int RuleMatcher::executive_of(int b, int e) const {
  int k = b;
  while (k < e && is_any(k, {"the", "a", "an", "founding"}))
    ++k;
  if (!is_any(k, {"ceo", "cto", "cfo", "coo", "cio", "ciso", "cmo", "cro", "cpo", "founder",
                  "co-founder", "cofounder", "president", "chairman", "chairwoman", "chair",
                  "owner"}) ||
      !is(k + 1, "of"))
    return -1;
  const auto org = org_at(k + 2);
  if (!org || org.possessive || org.end != e) return -1;
  for (int w = org.begin; w < org.end; ++w) {
    if (is_not_a_name(at(w)) && !is_capitalised(w)) return -1;
  }
  return k + 1;
}

bool RuleMatcher::is_deal_role(int b, int e) const {
  int head = e;  // the phrase's head noun ends before its first preposition
  for (int k = b; k < e; ++k) {
    if (is_any(k, {"of", "for", "on", "at", "with", "to"})) {
      if (is(k, "of") && is(k + 1, "contact") && is(k - 1, "point")) return true;
      head = k;
      break;
    }
  }
  const int h = head - 1;
  if (h < b) return false;
  if (is(h, "owner")) return !is(h - 1, "product");  // a Product Owner is a job
  return is_any(h, {"sponsor", "sponsors", "champion", "champions", "advocate", "contact",
                    "stakeholder", "signatory", "approver", "blocker", "influencer"});
}

bool RuleMatcher::is_clause_end(int i) const {
  if (i >= size()) return true;
  if (!is_word(i)) return !is_quote(at(i)) && !is(i, "&") && !is(i, "-");
  return is_any(
      i, {"and",    "or",   "but",       "who",      "which",   "since",    "until",   "after",
          "before", "when", "while",     "because",  "so",      "at",       "in",      "on",
          "for",    "from", "as",        "now",      "today",   "directly", "also",    "too",
          "both",   "then", "anymore",   "again",    "either",  "yet",      "already", "last",
          "this",   "next", "yesterday", "recently", "earlier", "later"});
}

std::string RuleMatcher::title_at(int i, int* end, bool stop_at_at) const {
  if (i < 0) return {};
  const int n = size();
  while (i < n && (is_any(i, {"the", "a", "an", "our", "their", "its"}) || is_quote(at(i))))
    ++i;
  int k = i;
  int words = 0;
  int comma = -1;  // a comma inside the title, where it ends if what follows is not a title
  for (; k < n; ++k) {
    if (is_quote(at(k))) continue;
    if (is(k, ",")) {
      if (is_capitalised(k + 1) && !is_person_pronoun(at(k + 1))) {
        comma = k;
        continue;
      }
      break;
    }
    if (!is_word(k)) {
      if (is(k, "&") || is(k, "-") || is(k, "/")) continue;
      break;
    }
    if (stop_at_at && is(k, "at") && org_at(k + 1)) break;
    if (is_any(k, {"and", "for", "in"})) {
      if (!is_capitalised(k + 1)) break;
      continue;
    }
    if (is_any(k, {"who",   "which",   "that",  "since",   "until",     "after", "before", "when",
                   "while", "because", "but",   "so",      "from",      "with",  "is",     "was",
                   "has",   "had",     "will",  "reports", "reporting", "said",  "says",   "on",
                   "to",    "as",      "per",   "during",  "at",        "or",    "since",  "where",
                   "whose", "now",     "today", "though",  "although"}))
      break;
    if (comma >= 0 && !s_.tokens[k].capitalised && !is_any(k, {"of", "the"})) {
      k = comma;
      break;
    }
    if (++words > kMaxTitleWords) {
      *end = k;
      return {};
    }
  }
  *end = k;
  return text(i, k);
}

ProseFact* RuleMatcher::emit(FactKind kind, const Mention& subject, std::string object,
                             std::string third, std::string title, bool current, bool negated,
                             std::string_view rule) {
  if (!subject || subject.name.empty() || out_.size() >= kMaxFacts) return nullptr;
  if (!object.empty() && equal_names(object, subject.name)) return nullptr;
  for (const auto& f : out_) {
    if (f.kind == kind && f.subject == subject.name && f.object == object && f.third == third &&
        f.title == title && f.current == current && f.negated == negated)
      return nullptr;
  }
  ProseFact f;
  f.kind = kind;
  f.subject = subject.name;
  f.object = std::move(object);
  f.third = std::move(third);
  f.title = std::move(title);
  f.current = current;
  f.negated = negated;
  f.rule = std::string(rule);
  out_.push_back(std::move(f));
  return &out_.back();
}

}  // namespace kith::loaders
