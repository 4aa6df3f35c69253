// The guards on every query (query::QueryOptions: timeout, max_rows, max_memory_bytes,
// var_length_bound), as the user sets them: `:limit NAME VALUE` in the shell and
// `--limit NAME=VALUE` on the command line use the names the limit errors print.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "query/engine.hpp"

namespace kith::repl {

// Sets one limit from text: timeout `30s`, `500ms`, `2m`, `1h` (a bare number is seconds,
// at most 24 h); max_rows a count; max_memory_bytes a count of bytes, or with KB, MB or GB
// (binary units); var_length_bound a number of hops, 1 to 1000. Returns what is wrong, or
// nullopt once it is set.
std::optional<std::string> set_query_limit(query::QueryOptions& options, std::string_view name,
                                           std::string_view value);

// One line per limit: its name, value and what it bounds.
std::string describe_query_limits(const query::QueryOptions& options);

// For a LimitExceeded message: how to raise the limit it names, or empty when it names none.
std::string how_to_raise(std::string_view message);

}  // namespace kith::repl
