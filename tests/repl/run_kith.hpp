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

struct RunOptions {
  std::string input;  // on stdin
  // Runs the child without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so file permissions hold
  // even when the tests run as root (CI does): how an unreadable file is made unreadable.
  bool honour_file_permissions = false;
};

// Runs KITH_BINARY with `args` (no shell), `input` on stdin, in the repository root.
RunResult run_kith(const std::vector<std::string>& args, const std::string& input = "");
RunResult run_kith(const std::vector<std::string>& args, const RunOptions& options);

}  // namespace kith::testing
