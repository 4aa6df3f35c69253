#include "loaders/account_resolver.hpp"

#include <algorithm>
#include <array>

#include "graph/name_key.hpp"
#include "loaders/free_mail.hpp"
#include "loaders/name_similarity.hpp"

namespace kith::loaders {

namespace {

constexpr std::array<std::string_view, 17> kLegalForms = {
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc",  "gmbh",       "ag",
    "sa",  "sas",          "bv",  "nv",      "ab",  "oy",  "corp", "corporation"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\'' || s.front() == '"'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\'' || s.back() == '"'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string strip_wikilink(std::string_view text) {
  std::string_view s = trim(text);
  if (s.size() >= 4 && s.substr(0, 2) == "[[" && s.substr(s.size() - 2) == "]]") {
    s = s.substr(2, s.size() - 4);
    if (const auto bar = s.find('|'); bar != std::string_view::npos) s = s.substr(0, bar);
    if (const auto hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
    // A link may carry a folder: [[Accounts/Contoso]].
    if (const auto slash = s.rfind('/'); slash != std::string_view::npos) s = s.substr(slash + 1);
  }
  return std::string(trim(s));
}

std::string AccountResolver::key(std::string_view name) {
  std::vector<std::string> tokens = name_tokens(strip_wikilink(name));
  while (tokens.size() > 1 &&
         std::find(kLegalForms.begin(), kLegalForms.end(), tokens.back()) != kLegalForms.end())
    tokens.pop_back();
  std::string out;
  for (const auto& t : tokens)
    out += t;
  return out;
}

bool AccountResolver::add(std::string_view name, const std::string& note_path) {
  const std::string written = strip_wikilink(name);
  const std::string k = key(written);
  if (k.empty()) return false;
  auto [it, inserted] = entries_.try_emplace(k);
  if (inserted) it->second.name = written;
  if (!note_path.empty()) it->second.notes.insert(note_path);
  return true;
}

void AccountResolver::add_domain(std::string_view domain, std::string_view account,
                                 bool configured) {
  if (domain.empty() || is_free_mail_domain(domain)) return;
  if (!add(account)) return;
  const std::string k = key(account);
  if (configured)
    configured_domains_.try_emplace(std::string(domain), k);
  else
    learned_domains_[std::string(domain)].insert(k);
}

std::string AccountResolver::declared_as(std::string_view written) const {
  const std::string k = key(written);
  if (k.empty()) return {};
  if (const auto it = entries_.find(k); it != entries_.end()) return it->second.name;
  const std::vector<std::string> words = name_tokens(strip_wikilink(written));
  if (words.size() != 1) return {};
  std::string found;
  for (const auto& [entry_key, e] : entries_) {
    const std::vector<std::string> name = name_tokens(e.name);
    if (name.size() < 2 || name.front() != words.front()) continue;
    if (!found.empty()) return {};  // two accounts start with it: say nothing
    found = e.name;
  }
  return found;
}

void AccountResolver::set_internal(std::string_view name) {
  if (add(name)) internal_keys_.insert(key(name));
}

void AccountResolver::resolve() {
  std::map<std::string, std::string> domain_owner;  // domain -> key
  for (const auto& [domain, k] : configured_domains_)
    domain_owner[domain] = k;
  for (const auto& [domain, keys] : learned_domains_) {
    if (domain_owner.count(domain)) continue;  // kith.yaml is the user's word
    if (keys.size() > 1) {
      DomainConflict c{domain, {}};
      for (const auto& k : keys)
        c.accounts.push_back(entries_[k].name);
      conflicts_.push_back(std::move(c));
      continue;
    }
    domain_owner[domain] = *keys.begin();
  }
  for (const auto& [domain, k] : domain_owner)
    entries_[k].domains.insert(domain);

  std::vector<std::pair<std::string, std::string>> order;  // (name, key)
  for (const auto& [k, e] : entries_)
    order.emplace_back(e.name, k);
  std::sort(order.begin(), order.end());
  for (const auto& [name, k] : order) {
    const Entry& e = entries_[k];
    ResolvedAccount a;
    a.name = e.name;
    a.domains.assign(e.domains.begin(), e.domains.end());
    a.notes.assign(e.notes.begin(), e.notes.end());
    a.internal = internal_keys_.count(k) > 0;
    by_key_[k] = static_cast<int>(accounts_.size());
    accounts_.push_back(std::move(a));
  }
  for (const auto& [domain, k] : domain_owner)
    by_domain_[domain] = by_key_[k];
  for (std::size_t a = 0; a < accounts_.size(); ++a) {
    std::vector<std::string> name = name_tokens(accounts_[a].name);
    if (name.empty()) continue;
    const std::string first = name.front();
    by_first_token_[first].emplace_back(static_cast<int>(a), name);
    if (name.size() == 1) by_first_token_[first + "s"].emplace_back(static_cast<int>(a), name);
  }
}

int AccountResolver::find(std::string_view name) const {
  const auto it = by_key_.find(key(name));
  return it == by_key_.end() ? -1 : it->second;
}

int AccountResolver::find_domain(std::string_view domain) const {
  // A subdomain belongs to its parent's account: eu.contoso.com -> contoso.com.
  std::string_view d = domain;
  while (!d.empty()) {
    const auto it = by_domain_.find(std::string(d));
    if (it != by_domain_.end()) return it->second;
    const auto dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d = d.substr(dot + 1);
  }
  return -1;
}

std::vector<int> AccountResolver::named_in(std::string_view text) const {
  const std::vector<std::string> words = name_tokens(text);
  std::set<int> found;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto it = by_first_token_.find(words[i]);
    if (it == by_first_token_.end()) continue;
    for (const auto& [a, name] : it->second) {
      if (i + name.size() > words.size()) continue;
      bool match = true;
      for (std::size_t j = 1; j < name.size() && match; ++j) {
        // "Contoso Bank's" folds its last word to "banks": a possessive still names it.
        const std::string& w = words[i + j];
        match = w == name[j] || (j + 1 == name.size() && w == name[j] + "s");
      }
      if (match) found.insert(a);
    }
  }
  return {found.begin(), found.end()};
}

}  // namespace kith::loaders
