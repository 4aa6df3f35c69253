// Weighted shortest path: boost::dijkstra_shortest_paths over the CSR view, walked in the
// view's direction through a small adaptor (Boost has reverse_graph for In but nothing that
// walks a bidirectional graph both ways), stopping as soon as the target is settled.
#include <cstdint>
#include <limits>
#include <vector>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/property_map.hpp>

#include "graph/algorithms.hpp"

namespace kith {
namespace {

// An edge as walked: from -> to, standing for relationship rel, which weighs weight.
struct WalkEdge {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t rel = 0;
  double weight = 0;
  friend bool operator==(const WalkEdge&, const WalkEdge&) = default;
};

// The view seen as a directed graph of weighted walk steps: an IncidenceGraph and
// VertexListGraph for Boost's algorithms, whose out-edges are exactly what
// CsrView::for_each_neighbour reports. The weight is read once, as the step is produced:
// Dijkstra asks for it twice per edge, and the property lookup (scattered reads in the store)
// is the costly part of a relaxation.
struct WalkGraph {
  const CsrView* view;
  const Graph* graph;
  SymbolId weight_key;
  double default_weight;
};

class WalkEdgeIterator : public boost::iterator_facade<WalkEdgeIterator, WalkEdge,
                                                       boost::forward_traversal_tag, WalkEdge> {
 public:
  using OutIt = boost::graph_traits<CsrGraph>::out_edge_iterator;
  using InIt = boost::graph_traits<CsrGraph>::in_edge_iterator;

  WalkEdgeIterator() = default;
  // The first step out of v, or with at_end, one past the last.
  WalkEdgeIterator(const WalkGraph& walk, std::uint32_t v, bool at_end)
      : walk_(&walk),
        csr_(&walk.view->csr()),
        v_(v),
        both_(walk.view->direction() == Direction::Both) {
    const CsrView& view = *walk.view;
    auto [out_begin, out_end] = out_edges(v, *csr_);
    auto [in_begin, in_end] = in_edges(v, *csr_);
    out_ = out_end_ = out_end;
    in_ = in_end_ = in_end;
    if (at_end) return;
    if (view.direction() != Direction::In) out_ = out_begin;
    if (view.direction() != Direction::Out) in_ = in_begin;
    skip_self_loop();
  }

 private:
  friend class boost::iterator_core_access;

  // Boost dereferences the same position several times per edge (target, examine, relax),
  // so the step and its weight are built once per position.
  WalkEdge dereference() const {
    if (loaded_) return current_;
    current_.from = v_;
    if (out_ != out_end_) {
      current_.to = static_cast<std::uint32_t>(target(*out_, *csr_));
      current_.rel = (*csr_)[*out_].rel;
    } else {
      current_.to = static_cast<std::uint32_t>(source(*in_, *csr_));
      current_.rel = (*csr_)[*in_].rel;
    }
    current_.weight =
        relationship_weight(*walk_->graph, current_.rel, walk_->weight_key, walk_->default_weight);
    loaded_ = true;
    return current_;
  }
  void increment() {
    loaded_ = false;
    if (out_ != out_end_) {
      ++out_;
    } else {
      ++in_;
    }
    skip_self_loop();
  }
  bool equal(const WalkEdgeIterator& other) const { return out_ == other.out_ && in_ == other.in_; }
  // Walking both ways, a self-loop is taken from its outgoing side only.
  void skip_self_loop() {
    if (!both_ || out_ != out_end_) return;
    while (in_ != in_end_ && source(*in_, *csr_) == v_)
      ++in_;
  }

  const WalkGraph* walk_ = nullptr;
  const CsrGraph* csr_ = nullptr;
  std::uint32_t v_ = 0;
  bool both_ = false;
  OutIt out_, out_end_;
  InIt in_, in_end_;
  mutable WalkEdge current_;
  mutable bool loaded_ = false;
};

}  // namespace
}  // namespace kith

namespace boost {
template <>
struct graph_traits<kith::WalkGraph> {
  using vertex_descriptor = std::uint32_t;
  using edge_descriptor = kith::WalkEdge;
  using directed_category = directed_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : incidence_graph_tag, vertex_list_graph_tag {};
  using out_edge_iterator = kith::WalkEdgeIterator;
  using degree_size_type = std::uint32_t;
  using vertex_iterator = counting_iterator<std::uint32_t>;
  using vertices_size_type = std::uint32_t;
  using edges_size_type = std::uint32_t;
  using adjacency_iterator = void;
  using in_edge_iterator = void;
  using edge_iterator = void;
  static vertex_descriptor null_vertex() { return std::numeric_limits<std::uint32_t>::max(); }
};
}  // namespace boost

