#include "loaders/influence.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

namespace kith::loaders {

namespace {

struct Reason {
  double weight;
  std::string text;
  Evidence evidence;
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
  void add(NodeId from, NodeId to, double weight, std::string text, Evidence ev) {
    if (from == to || weight <= 0) return;
    ev.rule = "influence: " + ev.rule;
    reasons_[{from, to}].push_back({weight, std::move(text), std::move(ev)});
  }
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
  std::map<std::pair<NodeId, NodeId>, std::vector<Reason>> reasons_;
};

void Influence::reporting_lines() {
  each("REPORTS_TO", [&](RelId r, NodeId report, NodeId manager) {
    const Value* c = g_.rel_property(r, current_);
    const bool current = !c || !c->is<bool>() || c->as<bool>();
    const double factor = current ? 1.0 : w_.former_factor;
    const Evidence ev = first_evidence(r);
    const char* was = current ? "" : "former ";
    add(report, manager, w_.report_to_manager * factor,
        fmt::format("{}direct report of {} ({})", was, name(manager), cite(ev)), ev);
    add(manager, report, w_.manager_to_report * factor,
        fmt::format("{}manager of {} ({})", was, name(report), cite(ev)), ev);
  });
  each("CHIEF_OF_STAFF_TO", [&](RelId r, NodeId chief, NodeId principal) {
    const Evidence ev = first_evidence(r);
    add(chief, principal, w_.chief_of_staff,
        fmt::format("chief of staff to {} ({})", name(principal), cite(ev)), ev);
  });
}

void Influence::introductions() {
  each("INTRODUCED", [&](RelId r, NodeId introducer, NodeId introduced) {
    const Evidence ev = first_evidence(r);
    add(introducer, introduced, w_.introduced,
        fmt::format("introduced {} ({})", name(introduced), cite(ev)), ev);
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
    const Evidence ev = first_evidence(r);
    add(from, to, weight,
        fmt::format("emailed {} {} time{}{} ({})", name(to), c->as<std::int64_t>(),
                    count == 1 ? "" : "s",
                    l && l->is<Date>() ? ", last " + l->as<Date>().to_string() : "", cite(ev)),
        ev);
  });
}

void Influence::meetings() {
  const auto meeting = g_.find_label("Meeting");
  const auto attended = g_.find_type("ATTENDED");
  if (!meeting || !attended) return;
  struct Shared {
    std::size_t meetings = 0;
    Evidence first;  // only the first meeting is cited
  };
  // Each pair adds one reason whatever the order, so the pairs need no ordering here.
  struct PairHash {
    std::size_t operator()(const std::pair<NodeId, NodeId>& p) const {
      return std::hash<NodeId>{}(p.first * 0x9E3779B97F4A7C15ull ^ p.second);
    }
  };
  std::unordered_map<std::pair<NodeId, NodeId>, Shared, PairHash> shared;
  const SymbolId types[] = {*attended};
  for (NodeId m : g_.nodes_with_label(*meeting)) {
    std::vector<std::pair<NodeId, RelId>> people;
    g_.for_each_relationship(m, Direction::In, types, [&](RelId r, NodeId p) {
      if (is_person(p)) people.emplace_back(p, r);
    });
    if (people.size() < 2 || people.size() > w_.meeting_max_attendees) continue;
    for (const auto& [a, ra] : people)
      for (const auto& [b, rb] : people) {
        if (a == b) continue;
        Shared& s = shared[{a, b}];
        if (s.meetings++ == 0) s.first = first_evidence(ra);
      }
  }
  for (const auto& [pair, s] : shared) {
    const double weight =
        std::min(w_.meeting_max, w_.meeting_each * static_cast<double>(s.meetings));
    add(pair.first, pair.second, weight,
        fmt::format("{} meeting{} with {} ({}{})", s.meetings, s.meetings == 1 ? "" : "s",
                    name(pair.second), cite(s.first), s.meetings > 1 ? ", ..." : ""),
        s.first);
  }
}

std::size_t Influence::run(const std::vector<StatedInfluence>& stated,
                           const std::vector<StatedDistrust>& distrusted) {
  if (!person_) return 0;
  reporting_lines();
  for (const StatedInfluence& s : stated)
    add(s.from, s.to, w_.stated * (s.claimed ? w_.claimed_factor : 1.0),
        fmt::format("{}influence on {} ({})", s.claimed ? "claims " : "stated ", name(s.to),
                    cite(s.evidence)),
        s.evidence);
  introductions();
  emails();
  meetings();
  std::map<NodeId, const StatedDistrust*> distrust;  // the first statement about each person
  for (const StatedDistrust& d : distrusted)
    distrust.try_emplace(d.person, &d);
  const SymbolId type = g_.intern_type("INFLUENCES");
  const SymbolId weight_key = g_.intern_key("weight");
  const SymbolId reasons_key = g_.intern_key("reasons");
  std::size_t added = 0;
  for (auto& [pair, reasons] : reasons_) {
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.weight > b.weight; });
    double keep = 1;
    List texts;
    for (const Reason& r : reasons) {
      keep *= 1 - r.weight;
      texts.emplace_back(r.text);
    }
    double combined = 1 - keep;
    const auto doubt = distrust.find(pair.first);
    if (doubt != distrust.end()) {
      combined *= w_.distrust_factor;
      Evidence ev = doubt->second->evidence;
      texts.insert(texts.begin(), Value(fmt::format("distrusted, weight x {} ({})",
                                                    w_.distrust_factor, cite(ev))));
      ev.rule = "influence: " + ev.rule;
      reasons.push_back({0, "", std::move(ev)});
    }
    const double weight = std::round(combined * 1000) / 1000;
    PropertyList props{{weight_key, weight}, {reasons_key, std::move(texts)}};
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const RelId rel = g_.create_relationship(pair.first, pair.second, type, std::move(props));
    for (const Reason& r : reasons)
      g_.add_evidence(EntityKind::Relationship, rel, r.evidence);
    ++added;
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
