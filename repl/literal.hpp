// Reading a parameter's value as written after `:param name` or `--param name=`: an openCypher
// literal (null, true, 42, -1.5e3, 0x1F, 'text' or "text" with escapes, [lists], {maps}).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/value.hpp"

namespace kith::repl {

// The value, or nullopt with `error` saying what is wrong and where (a 1-based column).
std::optional<Value> parse_literal(std::string_view text, std::string* error = nullptr);

// A command-line parameter: the literal when it is one, else the text as a string, so that
// `--param name=Wen` and `--param name="'Wen'"` both give 'Wen'.
Value parse_parameter(std::string_view text);

}  // namespace kith::repl
