#include "loaders/person_resolver.hpp"

#include <algorithm>
#include <numeric>
#include <span>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

#include "graph/name_key.hpp"
#include "loaders/free_mail.hpp"
#include "loaders/name_pair_screen.hpp"
#include "loaders/written_name.hpp"

namespace kith::loaders {

namespace {

// Blocks larger than this (a first name thousands of people share) are not compared pairwise;
// the surname block still pairs their typos.
constexpr std::size_t kMaxBlock = 1000;
// Notes listing more people than this (all-hands, mailing lists) say nothing about who works
// with whom.
constexpr std::size_t kMaxPeoplePerNoteForContext = 60;

int non_ascii_letters(std::string_view s) {
  int n = 0;
  for (unsigned char c : s)
    n += (c >= 0xC0) ? 1 : 0;  // lead bytes of multi-byte sequences
  return n;
}

std::string capitalise_word(std::string_view w) {
  std::string out(w);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// "wen.li@contoso.com" -> "Wen Li"; "" when the local part is not two or three plain words.
std::string name_from_address(std::string_view address) {
  const std::string_view local = address.substr(0, address.find('@'));
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i <= local.size()) {
    std::size_t j = local.find_first_of("._-", i);
    if (j == std::string_view::npos) j = local.size();
    parts.push_back(local.substr(i, j - i));
    i = j + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return {};
  std::string name;
  for (std::string_view p : parts) {
    if (p.size() < 2) return {};
    for (char c : p)
      if (c < 'a' || c > 'z') return {};
    if (!name.empty()) name += ' ';
    name += capitalise_word(p);
  }
  return name;
}

}  // namespace

const char* name_source_name(NameSource s) {
  switch (s) {
    case NameSource::PersonNote:
      return "person-note";
    case NameSource::Config:
      return "kith.yaml";
    case NameSource::Owner:
      return "owner";
    case NameSource::EmailHeader:
      return "email-header";
    case NameSource::Participant:
      return "participant";
    case NameSource::TaskOwner:
      return "task-owner";
    case NameSource::Wikilink:
      return "wikilink";
    case NameSource::Prose:
      return "prose";
    case NameSource::Alias:
      return "alias";
  }
  return "prose";
}

PersonResolver::PersonResolver(NameMatchOptions options) : options_(options) {}

const PersonResolver::ParsedName& PersonResolver::parse(std::string_view written) {
  if (const auto it = parsed_.find(written); it != parsed_.end()) return it->second;
  ParsedName p;
  p.parsed = parse_written_name(written);
  if (p.parsed) {
    p.key = name_key(p.parsed->name);
    p.tokens = name_tokens(p.parsed->name);
  }
  return parsed_.emplace(std::string(written), std::move(p)).first->second;
}

int PersonResolver::spelling_for(std::string_view name, NameSource source, const Evidence& evidence,
                                 bool declared) {
  return spelling_for(name, name_key(name), name_tokens(name), source, evidence, declared);
}

int PersonResolver::spelling_for(std::string_view name, std::string key,
                                 const std::vector<std::string>& tokens, NameSource source,
                                 const Evidence& evidence, bool declared) {
  auto [it, inserted] =
      spelling_by_key_.try_emplace(std::move(key), static_cast<int>(spellings_.size()));
  if (inserted) {
    Spelling s;
    s.key = it->first;
    s.tokens = tokens;
    s.declared_only = true;
    spellings_.push_back(std::move(s));
    parent_.push_back(it->second);
    members_.push_back({it->second});
  }
  Spelling& s = spellings_[it->second];
  auto& form = s.forms[std::string(name)];
  form.first += 1;
  if (form.first == 1 || source < form.second) form.second = source;
  if (!declared) s.declared_only = false;
  if (!s.has_evidence && !evidence.file.empty()) {
    s.first_seen = evidence;
    s.has_evidence = true;
  }
  return it->second;
}

int PersonResolver::root(int s) {
  while (parent_[s] != s) {
    parent_[s] = parent_[parent_[s]];
    s = parent_[s];
  }
  return s;
}

void PersonResolver::unite(int a, int b) {
  int ra = root(a);
  int rb = root(b);
  if (ra == rb) return;
  if (members_[ra].size() < members_[rb].size()) std::swap(ra, rb);
  parent_[rb] = ra;
  members_[ra].insert(members_[ra].end(), members_[rb].begin(), members_[rb].end());
  members_[rb].clear();
}

void PersonResolver::link(int a, int b, std::string rule, std::string why, double similarity) {
  if (a == b) return;
  declared_links_.emplace_back(a, b);
  declared_link_rules_.emplace_back(rule, why);
  pending_merges_.push_back({a, b, std::move(rule), std::move(why), similarity});
}

void PersonResolver::set_owner(std::string_view name, const Evidence& evidence) {
  const auto parsed = parse_written_name(name);
  if (!parsed || parsed->name.empty()) return;
  owner_ = parsed->name;
  spelling_for(owner_, NameSource::Owner, evidence, false);
}

void PersonResolver::add_person_note(std::string_view name, const std::vector<std::string>& aliases,
                                     const std::vector<std::string>& emails,
                                     std::string_view account, int note, const Evidence& evidence) {
  const auto parsed = parse_written_name(name);
  if (!parsed || parsed->name.empty()) return;
  const int s = spelling_for(parsed->name, NameSource::PersonNote, evidence, false);
  spellings_[s].person_note = true;
  add_note(spellings_[s], note);
  if (!account.empty()) {
    spellings_[s].accounts.insert(name_key(account));
    spellings_[s].account_names.emplace(name_key(account), std::string(account));
  }
  for (const std::string& e : emails) {
    NameMention m;
    m.written = parsed->name;
    m.email = e;
    m.source = NameSource::PersonNote;
    m.evidence = evidence;
    m.note = note;
    add_mention(m);
  }
  add_alias_group(parsed->name, aliases, evidence);
}

void PersonResolver::add_alias_group(std::string_view canonical,
                                     const std::vector<std::string>& aliases,
                                     const Evidence& evidence) {
  const auto parsed = parse_written_name(canonical);
  if (!parsed || parsed->name.empty()) return;
  const int s = spelling_for(parsed->name, NameSource::Config, evidence, true);
  for (const std::string& alias : aliases) {
    const auto a = parse_written_name(alias);
    if (!a || a->name.empty()) continue;
    const auto tokens = name_tokens(a->name);
    if (tokens.size() == 1 && spellings_[s].tokens.size() > 1) {
      spellings_[s].short_forms.insert(a->name);
      single_aliases_[tokens[0]].insert(s);
      continue;
    }
    const int t = spelling_for(a->name, NameSource::Alias, evidence, true);
    link(s, t, "alias", fmt::format("declared alias in {}", evidence.file), 1.0);
  }
}

void PersonResolver::add_mention(const NameMention& mention) {
  std::string email = mention.email;
  if (!email.empty() && is_role_mailbox(email)) email.clear();
  const ParsedName& written = parse(mention.written);
  const auto& parsed = written.parsed;
  std::string name;
  if (parsed && parsed->myself) {
    name = owner_;
  } else if (parsed && !parsed->nobody) {
    name = parsed->name;
  }
  if (name.empty()) {
    if (!email.empty()) {
      address_only_.try_emplace(email, mention.evidence);
      if (mention.note >= 0) address_notes_[email].insert(mention.note);
    }
    return;
  }
  const int s = parsed->myself ? spelling_for(name, mention.source, mention.evidence, false)
                               : spelling_for(name, written.key, written.tokens, mention.source,
                                              mention.evidence, false);
  Spelling& sp = spellings_[s];
  add_note(sp, mention.note);
  if (!mention.account.empty()) {
    std::string account = name_key(mention.account);
    sp.accounts.insert(account);
    sp.account_names.emplace(std::move(account), mention.account);
  }
  if (parsed && !parsed->alias.empty()) {
    const auto tokens = name_tokens(parsed->alias);
    if (tokens.size() == 1 && sp.tokens.size() > 1) {
      sp.short_forms.insert(parsed->alias);
      single_aliases_[tokens[0]].insert(s);
    } else if (tokens.size() > 1) {
      const int t = spelling_for(parsed->alias, mention.source, mention.evidence, false);
      add_note(spellings_[t], mention.note);
      link(s, t, "parenthetical", fmt::format("written together as \"{}\"", mention.written), 1.0);
    }
  }
  if (!email.empty()) {
    spellings_[s].emails.insert(email);
    auto [it, inserted] = email_spelling_.try_emplace(email, s);
    if (!inserted && it->second != s)
      link(it->second, s, "email", fmt::format("same address {}", email), 1.0);
  }
}

bool PersonResolver::conflicting(int ra, int rb) const {
  bool note_a = false, note_b = false;
  std::map<std::string, std::set<std::string>> domains_a, domains_b;
  for (int s : members_[ra]) {
    note_a = note_a || spellings_[s].person_note;
    for (const auto& e : spellings_[s].emails)
      domains_a[std::string(mail_domain(e))].insert(e);
  }
  for (int s : members_[rb]) {
    note_b = note_b || spellings_[s].person_note;
    for (const auto& e : spellings_[s].emails)
      domains_b[std::string(mail_domain(e))].insert(e);
  }
  if (note_a && note_b) return true;  // two person notes are two people unless aliases say so
  for (const auto& [domain, addresses] : domains_a) {
    if (is_free_mail_domain(domain)) continue;
    const auto it = domains_b.find(domain);
    if (it == domains_b.end()) continue;
    bool shared = false;
    for (const auto& a : addresses)
      shared = shared || it->second.count(a) > 0;
    if (!shared) return true;  // two addresses at one company: two people
  }
  return false;
}

std::vector<int> PersonResolver::co_people(int r) const {
  std::set<int> notes;
  for (int s : members_[r])
    notes.insert(spellings_[s].notes.begin(), spellings_[s].notes.end());
  std::set<int> out;
  // Roots are read without path compression (this is const).
  for (int note : notes) {
    const auto it = spellings_by_note_.find(note);
    if (it == spellings_by_note_.end()) continue;
    const std::vector<int>& spellings = it->second;
    if (spellings.size() > kMaxPeoplePerNoteForContext) continue;
    for (int s : spellings) {
      int x = s;
      while (parent_[x] != x)
        x = parent_[x];
      if (x != r) out.insert(x);
    }
  }
  return {out.begin(), out.end()};
}

bool PersonResolver::corroborated(int ra, int rb, std::string& why) {
  std::map<std::string, std::string> accounts_a;
  std::set<std::string> domains_a;
  for (int s : members_[ra]) {
    accounts_a.insert(spellings_[s].account_names.begin(), spellings_[s].account_names.end());
    for (const auto& e : spellings_[s].emails)
      if (!is_free_mail_domain(mail_domain(e))) domains_a.insert(std::string(mail_domain(e)));
  }
  for (int s : members_[rb]) {
    for (const auto& [key, written] : spellings_[s].account_names) {
      if (accounts_a.count(key)) {
        why = fmt::format("same account {}", accounts_a[key]);
        return true;
      }
    }
    for (const auto& e : spellings_[s].emails) {
      if (domains_a.count(std::string(mail_domain(e)))) {
        why = fmt::format("same mail domain {}", mail_domain(e));
        return true;
      }
    }
  }
  const std::vector<int> pa = co_people(ra);
  const std::vector<int> pb = co_people(rb);
  std::vector<int> shared;
  std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(), std::back_inserter(shared));
  shared.erase(
      std::remove_if(shared.begin(), shared.end(), [&](int x) { return x == ra || x == rb; }),
      shared.end());
  if (shared.size() >= 2) {
    why = fmt::format("{} people seen with both", shared.size());
    return true;
  }
  return false;
}

void PersonResolver::merge_declared_first_names() {
  std::map<std::vector<std::string>, std::vector<int>> by_tokens;
  for (std::size_t s = 0; s < spellings_.size(); ++s)
    if (spellings_[s].tokens.size() > 1)
      by_tokens[spellings_[s].tokens].push_back(static_cast<int>(s));
  for (const auto& [token, declarers] : single_aliases_) {
    // The full names this short form makes with each declarer's surname; a variant is merged
    // only when one person declared it.
    std::map<std::vector<std::string>, std::map<int, int>> declarer_by_variant;  // root -> spelling
    for (int d : declarers) {
      std::vector<std::string> variant = spellings_[d].tokens;
      if (variant.size() < 2 || variant.front() == token) continue;
      variant.front() = token;
      declarer_by_variant[variant].emplace(root(d), d);
    }
    for (const auto& [variant, by_root] : declarer_by_variant) {
      const auto found = by_tokens.find(variant);
      if (by_root.size() != 1 || found == by_tokens.end()) continue;
      const auto [r, declarer] = *by_root.begin();
      for (int s : found->second) {
        if (root(s) == r || conflicting(r, root(s))) continue;
        pending_merges_.push_back(
            {declarer, s, "alias",
             fmt::format("first name {} declared as an alias, same surname", token), 1.0});
        unite(r, s);
      }
    }
  }
}

void PersonResolver::fuzzy_merge() {
  for (std::size_t s = 0; s < spellings_.size(); ++s)
    if (spellings_[s].tokens.size() > 1)
      for (int n : spellings_[s].notes)
        spellings_by_note_[n].push_back(static_cast<int>(s));
  // Token ids of every spelling, side by side: the pair loop below reads millions of them.
  NamePairScreen screen(options_);
  std::vector<int> token_ids;
  std::vector<std::size_t> token_start{0};
  token_start.reserve(spellings_.size() + 1);
  for (const Spelling& s : spellings_) {
    const std::vector<int> ids = screen.intern(s.tokens);
    token_ids.insert(token_ids.end(), ids.begin(), ids.end());
    token_start.push_back(token_ids.size());
  }
  auto tokens_of = [&](int s) {
    return std::span<const int>(token_ids.data() + token_start[s],
                                token_start[s + 1] - token_start[s]);
  };
  // Candidate pairs share an exact first or last token (the matcher requires one anyway).
  std::vector<std::vector<int>> first_block(screen.token_count());
  std::vector<std::vector<int>> last_block(screen.token_count());
  for (std::size_t s = 0; s < spellings_.size(); ++s) {
    const auto t = tokens_of(static_cast<int>(s));
    if (t.size() < 2) continue;
    first_block[t.front()].push_back(static_cast<int>(s));
    last_block[t.back()].push_back(static_cast<int>(s));
  }
  // Pairs in ascending (a, b) order (merges depend on it), each once, built per spelling
  // instead of in one set of every pair: blocks grow with the vault, pairs with their square.
  std::vector<std::pair<int, int>> pairs;
  std::vector<int> partners;
  for (std::size_t s = 0; s < spellings_.size(); ++s) {
    const int a = static_cast<int>(s);
    const auto t = tokens_of(a);
    if (t.size() < 2) continue;
    partners.clear();
    for (const std::vector<int>* members : {&first_block[t.front()], &last_block[t.back()]}) {
      if (members->size() > kMaxBlock) continue;
      // Members are in ascending order: the partners of `a` come after it.
      partners.insert(partners.end(), std::upper_bound(members->begin(), members->end(), a),
                      members->end());
    }
    std::sort(partners.begin(), partners.end());
    partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
    for (int b : partners)
      if (screen.may_matter(t, tokens_of(b))) pairs.emplace_back(a, b);
  }
  std::vector<std::tuple<int, int, NameComparison>> weak;
  for (auto [a, b] : pairs) {
    if (root(a) == root(b)) continue;
    NameComparison c = compare_name_tokens(spellings_[a].tokens, spellings_[b].tokens, options_);
    if (c.match == NameMatch::Strong || c.match == NameMatch::Same) {
      if (conflicting(root(a), root(b))) {
        c.reason += "; kept apart: distinct person notes or addresses";
        pending_near_.push_back({{a, b}, c});
        continue;
      }
      pending_merges_.push_back({a, b, "fuzzy-strong", c.reason, c.similarity});
      unite(a, b);
    } else if (c.match == NameMatch::Weak) {
      weak.emplace_back(a, b, std::move(c));
    } else if (c.similarity >= options_.report) {
      pending_near_.push_back({{a, b}, std::move(c)});
    }
  }
  for (auto& [a, b, c] : weak) {
    if (root(a) == root(b)) continue;
    std::string why;
    if (!conflicting(root(a), root(b)) && corroborated(root(a), root(b), why)) {
      pending_merges_.push_back(
          {a, b, "fuzzy-corroborated", fmt::format("{}; {}", c.reason, why), c.similarity});
      unite(a, b);
    } else {
      c.reason += "; not corroborated";
      pending_near_.push_back({{a, b}, std::move(c)});
    }
  }
  spellings_by_note_ = {};  // only corroboration reads it
}

void PersonResolver::resolve() {
  if (resolved_) return;
  resolved_ = true;
  // Addresses seen with no name join the person using them; the rest get a name from the
  // address ("wen.li@" -> "Wen Li") or stay known by the address alone.
  for (const auto& [address, evidence] : address_only_) {
    if (email_spelling_.count(address)) {
      const int s = email_spelling_[address];
      for (int n : address_notes_[address])
        add_note(spellings_[s], n);
      continue;
    }
    const std::string derived = name_from_address(address);
    const int s =
        spelling_for(derived.empty() ? address : derived, NameSource::Prose, evidence, false);
    spellings_[s].emails.insert(address);
    email_spelling_[address] = s;
    for (int n : address_notes_[address])
      add_note(spellings_[s], n);
  }
  for (Spelling& s : spellings_) {
    std::sort(s.notes.begin(), s.notes.end());
    s.notes.erase(std::unique(s.notes.begin(), s.notes.end()), s.notes.end());
  }
  for (const auto& [a, b] : declared_links_)
    unite(a, b);
  merge_declared_first_names();
  fuzzy_merge();
  build_people();
}

void PersonResolver::build_people() {
  // Clusters that are persons: any holding a full name; a first name alone only when no full
  // name in the vault could be meant by it.
  std::set<std::string> claimed_first_tokens;
  for (const auto& s : spellings_)
    if (s.tokens.size() > 1) claimed_first_tokens.insert(s.tokens.front());
  for (const auto& [token, owners] : single_aliases_)
    claimed_first_tokens.insert(token);

  struct Cluster {
    int root;
    std::string name;
    int name_spelling;
    bool first_name_only;
    bool address_only;
  };
  std::vector<Cluster> clusters;
  for (std::size_t r = 0; r < spellings_.size(); ++r) {
    if (parent_[r] != static_cast<int>(r)) continue;
    const auto& members = members_[r];
    const bool full = std::any_of(members.begin(), members.end(),
                                  [&](int s) { return spellings_[s].tokens.size() > 1; });
    bool address_only = false;
    if (!full) {
      const auto& tokens = spellings_[members.front()].tokens;
      if (tokens.empty()) continue;
      address_only =
          spellings_[members.front()].forms.begin()->first.find('@') != std::string::npos;
      if (!address_only && claimed_first_tokens.count(tokens.front())) continue;
      if (std::all_of(members.begin(), members.end(),
                      [&](int s) { return spellings_[s].declared_only; }))
        continue;
    }
    // The canonical spelling: the most trusted source, then the spelling that keeps accents
    // (an ASCII spelling is usually a keyboard's rendering of it), then the most frequent.
    std::tuple<NameSource, int, int, std::string> best{NameSource::Alias, 0, 0, ""};
    int best_spelling = -1;
    for (int s : members) {
      if (full && spellings_[s].tokens.size() < 2) continue;
      for (const auto& [form, count_source] : spellings_[s].forms) {
        const std::tuple<NameSource, int, int, std::string> rank{
            count_source.second, -non_ascii_letters(form), -count_source.first, form};
        if (best_spelling < 0 || rank < best) {
          best = rank;
          best_spelling = s;
        }
      }
    }
    if (best_spelling < 0) continue;
    clusters.push_back({static_cast<int>(r), std::get<3>(best), best_spelling,
                        !full && !address_only, address_only});
  }
  std::sort(clusters.begin(), clusters.end(), [&](const Cluster& a, const Cluster& b) {
    if (a.name != b.name) return a.name < b.name;
    return spellings_[a.root].key < spellings_[b.root].key;
  });

  person_of_spelling_.assign(spellings_.size(), -1);
  people_.clear();
  person_first_tokens_.assign(clusters.size(), {});
  person_single_aliases_.assign(clusters.size(), {});
  for (std::size_t p = 0; p < clusters.size(); ++p) {
    const Cluster& c = clusters[p];
    ResolvedPerson person;
    person.name = c.name;
    person.first_name_only = c.first_name_only;
    person.address_only = c.address_only;
    person.first_seen = spellings_[c.name_spelling].first_seen;
    std::set<std::string> aliases, emails;
    std::map<std::string, std::string> accounts;
    const int id = static_cast<int>(p);
    for (int s : members_[c.root]) {
      const Spelling& sp = spellings_[s];
      person_of_spelling_[s] = id;
      person_by_key_[sp.key] = id;
      person.has_person_note = person.has_person_note || sp.person_note;
      for (const auto& [form, cs] : sp.forms)
        aliases.insert(form);
      for (const auto& f : sp.short_forms) {
        aliases.insert(f);
        for (const auto& t : name_tokens(f))
          person_single_aliases_[p].insert(t);
      }
      for (const auto& e : sp.emails) {
        emails.insert(e);
        person_by_email_[e] = id;
      }
      accounts.insert(sp.account_names.begin(), sp.account_names.end());
      if (!sp.tokens.empty()) person_first_tokens_[p].insert(sp.tokens.front());
      for (int n : sp.notes)
        people_by_note_[n].push_back(id);
    }
    aliases.erase(person.name);
    person.aliases.assign(aliases.begin(), aliases.end());
    person.emails.assign(emails.begin(), emails.end());
    for (const auto& [key, written] : accounts) {
      person.accounts.push_back(written);
      persons_by_account_[key].push_back(id);
    }
    std::sort(person.accounts.begin(), person.accounts.end());
    for (const auto& t : person_first_tokens_[p])
      persons_by_first_token_[t].push_back(id);
    for (const auto& t : person_single_aliases_[p])
      persons_by_single_alias_[t].push_back(id);
    people_.push_back(std::move(person));
  }
  for (auto& [note, ids] : people_by_note_) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }

