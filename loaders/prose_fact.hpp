// Facts stated in prose, as the extraction rules find them: names as written (not yet
// resolved to people or accounts), the kind of relation, and the rule that matched. The graph
// builder resolves the names and turns each fact into a relationship that cites its sentence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kith::loaders {

enum class FactKind : std::uint8_t {
  ReportsTo,       // subject reports to object (object is subject's manager)
  WorksAt,         // subject works at account `object`, maybe with `title`
  HasTitle,        // subject's title is `title` (no account stated)
  ChiefOfStaffTo,  // subject is object's chief of staff
  Succeeded,       // subject stepped into object's role / replaced object
  Introduced,      // subject introduced object to `third`
  Decides,         // subject makes the decision on `object` (a project or account), or on
                   // `object` = "" when the sentence names no subject matter
  Influences,      // subject influences object's decisions (stated, claimed)
  Distrusted,      // subject is said not to be trusted (object empty), by `third` if known
  LeftRole,        // subject left (their role, or account `object`)
};
// "ReportsTo", "WorksAt", ... as the enumerator is spelt.
const char* fact_kind_name(FactKind k);

struct ProseFact {
  FactKind kind = FactKind::ReportsTo;
  std::string subject;   // a name as written: "Helga Strøm", "Wen", "Tobias's boss" never
  std::string object;    // a name (person or account) as written; may be empty
  std::string third;     // a third party where the kind has one (Introduced: the other person)
  std::string title;     // WorksAt / HasTitle: "Director, Storage Partnerships"
  bool current = true;   // false for past tense: "was X's manager", "used to report to"
  bool negated = false;  // "does not report to": kept so contradictions can be explained
  std::string rule;      // the name of the rule that matched, e.g. "possessive-manager"
  bool claimed = false;  // stated as someone's own claim: "Ian said he will influence ..."
};

// What the extractor knows about where a sentence stands.
struct ExtractionContext {
  std::string note_person;   // the person a person note describes ("Wen Li" in People/Wen Li.md)
  std::string note_account;  // the account the note is about, if any
  std::string speaker;       // an email's sender: "I", "me", "my" refer to them
};

}  // namespace kith::loaders
