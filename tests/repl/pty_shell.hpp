// Drives the kith shell at a pseudo-terminal, as a person types into it, for end-to-end tests.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace kith::testing {

// A temporary HOME, so the history written is the test's own.
class TempHome {
 public:
  TempHome() {
    char pattern[] = "/tmp/kith-pty-home-XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~TempHome() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// kith on a vault (the sample vault unless told), its stdin, stdout and stderr a pseudo-terminal.
class PtyShell {
 public:
  explicit PtyShell(const std::filesystem::path& home, bool no_color = true,
                    const std::string& vault = "samples/vault") {
    winsize size{};
    size.ws_row = 40;
    size.ws_col = 100;
    pid_ = ::forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      if (::chdir(KITH_SOURCE_DIR) != 0) ::_exit(127);
      ::setenv("HOME", home.c_str(), 1);
      ::unsetenv("XDG_STATE_HOME");
      ::setenv("TERM", "dumb", 1);
      if (no_color) {
        ::setenv("NO_COLOR", "1", 1);
      } else {
        ::unsetenv("NO_COLOR");
      }
      ::unsetenv("COLUMNS");
      ::execl(KITH_BINARY, KITH_BINARY, vault.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  ~PtyShell() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }

  // Keys typed a moment after what was waited for, as a person types: libedit may print its
  // prompt before it puts the terminal in raw mode, and a Ctrl-D that arrives in that window is
  // taken by the line discipline (the type-ahead race every pty test has).
  void type(const std::string& keys) {
    ::usleep(100'000);
    ASSERT_EQ(::write(fd_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
  }

  // Reads until `text` shows up in what was printed since the last wait; false on timeout.
  bool wait_for(const std::string& text, int seconds = 60) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (true) {
      const std::size_t found = seen_.find(text, mark_);
      if (found != std::string::npos) {
        mark_ = found + text.size();
        return true;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[4096];
      const ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) return false;  // the shell has gone
      seen_.append(buffer, static_cast<std::size_t>(n));
    }
  }

  // Waits for the shell to leave; its exit code, or -1 on timeout.
  int wait_exit(int seconds = 60) {
    for (int i = 0; i < seconds * 10; ++i) {
      char buffer[4096];
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 0) > 0 && ::read(fd_, buffer, sizeof buffer) > 0) continue;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      ::usleep(100'000);
    }
    return -1;
  }

  const std::string& seen() const { return seen_; }

 private:
  int fd_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::string seen_;
  std::size_t mark_ = 0;
};

}  // namespace kith::testing