  auto spelling_name = [&](int s) {
    // The most frequent written form of a spelling.
    const auto& forms = spellings_[s].forms;
    return std::max_element(
               forms.begin(), forms.end(),
               [](const auto& a, const auto& b) { return a.second.first < b.second.first; })
        ->first;
  };
  std::set<std::pair<int, std::string>> merged_seen;
  for (const PendingMerge& m : pending_merges_) {
    const int p = person_of_spelling_[m.kept_spelling];
    if (p < 0) continue;
    for (int s : {m.merged_spelling, m.kept_spelling}) {
      const std::string written = spelling_name(s);
      if (name_key(written) == name_key(people_[p].name)) continue;
      if (!merged_seen.emplace(p, written).second) continue;
      merges_.push_back(
          {p, people_[p].name, written, m.rule, m.why, m.similarity, spellings_[s].first_seen});
    }
  }
  std::unordered_set<std::uint64_t> near_seen;  // (smaller, larger) person ids
  near_seen.reserve(pending_near_.size());
  for (auto& [pair, c] : pending_near_) {
    const int a = person_of_spelling_[pair.first];
    const int b = person_of_spelling_[pair.second];
    if (a < 0 || b < 0 || a == b) continue;
    const auto seen = (std::uint64_t(std::min(a, b)) << 32) | std::uint32_t(std::max(a, b));
    if (!near_seen.insert(seen).second) continue;
    near_duplicates_.push_back({std::min(a, b), std::max(a, b), c.similarity, std::move(c.reason)});
  }
  std::sort(near_duplicates_.begin(), near_duplicates_.end(),
            [](const NearDuplicate& x, const NearDuplicate& y) {
              return std::tie(x.a, x.b) < std::tie(y.a, y.b);
            });
  // Reported now; at 100k notes the candidates alone hold ~400k reason texts.
  pending_merges_ = {};
  pending_near_ = {};
}

