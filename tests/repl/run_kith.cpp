#include "run_kith.hpp"

#include <fcntl.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kith::testing {

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

RunResult run_kith(const std::vector<std::string>& args, const std::string& input) {
  return run_kith(args, RunOptions{input});
}

RunResult run_kith(const std::vector<std::string>& args, const RunOptions& options) {
  const std::string& input = options.input;
  char out_path[] = "/tmp/kith-test-out-XXXXXX";
  char err_path[] = "/tmp/kith-test-err-XXXXXX";
  char in_path[] = "/tmp/kith-test-in-XXXXXX";
  const int out_fd = ::mkstemp(out_path);
  const int err_fd = ::mkstemp(err_path);
  const int in_fd = ::mkstemp(in_path);
  if (::write(in_fd, input.data(), input.size()) != static_cast<ssize_t>(input.size())) {
    return {};
  }
  ::lseek(in_fd, 0, SEEK_SET);

  RunResult result;
  const pid_t child = ::fork();
  if (child == 0) {
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    if (::chdir(KITH_SOURCE_DIR) != 0) ::_exit(127);
    if (options.honour_file_permissions && ::geteuid() == 0) {
      // Dropped from the bounding set, the capabilities are gone from root's effective set
      // after exec.
      if (::prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0 ||
          ::prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0) != 0)
        ::_exit(126);
    }
    std::vector<char*> argv;
    std::string binary = KITH_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_all(out_path);
  result.err = read_all(err_path);
  for (int fd : {out_fd, err_fd, in_fd})
    ::close(fd);
  for (const char* p : {out_path, err_path, in_path})
    ::unlink(p);
  return result;
}

}  // namespace kith::testing
