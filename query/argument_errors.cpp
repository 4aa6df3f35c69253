#include "query/argument_errors.hpp"

#include <fmt/format.h>

namespace kith::query {

std::string describe(const Value& v) {
  if (v.is_null()) return "null";
  std::string text = to_cypher(v);
  // Values quoted in messages are cut short: a 10 MB string must not become a 10 MB message.
  constexpr std::size_t kMaxShown = 80;
  if (text.size() > kMaxShown) {
    text.resize(kMaxShown);
    text += "...";
  }
  return fmt::format("{} {}", type_name(v.type()), text);
}

void throw_wrong_type(std::string_view what, std::string_view expected, const Value& got,
                      std::string_view detail) {
  throw QueryError(ErrorPhase::Runtime, "TypeError", std::string(detail),
                   fmt::format("{} expects {}, got {}", what, expected, describe(got)));
}

void throw_runtime(std::string_view error_class, std::string_view detail, std::string message) {
  throw QueryError(ErrorPhase::Runtime, std::string(error_class), std::string(detail),
                   std::move(message));
}

}  // namespace kith::query
