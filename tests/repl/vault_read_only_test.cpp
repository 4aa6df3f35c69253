// End-to-end: kith never writes to a vault. A copy of the sample vault is snapshotted (every
// entry's bytes, mode and modification time), every subcommand and shell command runs on it,
// writing queries included, and the snapshot must be unchanged.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

namespace fs = std::filesystem;

struct EntryState {
  std::string bytes;  // file contents, or the target of a symlink
  fs::perms perms{};
  std::int64_t mtime_ns = 0;
  bool operator==(const EntryState&) const = default;
};

std::map<std::string, EntryState> snapshot(const fs::path& root) {
  std::map<std::string, EntryState> state;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    struct stat st {};
    ::lstat(entry.path().c_str(), &st);
    EntryState s;
    s.perms = entry.symlink_status().permissions();
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    if (entry.is_symlink()) {
      s.bytes = fs::read_symlink(entry.path()).string();
    } else if (entry.is_regular_file()) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      s.bytes = bytes.str();
    }
    state[fs::relative(entry.path(), root).string()] = s;
  }
  return state;
}

class VaultReadOnly : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/kith-readonly-XXXXXX";
    ASSERT_NE(::mkdtemp(dir), nullptr);
    root_ = fs::path(dir);
    vault_ = root_ / "vault";
    fs::copy(fs::path(KITH_SOURCE_DIR) / "samples/vault", vault_, fs::copy_options::recursive);
    before_ = snapshot(vault_);
    ASSERT_GT(before_.size(), 5u);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void expect_unchanged(const std::string& what) {
    const auto after = snapshot(vault_);
    for (const auto& [path, state] : after) {
      auto it = before_.find(path);
      if (it == before_.end())
        ADD_FAILURE() << what << " created " << path;
      else if (!(it->second == state))
        ADD_FAILURE() << what << " changed " << path;
    }
    for (const auto& [path, state] : before_)
      if (!after.count(path)) ADD_FAILURE() << what << " removed " << path;
  }
  fs::path root_, vault_;
  std::map<std::string, EntryState> before_;
};

constexpr const char* kWrites =
    "CREATE (:Person {name: 'Temp Person'});\n"
    "MATCH (p:Person) SET p.name = p.name + ' (edited)', p.title = 'Changed';\n"
    "MATCH (n:Note) DETACH DELETE n;\n"
    "MATCH (t:Task) SET t.open = false REMOVE t.due;\n";

TEST_F(VaultReadOnly, NoSubcommandOrShellCommandWritesToTheVault) {
  const std::string v = vault_.string();
  struct Step {
    std::vector<std::string> args;
    std::string input;
  };
  fs::path script = root_ / "writes.kq";
  std::ofstream(script) << kWrites;
  const std::vector<Step> steps = {
      {{"stats", v}, ""},
      {{"stats", v, "--json"}, ""},
      {{"query", v, "MATCH (p:Person) SET p.name = 'X' RETURN count(p)"}, ""},
      {{"query", v, "MATCH (n) DETACH DELETE n"}, ""},
      {{"query", v, "-"}, "CREATE (n:Note {path: 'People/New.md'}) RETURN n"},
      {{"run", v, script.string(), "--keep-going"}, ""},
      // The shell reading statements and commands from a pipe.
      {{v}, std::string(kWrites) + ":params\n:format json\n:stats\n:schema\n:help\n"},
      {{v}, ""},  // the guided tour
  };
  for (const auto& step : steps) {
    std::string what = "kith";
    for (const auto& a : step.args)
      what += " " + a;
    const auto r = run_kith(step.args, step.input);
    EXPECT_EQ(r.exit_code, 0) << what << "\n" << r.err;
    expect_unchanged(what);
  }
}

}  // namespace
}  // namespace kith::testing
