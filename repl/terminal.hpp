// What the shell asks of the terminal it writes to.
#pragma once

#include <cstddef>

namespace kith::repl {

bool is_terminal(int fd);

// The terminal's width in columns, or 0 when `fd` is not a terminal (output is not cut then).
// $COLUMNS wins when set, as in other shells.
std::size_t terminal_width(int fd);

// Colour on a terminal, unless NO_COLOR is set to anything non-empty (no-color.org).
bool color_wanted(int fd);

}  // namespace kith::repl
