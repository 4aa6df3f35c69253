#include "loaders/influence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

namespace kith::loaders {

namespace {

// What an influence reason says, kept compact: at 100k notes there are millions of reasons
// (most from shared meetings), so their text and evidence are written only when the
// relationship is created.
enum class ReasonKind : std::uint8_t {
  DirectReport,  // of `to`
  ManagerOf,     // `to`
  ChiefOfStaff,  // to `to`
  Stated,
  Claimed,
  Introduced,
  Emailed,
  Meetings,
};

struct Reason {
  NodeId from = 0;
  NodeId to = 0;
  std::uint64_t order = 0;  // when found: a pair's reasons keep this order among equal weights
  double weight = 0;
  ReasonKind kind = ReasonKind::Stated;
  bool former = false;
  std::uint64_t source = 0;  // the relationship whose first evidence it cites; Stated: an index
  std::int64_t count = 0;    // emails or meetings
  std::optional<Date> last;  // the last email
};

class Influence {
 public:
  Influence(Graph& g, const InfluenceWeights& w) : g_(g), w_(w) {
    person_ = g.find_label("Person");
    name_ = g.intern_key("name");
    current_ = g.intern_key("current");
  }

  std::size_t run(const std::vector<StatedInfluence>& stated,
                  const std::vector<StatedDistrust>& distrusted);

 private:
  std::string name(NodeId n) const {
    const Value* v = g_.node_property(n, name_);
    return v && v->is<std::string>() ? v->as<std::string>() : fmt::format("#{}", n);
  }
  static std::string cite(const Evidence& e) { return fmt::format("{}:{}", e.file, e.line); }
  Evidence first_evidence(RelId r) const {
    const auto ev = g_.evidence(EntityKind::Relationship, r);
    return ev.empty() ? Evidence{} : ev.front();
  }
  bool is_person(NodeId n) const { return person_ && g_.has_label(n, *person_); }
  Reason& add(NodeId from, NodeId to, double weight, ReasonKind kind, std::uint64_t source) {
    Reason& r = reasons_.emplace_back();
    r.from = from;
    r.to = to;
    r.order = reasons_.size() - 1;
    r.weight = weight;
    r.kind = kind;
    r.source = source;
    return r;
  }
  static bool kept(NodeId from, NodeId to, double weight) { return from != to && weight > 0; }
  Evidence evidence(const Reason& r, const std::vector<StatedInfluence>& stated);
  std::string text(const Reason& r, const Evidence& ev) const;
  template <class F>
  void each(std::string_view type, F&& fn) {
    const auto t = g_.find_type(type);
    if (!t) return;
    const SymbolId types[] = {*t};
    for (NodeId p : g_.nodes_with_label(*person_))
      g_.for_each_relationship(p, Direction::Out, types, [&](RelId r, NodeId other) {
        if (is_person(other)) fn(r, p, other);
      });
  }
  void reporting_lines();
  void introductions();
  void emails();
  void meetings();

