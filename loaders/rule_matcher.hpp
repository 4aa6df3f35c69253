// The toolkit the relation rules share: one tokenised sentence with its name spans, and the
// questions every rule asks of it (who is named here, who is the subject of this verb, is the
// clause past, negated or hypothetical), plus the list the facts are written to. Each rule
// family (rules_*.cpp) is a function of a RuleMatcher.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/name_spans.hpp"
#include "loaders/prose_fact.hpp"
#include "loaders/prose_tokens.hpp"

namespace kith::loaders {

// A person named in the sentence: a name span, a pronoun, or the note's person standing in
// for a subject the sentence leaves out ("Reports to Wen Li." in Wen's report's note).
struct Mention {
  int begin = -1;  // tokens [begin, end); -1 for the implicit note person
  int end = -1;
  std::string name;  // as written; I/me/my as the speaker, he/she when the sentence says who
  bool possessive = false;
  bool valid = false;
  explicit operator bool() const { return valid; }
};

// How the clause around a verb is qualified by the words between its subject and the verb.
struct Clause {
  std::vector<Mention> subjects;
  bool past = false;     // was, had, used to, formerly, no longer, or the verb's past form
  bool negated = false;  // not, never, n't
  bool modal = false;    // will, would, should, could, might, may, going to
};

class RuleMatcher {
 public:
  RuleMatcher(const ProseSentence& s, const ExtractionContext& ctx, std::vector<ProseFact>& out);

  int size() const { return static_cast<int>(s_.tokens.size()); }
  bool is(int i, std::string_view w) const;  // token i is the word or mark w (any case)
  bool is_any(int i, std::initializer_list<std::string_view> ws) const;
  bool is_word(int i) const { return i >= 0 && i < size() && s_.tokens[i].word; }
  bool is_capitalised(int i) const { return is_word(i) && s_.tokens[i].capitalised; }
  bool possessive(int i) const { return i >= 0 && i < size() && s_.tokens[i].possessive; }
  std::string_view at(int i) const { return i >= 0 && i < size() ? s_.at(i) : ""; }
  std::string text(int begin, int end) const;  // as written, spaces collapsed, quotes trimmed
  const ExtractionContext& context() const { return ctx_; }

  // A person (name or pronoun) starting at token i / ending just before token `end`.
  Mention person_at(int i) const;
  Mention person_ending_at(int end) const;
  // "A, B and C" from token i on; *end receives the token after the last name. Empty if none.
  std::vector<Mention> people_at(int i, int* end) const;
  // "A, B and C" ending just before `end`; a list of more than one opens its clause.
  std::vector<Mention> people_ending_at(int end) const;

  // An organisation starting at token i: an [[link]] or capitalised words. Empty name if none.
  Mention org_at(int i) const;
  bool is_known_org(std::string_view name) const;
  // The known organisation that the capitalised words from token i start with ("Contoso" in
  // "Contoso Blob"), or "".
  std::string known_org_at(int i) const;

  // The subjects of the verb at token `verb` and the clause's tense. `verb_is_past` is the
  // verb's own form ("reported"); "has reported" stays current. No subjects when the verb is
  // an infinitive ("to report") or nobody is named before it.
  Clause clause_of(int verb, bool verb_is_past) const;

  // A title as written from token i: words up to a clause boundary, at most 12; a comma is
  // kept when a capitalised word follows ("Director, Storage Partnerships"). `stop_at_at`
  // ends it before "at <Org>". *end receives the token after it.
  std::string title_at(int i, int* end, bool stop_at_at) const;

  // "CEO of Globex", "co-founder of Initech" in tokens [b, e): the "of" after an executive
  // title names the organisation (unlike "Director of Engineering" or "head of data"). The
  // index of "of", or -1.
  int executive_of(int b, int e) const;

  // Whether words [b, e) name the part someone plays in a deal rather than a job: the head
  // noun is a sponsor, champion, advocate, contact, stakeholder, signatory, approver, blocker
  // or owner ("executive sponsor for Globex", "point of contact", "owner of the relationship";
  // not "product owner").
  bool is_deal_role(int b, int e) const;

  // Whether token i ends a noun phrase: punctuation, a conjunction, a preposition or a time
  // adverb ("reports to Wen." / "reports to Wen since ...", not "reports to Wen team").
  bool is_clause_end(int i) const;

  // A verb written in lower case, or opening the sentence: "Quarterly Reports to Investors" is
  // a heading, not a reporting line.
  bool is_verb_form(int i) const { return i == 0 || (is_word(i) && !s_.tokens[i].capitalised); }

  // Records a fact unless it repeats one already found; returns it, or nullptr when skipped
  // (no subject, subject == object, a repeat, or the per-sentence bound reached).
  ProseFact* emit(FactKind kind, const Mention& subject, std::string object, std::string third,
                  std::string title, bool current, bool negated, std::string_view rule);

 private:
  Mention mention(int begin, int end, bool possessive) const;
  Mention pronoun(int i) const;
  Clause clause_from(int before, bool verb_is_past, int depth) const;

 public:
  // The subjects of the nearest verb before token k that has one: who a trailing "and is ..."
  // or ", reporting to Y" is about.
  std::vector<Mention> main_subjects_before(int k, int depth = 0) const;

 private:
  const ProseSentence& s_;
  const ExtractionContext& ctx_;
  std::vector<ProseFact>& out_;
  std::vector<NameSpan> spans_;
  std::vector<int> span_of_;  // token -> index into spans_, -1 if none
  std::vector<std::string> orgs_;
};

// The rule families, each in its own file. Rule names are listed in relation_rules.cpp.
void apply_reporting_rules(RuleMatcher& m);
void apply_apposition_rules(RuleMatcher& m);
void apply_employment_rules(RuleMatcher& m);
void apply_succession_rules(RuleMatcher& m);
void apply_influence_rules(RuleMatcher& m);

}  // namespace kith::loaders
