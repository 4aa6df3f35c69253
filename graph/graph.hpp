// The property graph every other part of kith reads and writes.
//
// Nodes carry labels and properties; relationships carry one type, a direction and properties.
// Ids are 64-bit, handed out in creation order and never reused, so an id held by a query
// result or an export stays valid (or is known to be deleted) whatever happens later.
//
// Storage is a mutable adjacency structure (one record per node and per relationship, each
// node listing its outgoing and incoming relationship ids) tuned for loading and writes.
// Algorithms run on read-optimised compressed-sparse-row views (graph/csr_view.hpp) that are
// built from it on demand and cached until the next write. docs/architecture.md says why.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/id_list.hpp"
#include "graph/memory_breakdown.hpp"
#include "graph/symbols.hpp"
#include "graph/value.hpp"

namespace kith {

// Properties of one node or relationship, sorted by key id, at most one entry per key.
using PropertyList = std::vector<std::pair<SymbolId, Value>>;

enum class Direction : std::uint8_t { Out, In, Both };

// Where a fact came from: a file (relative to the vault root, '/' separators), a 1-based line,
// the sentence or line text, and the name of the rule that produced the fact.
struct Evidence {
  std::string file;
  std::uint32_t line = 0;
  std::string text;
  std::string rule;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

enum class EntityKind : std::uint8_t { Node, Relationship };

class CsrView;
struct TraversalFilter;

class Graph {
 public:
  Graph();
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  // ---- Interned names. intern_* creates the name; find_* only looks.
  SymbolId intern_label(std::string_view name) { return labels_.intern(name); }
  SymbolId intern_type(std::string_view name) { return types_.intern(name); }
  SymbolId intern_key(std::string_view name) { return keys_.intern(name); }
  std::optional<SymbolId> find_label(std::string_view name) const { return labels_.find(name); }
  std::optional<SymbolId> find_type(std::string_view name) const { return types_.find(name); }
  std::optional<SymbolId> find_key(std::string_view name) const { return keys_.find(name); }
  const std::string& label_name(SymbolId id) const { return labels_.name(id); }
  const std::string& type_name(SymbolId id) const { return types_.name(id); }
  const std::string& key_name(SymbolId id) const { return keys_.name(id); }
  const SymbolTable& labels() const { return labels_; }
  const SymbolTable& types() const { return types_; }
  const SymbolTable& keys() const { return keys_; }

  // ---- Nodes
  NodeId create_node(std::span<const SymbolId> labels = {}, PropertyList properties = {});
  bool node_exists(NodeId id) const;
  std::size_t node_count() const { return live_nodes_; }
  // One past the largest node id handed out so far: ids range over [0, node_id_bound()).
  NodeId node_id_bound() const { return nodes_.size(); }

  const std::vector<SymbolId>& node_labels(NodeId id) const;  // sorted, no repeats
  bool has_label(NodeId id, SymbolId label) const;
  bool add_label(NodeId id, SymbolId label);     // false if it was there already
  bool remove_label(NodeId id, SymbolId label);  // false if it was not there

  const PropertyList& node_properties(NodeId id) const;
  const Value* node_property(NodeId id, SymbolId key) const;  // nullptr when absent
  // Setting null removes the property, as openCypher's SET n.k = null does.
  void set_node_property(NodeId id, SymbolId key, Value value);
  bool remove_node_property(NodeId id, SymbolId key);

  enum class DeleteResult : std::uint8_t { Deleted, HasRelationships, Missing };
  // Without detach, a node that still has relationships is left alone (HasRelationships).
  DeleteResult delete_node(NodeId id, bool detach);

  // ---- Relationships
  RelId create_relationship(NodeId source, NodeId target, SymbolId type,
                            PropertyList properties = {});
  bool relationship_exists(RelId id) const;
  std::size_t relationship_count() const { return live_rels_; }
  RelId rel_id_bound() const { return rels_.size(); }

  NodeId source(RelId id) const { return rels_[id].source; }
  NodeId target(RelId id) const { return rels_[id].target; }
  SymbolId rel_type(RelId id) const { return rels_[id].type; }
  // The node at the other end of rel from `from` (for a self-loop, `from` itself).
  NodeId other_end(RelId id, NodeId from) const;

  const PropertyList& rel_properties(RelId id) const;
  const Value* rel_property(RelId id, SymbolId key) const;
  void set_rel_property(RelId id, SymbolId key, Value value);
  bool remove_rel_property(RelId id, SymbolId key);
  bool delete_relationship(RelId id);

