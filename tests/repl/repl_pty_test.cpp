// End-to-end: the interactive shell at a pseudo-terminal, as a person types into it.
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
#include <fstream>
#include <sstream>
#include <string>

namespace kith::testing {
namespace {

namespace fs = std::filesystem;

// A temporary HOME, so the history written is the test's own.
class TempHome {
 public:
  TempHome() {
    char pattern[] = "/tmp/kith-pty-home-XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~TempHome() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// kith on the sample vault, its stdin, stdout and stderr a pseudo-terminal.
class PtyShell {
 public:
  explicit PtyShell(const fs::path& home, bool no_color = true) {
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
      ::execl(KITH_BINARY, KITH_BINARY, "samples/vault", static_cast<char*>(nullptr));
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

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReplPty, GreetsAndLeavesOnCtrlD) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, ParamsAndFormatCommands) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":param who 'Wen Li'\r");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":params\r");
  EXPECT_TRUE(shell.wait_for(":param who 'Wen Li'")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":format csv\r");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":format\r");
  EXPECT_TRUE(shell.wait_for("csv")) << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":format xml\r");
  EXPECT_TRUE(shell.wait_for("unknown format 'xml'")) << shell.seen();
  shell.type(":quit\r");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, StatementsContinueUntilTheSemicolonAndCtrlCDropsThem) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH (p:Person)\r");
  ASSERT_TRUE(shell.wait_for("...> ")) << "a statement without ';' continues\n" << shell.seen();
  shell.type("WHERE p.name = 'a;b'\r");
  ASSERT_TRUE(shell.wait_for("...> ")) << "a ';' inside a string does not end it\n" << shell.seen();
  shell.type("\x03");
  ASSERT_TRUE(shell.wait_for("kith> ")) << "Ctrl-C drops the statement\n" << shell.seen();
  shell.type(":params\r");  // a command again, not a continuation line
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, AMultiLineQueryRunsAtItsSemicolon) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH (a:Account)\r");
  ASSERT_TRUE(shell.wait_for("...> ")) << shell.seen();
  shell.type("RETURN count(a) AS accounts;\r");
  EXPECT_TRUE(shell.wait_for("│ accounts │")) << shell.seen();
  EXPECT_TRUE(shell.wait_for("1 row")) << shell.seen();
  EXPECT_EQ(shell.seen().find("\033[1m"), std::string::npos) << "NO_COLOR is set";
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("RETURN 'Wen Lì 王' AS who;\r");
  EXPECT_TRUE(shell.wait_for("│ Wen Lì 王 │")) << "UTF-8 typed in comes out whole\n"
                                               << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("RETURN nope;\r");
  EXPECT_TRUE(shell.wait_for("^")) << "an error points at its column\n" << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << "and the shell goes on\n" << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, ColourAtATerminalWithoutNoColor) {
  TempHome home;
  PtyShell shell(home.path(), false);
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("RETURN 1 AS one;\r");
  EXPECT_TRUE(shell.wait_for("\033[1mone\033[0m")) << "a bold header\n" << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, TabCompletesCommandsAndLabels) {
  TempHome home;
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type(":sche\t");
  EXPECT_TRUE(shell.wait_for(":schema")) << shell.seen();
  shell.type("\r");
  EXPECT_TRUE(shell.wait_for("(:Person)")) << ":schema ran\n" << shell.seen();
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("MATCH (p:Pers\t");
  EXPECT_TRUE(shell.wait_for("MATCH (p:Person")) << shell.seen();
  // One key at a time: the terminal flushes what is typed ahead of a Ctrl-C.
  shell.type("\x03");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

TEST(ReplPty, HistoryIsKeptInTheHomeNotTheVault) {
  TempHome home;
  {
    PtyShell shell(home.path());
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
    shell.type(":timing on\r");
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
    shell.type(":quit\r");
    ASSERT_EQ(shell.wait_exit(), 0) << shell.seen();
  }
  const fs::path history = home.path() / ".local" / "state" / "kith" / "history";
  ASSERT_TRUE(fs::exists(history));
  EXPECT_NE(read_file(history).find("timing"), std::string::npos) << read_file(history);
  // The next session recalls it with the up arrow (twice: :quit came last).
  PtyShell shell(home.path());
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x1b[A");
  ASSERT_TRUE(shell.wait_for(":quit")) << shell.seen();
  shell.type("\x1b[A");
  EXPECT_TRUE(shell.wait_for(":timing on")) << shell.seen();
  shell.type("\x03");
  ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
  shell.type("\x04");
  EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
}

}  // namespace
}  // namespace kith::testing
