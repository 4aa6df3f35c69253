// The guards every operator calls: timeout, cancel, row count and estimated memory.
#include "query/exec_context.hpp"

#include <fmt/format.h>

#include "query/query_error.hpp"

namespace kith::query {

ExecContext::ExecContext(Graph& g, const Map& params, const QueryOptions& opts)
    : graph(g),
      parameters(params),
      options(opts),
      procedures(opts.procedures ? *opts.procedures : builtin_procedures()),
      functions{g, std::chrono::system_clock::now()},
      start_(std::chrono::steady_clock::now()) {}

void ExecContext::limit_exceeded(const std::string& what) {
  throw QueryError(ErrorPhase::Runtime, "LimitExceeded", "LimitExceeded", what);
}

void ExecContext::check_time() {
  if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
    limit_exceeded("the query was cancelled");
  }
  if (std::chrono::steady_clock::now() - start_ > options.timeout) {
    limit_exceeded(
        fmt::format("the query ran longer than the timeout of {} ms", options.timeout.count()));
  }
}

void ExecContext::check_rows(std::size_t rows, std::size_t row_width) {
  if (rows > options.max_rows) {
    limit_exceeded(fmt::format("an operator held more than max_rows = {} rows", options.max_rows));
  }
  // A rough estimate: a Value is 64 bytes plus what strings and lists hold beyond it.
  const std::uint64_t bytes = std::uint64_t{rows} * (row_width + 1) * sizeof(Value);
  if (bytes > options.max_memory_bytes) {
    limit_exceeded(fmt::format("an operator held more than max_memory_bytes = {} bytes",
                               options.max_memory_bytes));
  }
  tick();
}

}  // namespace kith::query
