// Deterministic relation extraction from prose: reporting lines, employers and titles, chiefs
// of staff, successions, introductions, decisions, influence and distrust, as the notes of a
// vault state them in sentences. Every fact names the rule that found it; names are kept as
// written for the graph builder to resolve.
//
// Conventions the rules follow:
// - Past tense, "used to", "former", "formerly", "previously", "no longer" give current=false;
//   "not", "never", "n't" give negated=true; a hypothetical ("will report", "should manage")
//   gives no reporting or employment fact at all. Influence claims keep the future tense
//   ("will influence Wen's decision"), marked claimed when someone said it of themselves.
// - "X was Y's manager at C" says where the line held: Y reports to X (current=false) and both
//   worked at C then (two WorksAt facts, current=false). With "is", all three are current.
// - "X, Y's manager" and "X (Y's boss, "chief scientist", direct report of Z)": every part of
//   an apposition is a fact about X; "Y's manager" there means X manages Y.
// - "X is C's chief scientist": a possessor before a job title is taken as an organisation
//   (WorksAt C); person-relative nouns (manager, boss, chief of staff, assistant, deputy) are
//   not job titles; nor are deal roles (sponsor, champion, point of contact, owner of the
//   relationship): "X is C's executive sponsor for D" is WorksAt C without a title, and "X is
//   the executive sponsor for D" states nothing. "works for C" is WorksAt even though C may
//   be a person ("works for Wen"); its rule name, "works-for", lets the builder tell.
// - I/me/my are ctx.speaker when it is set; he/she/they become the one person named before
//   them in the sentence, else stay as written. A sentence that opens with its verb ("Reports
//   to Wen Li.") has ctx.note_person as its subject.
// - "X joined C" is WorksAt only with evidence that C is a company: "as T", a time ("in
//   2022"), "from D", or C known as the note's account or from "at C"; "joined Marta for lunch"
//   and a bare "joined Marta." give nothing. "X was on Y's team (at C)" is ReportsTo, rule
//   "on-team", so the builder may weigh it below a stated manager.
// - Questions ("Does Marta report to Kwame?") and conditions ("if she reports to ...") state
//   nothing; neither does a capitalised verb in a heading ("Quarterly Reports to Investors").
// - Decides with an empty object means the sentence named no subject matter ("Decision maker:
//   Wen Li" in a project note): the builder may take the note's own subject.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "loaders/prose_fact.hpp"

namespace kith::loaders {

// The facts stated in a statement (one or more sentences; plain text or raw with [[links]]).
std::vector<ProseFact> extract_facts(std::string_view sentence, const ExtractionContext& ctx);

// Every rule name a fact may carry, for documentation and tests.
const std::vector<std::string>& rule_names();

// The cheap test extract_facts starts with: false when no word of the text could start any
// rule (no "report", "manag", "at", "decision", title word, ...), so most prose costs one scan.
bool may_state_relation(std::string_view text);

// The whole test extract_facts starts with: may_state_relation, or a parenthetical naming the
// note's account ("Sven (Contoso) called"). Callers that skip text before extracting use this,
// so that they never skip a sentence extract_facts would read a fact from.
bool may_yield_facts(std::string_view text, const ExtractionContext& ctx);

}  // namespace kith::loaders
