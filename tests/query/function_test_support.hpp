// Calling the built-in functions by name in tests, as the executor does.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "query/functions.hpp"
#include "query/query_error.hpp"

namespace kith::query {

class FunctionTest : public ::testing::Test {
 protected:
  Graph graph;
  // 2015-06-24T12:50:35.556Z, the instant Neo4j's manual uses for its clock examples.
  FunctionContext ctx{
      graph, std::chrono::system_clock::time_point{std::chrono::milliseconds{1435150235556}}};

  Value call(std::string_view name, std::vector<Value> args) {
    const FunctionInfo* f = find_function(name);
    if (!f) throw std::logic_error("no function " + std::string(name));
    const int n = static_cast<int>(args.size());
    if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
      throw std::logic_error("bad arity for " + std::string(name));
    }
    return f->call(args, ctx);
  }

  // "Class/Detail" of the QueryError the call raises, or "no error".
  std::string error_of(std::string_view name, std::vector<Value> args) {
    try {
      call(name, std::move(args));
    } catch (const QueryError& e) {
      return e.error_class() + "/" + e.detail();
    }
    return "no error";
  }
};

}  // namespace kith::query
