#include "graph/graph.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "graph/append_growth.hpp"
#include "graph/csr_view.hpp"
#include "graph/heap_bytes.hpp"
#include "graph/name_key.hpp"

namespace kith {

namespace {

template <class Record>
void require(bool ok, const char* what, std::uint64_t id) {
  if (!ok) throw std::out_of_range(fmt::format("{} {} does not exist", what, id));
}

PropertyList::iterator find_key(PropertyList& props, SymbolId key) {
  return std::lower_bound(props.begin(), props.end(), key,
                          [](const auto& entry, SymbolId k) { return entry.first < k; });
}
PropertyList::const_iterator find_key(const PropertyList& props, SymbolId key) {
  return std::lower_bound(props.begin(), props.end(), key,
                          [](const auto& entry, SymbolId k) { return entry.first < k; });
}

// Sorts by key and drops nulls and repeated keys (the last value for a key wins, as in a map
// literal written left to right).
PropertyList normalise(PropertyList props) {
  std::stable_sort(props.begin(), props.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  PropertyList out;
  out.reserve(props.size());
  for (auto& entry : props) {
    if (!out.empty() && out.back().first == entry.first) {
      out.back().second = std::move(entry.second);
    } else {
      out.push_back(std::move(entry));
    }
  }
  std::erase_if(out, [](const auto& entry) { return entry.second.is_null(); });
  for (auto& entry : out)
    shrink_to_fit(entry.second);
  return out;
}

bool set_in(PropertyList& props, SymbolId key, Value value) {
  auto it = find_key(props, key);
  const bool present = it != props.end() && it->first == key;
  if (value.is_null()) {
    if (present) props.erase(it);
    return present;
  }
  shrink_to_fit(value);
  if (present) {
    it->second = std::move(value);
  } else {
    props.emplace(it, key, std::move(value));
  }
  return true;
}

bool remove_from(PropertyList& props, SymbolId key) {
  auto it = find_key(props, key);
  if (it == props.end() || it->first != key) return false;
  props.erase(it);
  return true;
}

const Value* lookup(const PropertyList& props, SymbolId key) {
  auto it = find_key(props, key);
  return (it != props.end() && it->first == key) ? &it->second : nullptr;
}

void erase_id(std::vector<NodeId>& ids, NodeId id) {
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it != ids.end() && *it == id) ids.erase(it);
}

void insert_id(std::vector<NodeId>& ids, NodeId id) {
  // Nodes are mostly created in id order, so the common case is an append.
  if (ids.empty() || ids.back() < id) {
    reserve_for_append(ids);
    ids.push_back(id);
    return;
  }
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) ids.insert(it, id);
}

}  // namespace

Graph::Graph() : name_key_(keys_.intern("name")), aliases_key_(keys_.intern("aliases")) {}
Graph::~Graph() = default;

bool Graph::type_matches(SymbolId type, std::span<const SymbolId> types) {
  if (types.empty()) return true;
  return std::find(types.begin(), types.end(), type) != types.end();
}

void Graph::check_node(NodeId id) const {
  require<NodeRecord>(id < nodes_.size() && nodes_[id].alive, "node", id);
}
void Graph::check_rel(RelId id) const {
  require<RelRecord>(id < rels_.size() && rels_[id].alive, "relationship", id);
}

// ---- Nodes

NodeId Graph::create_node(std::span<const SymbolId> labels, PropertyList properties) {
  const NodeId id = nodes_.size();
  reserve_for_append(nodes_);
  NodeRecord& rec = nodes_.emplace_back();
  rec.labels.assign(labels.begin(), labels.end());
  std::sort(rec.labels.begin(), rec.labels.end());
  rec.labels.erase(std::unique(rec.labels.begin(), rec.labels.end()), rec.labels.end());
  rec.properties = normalise(std::move(properties));
  ++live_nodes_;
  for (SymbolId label : rec.labels) {
    if (label >= label_index_.size()) label_index_.resize(label + 1);
    insert_id(label_index_[label], id);
  }
  index_node(id);
  touch();
  return id;
}

bool Graph::node_exists(NodeId id) const {
  return id < nodes_.size() && nodes_[id].alive;
}

const std::vector<SymbolId>& Graph::node_labels(NodeId id) const {
  check_node(id);
  return nodes_[id].labels;
}

bool Graph::has_label(NodeId id, SymbolId label) const {
  const auto& labels = node_labels(id);
  return std::binary_search(labels.begin(), labels.end(), label);
}