  // ---- Adjacency
  // Calls fn(RelId rel, NodeId neighbour) for every live relationship of `node` in direction
  // `dir` whose type is in `types` (all types when empty). With Both, a self-loop is reported
  // once. fn may return void, or bool where false stops the iteration.
  //
  // Iteration covers the relationships that existed when it started and skips any deleted on
  // the way, so fn may create or delete nodes and relationships (the query engine's writes
  // during a MATCH rely on this).
  template <class F>
  void for_each_relationship(NodeId node, Direction dir, std::span<const SymbolId> types,
                             F&& fn) const;
  std::size_t degree(NodeId node, Direction dir, std::span<const SymbolId> types = {}) const;

  // ---- Scans and indexes
  // Calls fn(NodeId) for every live node in id order (fn may return bool to stop early).
  template <class F>
  void for_each_node(F&& fn) const;
  template <class F>
  void for_each_relationship(F&& fn) const;  // every live relationship, in id order
  // Live nodes with the label, in ascending id order.
  std::vector<NodeId> nodes_with_label(SymbolId label) const;
  std::size_t label_count(SymbolId label) const;

  // The name index: nodes of `label` whose `name` property, or one of the strings in their
  // `aliases` list property, has the same name_key() as `name` (case, accents, spacing and
  // punctuation ignored: "helga strom" finds "Helga Strøm"). Ascending ids.
  std::vector<NodeId> find_by_name(SymbolId label, std::string_view name) const;

  // Equality indexes on (label, key). Once created an index is kept up to date by every
  // write. find_by_property uses equivalent() semantics on the value (1 finds 1.0).
  void create_property_index(SymbolId label, SymbolId key);
  bool has_property_index(SymbolId label, SymbolId key) const;
  // Requires has_property_index(label, key). Ascending ids.
  std::vector<NodeId> find_by_property(SymbolId label, SymbolId key, const Value& value) const;

  // ---- Provenance
  void add_evidence(EntityKind kind, std::uint64_t id, const Evidence& evidence);
  // In the order added; duplicates (same file, line, text and rule) are kept once.
  std::vector<Evidence> evidence(EntityKind kind, std::uint64_t id) const;
  std::size_t evidence_count(EntityKind kind, std::uint64_t id) const;

  // ---- Views for algorithms
  // A compressed-sparse-row view of the relationships that pass `filter`, built on first use
  // and cached until the next write. Safe to call from several threads.
  std::shared_ptr<const CsrView> csr(const TraversalFilter& filter) const;

  // Bumped by every write; views and caches compare it to know they are stale.
  std::uint64_t version() const { return version_; }

  // Drops deleted entries from adjacency lists. Never called implicitly (so iterations in
  // flight stay valid); the query engine calls it between statements.
  void compact();

  // Bytes held by the store, by part, and their sum (graph/memory_breakdown.hpp). Counts heap
  // blocks as malloc sizes them; cached CSR views are included while they are cached.
  MemoryBreakdown memory_breakdown() const;
  std::size_t memory_bytes() const { return memory_breakdown().total(); }

 private:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  struct NodeRecord {
    std::vector<SymbolId> labels;
    PropertyList properties;
    IdList out;  // relationship ids, may hold deleted ones until compact()
    IdList in;
    std::uint32_t evidence = kNone;  // head of this node's evidence chain
    bool alive = true;
  };
  // 16 bytes: relationships outnumber everything else, so their record is kept tight.
  struct RelRecord {
    std::uint32_t source = 0;
    std::uint32_t target = 0;
    std::uint32_t type : 31 = 0;
    std::uint32_t alive : 1 = 1;
    std::uint32_t evidence = kNone;
  };
  struct EvidenceRecord {
    SymbolId file;
    std::uint32_t line;
    SymbolId text;
    SymbolId rule;
    std::uint32_t next;  // kNone ends the chain
  };
  using EvidenceKey = std::pair<std::uint64_t, std::uint64_t>;  // (file, line), (text, rule)
  struct EvidenceKeyHash {
    std::size_t operator()(const EvidenceKey& k) const {
      return std::hash<std::uint64_t>{}(k.first * 0x9E3779B97F4A7C15ull ^ k.second);
    }
  };
  // A chain that grew long (a company's WORKS_AT edge cited by thousands of notes): its tail
  // and the records it holds, so adding evidence neither walks it nor compares against it all.
  struct LongChain {
    std::uint32_t tail = kNone;
    std::unordered_set<EvidenceKey, EvidenceKeyHash> held;
  };
  struct LabelKey {
    SymbolId label;
    SymbolId key;
    friend bool operator==(LabelKey, LabelKey) = default;
  };
  struct LabelKeyHash {
    std::size_t operator()(LabelKey k) const {
      return std::hash<std::uint64_t>{}((std::uint64_t{k.label} << 32) | k.key);
    }
  };
  using ValueIndex = std::unordered_map<Value, std::vector<NodeId>, ValueHash, ValueEquivalent>;

