// How much memory kith has held at its peak, for `kith stats` and the memory bounds the
// hostile-vault tests check.
#pragma once

#include <cstdint>

namespace kith::repl {

// The peak resident set size of this program since it started, in bytes (0 if unknown).
std::uint64_t peak_resident_bytes();

}  // namespace kith::repl
