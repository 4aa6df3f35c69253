// One person, one node: the spellings a vault uses for people, grouped into persons.
//
// Usage: declare everything first (person notes, kith.yaml aliases, the owner, and every name
// seen in a note: participants, task owners, wikilinks, mail headers, prose), call resolve(),
// then look each written name up again with its context to learn which person it denotes.
//
// Full names are grouped by, in order: the same name_key (case, accents, punctuation);
// aliases declared in person notes and kith.yaml; a shared mail address; and fuzzy matching
// (name_similarity.hpp), where a strong match merges on its own and a weak one only when
// corroborated by a shared account, a shared company mail domain, or at least two other people
// seen with both. Two clusters that each have a person note, or that hold different addresses
// at the same company domain, are never merged by fuzzy matching.
//
// A first name alone is resolved at lookup time, by the first level that makes it unique: the
// people of the same note, then the people of the account in context, then the whole vault.
// A first name that no full name in the vault could match becomes a person of its own, known
// by that name only; an ambiguous one stays unresolved and is reported.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.hpp"
#include "loaders/name_similarity.hpp"
#include "loaders/written_name.hpp"

namespace kith::loaders {

// Where a name was seen; earlier sources are trusted more for the canonical spelling.
enum class NameSource : std::uint8_t {
  PersonNote,   // the `name` (or title) of a person note
  Config,       // kith.yaml aliases: the canonical side
  Owner,        // kith.yaml owner, or inferred from source_ref paths
  EmailHeader,  // a display name next to an address
  Participant,  // participants / attendees / With
  TaskOwner,    // @Name on a task
  Wikilink,     // [[Name]] where Name is a person
  Prose,        // a name found in a sentence
  Alias,        // a declared alias (person note aliases, kith.yaml alias lists)
};
const char* name_source_name(NameSource s);

struct NameMention {
  std::string written;  // as written; parse_written_name() is applied
  std::string email;    // lower-case address, may be empty
  NameSource source = NameSource::Prose;
  Evidence evidence;
  int note = -1;        // index of the document it was seen in; -1 when none
  std::string account;  // an account the source ties this person to (a company), may be empty
};

struct ResolvedPerson {
  std::string name;                   // the canonical full name
  std::vector<std::string> aliases;   // every other spelling seen, sorted, no repeats
  std::vector<std::string> emails;    // sorted
  std::vector<std::string> accounts;  // accounts tied to the person by their sources, sorted
  bool has_person_note = false;
  bool first_name_only = false;  // known by a first name alone ("Soo-ah")
  bool address_only = false;     // known by a mail address alone
  Evidence first_seen;           // where the canonical spelling was first seen
};

// Two spellings grouped into one person, and why.
struct PersonMerge {
  int person = -1;
  std::string kept;    // the canonical name
  std::string merged;  // the other spelling
  std::string rule;    // "alias", "email", "fuzzy-strong", "fuzzy-corroborated"
  std::string why;     // e.g. "surname typo (0.96, same sound); same account Contoso"
  double similarity = 1;
  Evidence evidence;  // where the merged spelling was first seen
};

// Two persons kept apart although their names are close.
struct NearDuplicate {
  int a = -1;
  int b = -1;
  double similarity = 0;
  std::string why;
};

struct UnresolvedName {
  std::string written;
  std::vector<std::string> candidates;  // canonical names of the persons it could be
  std::string why;
  Evidence evidence;
};

struct PersonLookup {
  int person = -1;  // -1 when unresolved
  std::string how;  // "name", "email", "first name in note", "first name in account", ...
  std::vector<int> candidates;  // when ambiguous
  bool nobody = false;          // "@TBD": deliberately no one
};

class PersonResolver {
 public:
  explicit PersonResolver(NameMatchOptions options = {});

  // The vault's owner: who "@Myself" and "me" are.
  void set_owner(std::string_view name, const Evidence& evidence);
  const std::string& owner() const { return owner_; }

  // A person note: its canonical name, declared aliases, addresses and company.
  void add_person_note(std::string_view name, const std::vector<std::string>& aliases,
                       const std::vector<std::string>& emails, std::string_view account, int note,
                       const Evidence& evidence);
  // kith.yaml: canonical name -> other spellings.
  void add_alias_group(std::string_view canonical, const std::vector<std::string>& aliases,
                       const Evidence& evidence);
  void add_mention(const NameMention& mention);

  // Groups the spellings into persons. Call once, after every declaration.
  void resolve();

  // ---- After resolve()
  // Persons in canonical-name order (so ids derived from the order are stable).
  const std::vector<ResolvedPerson>& people() const { return people_; }
  // Which person a written name (and/or address) denotes in a context. Records unresolved and
  // ambiguous names for the report.
  PersonLookup lookup(std::string_view written, std::string_view email, int note,
                      std::string_view account, const Evidence& evidence);
  // The person of a canonical or alias spelling, or of an address; -1 if none.
  int find(std::string_view name) const;
  int find_email(std::string_view email) const;
  // Persons seen in a note (full names and addresses), sorted.
  const std::vector<int>& people_in_note(int note) const;

