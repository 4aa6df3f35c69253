// Runs the kith binary as a user would, capturing stdout, stderr and the exit code.
#pragma once

#include <string>
#include <vector>

namespace kith::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs KITH_BINARY with `args` (no shell), `input` on stdin, in the repository root.
RunResult run_kith(const std::vector<std::string>& args, const std::string& input = "");

}  // namespace kith::testing
