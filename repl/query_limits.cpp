#include "repl/query_limits.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstdint>

namespace kith::repl {

namespace {

struct LimitName {
  std::string_view name;
  std::string_view bounds;
  std::string_view example;
};

constexpr std::array kLimits = {
    LimitName{"timeout", "how long one query may run", "5m"},
    LimitName{"max_rows", "rows any one operator may hold", "N"},
    LimitName{"max_memory_bytes", "estimated memory one query may hold", "8GB"},
    LimitName{"var_length_bound", "hops a `*` or `*m..` pattern may take", "N"},
};

std::optional<std::uint64_t> whole_number(std::string_view text) {
  std::uint64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return {};
  return n;
}

// `value` without its unit, and the multiplier the unit stands for (0 when there is none);
// nullopt for a unit not in `units`.
template <std::size_t N>
std::optional<std::pair<std::string_view, std::uint64_t>> split_unit(
    std::string_view value,
    const std::array<std::pair<std::string_view, std::uint64_t>, N>& units) {
  std::size_t digits = 0;
  while (digits < value.size() && value[digits] >= '0' && value[digits] <= '9')
    ++digits;
  const std::string_view unit = value.substr(digits);
  if (unit.empty()) return std::pair{value, std::uint64_t{0}};
  for (const auto& [name, factor] : units) {
    if (unit.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < unit.size(); ++i)
      same = same && (unit[i] | 0x20) == (name[i] | 0x20);
    if (same) return std::pair{value.substr(0, digits), factor};
  }
  return {};
}

std::string format_bytes(std::uint64_t bytes) {
  if (bytes % (1ull << 30) == 0) return fmt::format("{}GB", bytes >> 30);
  if (bytes % (1ull << 20) == 0) return fmt::format("{}MB", bytes >> 20);
  if (bytes % (1ull << 10) == 0) return fmt::format("{}KB", bytes >> 10);
  return std::to_string(bytes);
}

std::string format_duration(std::chrono::milliseconds d) {
  const auto ms = static_cast<std::uint64_t>(d.count());
  if (ms % 3'600'000 == 0) return fmt::format("{}h", ms / 3'600'000);
  if (ms % 60'000 == 0) return fmt::format("{}m", ms / 60'000);
  if (ms % 1000 == 0) return fmt::format("{}s", ms / 1000);
  return fmt::format("{}ms", ms);
}

}  // namespace

std::optional<std::string> set_query_limit(query::QueryOptions& options, std::string_view name,
                                           std::string_view value) {
  if (name == "timeout") {
    static constexpr std::array<std::pair<std::string_view, std::uint64_t>, 4> kUnits = {
        {{"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}}};
    const auto split = split_unit(value, kUnits);
    const auto n = split ? whole_number(split->first) : std::nullopt;
    constexpr std::uint64_t kDayMs = 24ull * 3'600'000;
    const std::uint64_t factor = !split ? 0 : split->second == 0 ? 1000 : split->second;
    if (!n || *n == 0 || *n > kDayMs / factor)
      return fmt::format("timeout {}: expected a time from 1ms to 24h, such as 30s, 500ms or 2m",
                         value);
    options.timeout = std::chrono::milliseconds(*n * factor);
    return {};
  }
  if (name == "max_rows") {
    const auto n = whole_number(value);
    if (!n || *n == 0)
      return fmt::format("max_rows {}: expected a count of rows, 1 or more", value);
    options.max_rows = *n;
    return {};
  }
  if (name == "max_memory_bytes") {
    static constexpr std::array<std::pair<std::string_view, std::uint64_t>, 6> kUnits = {
        {{"KB", 1ull << 10},
         {"MB", 1ull << 20},
         {"GB", 1ull << 30},
         {"KiB", 1ull << 10},
         {"MiB", 1ull << 20},
         {"GiB", 1ull << 30}}};
    const auto split = split_unit(value, kUnits);
    const auto n = split ? whole_number(split->first) : std::nullopt;
    const std::uint64_t factor = !split ? 0 : split->second == 0 ? 1 : split->second;
    if (!n || *n == 0 || *n > (1ull << 50) / factor)
      return fmt::format("max_memory_bytes {}: expected bytes, such as 2GB, 512MB or 1048576",
                         value);
    options.max_memory_bytes = *n * factor;
    return {};
  }
  if (name == "var_length_bound") {
    const auto n = whole_number(value);
    if (!n || *n == 0 || *n > 1000)
      return fmt::format("var_length_bound {}: expected a number of hops from 1 to 1000", value);
    options.var_length_bound = static_cast<int>(*n);
    return {};
  }
  return fmt::format("no limit called '{}' (timeout, max_rows, max_memory_bytes, var_length_bound)",
                     name);
}

std::string describe_query_limits(const query::QueryOptions& options) {
  const std::array values = {
      format_duration(options.timeout),
      std::to_string(options.max_rows),
      format_bytes(options.max_memory_bytes),
      std::to_string(options.var_length_bound),
  };
  std::string out;
  for (std::size_t i = 0; i < kLimits.size(); ++i)
    out += fmt::format("{:<17} {:<10}  {}\n", kLimits[i].name, values[i], kLimits[i].bounds);
  return out;
}

std::string how_to_raise(std::string_view message) {
  for (const LimitName& limit : kLimits) {
    if (message.find(limit.name) == std::string_view::npos) continue;
    return fmt::format("raise it with `:limit {0} {1}` in the shell or `--limit {0}={1}`",
                       limit.name, limit.example);
  }
  return {};
}

}  // namespace kith::repl
