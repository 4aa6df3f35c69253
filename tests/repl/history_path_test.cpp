#include "repl/history_path.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace kith::repl {
namespace {

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(HistoryPath, XdgStateHomeFirstThenHome) {
  ScopedEnv home("HOME", "/home/wen");
  {
    ScopedEnv state("XDG_STATE_HOME", "/state");
    EXPECT_EQ(history_path("/vault"), std::filesystem::path("/state/kith/history"));
  }
  {
    ScopedEnv state("XDG_STATE_HOME", "relative/state");  // invalid by the specification
    EXPECT_EQ(history_path("/vault"), std::filesystem::path("/home/wen/.local/state/kith/history"));
  }
  ScopedEnv state("XDG_STATE_HOME", nullptr);
  EXPECT_EQ(history_path("/vault"), std::filesystem::path("/home/wen/.local/state/kith/history"));
}

TEST(HistoryPath, NeverInsideTheVault) {
  ScopedEnv state("XDG_STATE_HOME", nullptr);
  ScopedEnv home("HOME", "/notes");
  EXPECT_FALSE(history_path("/notes").has_value());
  EXPECT_FALSE(history_path("/notes/").has_value());
  EXPECT_TRUE(history_path("/notes-other").has_value());
  ScopedEnv no_home("HOME", nullptr);
  EXPECT_FALSE(history_path("/vault").has_value());
}

}  // namespace
}  // namespace kith::repl