  static bool type_matches(SymbolId type, std::span<const SymbolId> types);
  void touch() { ++version_; }
  void check_node(NodeId id) const;
  void check_rel(RelId id) const;
  void index_node(NodeId id);    // adds the node to the name and property indexes
  void unindex_node(NodeId id);  // removes it
  void add_name_keys(NodeId id, std::vector<std::string>& keys) const;
  PropertyList& writable_rel_properties(RelId id);

  SymbolTable labels_;
  SymbolTable types_;
  SymbolTable keys_;
  SymbolTable evidence_strings_;  // files, sentences and rule names, each stored once

  std::vector<NodeRecord> nodes_;
  std::vector<RelRecord> rels_;
  // Most relationships have no properties: each has a slot into the property lists, or kNone.
  std::vector<std::uint32_t> rel_property_slot_;
  std::vector<PropertyList> rel_property_lists_;
  std::vector<EvidenceRecord> evidence_;
  std::unordered_map<std::uint64_t, LongChain> long_chains_;  // (kind, id) -> chain
  std::size_t live_nodes_ = 0;
  std::size_t live_rels_ = 0;
  std::uint64_t version_ = 0;

  std::vector<std::vector<NodeId>> label_index_;  // label -> node ids, sorted; may hold stale
  std::unordered_map<std::string, std::vector<NodeId>> name_index_;  // name_key -> nodes
  std::unordered_map<LabelKey, ValueIndex, LabelKeyHash> property_indexes_;
  SymbolId name_key_;
  SymbolId aliases_key_;

  mutable std::mutex csr_mutex_;
  mutable std::vector<std::pair<std::string, std::shared_ptr<const CsrView>>> csr_cache_;
  mutable std::uint64_t csr_cache_version_ = 0;
};

template <class F>
void Graph::for_each_relationship(NodeId node, Direction dir, std::span<const SymbolId> types,
                                  F&& fn) const {
  check_node(node);
  auto visit = [&](bool outgoing) -> bool {
    // Index-based, with the list looked up afresh each step and its end fixed up front: fn may
    // create nodes or relationships, which can reallocate both nodes_ and this very list.
    auto list = [&]() -> const IdList& { return outgoing ? nodes_[node].out : nodes_[node].in; };
    const std::size_t end = list().size();
    for (std::size_t i = 0; i < end; ++i) {
      const std::uint32_t r = list()[i];
      const RelRecord& rec = rels_[r];
      if (!rec.alive || !type_matches(rec.type, types)) continue;
      // With Both, report a self-loop only from the outgoing side.
      if (!outgoing && dir == Direction::Both && rec.source == rec.target) continue;
      const NodeId other = outgoing ? rec.target : rec.source;
      if constexpr (std::is_same_v<std::invoke_result_t<F, RelId, NodeId>, bool>) {
        if (!fn(RelId{r}, other)) return false;
      } else {
        fn(RelId{r}, other);
      }
    }
    return true;
  };
  if (dir != Direction::In && !visit(true)) return;
  if (dir != Direction::Out) visit(false);
}

template <class F>
void Graph::for_each_node(F&& fn) const {
  const std::size_t end = nodes_.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (!nodes_[i].alive) continue;
    if constexpr (std::is_same_v<std::invoke_result_t<F, NodeId>, bool>) {
      if (!fn(NodeId{i})) return;
    } else {
      fn(NodeId{i});
    }
  }
}

template <class F>
void Graph::for_each_relationship(F&& fn) const {
  const std::size_t end = rels_.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (!rels_[i].alive) continue;
    if constexpr (std::is_same_v<std::invoke_result_t<F, RelId>, bool>) {
      if (!fn(RelId{i})) return;
    } else {
      fn(RelId{i});
    }
  }
}

}  // namespace kith
