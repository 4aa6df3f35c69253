// A small graph builder shared by the CSR view and algorithm tests.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "graph/algorithms.hpp"
#include "graph/graph.hpp"

namespace kith::testing {

class AlgorithmTest : public ::testing::Test {
 protected:
  NodeId node(std::vector<SymbolId> labels = {}) { return g.create_node(labels); }
  std::vector<NodeId> nodes(int count, std::vector<SymbolId> labels = {}) {
    std::vector<NodeId> ids;
    for (int i = 0; i < count; ++i)
      ids.push_back(node(labels));
    return ids;
  }
  RelId rel(NodeId from, NodeId to, SymbolId type, PropertyList properties = {}) {
    return g.create_relationship(from, to, type, std::move(properties));
  }
  static TraversalFilter filter(Direction direction, std::vector<SymbolId> types = {},
                                std::vector<SymbolId> labels = {}) {
    TraversalFilter f;
    f.direction = direction;
    f.types = std::move(types);
    f.labels = std::move(labels);
    return f;
  }

  Graph g;
  SymbolId person = g.intern_label("Person");
  SymbolId account = g.intern_label("Account");
  SymbolId knows = g.intern_type("KNOWS");
  SymbolId manages = g.intern_type("MANAGES");
  SymbolId weight = g.intern_key("weight");
};

}  // namespace kith::testing