  Graph& g_;
  const InfluenceWeights& w_;
  std::optional<SymbolId> person_;
  SymbolId name_, current_;
  std::vector<Reason> reasons_;
  // Relationship -> its first evidence, as cited, for the reasons of one `from` person: one
  // attendance is cited for every pair of its meeting.
  std::unordered_map<RelId, Evidence> cited_;
};

Evidence Influence::evidence(const Reason& r, const std::vector<StatedInfluence>& stated) {
  if (r.kind == ReasonKind::Stated || r.kind == ReasonKind::Claimed) {
    Evidence ev = stated[r.source].evidence;
    ev.rule = "influence: " + ev.rule;
    return ev;
  }
  auto [cached, inserted] = cited_.try_emplace(r.source);
  if (inserted) {
    cached->second = first_evidence(r.source);
    cached->second.rule = "influence: " + cached->second.rule;
  }
  return cached->second;
}

std::string Influence::text(const Reason& r, const Evidence& ev) const {
  const char* was = r.former ? "former " : "";
  switch (r.kind) {
    case ReasonKind::DirectReport:
      return fmt::format("{}direct report of {} ({})", was, name(r.to), cite(ev));
    case ReasonKind::ManagerOf:
      return fmt::format("{}manager of {} ({})", was, name(r.to), cite(ev));
    case ReasonKind::ChiefOfStaff:
      return fmt::format("chief of staff to {} ({})", name(r.to), cite(ev));
    case ReasonKind::Stated:
    case ReasonKind::Claimed:
      return fmt::format("{}influence on {} ({})",
                         r.kind == ReasonKind::Claimed ? "claims " : "stated ", name(r.to),
                         cite(ev));
    case ReasonKind::Introduced:
      return fmt::format("introduced {} ({})", name(r.to), cite(ev));
    case ReasonKind::Emailed:
      return fmt::format("emailed {} {} time{}{} ({})", name(r.to), r.count,
                         r.count == 1 ? "" : "s", r.last ? ", last " + r.last->to_string() : "",
                         cite(ev));
    case ReasonKind::Meetings:
      return fmt::format("{} meeting{} with {} ({}{})", r.count, r.count == 1 ? "" : "s",
                         name(r.to), cite(ev), r.count > 1 ? ", ..." : "");
  }
  return {};
}

void Influence::reporting_lines() {
  each("REPORTS_TO", [&](RelId r, NodeId report, NodeId manager) {
    const Value* c = g_.rel_property(r, current_);
    const bool current = !c || !c->is<bool>() || c->as<bool>();
    const double factor = current ? 1.0 : w_.former_factor;
    if (kept(report, manager, w_.report_to_manager * factor))
      add(report, manager, w_.report_to_manager * factor, ReasonKind::DirectReport, r).former =
          !current;
    if (kept(manager, report, w_.manager_to_report * factor))
      add(manager, report, w_.manager_to_report * factor, ReasonKind::ManagerOf, r).former =
          !current;
  });
  each("CHIEF_OF_STAFF_TO", [&](RelId r, NodeId chief, NodeId principal) {
    if (kept(chief, principal, w_.chief_of_staff))
      add(chief, principal, w_.chief_of_staff, ReasonKind::ChiefOfStaff, r);
  });
}

void Influence::introductions() {
  each("INTRODUCED", [&](RelId r, NodeId introducer, NodeId introduced) {
    if (kept(introducer, introduced, w_.introduced))
      add(introducer, introduced, w_.introduced, ReasonKind::Introduced, r);
  });
}

void Influence::emails() {
  const auto count_key = g_.find_key("count");
  const auto last_key = g_.find_key("last");
  if (!count_key) return;
  std::optional<std::int64_t> latest;
  each("EMAILED", [&](RelId r, NodeId, NodeId) {
    const Value* l = last_key ? g_.rel_property(r, *last_key) : nullptr;
    if (l && l->is<Date>() && (!latest || l->as<Date>().days > *latest))
      latest = l->as<Date>().days;
  });
  each("EMAILED", [&](RelId r, NodeId from, NodeId to) {
    const Value* c = g_.rel_property(r, *count_key);
    if (!c || !c->is<std::int64_t>()) return;
    const double count = static_cast<double>(c->as<std::int64_t>());
    double recency = 1;
    const Value* l = last_key ? g_.rel_property(r, *last_key) : nullptr;
    if (l && l->is<Date>() && latest)
      recency = std::pow(
          0.5, static_cast<double>(*latest - l->as<Date>().days) / w_.email_half_life_days);
    const double weight = w_.email_max * (1 - std::exp(-count / w_.email_volume_scale)) * recency;
    if (!kept(from, to, weight)) return;
    Reason& reason = add(from, to, weight, ReasonKind::Emailed, r);
    reason.count = c->as<std::int64_t>();
    if (l && l->is<Date>()) reason.last = l->as<Date>();
  });
}

void Influence::meetings() {
  const auto meeting = g_.find_label("Meeting");
  const auto attended = g_.find_type("ATTENDED");
  if (!meeting || !attended) return;
  // Every (attendee, attendee) pair of every meeting, in meeting order; sorted, each pair's
  // run counts its meetings and starts with the first, the one cited.
  struct Seen {
    NodeId a;
    NodeId b;
    std::uint64_t order;
    RelId attended;  // a's ATTENDED relationship to the meeting
  };
  std::vector<Seen> seen;
  const SymbolId types[] = {*attended};
  std::vector<std::pair<NodeId, RelId>> people;
  for (NodeId m : g_.nodes_with_label(*meeting)) {
    people.clear();
    g_.for_each_relationship(m, Direction::In, types, [&](RelId r, NodeId p) {
      if (is_person(p)) people.emplace_back(p, r);
    });
    if (people.size() < 2 || people.size() > w_.meeting_max_attendees) continue;
    for (const auto& [a, ra] : people)
      for (const auto& [b, rb] : people)
        if (a != b) seen.push_back({a, b, seen.size(), ra});
  }
  std::sort(seen.begin(), seen.end(), [](const Seen& x, const Seen& y) {
    return std::tie(x.a, x.b, x.order) < std::tie(y.a, y.b, y.order);
  });
  for (std::size_t i = 0; i < seen.size();) {
    std::size_t j = i + 1;
    while (j < seen.size() && seen[j].a == seen[i].a && seen[j].b == seen[i].b)
      ++j;
    const auto meetings = static_cast<std::int64_t>(j - i);
    const double weight = std::min(w_.meeting_max, w_.meeting_each * static_cast<double>(meetings));
    if (kept(seen[i].a, seen[i].b, weight))
      add(seen[i].a, seen[i].b, weight, ReasonKind::Meetings, seen[i].attended).count = meetings;
    i = j;
  }
}

std::size_t Influence::run(const std::vector<StatedInfluence>& stated,
                           const std::vector<StatedDistrust>& distrusted) {
  if (!person_) return 0;
  reporting_lines();
  for (std::size_t i = 0; i < stated.size(); ++i) {
    const StatedInfluence& s = stated[i];
    const double weight = w_.stated * (s.claimed ? w_.claimed_factor : 1.0);
    if (kept(s.from, s.to, weight))
      add(s.from, s.to, weight, s.claimed ? ReasonKind::Claimed : ReasonKind::Stated, i);
  }
  introductions();
  emails();
  meetings();
  // One relationship per ordered pair, in pair order; a pair's reasons strongest first, in
  // the order found among equal weights.
  std::sort(reasons_.begin(), reasons_.end(), [](const Reason& x, const Reason& y) {
    return std::tie(x.from, x.to, x.order) < std::tie(y.from, y.to, y.order);
  });
  std::map<NodeId, const StatedDistrust*> distrust;  // the first statement about each person
  for (const StatedDistrust& d : distrusted)
    distrust.try_emplace(d.person, &d);
  const SymbolId type = g_.intern_type("INFLUENCES");
  const SymbolId weight_key = g_.intern_key("weight");
  const SymbolId reasons_key = g_.intern_key("reasons");
  std::size_t added = 0;
  std::vector<Evidence> evidence;
  for (std::size_t i = 0; i < reasons_.size();) {
    std::size_t j = i + 1;
    while (j < reasons_.size() && reasons_[j].from == reasons_[i].from &&
           reasons_[j].to == reasons_[i].to)
      ++j;
    const auto first = reasons_.begin() + static_cast<std::ptrdiff_t>(i);
    const auto last = reasons_.begin() + static_cast<std::ptrdiff_t>(j);
    std::stable_sort(first, last,
                     [](const Reason& a, const Reason& b) { return a.weight > b.weight; });
    const NodeId from = first->from, to = first->to;
    if (i > 0 && reasons_[i - 1].from != from) cited_.clear();
    double keep = 1;
    List texts;
    evidence.clear();
    for (auto r = first; r != last; ++r) {
      keep *= 1 - r->weight;
      evidence.push_back(this->evidence(*r, stated));
      texts.emplace_back(text(*r, evidence.back()));
    }
    double combined = 1 - keep;
    const auto doubt = distrust.find(from);
    if (doubt != distrust.end()) {
      combined *= w_.distrust_factor;
      Evidence ev = doubt->second->evidence;
      texts.insert(texts.begin(), Value(fmt::format("distrusted, weight x {} ({})",
                                                    w_.distrust_factor, cite(ev))));
      ev.rule = "influence: " + ev.rule;
      evidence.push_back(std::move(ev));
    }
    const double weight = std::round(combined * 1000) / 1000;
    PropertyList props{{weight_key, weight}, {reasons_key, std::move(texts)}};
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const RelId rel = g_.create_relationship(from, to, type, std::move(props));
    for (const Evidence& e : evidence)
      g_.add_evidence(EntityKind::Relationship, rel, e);
    ++added;
    i = j;
  }
  return added;
}

}  // namespace

std::size_t derive_influence(Graph& graph, const std::vector<StatedInfluence>& stated,
                             const InfluenceWeights& weights,
                             const std::vector<StatedDistrust>& distrusted) {
  return Influence(graph, weights).run(stated, distrusted);
}

}  // namespace kith::loaders
