#include "query/query_error.hpp"

namespace kith::query {

QueryError::QueryError(ErrorPhase phase, std::string error_class, std::string detail,
                       std::string message, std::uint32_t line, std::uint32_t column)
    : std::runtime_error(std::move(message)),
      phase_(phase),
      class_(std::move(error_class)),
      detail_(std::move(detail)),
      line_(line),
      column_(column) {}

}  // namespace kith::query
