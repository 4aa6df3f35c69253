// The runtime errors the operators and built-in functions raise, spelled once so that every
// function reports a bad argument the same way (class, TCK detail code and message shape).
#pragma once

#include <string>
#include <string_view>

#include "graph/value.hpp"
#include "query/query_error.hpp"

namespace kith::query {

// "TypeError (InvalidArgumentType): toUpper() expects a STRING, got INTEGER 42". The TCK
// wants InvalidArgumentValue from the conversion and graph functions (toInteger([]), type(1)).
[[noreturn]] void throw_wrong_type(std::string_view what, std::string_view expected,
                                   const Value& got,
                                   std::string_view detail = "InvalidArgumentType");
// A runtime error of any class and detail code with a ready message.
[[noreturn]] void throw_runtime(std::string_view error_class, std::string_view detail,
                                std::string message);

// The value as a message shows it: its type name and, when short, its literal.
std::string describe(const Value& v);

}  // namespace kith::query