bool Graph::add_label(NodeId id, SymbolId label) {
  check_node(id);
  auto& labels = nodes_[id].labels;
  auto it = std::lower_bound(labels.begin(), labels.end(), label);
  if (it != labels.end() && *it == label) return false;
  unindex_node(id);
  labels.insert(it, label);
  if (label >= label_index_.size()) label_index_.resize(label + 1);
  insert_id(label_index_[label], id);
  index_node(id);
  touch();
  return true;
}

bool Graph::remove_label(NodeId id, SymbolId label) {
  check_node(id);
  auto& labels = nodes_[id].labels;
  auto it = std::lower_bound(labels.begin(), labels.end(), label);
  if (it == labels.end() || *it != label) return false;
  unindex_node(id);
  labels.erase(it);
  erase_id(label_index_[label], id);
  index_node(id);
  touch();
  return true;
}

const PropertyList& Graph::node_properties(NodeId id) const {
  check_node(id);
  return nodes_[id].properties;
}

const Value* Graph::node_property(NodeId id, SymbolId key) const {
  return lookup(node_properties(id), key);
}

void Graph::set_node_property(NodeId id, SymbolId key, Value value) {
  check_node(id);
  unindex_node(id);
  set_in(nodes_[id].properties, key, std::move(value));
  index_node(id);
  touch();
}

bool Graph::remove_node_property(NodeId id, SymbolId key) {
  check_node(id);
  unindex_node(id);
  const bool removed = remove_from(nodes_[id].properties, key);
  index_node(id);
  if (removed) touch();
  return removed;
}

Graph::DeleteResult Graph::delete_node(NodeId id, bool detach) {
  if (!node_exists(id)) return DeleteResult::Missing;
  if (degree(id, Direction::Both) > 0) {
    if (!detach) return DeleteResult::HasRelationships;
    std::vector<RelId> attached;
    for_each_relationship(id, Direction::Both, {}, [&](RelId r, NodeId) { attached.push_back(r); });
    for (RelId r : attached)
      delete_relationship(r);
  }
  unindex_node(id);
  NodeRecord& rec = nodes_[id];
  for (SymbolId label : rec.labels)
    erase_id(label_index_[label], id);
  rec.alive = false;
  // Keep labels and properties: a deleted node returned earlier by a query can still be
  // printed, as openCypher allows within the statement that deleted it. Keep its adjacency
  // lists too (all dead ids now) until compact(): an iteration over them may be in flight.
  --live_nodes_;
  touch();
  return DeleteResult::Deleted;
}

// ---- Relationships

RelId Graph::create_relationship(NodeId source, NodeId target, SymbolId type,
                                 PropertyList properties) {
  check_node(source);
  check_node(target);
  const RelId id = rels_.size();
  if (id >= kNone) throw std::length_error("too many relationships");
  if (type >= (1u << 31)) throw std::length_error("too many relationship types");
  RelRecord rec;
  rec.source = static_cast<std::uint32_t>(source);
  rec.target = static_cast<std::uint32_t>(target);
  rec.type = type;
  reserve_for_append(rels_);
  rels_.push_back(rec);
  PropertyList props = normalise(std::move(properties));
  reserve_for_append(rel_property_slot_);
  if (props.empty()) {
    rel_property_slot_.push_back(kNone);
  } else {
    rel_property_slot_.push_back(static_cast<std::uint32_t>(rel_property_lists_.size()));
    reserve_for_append(rel_property_lists_);
    rel_property_lists_.push_back(std::move(props));
  }
  nodes_[source].out.push_back(static_cast<std::uint32_t>(id));
  nodes_[target].in.push_back(static_cast<std::uint32_t>(id));
  ++live_rels_;
  touch();
  return id;
}

bool Graph::relationship_exists(RelId id) const {
  return id < rels_.size() && rels_[id].alive;
}

NodeId Graph::other_end(RelId id, NodeId from) const {
  const RelRecord& rec = rels_[id];
  return rec.source == from ? rec.target : rec.source;
}

const PropertyList& Graph::rel_properties(RelId id) const {
  static const PropertyList kEmpty;
  require<RelRecord>(id < rels_.size(), "relationship", id);
  const std::uint32_t slot = rel_property_slot_[id];
  return slot == kNone ? kEmpty : rel_property_lists_[slot];
}

PropertyList& Graph::writable_rel_properties(RelId id) {
  std::uint32_t& slot = rel_property_slot_[id];
  if (slot == kNone) {
    if (rel_property_lists_.size() >= kNone) throw std::length_error("too many property lists");
    slot = static_cast<std::uint32_t>(rel_property_lists_.size());
    reserve_for_append(rel_property_lists_);
    rel_property_lists_.emplace_back();
  }
  return rel_property_lists_[slot];
}