namespace kith {
namespace {

// The IncidenceGraph and VertexListGraph functions Boost finds by argument-dependent lookup.
std::pair<WalkEdgeIterator, WalkEdgeIterator> out_edges(std::uint32_t v, const WalkGraph& g) {
  return {WalkEdgeIterator(g, v, false), WalkEdgeIterator(g, v, true)};
}
std::uint32_t out_degree(std::uint32_t v, const WalkGraph& g) {
  auto [it, end] = out_edges(v, g);
  return static_cast<std::uint32_t>(std::distance(it, end));
}
std::uint32_t source(const WalkEdge& e, const WalkGraph&) {
  return e.from;
}
std::uint32_t target(const WalkEdge& e, const WalkGraph&) {
  return e.to;
}
std::uint32_t num_vertices(const WalkGraph& g) {
  return g.view->vertex_count();
}
std::pair<boost::counting_iterator<std::uint32_t>, boost::counting_iterator<std::uint32_t>>
vertices(const WalkGraph& g) {
  return {boost::counting_iterator<std::uint32_t>(0),
          boost::counting_iterator<std::uint32_t>(num_vertices(g))};
}

struct TargetSettled {};

// Records the relationship each vertex was last relaxed through (its final one when the vertex
// is settled) and stops the search once the target is settled. Throwing is how Boost's
// documentation says to end a search early.
class PathRecorder : public boost::default_dijkstra_visitor {
 public:
  PathRecorder(std::uint32_t target, std::vector<std::uint32_t>& reached_by)
      : target_(target), reached_by_(&reached_by) {}
  void edge_relaxed(const WalkEdge& e, const WalkGraph&) { (*reached_by_)[e.to] = e.rel; }
  void examine_vertex(std::uint32_t v, const WalkGraph&) {
    if (v == target_) throw TargetSettled{};
  }

 private:
  std::uint32_t target_;
  std::vector<std::uint32_t>* reached_by_;
};

}  // namespace

std::optional<WeightedPath> weighted_shortest_path(const Graph& g, NodeId from, NodeId to,
                                                   const TraversalFilter& f, SymbolId weight_key,
                                                   double default_weight) {
  const auto view = g.csr(f);
  if (!view->includes(from) || !view->includes(to)) return std::nullopt;
  if (from == to) return WeightedPath{Path{{from}, {}}, 0.0};

  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  const WalkGraph walk{view.get(), &g, weight_key, default_weight};
  const std::uint32_t n = view->vertex_count();
  const auto source_vertex = static_cast<std::uint32_t>(from);
  const auto target_vertex = static_cast<std::uint32_t>(to);
  std::vector<double> distance(n);
  std::vector<boost::default_color_type> colour(n);
  std::vector<std::uint32_t> reached_by(n);
  const boost::typed_identity_property_map<std::uint32_t> index;
  auto weight = boost::make_function_property_map<WalkEdge, double>(
      [](const WalkEdge& e) { return e.weight; });
  try {
    boost::dijkstra_shortest_paths(
        walk, source_vertex,
        boost::weight_map(weight)
            .distance_map(boost::make_iterator_property_map(distance.begin(), index))
            .color_map(boost::make_iterator_property_map(colour.begin(), index))
            .vertex_index_map(index)
            // Boost's default "unreached" is DBL_MAX; infinity keeps an infinite weight
            // impassable rather than merely expensive.
            .distance_inf(kInfinity)
            .visitor(PathRecorder(target_vertex, reached_by)));
    return std::nullopt;  // the search ended without settling the target
  } catch (const TargetSettled&) {
  }
  // Boost settles vertices it queued but could not reach too, at distance infinity.
  if (distance[target_vertex] == kInfinity) return std::nullopt;

  WeightedPath result;
  result.cost = distance[target_vertex];
  for (NodeId v = to; v != from;) {
    const std::uint32_t rel = reached_by[v];
    result.path.nodes.push_back(v);
    result.path.rels.push_back(rel);
    v = g.source(rel) == v ? g.target(rel) : g.source(rel);
  }
  result.path.nodes.push_back(from);
  std::reverse(result.path.nodes.begin(), result.path.nodes.end());
  std::reverse(result.path.rels.begin(), result.path.rels.end());
  return result;
}

}  // namespace kith
