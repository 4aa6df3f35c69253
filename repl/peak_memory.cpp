#include "repl/peak_memory.hpp"

#include <fstream>
#include <string>

namespace kith::repl {

// VmHWM in /proc/self/status, not getrusage(): ru_maxrss also counts the pages of the process
// that exec'd kith (a test runner's fork, say), so it can report the parent's size instead.
std::uint64_t peak_resident_bytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;  // "... kB"
  }
  return 0;
}

}  // namespace kith::repl
