// The sentences a generated vault states its facts in: every surface form the relation rules
// are meant to read, and noise that looks like a relation but states none. Each function
// takes the names as the writer chose to spell them and a form number (any int: it is taken
// modulo the number of forms), so the writer decides the mix and the truth records the fact.
#pragma once

#include <string>
#include <vector>

namespace kith::gen {

// `report`'s current manager is `manager`.
std::string reporting_sentence(int form, const std::string& report, const std::string& manager);
// Several people report to `manager` ("A, B and C report to M", "M manages A and B").
std::string group_reporting_sentence(int form, const std::vector<std::string>& reports,
                                     const std::string& manager);
// `manager` was `report`'s manager (at `company`) and is no longer.
std::string former_reporting_sentence(int form, const std::string& report,
                                      const std::string& manager, const std::string& company);
// A reporting line said in the note of the person it is about (`manager` is the other party):
// the sentence leaves the subject out or calls them "she" / "her".
std::string note_person_reporting_sentence(int form, const std::string& manager);
// The note's person manages `report`.
std::string note_person_manages_sentence(int form, const std::string& report);
// `person` works at `company` as `title` in `department`.
std::string employment_sentence(int form, const std::string& person, const std::string& company,
                                const std::string& title, const std::string& department);
std::string chief_of_staff_sentence(int form, const std::string& chief,
                                    const std::string& principal);
// `successor` took the role of `predecessor`, who left (`predecessor_first` names them again).
std::string succession_sentence(int form, const std::string& successor,
                                const std::string& predecessor,
                                const std::string& predecessor_first);
// `person` left `company`.
std::string departure_sentence(int form, const std::string& person, const std::string& company);
// `person` makes the final decision on the deal with `company`.
std::string decision_sentence(int form, const std::string& person, const std::string& company);
// `person` will influence `decider`'s decision.
std::string influence_sentence(int form, const std::string& person, const std::string& decider);
std::string distrust_sentence(int form, const std::string& person);
// `introducer` introduces `a` to `b` (`a_first` is how the introducer greets `a`).
std::string introduction_sentence(int form, const std::string& introducer, const std::string& a,
                                  const std::string& a_first, const std::string& b);
// Words that look like a reporting line, employment or decision between `a` and `b` (who are
// in no such relation) but state none; `company` is some organisation.
std::string noise_sentence(int form, const std::string& a, const std::string& b,
                           const std::string& company);

}  // namespace kith::gen