  const std::vector<PersonMerge>& merges() const { return merges_; }
  const std::vector<NearDuplicate>& near_duplicates() const { return near_duplicates_; }
  const std::vector<UnresolvedName>& unresolved() const { return unresolved_; }
  const NameMatchOptions& options() const { return options_; }

 private:
  struct Spelling {
    std::string key;                                          // name_key of the name
    std::vector<std::string> tokens;                          // name_tokens
    std::map<std::string, std::pair<int, NameSource>> forms;  // written -> (count, best source)
    std::set<std::string> emails;
    std::set<std::string> accounts;                    // name_key of accounts
    std::map<std::string, std::string> account_names;  // key -> as written
    std::vector<int> notes;                            // ascending and unique once resolve() begins
    std::set<std::string> short_forms;  // declared single-word aliases ("Sam", "Wen")
    bool person_note = false;
    bool declared_only = false;  // seen only as a declared alias
    Evidence first_seen;
    bool has_evidence = false;
  };

  // A written name parsed once, with its key and tokens: a vault writes the same names in note
  // after note, and each is declared once and looked up again while building.
  struct ParsedName {
    std::optional<WrittenName> parsed;
    std::string key;                  // name_key of parsed->name
    std::vector<std::string> tokens;  // name_tokens of parsed->name
  };
  const ParsedName& parse(std::string_view written);
  int spelling_for(std::string_view name, NameSource source, const Evidence& evidence,
                   bool declared);
  int spelling_for(std::string_view name, std::string key, const std::vector<std::string>& tokens,
                   NameSource source, const Evidence& evidence, bool declared);
  int find_key(const std::string& key) const;
  // Notes arrive in document order, so a spelling's list is kept by appending, and sorted once.
  static void add_note(Spelling& s, int note) {
    if (note >= 0 && (s.notes.empty() || s.notes.back() != note)) s.notes.push_back(note);
  }
  int root(int s);
  void unite(int a, int b);
  bool corroborated(int ra, int rb, std::string& why);
  bool conflicting(int ra, int rb) const;
  std::vector<int> co_people(int r) const;
  void link(int a, int b, std::string rule, std::string why, double similarity);
  // "Rafa Duarte" joins Rafael Duarte when Rafael declared "Rafa" as an alias.
  void merge_declared_first_names();
  void fuzzy_merge();
  void build_people();
  std::vector<int> first_name_candidates(const std::string& token,
                                         const std::vector<int>& among) const;
  void record_unresolved(std::string_view written, const std::vector<int>& candidates,
                         std::string why, const Evidence& evidence);

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class T>
  using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

  NameMatchOptions options_;
  std::string owner_;
  StringMap<ParsedName> parsed_;
  std::vector<Spelling> spellings_;
  std::unordered_map<std::string, int> spelling_by_key_;
  std::vector<int> parent_;
  std::vector<std::vector<int>> members_;            // root -> its spellings
  std::vector<std::pair<int, int>> declared_links_;  // (canonical, alias) spellings
  std::vector<std::pair<std::string, std::string>> declared_link_rules_;  // parallel: rule, why
  struct PendingMerge {
    int kept_spelling;
    int merged_spelling;
    std::string rule;
    std::string why;
    double similarity;
  };
  std::vector<PendingMerge> pending_merges_;
  std::vector<std::pair<std::pair<int, int>, NameComparison>> pending_near_;
  std::map<std::string, std::set<int>> single_aliases_;  // token -> spellings declaring it
  std::map<std::string, int> email_spelling_;
  std::map<std::string, Evidence> address_only_;  // addresses seen with no name: first evidence
  std::map<std::string, std::set<int>> address_notes_;
  std::unordered_map<int, std::vector<int>> spellings_by_note_;  // note -> full-name spellings

  // After resolve().
  bool resolved_ = false;
  std::vector<ResolvedPerson> people_;
  std::vector<int> person_of_spelling_;
  std::vector<std::set<std::string>> person_first_tokens_;
  std::vector<std::set<std::string>> person_single_aliases_;
  std::unordered_map<std::string, int> person_by_key_;
  StringMap<int> person_by_email_;
  StringMap<std::vector<int>> persons_by_first_token_;
  StringMap<std::vector<int>> persons_by_single_alias_;
  StringMap<std::vector<int>> persons_by_account_;
  std::unordered_map<int, std::vector<int>> people_by_note_;
  std::vector<PersonMerge> merges_;
  std::vector<NearDuplicate> near_duplicates_;
  std::vector<UnresolvedName> unresolved_;
  std::set<std::string> unresolved_seen_;
};

}  // namespace kith::loaders
