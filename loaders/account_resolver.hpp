// Accounts (companies) named across a vault, one per company however it is written:
// "Contoso", "[[Contoso]]", "Contoso Inc." and two notes named Contoso.md are one account.
// Mail domains map to accounts from kith.yaml `domains:` and from people whose company and
// address are both known; free-mail domains never do.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace kith::loaders {

struct ResolvedAccount {
  std::string name;                  // as first written by the most trusted source
  std::vector<std::string> domains;  // sorted
  bool internal = false;             // the vault owner's own company
  std::vector<std::string> notes;    // paths of notes describing it, sorted
};

// A domain learned from a person, or one that two sources map to different accounts.
struct DomainConflict {
  std::string domain;
  std::vector<std::string> accounts;
};

class AccountResolver {
 public:
  // The matching key: name_key without trailing legal forms (Inc, Ltd, GmbH, ...).
  static std::string key(std::string_view name);

  // Declarations, in trust order: account notes first, then config, then fields.
  // `name` may be a wikilink ('[[Contoso]]'). Returns false when it holds no name.
  bool add(std::string_view name, const std::string& note_path = "");
  void add_domain(std::string_view domain, std::string_view account, bool configured);
  void set_internal(std::string_view name);
  // Before resolve(): the declared account a written name stands for, as declared: the same
  // name, or the first word of exactly one declared account's longer name ("Brightwater's
  // architect" in a vault that knows Brightwater Freight). Empty when there is none.
  std::string declared_as(std::string_view written) const;

  // Freezes the accounts in name order. Call once, after every declaration.
  void resolve();

  const std::vector<ResolvedAccount>& accounts() const { return accounts_; }
  int find(std::string_view name) const;           // -1 if unknown
  int find_domain(std::string_view domain) const;  // -1 if unknown or free mail
  // Accounts whose name occurs in the text as whole words ("Contoso's Halyard program").
  std::vector<int> named_in(std::string_view text) const;
  const std::vector<DomainConflict>& conflicts() const { return conflicts_; }

 private:
  struct Entry {
    std::string name;
    std::set<std::string> domains;
    std::set<std::string> notes;
    bool internal = false;
  };
  std::map<std::string, Entry> entries_;                          // key -> entry
  std::map<std::string, std::string> configured_domains_;         // domain -> key
  std::map<std::string, std::set<std::string>> learned_domains_;  // domain -> keys
  std::set<std::string> internal_keys_;
  std::vector<ResolvedAccount> accounts_;
  std::map<std::string, int> by_key_;
  std::map<std::string, int> by_domain_;
  // First folded word -> (account, all its words); a one-word name also under its possessive.
  std::map<std::string, std::vector<std::pair<int, std::vector<std::string>>>> by_first_token_;
  std::vector<DomainConflict> conflicts_;
};

// '[[Contoso]]' -> 'Contoso', '[[Contoso|the bank]]' -> 'Contoso'; anything else trimmed.
std::string strip_wikilink(std::string_view text);

}  // namespace kith::loaders
