// The query pipeline on arbitrary text: parse, bind, plan, and execute against the small graph
// of small_graph.hpp under its tight guards.
// Any exception other than QueryError, and any sanitizer report, is a finding.
#include "fuzz_target.hpp"
#include "query/engine.hpp"
#include "query/query_error.hpp"
#include "small_graph.hpp"

KITH_FUZZ_TARGET(query) {
  kith::Graph graph;
  kith::fuzz::build_small_graph(graph);
  try {
    kith::query::run_query(graph, kith::fuzz::as_text(data, size), {},
                           kith::fuzz::small_query_options());
  } catch (const kith::query::QueryError&) {
    // A clear error is the right answer to most random text.
  }
  return 0;
}
