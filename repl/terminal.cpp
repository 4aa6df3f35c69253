#include "repl/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace kith::repl {

bool is_terminal(int fd) {
  return ::isatty(fd) != 0;
}

std::size_t terminal_width(int fd) {
  if (!is_terminal(fd)) return 0;
  if (const char* columns = std::getenv("COLUMNS")) {
    std::size_t n = 0;
    const char* end = columns + std::strlen(columns);
    if (std::from_chars(columns, end, n).ptr == end && n > 0) return n;
  }
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

bool color_wanted(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return is_terminal(fd);
}

}  // namespace kith::repl
