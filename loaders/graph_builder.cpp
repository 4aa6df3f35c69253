#include "loaders/graph_builder.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "graph/name_key.hpp"
#include "loaders/account_resolver.hpp"
#include "loaders/contradictions.hpp"
#include "loaders/email_signature.hpp"
#include "loaders/evidence_clip.hpp"
#include "loaders/free_mail.hpp"
#include "loaders/frontmatter_lines.hpp"
#include "loaders/graph_schema.hpp"
#include "loaders/person_resolver.hpp"
#include "loaders/relation_rules.hpp"
#include "loaders/vault_owner.hpp"
#include "loaders/written_name.hpp"

namespace kith::loaders {

namespace {

using doc::Document;
using doc::NoteKind;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Strings of a frontmatter property: a string, or a list of strings.
std::vector<std::string> prop_strings(const Document& d, std::string_view key) {
  std::vector<std::string> out;
  const auto it = d.properties.find(key);
  if (it == d.properties.end()) return out;
  if (const auto* s = it->second.get_if<std::string>()) {
    if (!s->empty()) out.push_back(*s);
  } else if (const auto* l = it->second.get_if<List>()) {
    for (const Value& v : *l)
      if (const auto* s = v.get_if<std::string>(); s && !s->empty()) out.push_back(*s);
  }
  return out;
}

std::string prop_string(const Document& d, std::string_view key) {
  auto v = prop_strings(d, key);
  return v.empty() ? std::string() : v.front();
}

std::optional<Date> message_date(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  return Date::parse_iso(iso.substr(0, 10));
}

std::optional<LocalDateTime> message_time(std::string_view iso) {
  const auto date = message_date(iso);
  if (!date || iso.size() < 16 || iso[10] != 'T') return std::nullopt;
  auto num = [&](std::size_t at) { return (iso[at] - '0') * 10 + (iso[at + 1] - '0'); };
  for (std::size_t i : {11u, 12u, 14u, 15u})
    if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
  std::int64_t seconds = num(11) * 3600 + num(14) * 60;
  if (iso.size() >= 19 && iso[16] == ':' && iso[17] >= '0' && iso[17] <= '9') seconds += num(17);
  return LocalDateTime{*date, LocalTime{seconds * 1'000'000'000}};
}

// A dated bullet ("2025-12-18: Leo Hart connects ...") dates what it states; else the note's.
std::optional<Date> statement_date(std::string_view text, std::optional<Date> fallback) {
  if (text.size() >= 10)
    if (const auto d = Date::parse_iso(text.substr(0, 10))) return d;
  return fallback;
}

bool heading_has(const Document& d, int section, std::initializer_list<std::string_view> words) {
  while (section >= 0 && section < static_cast<int>(d.sections.size())) {
    const std::string h = lower(d.sections[section].heading);
    for (std::string_view w : words)
      if (h.find(w) != std::string::npos) return true;
    section = d.sections[section].parent;
  }
  return false;
}

bool is_participant_field(std::string_view key) {
  const std::string k = lower(key);
  return k == "attendees" || k == "attendee" || k == "participants" || k == "with" ||
         k == "present";
}

// What the builder knows about one document while building.
struct DocContext {
  std::string account;  // the account the note is about, as written
  std::string person;   // the person a person note describes
  std::string project;  // the project a project note describes
  bool interaction = false;
  FrontmatterLines lines;
  std::vector<std::pair<std::size_t, std::vector<ProseFact>>> facts;  // statement -> facts
  std::vector<std::pair<std::size_t, std::vector<ProseFact>>> message_facts;
};

class Builder {
 public:
  Builder(const Vault& vault, Graph& graph, const BuildOptions& options)
      : vault_(vault),
        g_(graph),
        s_(graph),
        options_(options),
        people_(vault.config.names ? *vault.config.names : options.names) {}

  BuildReport run();

 private:
  Evidence evidence(const Document& d, std::uint32_t line, std::string text,
                    std::string rule) const {
    return Evidence{d.path, line == 0 ? 1 : line, clip_evidence_text(std::move(text)),
                    std::move(rule)};
  }
  Evidence fm_evidence(std::size_t di, std::string_view key, std::string_view value,
                       std::string rule) const {
    const Document& d = docs()[di];
    const std::uint32_t line = ctx_[di].lines.line(key, value);
    std::string text = ctx_[di].lines.text(line);
    if (text.empty()) text = fmt::format("{}: {}", key, value);
    return Evidence{d.path, line, clip_evidence_text(std::move(text)), std::move(rule)};
  }
  const std::vector<Document>& docs() const { return vault_.documents; }

  void read_context();
  void collect_accounts();
  void collect_projects();
  void collect_people();
  void create_nodes();
  void build_document(std::size_t di);
  void build_person_note(std::size_t di);
  void build_tasks(std::size_t di);
  void build_emails(std::size_t di);
  void build_links(std::size_t di);
  void build_facts(std::size_t di);
  void finish_emailed();
  void employ_account_note_reports();
  void end_left_roles();
  void end_relationship(RelId r, const Evidence& why);

  // A failing rule must not lose the whole vault: the sentence is skipped and reported.
  std::vector<ProseFact> safe_extract(std::string_view text, const ExtractionContext& ec,
                                      const std::string& file, std::uint32_t line) {
    try {
      return extract_facts(text, ec);
    } catch (const std::exception& e) {
      report_.remarks.push_back(
          fmt::format("{}:{}: relation rules failed on this sentence: {}", file, line, e.what()));
      return {};
    }
  }

  int lookup(std::size_t di, std::string_view written, std::string_view email, const Evidence& ev) {
    return people_.lookup(written, email, static_cast<int>(di), ctx_[di].account, ev).person;
  }
  RelId relate(NodeId from, NodeId to, SymbolId type, PropertyList props, const Evidence& ev);
  std::string variant_of(const PropertyList& sorted_props) const;

  const Vault& vault_;
  Graph& g_;
  GraphSchema s_;
  BuildOptions options_;
  PersonResolver people_;
  AccountResolver accounts_;
  BuildReport report_;
  std::vector<DocContext> ctx_;
  std::unordered_map<std::string, std::vector<std::size_t>>
      notes_by_name_;                            // lower name/path -> docs
  std::map<std::string, std::string> projects_;  // key -> name as written
  std::map<std::string, std::string> project_status_;

  std::vector<NodeId> person_node_;
  std::vector<NodeId> account_node_;
  std::unordered_map<std::string, NodeId> project_node_;  // key -> node
  std::vector<NodeId> note_node_;
  // One relationship per (from, to, type, variant); later sources add evidence. A variant (the
  // `current` and `title` values as text) is interned: a vault has few, and the map holds a key
  // for every relationship.
  struct RelKey {
    NodeId from;
    NodeId to;
    SymbolId type;
    std::uint32_t variant;
    friend bool operator==(const RelKey&, const RelKey&) = default;
  };
  struct RelKeyHash {
    std::size_t operator()(const RelKey& k) const {
      std::uint64_t h = k.from * 0x9E3779B97F4A7C15ull;
      h = (h ^ (h >> 29) ^ k.to) * 0xBF58476D1CE4E5B9ull;
      h = (h ^ (h >> 31) ^ ((std::uint64_t{k.type} << 32) | k.variant)) * 0x94D049BB133111EBull;
      return h ^ (h >> 32);
    }
  };
  RelKey rel_key(NodeId from, NodeId to, SymbolId type, const PropertyList& sorted_props);
  std::unordered_map<std::string, std::uint32_t> variants_;
  std::unordered_map<RelKey, RelId, RelKeyHash> rels_;
  // Relationships of a node the current document created (its tasks, emails, decisions) can
  // only be stated again by that document: their keys live in a small map emptied per
  // document instead of among the vault's millions.
  NodeId document_nodes_ = std::numeric_limits<NodeId>::max();  // first id the document made
  std::unordered_map<RelKey, RelId, RelKeyHash> document_rels_;
  decltype(rels_)::iterator titled_twin(NodeId from, NodeId to, const PropertyList& props);
  struct EmailedAgg {
    std::int64_t count = 0;
    std::optional<Date> first, last;
    std::vector<Evidence> evidence;
  };
  std::map<std::pair<NodeId, NodeId>, EmailedAgg> emailed_;
  std::vector<StatedInfluence> stated_influence_;
  std::vector<StatedDistrust> distrusted_;
  // "Emeka is on Catalina's team" in an account's own note: the account is Emeka's employer
  // when nothing else names one.
  struct AccountNoteReport {
    int person;
    int account;
    bool current;
    Evidence evidence;
  };
  std::vector<AccountNoteReport> account_note_reports_;
  struct Departure {
    int person;
    int account;  // -1: "left the company", unnamed
    Evidence evidence;
  };
  std::vector<Departure> departures_;
};

RelId Builder::relate(NodeId from, NodeId to, SymbolId type, PropertyList props,
                      const Evidence& ev) {
  std::sort(props.begin(), props.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  const RelKey key = rel_key(from, to, type, props);
  if (type != s_.works_at) {
    auto& rels = from >= document_nodes_ || to >= document_nodes_ ? document_rels_ : rels_;
    const auto [it, inserted] = rels.try_emplace(key, RelId{0});
    if (inserted) it->second = g_.create_relationship(from, to, type, std::move(props));
    g_.add_evidence(EntityKind::Relationship, it->second, ev);
    return it->second;
  }
  auto it = rels_.find(key);
  if (it == rels_.end()) it = titled_twin(from, to, props);
  if (it == rels_.end())
    it = rels_.emplace(key, g_.create_relationship(from, to, type, std::move(props))).first;
  g_.add_evidence(EntityKind::Relationship, it->second, ev);
  return it->second;
}

Builder::RelKey Builder::rel_key(NodeId from, NodeId to, SymbolId type,
                                 const PropertyList& sorted_props) {
  const auto variant =
      variants_.try_emplace(variant_of(sorted_props), static_cast<std::uint32_t>(variants_.size()));
  return RelKey{from, to, type, variant.first->second};
}

std::string Builder::variant_of(const PropertyList& sorted_props) const {
  std::string variant;
  for (const auto& [k, v] : sorted_props)
    if (k == s_.k_current || k == s_.k_title) variant += to_cypher(v) + "|";
  return variant;
}

// An employment stated with and without a title is one: the mail domain's untitled WORKS_AT
// takes the title "CEO of Tidewell Ports" gives, and a later untitled fact joins the titled
// edge. Returns rels_.end() when there is no such edge.
decltype(Builder::rels_)::iterator Builder::titled_twin(NodeId from, NodeId to,
                                                        const PropertyList& props) {
  const auto title = std::find_if(props.begin(), props.end(),
                                  [&](const auto& p) { return p.first == s_.k_title; });
  if (title != props.end()) {
    PropertyList untitled = props;
    untitled.erase(untitled.begin() + (title - props.begin()));
    const auto plain = rels_.find(rel_key(from, to, s_.works_at, untitled));
    if (plain == rels_.end()) return rels_.end();
    const RelId r = plain->second;
    g_.set_rel_property(r, s_.k_title, title->second);
    rels_.erase(plain);
    return rels_.emplace(rel_key(from, to, s_.works_at, props), r).first;
  }
  const Value* current = nullptr;
  for (const auto& [k, v] : props)
    if (k == s_.k_current) current = &v;
  auto found = rels_.end();
  const SymbolId types[] = {s_.works_at};
  g_.for_each_relationship(from, Direction::Out, types, [&](RelId r, NodeId other) {
    if (other != to || !g_.rel_property(r, s_.k_title)) return true;
    const Value* c = g_.rel_property(r, s_.k_current);
    if ((c == nullptr) != (current == nullptr) || (c && to_cypher(*c) != to_cypher(*current)))
      return true;
    found = rels_.find(rel_key(from, to, s_.works_at, g_.rel_properties(r)));
    return found == rels_.end();
  });
  return found;
}

void Builder::read_context() {
  ctx_.resize(docs().size());
  for (std::size_t di = 0; di < docs().size(); ++di) {
    const Document& d = docs()[di];
    DocContext& c = ctx_[di];
    if (d.frontmatter_end > 0 && !vault_.root.empty())
      c.lines = FrontmatterLines(vault_.root / d.path, d.frontmatter_end);
    notes_by_name_[lower(d.name)].push_back(di);
    std::string no_ext =
        d.path.size() > 3 && d.path.ends_with(".md") ? d.path.substr(0, d.path.size() - 3) : d.path;
    if (no_ext != d.name) notes_by_name_[lower(no_ext)].push_back(di);
    const std::string own_name = prop_string(d, "name").empty() ? d.title : prop_string(d, "name");
    if (d.kind == NoteKind::Account) c.account = own_name.empty() ? d.name : own_name;
    // A person note's `title:` is usually a job title, so its name falls back to the file name.
    if (d.kind == NoteKind::Person)
      c.person = prop_string(d, "name").empty() ? d.name : prop_string(d, "name");
    if (d.kind == NoteKind::Project) c.project = own_name.empty() ? d.name : own_name;
    if (c.account.empty()) c.account = strip_wikilink(prop_string(d, "account"));
    if (c.account.empty())
      for (const auto& f : d.fields)
        if (lower(f.key) == "account" || lower(f.key) == "customer")
          c.account = strip_wikilink(f.value);
    bool participants =
        !prop_strings(d, "participants").empty() || !prop_strings(d, "attendees").empty();
    for (const auto& f : d.fields)
      participants = participants || is_participant_field(f.key);
    c.interaction = d.kind == NoteKind::Meeting ||
                    (participants && d.kind != NoteKind::Person && d.kind != NoteKind::EmailThread);
  }
}

void Builder::collect_accounts() {
  for (std::size_t di = 0; di < docs().size(); ++di) {
    const Document& d = docs()[di];
    if (d.kind == NoteKind::Account) accounts_.add(ctx_[di].account, d.path);
  }
  for (const auto& [domain, company] : vault_.config.domains)
    accounts_.add_domain(domain, company, true);
  for (std::size_t di = 0; di < docs().size(); ++di) {
    const Document& d = docs()[di];
    if (!ctx_[di].account.empty()) accounts_.add(ctx_[di].account);
    if (d.kind == NoteKind::Person) {
      const std::string company = strip_wikilink(prop_string(d, "company"));
      if (company.empty()) continue;
      accounts_.add(company);
      for (const auto& e : prop_strings(d, "email"))
        accounts_.add_domain(lower(mail_domain(e)), company, false);
      for (const auto& e : prop_strings(d, "emails"))
        accounts_.add_domain(lower(mail_domain(e)), company, false);
    }
  }
}

void Builder::collect_projects() {
  for (std::size_t di = 0; di < docs().size(); ++di) {
    const Document& d = docs()[di];
    std::vector<std::string> names;
    if (d.kind == NoteKind::Project) {
      names.push_back(ctx_[di].project);
      const std::string status = prop_string(d, "status");
      if (!status.empty()) project_status_[name_key(ctx_[di].project)] = status;
    }
    for (const auto& p : prop_strings(d, "project"))
      names.push_back(strip_wikilink(p));
    for (const auto& n : names)
      if (!name_key(n).empty()) projects_.try_emplace(name_key(n), n);
  }
}

void Builder::collect_people() {
  // The owner first: @Myself and "I" in the owner's notes depend on it.
  if (!vault_.config.owner.empty()) {
    report_.owner = vault_.config.owner;
    report_.owner_source = "kith.yaml";
  } else if (const auto inferred = infer_owner(docs())) {
    report_.owner = inferred->name;
    report_.owner_source = fmt::format("inferred from {} notes' source_ref under {}",
                                       inferred->notes, inferred->folder);
    report_.remarks.push_back(fmt::format(
        "owner {} inferred from source_ref paths under {}; set `owner:` in kith.yaml to be sure",
        inferred->name, inferred->folder));
  }
  if (!report_.owner.empty())
    people_.set_owner(report_.owner, Evidence{"kith.yaml", 1, report_.owner, "owner"});
  for (const auto& [canonical, aliases] : vault_.config.aliases)
    people_.add_alias_group(canonical, aliases, Evidence{"kith.yaml", 1, canonical, "kith-alias"});

  for (std::size_t di = 0; di < docs().size(); ++di) {
    const Document& d = docs()[di];
    DocContext& c = ctx_[di];
    const int note = static_cast<int>(di);
    auto mention = [&](std::string written, std::string email, NameSource source, Evidence ev,
                       std::string account = {}) {
      NameMention m;
      m.written = std::move(written);
      m.email = lower(email);
      m.source = source;
      m.evidence = std::move(ev);
      m.note = note;
      m.account = std::move(account);
      people_.add_mention(m);
    };
    if (d.kind == NoteKind::Person) {
      std::vector<std::string> aliases = prop_strings(d, "aliases");
      for (const auto& a : prop_strings(d, "alias"))
        aliases.push_back(a);
      std::vector<std::string> emails = prop_strings(d, "email");
      for (const auto& e : prop_strings(d, "emails"))
        emails.push_back(e);
      for (auto& e : emails)
        e = lower(e);
      people_.add_person_note(c.person, aliases, emails, strip_wikilink(prop_string(d, "company")),
                              note, fm_evidence(di, "name", c.person, "person-note"));
      const std::string manager = prop_string(d, "manager");
      if (!manager.empty())
        mention(strip_wikilink(manager), "", NameSource::Wikilink,
                fm_evidence(di, "manager", manager, "person-note-manager"));
    }
    for (const char* key : {"participants", "attendees", "with"})
      for (const auto& p : prop_strings(d, key))
        mention(p, "", NameSource::Participant, fm_evidence(di, key, p, "participants"));
    const std::string person = prop_string(d, "person");
    if (!person.empty())
      mention(strip_wikilink(person), "", NameSource::Participant,
              fm_evidence(di, "person", person, "note-person"));
    for (const auto& f : d.fields)
      if (is_participant_field(f.key))
        for (const auto& item : f.items)
          mention(item, "", NameSource::Participant,
                  evidence(d, f.line, f.key + ": " + f.value, "attendees-field"));
    for (const auto& t : d.tasks)
      for (const auto& o : t.owners)
        mention(o, "", NameSource::TaskOwner, evidence(d, t.line, t.raw, "task-owner"));
    for (const auto& m : d.messages) {
      auto party = [&](const doc::EmailAddress& a) {
        const int acc = accounts_.find_domain(mail_domain(a.address));
        mention(a.name, a.address, NameSource::EmailHeader,
                evidence(d, m.line, fmt::format("{} <{}>", a.name, a.address), "email-header"),
                acc >= 0 ? accounts_.accounts()[acc].name : std::string());
      };
      party(m.from);
      for (const auto& a : m.to)
        party(a);
      for (const auto& a : m.cc)
        party(a);
    }
    for (const auto& l : d.links) {
      if (!l.wiki || l.embed) continue;
      const auto it = notes_by_name_.find(lower(l.target));
      bool person_note = false;
      bool other_note = false;
      if (it != notes_by_name_.end())
        for (std::size_t t : it->second)
          (docs()[t].kind == NoteKind::Person ? person_note : other_note) = true;
      const bool named_thing = accounts_.find(l.target) >= 0 || projects_.count(name_key(l.target));
      if (person_note || (!other_note && !named_thing && name_tokens(l.target).size() >= 2 &&
                          looks_like_person_name(l.target)))
        mention(l.target, "", NameSource::Wikilink,
                evidence(d, l.line, "[[" + l.target + "]]", "wikilink"));
    }
    // Bare names listed under a contacts/people heading ("- Wen", "- Soo-ah").
    for (const auto& st : d.statements) {
      if (st.kind != doc::Statement::Kind::ListItem) continue;
      if (!heading_has(d, st.section, {"contact", "people", "stakeholder", "attendee", "team"}))
        continue;
      if (looks_like_person_name(st.text) && name_tokens(st.text).size() >= 2 &&
          accounts_.find(st.text) < 0)
        mention(st.text, "", NameSource::Prose, evidence(d, st.line, st.text, "contact-list"));
    }
    // Prose facts: their names are mentions too, so the resolver knows every spelling.
    ExtractionContext ec;
    ec.note_person = c.person;
    ec.note_account = c.account;
    // The owner writes the notes: "I" in a note is them. In a message it is its sender.
    if (d.messages.empty()) ec.speaker = report_.owner;
    auto fact_names = [&](std::vector<ProseFact>& facts, std::uint32_t line,
                          const std::string& text) {
      for (auto& f : facts) {
        // "Brightwater's principal architect" where Brightwater Freight is known.
        if (f.kind == FactKind::WorksAt && !f.object.empty())
          if (std::string declared = accounts_.declared_as(f.object); !declared.empty())
            f.object = std::move(declared);
        for (const std::string* n : {&f.subject, &f.object, &f.third}) {
          if (n->empty() || name_tokens(*n).size() < 2 || !looks_like_person_name(*n)) continue;
          if (accounts_.find(*n) >= 0 || projects_.count(name_key(*n))) continue;
          if (f.kind == FactKind::WorksAt && n == &f.object) continue;
          mention(*n, "", NameSource::Prose, evidence(d, line, text, f.rule));
        }
        if (f.kind == FactKind::WorksAt && !f.object.empty() && f.rule != "works-for" &&
            f.rule != "email-signature")
          accounts_.add(f.object);
      }
    };
    for (std::size_t si = 0; si < d.statements.size(); ++si) {
      const auto& st = d.statements[si];
      if (!may_yield_facts(st.text, ec)) continue;
      auto facts = safe_extract(st.text, ec, d.path, st.line);
      if (facts.empty()) continue;
      fact_names(facts, st.line, st.text);
      c.facts.emplace_back(si, std::move(facts));
    }
    for (std::size_t mi = 0; mi < d.messages.size(); ++mi) {
      const auto& m = d.messages[mi];
      if (m.body.empty()) continue;
      ExtractionContext mc = ec;
      mc.speaker = m.from.name;
      auto facts = safe_extract(m.body, mc, d.path, m.line);
      // A signature names an account only when the vault knows it otherwise (applied later).
      if (const auto sig = find_signature(m.body, m.from.name); !sig.company.empty()) {
        ProseFact f;
        f.kind = FactKind::WorksAt;
        f.subject = m.from.name;
        f.object = sig.company;
        f.title = sig.title;
        f.rule = "email-signature";
        facts.push_back(std::move(f));
      }
      if (facts.empty()) continue;
      fact_names(facts, m.line, m.body.substr(0, 200));
      c.message_facts.emplace_back(mi, std::move(facts));
    }
  }
  people_.resolve();
  // The owner's stated company is the internal account (their mail domain, in create_nodes).
  if (const int owner = report_.owner.empty() ? -1 : people_.find(report_.owner); owner >= 0)
    for (const auto& a : people_.people()[owner].accounts)
      accounts_.set_internal(a);
}

void Builder::create_nodes() {
  // The owner's mail domain also marks the internal account, once domains are known.
  accounts_.resolve();
  std::set<int> internal;
  if (const int owner = report_.owner.empty() ? -1 : people_.find(report_.owner); owner >= 0)
    for (const auto& e : people_.people()[owner].emails)
      if (const int a = accounts_.find_domain(mail_domain(e)); a >= 0) internal.insert(a);
  for (std::size_t a = 0; a < accounts_.accounts().size(); ++a) {
    const ResolvedAccount& acc = accounts_.accounts()[a];
    List domains(acc.domains.begin(), acc.domains.end());
    const SymbolId labels[] = {s_.account};
    account_node_.push_back(g_.create_node(
        labels, {{s_.k_name, acc.name},
                 {s_.k_domains, std::move(domains)},
                 {s_.k_internal, acc.internal || internal.count(static_cast<int>(a)) > 0}}));
  }
  for (const DomainConflict& c : accounts_.conflicts())
    report_.remarks.push_back(fmt::format("mail domain {} is used by people of {}; not mapped",
                                          c.domain,
                                          fmt::format("{}", fmt::join(c.accounts, ", "))));

  for (const ResolvedPerson& p : people_.people()) {
    PropertyList props{{s_.k_name, p.name},
                       {s_.k_aliases, List(p.aliases.begin(), p.aliases.end())},
                       {s_.k_emails, List(p.emails.begin(), p.emails.end())}};
    // The account: a stated company, else the one their mail domain belongs to.
    std::string account = p.accounts.empty() ? std::string() : p.accounts.front();
    if (account.empty())
      for (const auto& e : p.emails)
        if (const int a = accounts_.find_domain(mail_domain(e)); a >= 0) {
          account = accounts_.accounts()[a].name;
          break;
        }
    if (!account.empty()) props.emplace_back(s_.k_account, account);
    if (p.first_name_only) props.emplace_back(s_.k_first_name_only, true);
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const SymbolId labels[] = {s_.person};
    const NodeId n = g_.create_node(labels, std::move(props));
    g_.add_evidence(EntityKind::Node, n, p.first_seen);
    person_node_.push_back(n);
    if (!account.empty())
      if (const int a = accounts_.find(account); a >= 0)
        relate(n, account_node_[a], s_.works_at, {{s_.k_current, true}},
               Evidence{p.first_seen.file, p.first_seen.line, p.first_seen.text,
                        p.has_person_note ? "person-note-company" : "email-domain"});
  }
  for (const auto& [key, name] : projects_) {
    PropertyList props{{s_.k_name, name}};
    if (const auto it = project_status_.find(key); it != project_status_.end())
      props.emplace_back(s_.k_status, it->second);
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const SymbolId labels[] = {s_.project};
    project_node_[key] = g_.create_node(labels, std::move(props));
  }
}

void Builder::build_person_note(std::size_t di) {
  const Document& d = docs()[di];
  const int p = people_.find(ctx_[di].person);
  if (p < 0) return;
  const NodeId person = person_node_[p];
  const std::string title = prop_string(d, "title");
  if (!title.empty() && name_key(title) != name_key(ctx_[di].person))
    g_.set_node_property(person, s_.k_title, title);
  const std::string company = strip_wikilink(prop_string(d, "company"));
  if (const int a = company.empty() ? -1 : accounts_.find(company); a >= 0) {
    PropertyList props{{s_.k_current, true}};
    if (!title.empty() && name_key(title) != name_key(ctx_[di].person))
      props.emplace_back(s_.k_title, title);
    relate(person, account_node_[a], s_.works_at, std::move(props),
           fm_evidence(di, "company", prop_string(d, "company"), "person-note-company"));
  }
  const std::string manager = prop_string(d, "manager");
  if (!manager.empty()) {
    const Evidence ev = fm_evidence(di, "manager", manager, "person-note-manager");
    const int m = lookup(di, strip_wikilink(manager), "", ev);
    if (m >= 0 && m != p)
      relate(person, person_node_[m], s_.reports_to, {{s_.k_current, true}}, ev);
  }
}

void Builder::build_tasks(std::size_t di) {
  const Document& d = docs()[di];
  std::vector<NodeId> task_nodes;
  for (const doc::Task& t : d.tasks) {
    PropertyList props{
        {s_.k_text, t.description},
        {s_.k_status, std::string(1, t.status < 0x80 ? static_cast<char>(t.status) : '?')},
        {s_.k_status_type, doc::status_type_name(t.status_type)},
        {s_.k_open, t.open()},
        {s_.k_tags, List(t.tags.begin(), t.tags.end())},
        {s_.k_path, d.path},
        {s_.k_line, static_cast<std::int64_t>(t.line)}};
    // [?] and unknown characters are TODO in the Tasks plugin's default types; the reader
    // already maps them, ON_HOLD included, and open() says which count as open.
    if (!t.priority.empty()) props.emplace_back(s_.k_priority, t.priority);
    if (t.due) props.emplace_back(s_.k_due, *t.due);
    if (t.scheduled) props.emplace_back(s_.k_scheduled, *t.scheduled);
    if (t.start) props.emplace_back(s_.k_start, *t.start);
    if (t.created) props.emplace_back(s_.k_created, *t.created);
    if (t.done) props.emplace_back(s_.k_done, *t.done);
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const SymbolId labels[] = {s_.task};
    const NodeId task = g_.create_node(labels, std::move(props));
    const Evidence ev = evidence(d, t.line, t.raw, "task-line");
    g_.add_evidence(EntityKind::Node, task, ev);
    task_nodes.push_back(task);
    relate(note_node_[di], task, s_.has_task, {}, ev);
    for (const std::string& owner : t.owners) {
      const int p = lookup(di, owner == "Myself" ? "@Myself" : owner, "",
                           evidence(d, t.line, t.raw, "task-owner"));
      if (p >= 0)
        relate(person_node_[p], task, s_.owns, {}, evidence(d, t.line, t.raw, "task-owner"));
    }
    if (t.owner_is_myself &&
        std::find(t.owners.begin(), t.owners.end(), "Myself") == t.owners.end()) {
      const int p = lookup(di, "@Myself", "", evidence(d, t.line, t.raw, "task-owner"));
      if (p >= 0)
        relate(person_node_[p], task, s_.owns, {}, evidence(d, t.line, t.raw, "task-owner"));
    }
    // ABOUT: the note's own account or project, and any the text names.
    std::set<NodeId> about;
    if (d.kind == NoteKind::Account)
      if (const int a = accounts_.find(ctx_[di].account); a >= 0) about.insert(account_node_[a]);
    if (d.kind == NoteKind::Project)
      if (const auto it = project_node_.find(name_key(ctx_[di].project)); it != project_node_.end())
        about.insert(it->second);
    for (int a : accounts_.named_in(t.description))
      about.insert(account_node_[a]);
    // Project names of up to three words, as runs of the text's words (or a possessive).
    const std::vector<std::string> words = name_tokens(t.description);
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string run;
      for (std::size_t j = i; j < words.size() && j < i + 3; ++j) {
        run += words[j];
        auto it = project_node_.find(run);
        if (it == project_node_.end() && run.size() > 1 && run.back() == 's')
          it = project_node_.find(run.substr(0, run.size() - 1));
        if (it != project_node_.end()) about.insert(it->second);
      }
    }
    for (const auto& tag : t.tags)
      if (tag.starts_with("project/"))
        if (const auto it = project_node_.find(name_key(tag.substr(8))); it != project_node_.end())
          about.insert(it->second);
    for (NodeId target : about)
      relate(task, target, s_.about, {}, evidence(d, t.line, t.raw, "task-about"));
  }
  for (const auto& [later, earlier] : find_duplicate_tasks(d.tasks, options_.task_duplicates))
    relate(task_nodes[later], task_nodes[earlier], s_.duplicate_of, {},
           evidence(d, d.tasks[later].line, d.tasks[later].raw, "task-duplicate"));
}

void Builder::build_emails(std::size_t di) {
  const Document& d = docs()[di];
  for (const doc::EmailMessage& m : d.messages) {
    PropertyList props{{s_.k_subject, m.subject},
                       {s_.k_path, d.path},
                       {s_.k_line, static_cast<std::int64_t>(m.line)},
                       {s_.k_quoted, m.quoted_in >= 0}};
    const auto date = message_date(m.date);
    if (date) props.emplace_back(s_.k_date, *date);
    if (const auto t = message_time(m.date)) props.emplace_back(s_.k_sent_at, *t);
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const SymbolId labels[] = {s_.email};
    const NodeId email = g_.create_node(labels, std::move(props));
    const Evidence ev =
        evidence(d, m.line, fmt::format("{} <{}>: {}", m.from.name, m.from.address, m.subject),
                 "email-header");
    g_.add_evidence(EntityKind::Node, email, ev);
    relate(email, note_node_[di], s_.in, {}, ev);
    const int from = (m.from.name.empty() && m.from.address.empty())
                         ? -1
                         : lookup(di, m.from.name, m.from.address, ev);
    if (from >= 0) relate(person_node_[from], email, s_.sent, {}, ev);
    auto recipients = [&](const std::vector<doc::EmailAddress>& list, SymbolId type) {
      for (const auto& a : list) {
        const int p = lookup(di, a.name, a.address, ev);
        if (p < 0) continue;
        relate(email, person_node_[p], type, {}, ev);
        if (from < 0 || p == from) continue;
        EmailedAgg& agg = emailed_[{person_node_[from], person_node_[p]}];
        ++agg.count;
        if (date) {
          if (!agg.first || date->days < agg.first->days) agg.first = date;
          if (!agg.last || date->days > agg.last->days) agg.last = date;
        }
        if (agg.evidence.size() < 20) agg.evidence.push_back(ev);
      }
    };
    recipients(m.to, s_.to);
    recipients(m.cc, s_.cc);
  }
}

void Builder::finish_emailed() {
  for (const auto& [pair, agg] : emailed_) {
    PropertyList props{{s_.k_count, agg.count}};
    if (agg.first) props.emplace_back(s_.k_first, *agg.first);
    if (agg.last) props.emplace_back(s_.k_last, *agg.last);
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const RelId r = g_.create_relationship(pair.first, pair.second, s_.emailed, std::move(props));
    for (const auto& e : agg.evidence)
      g_.add_evidence(EntityKind::Relationship, r, Evidence{e.file, e.line, e.text, "emailed"});
  }
}

void Builder::build_links(std::size_t di) {
  const Document& d = docs()[di];
  const NodeId note = note_node_[di];
  // ABOUT: the account or project the note is about.
  if (const int a = ctx_[di].account.empty() ? -1 : accounts_.find(ctx_[di].account); a >= 0)
    relate(note, account_node_[a], s_.about, {},
           d.kind == NoteKind::Account
               ? evidence(d, 1, d.title, "account-note")
               : fm_evidence(di, "account", prop_string(d, "account"), "note-account"));
  if (d.kind == NoteKind::Project)
    if (const auto it = project_node_.find(name_key(ctx_[di].project)); it != project_node_.end())
      relate(note, it->second, s_.about, {}, evidence(d, 1, d.title, "project-note"));
  for (const auto& p : prop_strings(d, "project"))
    if (const auto it = project_node_.find(name_key(strip_wikilink(p))); it != project_node_.end())
      relate(note, it->second, s_.about, {}, fm_evidence(di, "project", p, "note-project"));
  for (const auto& tag : d.tags) {
    if (!tag.name.starts_with("project/")) continue;
    if (const auto it = project_node_.find(name_key(tag.name.substr(8))); it != project_node_.end())
      relate(note, it->second, s_.about, {}, evidence(d, tag.line, "#" + tag.name, "project-tag"));
  }
  // Meetings: who attended.
  if (ctx_[di].interaction) {
    auto attend = [&](const std::string& written, const Evidence& ev) {
      const int p = lookup(di, written, "", ev);
      if (p >= 0) relate(person_node_[p], note, s_.attended, {}, ev);
    };
    for (const char* key : {"participants", "attendees", "with"})
      for (const auto& p : prop_strings(d, key))
        attend(p, fm_evidence(di, key, p, "participants"));
    for (const auto& f : d.fields)
      if (is_participant_field(f.key))
        for (const auto& item : f.items)
          attend(item, evidence(d, f.line, f.key + ": " + f.value, "attendees-field"));
  }
  // Links: to notes, and mentions of people, accounts and projects.
  std::set<std::size_t> linked;
  for (const auto& l : d.links) {
    if (!l.wiki) continue;
    const Evidence ev = evidence(d, l.line, "[[" + l.target + "]]", "wikilink");
    if (const auto it = notes_by_name_.find(lower(l.target)); it != notes_by_name_.end())
      for (std::size_t t : it->second)
        if (t != di && linked.insert(t).second) relate(note, note_node_[t], s_.links_to, {}, ev);
    if (const int a = accounts_.find(l.target); a >= 0) {
      relate(note, account_node_[a], s_.mentions, {}, ev);
      continue;
    }
    if (const auto it = project_node_.find(name_key(l.target)); it != project_node_.end()) {
      relate(note, it->second, s_.mentions, {}, ev);
      continue;
    }
    if (people_.find(l.target) >= 0) {
      const int p = lookup(di, l.target, "", ev);
      if (p >= 0) relate(note, person_node_[p], s_.mentions, {}, ev);
    }
  }
  const std::string person = prop_string(d, "person");
  if (!person.empty()) {
    const Evidence ev = fm_evidence(di, "person", person, "note-person");
    if (const int p = lookup(di, strip_wikilink(person), "", ev); p >= 0)
      relate(note, person_node_[p], s_.mentions, {}, ev);
  }
  for (const auto& st : d.statements) {
    if (st.kind != doc::Statement::Kind::ListItem ||
        !heading_has(d, st.section, {"contact", "people", "stakeholder", "attendee", "team"}) ||
        !looks_like_person_name(st.text))
      continue;
    const Evidence ev = evidence(d, st.line, st.text, "contact-list");
    if (const int p = lookup(di, st.text, "", ev); p >= 0)
      relate(note, person_node_[p], s_.mentions, {}, ev);
  }
  // Decisions: the items of a Decisions section.
  for (const auto& st : d.statements) {
    if (!heading_has(d, st.section, {"decision"}) || st.text.empty()) continue;
    const std::string t = lower(st.text);
    if (t.starts_with("no ") && t.find("decision") != std::string::npos)
      continue;  // "No decisions"
    PropertyList props{
        {s_.k_text, st.text}, {s_.k_path, d.path}, {s_.k_line, static_cast<std::int64_t>(st.line)}};
    if (d.date) props.emplace_back(s_.k_date, *d.date);
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const SymbolId labels[] = {s_.decision};
    const NodeId decision = g_.create_node(labels, std::move(props));
    const Evidence ev = evidence(d, st.line, st.text, "decisions-section");
    g_.add_evidence(EntityKind::Node, decision, ev);
    relate(note, decision, s_.records, {}, ev);
    ++report_.decisions;
  }
}

void Builder::build_facts(std::size_t di) {
  const Document& d = docs()[di];
  auto apply = [&](const ProseFact& f, const Evidence& ev, std::optional<Date> date) {
    if (f.negated) return;
    auto person = [&](const std::string& n) { return n.empty() ? -1 : lookup(di, n, "", ev); };
    switch (f.kind) {
      case FactKind::ReportsTo: {
        const int a = person(f.subject), b = person(f.object);
        if (a >= 0 && b >= 0 && a != b) {
          relate(person_node_[a], person_node_[b], s_.reports_to, {{s_.k_current, f.current}}, ev);
          if (d.kind == NoteKind::Account)
            if (const int acc = accounts_.find(ctx_[di].account); acc >= 0)
              account_note_reports_.push_back({a, acc, f.current, ev});
        }
        if (a >= 0 && a == b && f.current)
          report_.contradictions.push_back(
              {"manages themself", people_.people()[a].name, {f.subject, f.object}, {ev}});
        break;
      }
      case FactKind::ChiefOfStaffTo: {
        const int a = person(f.subject), b = person(f.object);
        if (a >= 0 && b >= 0 && a != b)
          relate(person_node_[a], person_node_[b], s_.chief_of_staff_to, {}, ev);
        break;
      }
      case FactKind::Succeeded: {
        const int a = person(f.subject), b = person(f.object);
        if (a >= 0 && b >= 0 && a != b)
          relate(person_node_[a], person_node_[b], s_.succeeded, {}, ev);
        break;
      }
      case FactKind::WorksAt: {
        const int a = person(f.subject);
        const int acc = accounts_.find(f.object);
        if (a < 0 || acc < 0) break;
        PropertyList props{{s_.k_current, f.current}};
        if (!f.title.empty()) props.emplace_back(s_.k_title, f.title);
        relate(person_node_[a], account_node_[acc], s_.works_at, std::move(props), ev);
        if (!f.title.empty() && f.current && !g_.node_property(person_node_[a], s_.k_title))
          g_.set_node_property(person_node_[a], s_.k_title, f.title);
        break;
      }
      case FactKind::HasTitle: {
        const int a = person(f.subject);
        if (a >= 0 && !f.title.empty() && f.current &&
            !g_.node_property(person_node_[a], s_.k_title))
          g_.set_node_property(person_node_[a], s_.k_title, f.title);
        break;
      }
      case FactKind::Introduced: {
        // An introduction connects two people both ways: one edge to each, the other's name
        // in `to`, so "introduced A to B" and "connects B with A" meet on the same edges.
        const int a = person(f.subject), b = person(f.object), c = person(f.third);
        auto introduce = [&](int to, int other) {
          if (a < 0 || to < 0 || a == to || to == other) return;
          PropertyList props;
          if (other >= 0) props.emplace_back(s_.k_to, people_.people()[other].name);
          const RelId rel =
              relate(person_node_[a], person_node_[to], s_.introduced, std::move(props), ev);
          // Seen first without a date, the introduction takes the earliest date given later.
          const Value* known = g_.rel_property(rel, s_.k_date);
          if (date && (!known || !known->is<Date>() || date->days < known->as<Date>().days))
            g_.set_rel_property(rel, s_.k_date, *date);
        };
        introduce(b, c);
        introduce(c, b);
        break;
      }
      case FactKind::Decides: {
        const int a = person(f.subject);
        if (a < 0) break;
        std::string object = f.object.empty()
                                 ? (ctx_[di].project.empty() ? ctx_[di].account : ctx_[di].project)
                                 : f.object;
        if (const auto it = project_node_.find(name_key(object)); it != project_node_.end())
          relate(person_node_[a], it->second, s_.decides, {}, ev);
        else if (const int acc = accounts_.find(object); acc >= 0)
          relate(person_node_[a], account_node_[acc], s_.decides, {}, ev);
        break;
      }
      case FactKind::Influences: {
        const int a = person(f.subject), b = person(f.object);
        if (a >= 0 && b >= 0 && a != b)
          stated_influence_.push_back({person_node_[a], person_node_[b], f.claimed, ev});
        break;
      }
      case FactKind::Distrusted:
        if (const int a = person(f.subject); a >= 0) distrusted_.push_back({person_node_[a], ev});
        break;
      case FactKind::LeftRole:
        if (const int a = person(f.subject); a >= 0 && f.current)
          departures_.push_back({a, f.object.empty() ? -1 : accounts_.find(f.object), ev});
        break;
    }
  };
  for (const auto& [si, facts] : ctx_[di].facts) {
    const auto& st = d.statements[si];
    for (const auto& f : facts)
      apply(f, evidence(d, st.line, st.text, f.rule), statement_date(st.text, d.date));
  }
  for (const auto& [mi, facts] : ctx_[di].message_facts) {
    const auto& m = d.messages[mi];
    const std::optional<Date> date = message_date(m.date) ? message_date(m.date) : d.date;
    for (const auto& f : facts)
      apply(f, evidence(d, m.line, m.body.substr(0, 300), f.rule), date);
  }
}

// A relationship that held and no longer does: `current` becomes false and the reason joins
// its evidence. When the same relationship is already known as former, the two become one.
void Builder::end_relationship(RelId r, const Evidence& why) {
  const NodeId from = g_.source(r), to = g_.target(r);
  const SymbolId type = g_.rel_type(r);
  PropertyList props = g_.rel_properties(r);
  rels_.erase(rel_key(from, to, type, props));
  for (auto& [k, value] : props)
    if (k == s_.k_current) value = false;
  const RelKey key = rel_key(from, to, type, props);
  if (const auto twin = rels_.find(key); twin != rels_.end()) {
    for (const auto& e : g_.evidence(EntityKind::Relationship, r))
      g_.add_evidence(EntityKind::Relationship, twin->second, e);
    g_.add_evidence(EntityKind::Relationship, twin->second, why);
    g_.delete_relationship(r);
    return;
  }
  g_.set_rel_property(r, s_.k_current, false);
  g_.add_evidence(EntityKind::Relationship, r, why);
  rels_.emplace(key, r);
}

void Builder::employ_account_note_reports() {
  std::map<int, std::set<int>> accounts_of;
  for (const auto& r : account_note_reports_)
    accounts_of[r.person].insert(r.account);
  const SymbolId works_at[] = {s_.works_at};
  std::set<int> employer_known_or_ambiguous;
  for (const auto& [person, accounts] : accounts_of)
    if (accounts.size() != 1 || g_.degree(person_node_[person], Direction::Out, works_at) > 0)
      employer_known_or_ambiguous.insert(person);
  for (const auto& r : account_note_reports_) {
    if (employer_known_or_ambiguous.count(r.person)) continue;
    Evidence ev = r.evidence;
    ev.rule = "reporting-in-account-note";
    relate(person_node_[r.person], account_node_[r.account], s_.works_at,
           {{s_.k_current, r.current}}, ev);
  }
}

// "X left Contoso": X's current employment there ends, and with it their current reporting
// lines to people of that company. An unnamed departure ("left the company") ends every
// current employment except one stated in the same sentence ("left to join Fabrikam").
void Builder::end_left_roles() {
  const SymbolId works_at[] = {s_.works_at};
  const SymbolId reports_to[] = {s_.reports_to};
  auto is_current = [&](RelId r) {
    const Value* c = g_.rel_property(r, s_.k_current);
    return c && c->is<bool>() && c->as<bool>();
  };
  auto stated_with = [&](RelId r, const Evidence& ev) {
    for (const auto& e : g_.evidence(EntityKind::Relationship, r))
      if (e.file == ev.file && e.line == ev.line) return true;
    return false;
  };
  for (const Departure& d : departures_) {
    const NodeId person = person_node_[d.person];
    std::vector<RelId> ended;
    std::set<NodeId> left, staying;
    g_.for_each_relationship(person, Direction::Out, works_at, [&](RelId r, NodeId account) {
      if (!is_current(r)) return;
      const bool named = d.account >= 0 && account == account_node_[d.account];
      if (named || (d.account < 0 && !stated_with(r, d.evidence))) {
        ended.push_back(r);
        left.insert(account);
      } else {
        staying.insert(account);
      }
    });
    if (d.account >= 0) left.insert(account_node_[d.account]);
    g_.for_each_relationship(person, Direction::Out, reports_to, [&](RelId r, NodeId manager) {
      if (!is_current(r)) return;
      bool manager_stays = false;
      g_.for_each_relationship(manager, Direction::Out, works_at, [&](RelId w, NodeId account) {
        manager_stays = manager_stays || (is_current(w) && staying.count(account) > 0);
      });
      if (!manager_stays) ended.push_back(r);
    });
    for (RelId r : ended)
      end_relationship(r, d.evidence);
  }
}

void Builder::build_document(std::size_t di) {
  document_nodes_ = g_.node_id_bound();
  document_rels_ = {};
  if (docs()[di].kind == NoteKind::Person) build_person_note(di);
  build_tasks(di);
  build_emails(di);
  build_links(di);
  build_facts(di);
}

BuildReport Builder::run() {
  const auto start = std::chrono::steady_clock::now();
  read_context();
  collect_accounts();
  collect_projects();
  collect_people();
  create_nodes();
  for (std::size_t di = 0; di < docs().size(); ++di) {
    const Document& d = docs()[di];
    std::vector<SymbolId> labels{s_.note};
    if (ctx_[di].interaction) labels.push_back(s_.meeting);
    if (d.kind == NoteKind::EmailThread) labels.push_back(s_.thread);
    PropertyList props{
        {s_.k_path, d.path}, {s_.k_title, d.title}, {s_.k_type, doc::note_kind_name(d.kind)}};
    if (d.date) props.emplace_back(s_.k_date, *d.date);
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    note_node_.push_back(g_.create_node(labels, std::move(props)));
  }
  for (std::size_t di = 0; di < docs().size(); ++di) {
    build_document(di);
    ctx_[di] = {};  // its frontmatter lines and facts are not needed again
  }
  document_nodes_ = std::numeric_limits<NodeId>::max();
  document_rels_ = {};
  finish_emailed();
  employ_account_note_reports();
  end_left_roles();
  // Every relationship that merges sources exists now: the largest maps go before influence
  // adds its own.
  rels_ = {};
  emailed_ = {};
  for (auto& c : find_contradictions(g_))
    report_.contradictions.push_back(std::move(c));
  derive_influence(g_, stated_influence_, options_.influence, distrusted_);

  report_.notes = docs().size();
  report_.people = people_.people().size();
  report_.accounts = accounts_.accounts().size();
  report_.projects = project_node_.size();
  for (const auto& d : docs()) {
    report_.tasks += d.tasks.size();
    report_.emails += d.messages.size();
  }
  report_.merges = people_.merges();
  for (const auto& n : people_.near_duplicates())
    report_.near_duplicates.push_back({people_.people()[n.a].name, people_.people()[n.b].name,
                                       n.similarity, n.why, people_.people()[n.a].first_seen,
                                       people_.people()[n.b].first_seen});
  report_.unresolved = people_.unresolved();
  for (const auto& p : people_.people())
    if (p.first_name_only)
      report_.remarks.push_back(fmt::format("{} is known by a first name only ({}:{})", p.name,
                                            p.first_seen.file, p.first_seen.line));
  report_.nodes = g_.node_count();
  report_.relationships = g_.relationship_count();
  report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::move(report_);  // not copied: at 100k notes it holds ~366k near-duplicates
}

}  // namespace

BuildReport build_graph(const Vault& vault, Graph& graph, const BuildOptions& options) {
  return Builder(vault, graph, options).run();
}

}  // namespace kith::loaders