int PersonResolver::find(std::string_view name) const {
  return find_key(name_key(name));
}

int PersonResolver::find_key(const std::string& key) const {
  const auto it = person_by_key_.find(key);
  if (it != person_by_key_.end()) return it->second;
  // A declared one-word alias ("Wen") names its person when nobody else declared it.
  const auto alias = persons_by_single_alias_.find(key);
  if (alias != persons_by_single_alias_.end() && alias->second.size() == 1)
    return alias->second.front();
  return -1;
}

int PersonResolver::find_email(std::string_view email) const {
  const auto it = person_by_email_.find(email);
  return it == person_by_email_.end() ? -1 : it->second;
}

const std::vector<int>& PersonResolver::people_in_note(int note) const {
  static const std::vector<int> kNone;
  const auto it = people_by_note_.find(note);
  return it == people_by_note_.end() ? kNone : it->second;
}

std::vector<int> PersonResolver::first_name_candidates(const std::string& token,
                                                       const std::vector<int>& among) const {
  std::vector<int> out;
  for (int p : among)
    if (person_first_tokens_[p].count(token) || person_single_aliases_[p].count(token))
      out.push_back(p);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void PersonResolver::record_unresolved(std::string_view written, const std::vector<int>& candidates,
                                       std::string why, const Evidence& evidence) {
  const std::string key = fmt::format("{}\n{}\n{}", written, evidence.file, evidence.line);
  if (!unresolved_seen_.insert(key).second) return;
  UnresolvedName u;
  u.written = std::string(written);
  for (int c : candidates)
    u.candidates.push_back(people_[c].name);
  u.why = std::move(why);
  u.evidence = evidence;
  unresolved_.push_back(std::move(u));
}

PersonLookup PersonResolver::lookup(std::string_view written, std::string_view email, int note,
                                    std::string_view account, const Evidence& evidence) {
  PersonLookup out;
  if (!email.empty() && !is_role_mailbox(email)) {
    if (const int p = find_email(email); p >= 0) {
      out.person = p;
      out.how = "email";
      return out;
    }
  }
  const ParsedName& parsed_name = parse(written);
  const auto& parsed = parsed_name.parsed;
  if (!parsed) {
    if (!written.empty()) record_unresolved(written, {}, "not a name", evidence);
    return out;
  }
  if (parsed->nobody) {
    out.nobody = true;
    out.how = "nobody";
    return out;
  }
  if (parsed->myself) {
    out.person = owner_.empty() ? -1 : find(owner_);
    out.how = "owner";
    if (out.person < 0) record_unresolved(written, {}, "no vault owner is known", evidence);
    return out;
  }
  const std::vector<std::string>& tokens = parsed_name.tokens;
  if (tokens.size() > 1) {
    if (const int p = find_key(parsed_name.key); p >= 0) {
      out.person = p;
      out.how = "name";
      return out;
    }
    record_unresolved(written, {}, "name never declared to the resolver", evidence);
    return out;
  }
  if (tokens.empty()) return out;
  const std::string& token = tokens.front();

  // A first name alone: the note's people, then the account's, then the whole vault.
  std::vector<int> candidates = first_name_candidates(token, people_in_note(note));
  // The person known only by this first name is in the note too; prefer a full name.
  auto drop_first_name_only = [&](std::vector<int>& c) {
    if (c.size() < 2) return;
    c.erase(std::remove_if(c.begin(), c.end(), [&](int p) { return people_[p].first_name_only; }),
            c.end());
  };
  drop_first_name_only(candidates);
  if (candidates.size() == 1) {
    out.person = candidates.front();
    out.how = "first name in note";
    return out;
  }
  if (candidates.size() > 1) {
    out.candidates = candidates;
    record_unresolved(written, candidates, "first name shared by several people in this note",
                      evidence);
    return out;
  }
  if (!account.empty()) {
    const auto it = persons_by_account_.find(name_key(account));
    if (it != persons_by_account_.end()) {
      candidates = first_name_candidates(token, it->second);
      if (candidates.size() == 1) {
        out.person = candidates.front();
        out.how = "first name in account";
        return out;
      }
    }
  }
  std::vector<int> all;
  if (const auto it = persons_by_first_token_.find(token); it != persons_by_first_token_.end())
    all.insert(all.end(), it->second.begin(), it->second.end());
  if (const auto it = persons_by_single_alias_.find(token); it != persons_by_single_alias_.end())
    all.insert(all.end(), it->second.begin(), it->second.end());
  // Everyone in these two lists has the token as a first name or a declared short form.
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  candidates = std::move(all);
  drop_first_name_only(candidates);
  if (candidates.size() == 1) {
    out.person = candidates.front();
    out.how = "first name unique in vault";
    return out;
  }
  if (candidates.size() > 1) {
    // One of them declared this short form as their alias: the vault's own word wins.
    std::vector<int> declared;
    for (int p : candidates)
      if (person_single_aliases_[p].count(token)) declared.push_back(p);
    if (declared.size() == 1) {
      out.person = declared.front();
      out.how = "declared alias";
      return out;
    }
    out.candidates = candidates;
    record_unresolved(written, candidates, "first name shared by several people", evidence);
    return out;
  }
  record_unresolved(written, {}, "unknown first name", evidence);
  return out;
}

}  // namespace kith::loaders