const Value* Graph::rel_property(RelId id, SymbolId key) const {
  return lookup(rel_properties(id), key);
}

void Graph::set_rel_property(RelId id, SymbolId key, Value value) {
  check_rel(id);
  if (value.is_null() && rel_property_slot_[id] == kNone) return;
  set_in(writable_rel_properties(id), key, std::move(value));
  touch();
}

bool Graph::remove_rel_property(RelId id, SymbolId key) {
  check_rel(id);
  const bool removed =
      rel_property_slot_[id] != kNone && remove_from(writable_rel_properties(id), key);
  if (removed) touch();
  return removed;
}

bool Graph::delete_relationship(RelId id) {
  if (!relationship_exists(id)) return false;
  // The adjacency lists keep the id until compact(): iterations in flight index into them.
  rels_[id].alive = false;
  --live_rels_;
  touch();
  return true;
}

std::size_t Graph::degree(NodeId node, Direction dir, std::span<const SymbolId> types) const {
  std::size_t n = 0;
  for_each_relationship(node, dir, types, [&](RelId, NodeId) { ++n; });
  return n;
}

void Graph::compact() {
  auto dead = [&](std::uint32_t r) { return !rels_[r].alive; };
  for (NodeRecord& rec : nodes_) {
    if (!rec.alive) {
      rec.out.clear();
      rec.in.clear();
      continue;
    }
    rec.out.erase_if(dead);
    rec.in.erase_if(dead);
  }
}

// ---- Scans and indexes

std::vector<NodeId> Graph::nodes_with_label(SymbolId label) const {
  if (label >= label_index_.size()) return {};
  return label_index_[label];
}

std::size_t Graph::label_count(SymbolId label) const {
  return label < label_index_.size() ? label_index_[label].size() : 0;
}

