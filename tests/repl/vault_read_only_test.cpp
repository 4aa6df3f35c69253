// End-to-end: kith never writes to a vault. A copy of the sample vault is snapshotted (every
// entry's bytes, mode and modification time), every subcommand and shell command runs on it,
// writing queries, exports, :reload and the interactive shell's history included, and the
// snapshot must be unchanged.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "pty_shell.hpp"
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
  const fs::path out = root_ / "out";  // where exports may go: beside the vault, not in it
  fs::create_directories(out);
  fs::create_symlink(vault_, root_ / "link-to-vault");
  struct Step {
    std::vector<std::string> args;
    std::string input;
    int exit_code = 0;
  };
  fs::path script = root_ / "writes.kq";
  std::ofstream(script) << kWrites;
  const auto in_out = [&](const char* name) { return (out / name).string(); };
  // Every shell command, in an order where each has what it needs (:export needs a result
  // holding nodes, so the query comes first).
  const std::string shell_commands =
      ":reload\n:tasks\n:tasks due before 2027-01-01\n:influencers Mira Okafor\n"
      "MATCH (p:Person)-[r:REPORTS_TO]->(m) RETURN p, r, m LIMIT 3;\n:why\n"
      ":export json " +
      in_out("last.json") + "\n:export graphml " + in_out("last.graphml") + "\n:export dot " +
      in_out("last.dot") + "\n:orgchart Brightwater Freight " + in_out("org.dot") +
      "\n:orgchart --all " + in_out("all.dot") +
      "\n:timing on\n:limit max_rows 100000\n:param who 'x'\n:params\n:params clear\n"
      ":format csv\n:schema\n:stats\n:help\n";
  const std::vector<Step> steps = {
      {{"stats", v}, ""},
      {{"stats", v, "--json"}, ""},
      {{"query", v, "MATCH (p:Person) SET p.name = 'X' RETURN count(p)"}, ""},
      {{"query", v, "MATCH (n) DETACH DELETE n"}, ""},
      {{"query", v, "-"}, "CREATE (n:Note {path: 'People/New.md'}) RETURN n"},
      {{"run", v, script.string(), "--keep-going"}, ""},
      {{"tasks", v}, ""},
      {{"tasks", v, "--note", "Customers/Tidewell Ports.md", "--cypher"}, ""},
      {{"doctor", v}, ""},
      {{"doctor", v, "--json"}, ""},
      {{"export", v, "-o", in_out("graph.json")}, ""},
      {{"export", v, "-o", in_out("graph.graphml")}, ""},
      {{"export", v, "-o", in_out("graph.dot")}, ""},
      {{"export", v, "-o", in_out("q.json"), "-q",
        "MATCH p = (:Person)-[:REPORTS_TO]->() RETURN p"},
       ""},
      {{"export", v, "-o", in_out("chart.dot"), "--orgchart", "Brightwater Freight"}, ""},
      {{"export", v, "-o", in_out("charts.dot"), "--all"}, ""},
      {{"export", v, "-o", in_out("chart.svg"), "--orgchart", "Brightwater Freight"}, ""},
      // Exports into the vault are refused, however the path reaches it.
      {{"export", v, "-o", (vault_ / "graph.json").string()}, "", 2},
      {{"export", v, "-o", (vault_ / "People" / "chart.dot").string(), "--all"}, "", 2},
      {{"export", v, "-o", (out / ".." / "vault" / "graph.json").string()}, "", 2},
      {{"export", v, "-o", (root_ / "link-to-vault" / "graph.json").string()}, "", 2},
      {{"export", v, "-o", (vault_ / "People" / "Aziz Rahimov.md").string(), "-f", "json"}, "", 2},
      // The shell reading statements and commands from a pipe.
      {{v}, std::string(kWrites) + ":params\n:format json\n:stats\n:schema\n:help\n"},
      {{v}, shell_commands + kWrites + ":reload\n"},
      {{v}, "MATCH (p:Person) RETURN p LIMIT 1;\n:export json " + v + "/inside.json\n", 1},
      {{v}, ":orgchart --all " + (vault_ / "People" / "org.dot").string() + "\n", 1},
      {{v}, ""},  // the guided tour
  };
  for (const auto& step : steps) {
    std::string what = "kith";
    for (const auto& a : step.args)
      what += " " + a;
    const auto r = run_kith(step.args, step.input);
    EXPECT_EQ(r.exit_code, step.exit_code) << what << "\n" << step.input << "\n" << r.err;
    if (step.exit_code != 0) {  // only the refusals below fail
      EXPECT_NE(r.err.find("is inside the vault"), std::string::npos) << what;
    }
    expect_unchanged(what);
  }
  for (const char* name :
       {"last.json", "last.graphml", "last.dot", "org.dot", "all.dot", "graph.json",
        "graph.graphml", "graph.dot", "q.json", "chart.dot", "charts.dot", "chart.svg"})
    EXPECT_GT(fs::file_size(out / name), 0u) << name << " was not written";
}

// The interactive shell also keeps a history file. With HOME outside the vault it is written
// there; with HOME the vault itself (a user who keeps notes in ~), nowhere.
TEST_F(VaultReadOnly, TheInteractiveShellKeepsItsHistoryOutsideTheVault) {
  const fs::path home = root_ / "home";
  fs::create_directories(home);
  for (const fs::path& h : {home, vault_}) {
    PtyShell shell(h, true, vault_.string());
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
    shell.type("MATCH (p:Person) SET p.name = 'Changed' RETURN count(p);\r");
    ASSERT_TRUE(shell.wait_for("1 row")) << shell.seen();
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
    shell.type(":reload\r");
    ASSERT_TRUE(shell.wait_for("kith> ")) << shell.seen();
    shell.type(":quit\r");
    EXPECT_EQ(shell.wait_exit(), 0) << shell.seen();
    expect_unchanged("the interactive shell with HOME=" + h.string());
  }
  EXPECT_TRUE(fs::exists(home / ".local" / "state" / "kith" / "history"));
}

}  // namespace
}  // namespace kith::testing