void Graph::add_name_keys(NodeId id, std::vector<std::string>& keys) const {
  const PropertyList& props = nodes_[id].properties;
  if (const Value* name = lookup(props, name_key_); name && name->is<std::string>()) {
    keys.push_back(name_key(name->as<std::string>()));
  }
  if (const Value* aliases = lookup(props, aliases_key_); aliases && aliases->is<List>()) {
    for (const Value& alias : aliases->as<List>()) {
      if (alias.is<std::string>()) keys.push_back(name_key(alias.as<std::string>()));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::erase(keys, std::string());
}

void Graph::index_node(NodeId id) {
  std::vector<std::string> keys;
  add_name_keys(id, keys);
  for (auto& key : keys)
    insert_id(name_index_[std::move(key)], id);
  const NodeRecord& rec = nodes_[id];
  for (auto& [label_key, index] : property_indexes_) {
    if (!std::binary_search(rec.labels.begin(), rec.labels.end(), label_key.label)) continue;
    if (const Value* v = lookup(rec.properties, label_key.key)) insert_id(index[*v], id);
  }
}

void Graph::unindex_node(NodeId id) {
  std::vector<std::string> keys;
  add_name_keys(id, keys);
  for (const auto& key : keys) {
    auto it = name_index_.find(key);
    if (it == name_index_.end()) continue;
    erase_id(it->second, id);
    if (it->second.empty()) name_index_.erase(it);
  }
  const NodeRecord& rec = nodes_[id];
  for (auto& [label_key, index] : property_indexes_) {
    if (!std::binary_search(rec.labels.begin(), rec.labels.end(), label_key.label)) continue;
    const Value* v = lookup(rec.properties, label_key.key);
    if (!v) continue;
    auto it = index.find(*v);
    if (it == index.end()) continue;
    erase_id(it->second, id);
    if (it->second.empty()) index.erase(it);
  }
}

std::vector<NodeId> Graph::find_by_name(SymbolId label, std::string_view name) const {
  auto it = name_index_.find(name_key(name));
  if (it == name_index_.end()) return {};
  std::vector<NodeId> found;
  for (NodeId id : it->second) {
    if (has_label(id, label)) found.push_back(id);
  }
  return found;
}

void Graph::create_property_index(SymbolId label, SymbolId key) {
  auto [it, inserted] = property_indexes_.try_emplace(LabelKey{label, key});
  if (!inserted) return;
  for (NodeId id : nodes_with_label(label)) {
    if (const Value* v = lookup(nodes_[id].properties, key)) insert_id(it->second[*v], id);
  }
}

bool Graph::has_property_index(SymbolId label, SymbolId key) const {
  return property_indexes_.contains(LabelKey{label, key});
}

std::vector<NodeId> Graph::find_by_property(SymbolId label, SymbolId key,
                                            const Value& value) const {
  auto index = property_indexes_.find(LabelKey{label, key});
  if (index == property_indexes_.end()) {
    throw std::logic_error("find_by_property: no index on that label and key");
  }
  auto it = index->second.find(value);
  if (it == index->second.end()) return {};
  return it->second;
}

// ---- Provenance

void Graph::add_evidence(EntityKind kind, std::uint64_t id, const Evidence& e) {
  std::uint32_t* head = nullptr;
  if (kind == EntityKind::Node) {
    check_node(id);
    head = &nodes_[id].evidence;
  } else {
    check_rel(id);
    head = &rels_[id].evidence;
  }
  const EvidenceRecord rec{evidence_strings_.intern(e.file), e.line,
                           evidence_strings_.intern(e.text), evidence_strings_.intern(e.rule),
                           kNone};
  // Append at the tail so evidence reads back in the order added; skip exact repeats.
  auto key_of = [](const EvidenceRecord& r) {
    return EvidenceKey{(std::uint64_t{r.file} << 32) | r.line,
                       (std::uint64_t{r.text} << 32) | r.rule};
  };
  const std::uint64_t entity = (std::uint64_t{kind == EntityKind::Relationship} << 63) | id;
  if (const auto it = long_chains_.find(entity); it != long_chains_.end()) {
    if (!it->second.held.insert(key_of(rec)).second) return;
    if (evidence_.size() >= kNone) throw std::length_error("too many evidence records");
    evidence_[it->second.tail].next = static_cast<std::uint32_t>(evidence_.size());
    it->second.tail = static_cast<std::uint32_t>(evidence_.size());
    reserve_for_append(evidence_);
    evidence_.push_back(rec);
    return;
  }
  constexpr std::size_t kLongChain = 32;
  std::size_t length = 0;
  std::uint32_t* link = head;
  while (*link != kNone) {
    const EvidenceRecord& cur = evidence_[*link];
    if (cur.file == rec.file && cur.line == rec.line && cur.text == rec.text &&
        cur.rule == rec.rule) {
      return;
    }
    link = &evidence_[*link].next;
    ++length;
  }
  if (evidence_.size() >= kNone) throw std::length_error("too many evidence records");
  *link = static_cast<std::uint32_t>(evidence_.size());
  reserve_for_append(evidence_);
  evidence_.push_back(rec);
  if (length + 1 < kLongChain) return;
  LongChain& chain = long_chains_[entity];
  for (std::uint32_t at = *head; at != kNone; at = evidence_[at].next) {
    chain.held.insert(key_of(evidence_[at]));
    chain.tail = at;
  }
}

std::vector<Evidence> Graph::evidence(EntityKind kind, std::uint64_t id) const {
  std::uint32_t at = kNone;
  if (kind == EntityKind::Node) {
    if (id < nodes_.size()) at = nodes_[id].evidence;
  } else if (id < rels_.size()) {
    at = rels_[id].evidence;
  }
  std::vector<Evidence> out;
  for (; at != kNone; at = evidence_[at].next) {
    const EvidenceRecord& rec = evidence_[at];
    out.push_back(Evidence{evidence_strings_.name(rec.file), rec.line,
                           evidence_strings_.name(rec.text), evidence_strings_.name(rec.rule)});
  }
  return out;
}

std::size_t Graph::evidence_count(EntityKind kind, std::uint64_t id) const {
  std::uint32_t at = kNone;
  if (kind == EntityKind::Node) {
    if (id < nodes_.size()) at = nodes_[id].evidence;
  } else if (id < rels_.size()) {
    at = rels_[id].evidence;
  }
  std::size_t n = 0;
  for (; at != kNone; at = evidence_[at].next)
    ++n;
  return n;
}

// ---- Views

std::shared_ptr<const CsrView> Graph::csr(const TraversalFilter& filter) const {
  const std::string key = filter.key();
  std::lock_guard lock(csr_mutex_);
  if (csr_cache_version_ != version_) {
    csr_cache_.clear();
    csr_cache_version_ = version_;
  }
  for (const auto& [cached_key, view] : csr_cache_) {
    if (cached_key == key) return view;
  }
  auto view = std::make_shared<const CsrView>(*this, filter);
  // A handful of views is all a session uses; keep the cache from growing without bound.
  if (csr_cache_.size() >= 16) csr_cache_.erase(csr_cache_.begin());
  csr_cache_.emplace_back(key, view);
  return view;
}

}  // namespace kith
