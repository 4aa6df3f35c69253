// End-to-end: kith on vaults built to break it. Every case holds one good note (the canary)
// beside the hostile files; kith must finish, load the canary, warn about the hostile file by
// name (and line, where it has one), and stay within its memory bound.
//
// The bound kith keeps (checked in every case, on the load and the graph built from it): peak
// RSS <= 4 x the vault's bytes + 16 KiB per file + a fixed allowance for the program itself
// (kMemoryBaseMb, which covers the sanitizer build's runtime and quarantine). A file kith
// skips counts with the bytes it actually read, not with its size on disk.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

constexpr long kMemoryBaseMb = 400;

class HostileVault : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/kith-hostile-XXXXXX";
    ASSERT_NE(::mkdtemp(dir), nullptr);
    root_ = dir;
    write("People/Wen Li.md",
          "---\ntype: person\n---\n# Wen Li\n\nWen Li reports to Priya Raman at Contoso.\n");
  }
  void TearDown() override {
    // Give back the permissions a case took away, so the folder can be removed.
    std::error_code ec;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec))
      if (!it->is_symlink())
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root_, ec);
  }

  void write(const fs::path& relative, const std::string& bytes) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    vault_bytes_ += bytes.size();
    ++files_;
  }

  // Runs `kith stats VAULT --json` and checks what every case must hold.
  nlohmann::json load(bool honour_permissions = false) {
    RunOptions options;
    options.honour_file_permissions = honour_permissions;
    result_ = run_kith({"stats", root_.string(), "--json"}, options);
    EXPECT_EQ(result_.exit_code, 0) << result_.err;
    nlohmann::json report = nlohmann::json::parse(result_.out, nullptr, false);
    EXPECT_FALSE(report.is_discarded()) << result_.out;
    if (report.is_discarded()) return {};
    // kith's own VmHWM: a child's rusage would count the test runner it was forked from.
    const double bound_mb = 4.0 * static_cast<double>(vault_bytes_) / (1 << 20) +
                            16.0 * static_cast<double>(files_) / 1024 + kMemoryBaseMb;
    EXPECT_LE(report["peak_memory_mb"].get<double>(), bound_mb)
        << "vault of " << vault_bytes_ << " bytes in " << files_ << " files";
    EXPECT_GE(report["by_kind"].value("person", 0), 1) << "the canary note was not loaded";
    EXPECT_GE(report["graph"]["labels"].value("Person", 0), 2)
        << "the canary's people in the graph";
    return report;
  }

  // The warnings naming `file`, as "line: message".
  static std::vector<std::string> warnings_for(const nlohmann::json& report,
                                               const std::string& file) {
    std::vector<std::string> found;
    for (const auto& w : report["warnings"])
      if (w["file"] == file)
        found.push_back(std::to_string(w["line"].get<long>()) + ": " +
                        w["message"].get<std::string>());
    return found;
  }

  fs::path root_;
  std::size_t vault_bytes_ = 0;
  long files_ = 0;
  RunResult result_;
};

TEST_F(HostileVault, BinaryFileNamedMdIsSkippedWithAWarning) {
  std::string bytes;
  for (int i = 0; i < 40'000; ++i)
    bytes += static_cast<char>(i * 7919 % 256);
  write("Attachments/photo.md", bytes);
  const auto report = load();
  EXPECT_EQ(report["files"], 1);
  ASSERT_EQ(warnings_for(report, "Attachments/photo.md").size(), 1u) << report.dump(1);
  EXPECT_NE(warnings_for(report, "Attachments/photo.md")[0].find("binary"), std::string::npos);
}

TEST_F(HostileVault, NoteOverTheSizeCapIsSkippedUnread) {
  write("Dump/huge.md", std::string(100 << 20, 'a'));  // 100 MiB, over the 16 MiB default
  vault_bytes_ -= 100 << 20;                           // skipped: never read into memory
  const auto report = load();
  const auto warnings = warnings_for(report, "Dump/huge.md");
  ASSERT_EQ(warnings.size(), 1u) << report.dump(1);
  EXPECT_NE(warnings[0].find("16.0 MiB"), std::string::npos) << warnings[0];
}

TEST_F(HostileVault, NoteThatIsOneFiveMegabyteLineLoads) {
  std::string line;
  while (line.size() < (5u << 20))
    line += "Tomas met Wen Li about the renewal, then left. ";
  write("Notes/one-line.md", line);
  const auto report = load();
  EXPECT_EQ(report["files"], 2);
  EXPECT_EQ(report["by_kind"].value("other", 0), 1);
}

TEST_F(HostileVault, HundredThousandDeepListsAndQuotesLoad) {
  std::string list, quote;
  for (int i = 0; i < 100'000; ++i)
    list += "- ";
  for (int i = 0; i < 100'000; ++i)
    quote += "> ";
  write("Notes/deep-list.md", list + "bottom\n");
  write("Notes/deep-quote.md", quote + "bottom\n");
  const auto report = load();
  EXPECT_EQ(report["files"], 3);
}

TEST_F(HostileVault, TenThousandHeadingsLoad) {
  std::string text;
  for (int i = 0; i < 10'000; ++i)
    text += std::string(1 + i % 6, '#') + " Heading " + std::to_string(i) + "\ntext\n";
  write("Notes/headings.md", text);
  const auto report = load();
  EXPECT_EQ(report["files"], 2);
}

TEST_F(HostileVault, YamlAliasBombIsRefusedAndTheBodyStillLoads) {
  std::string yaml = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 10; ++level) {
    const std::string prev = "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i)
      yaml += (i ? ", " : "") + prev;
    yaml += "]\n";
  }
  write("Notes/bomb.md", yaml + "---\n- [ ] Defuse the bomb @Wen Li\n");
  const auto report = load();
  EXPECT_FALSE(warnings_for(report, "Notes/bomb.md").empty()) << report.dump(1);
  EXPECT_EQ(report["tasks"], 1) << "the body after a refused frontmatter is still read";
}

TEST_F(HostileVault, MalformedFrontmatterWarnsAtItsLine) {
  write("Notes/unclosed-quote.md", "---\ntitle: \"never closed\nattendees: [a, b\n---\nbody\n");
  write("Notes/deep-flow.md",
        "---\nx: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n---\nbody\n");
  write("Notes/tab-indent.md", "---\nlist:\n\t- a\n\t- b\n---\nbody\n");
  write("Notes/never-closed.md", "---\ntitle: no closing fence\n\nJust a note.\n");
  const auto report = load();
  EXPECT_EQ(report["files"], 5);
  for (const char* file : {"Notes/unclosed-quote.md", "Notes/deep-flow.md", "Notes/tab-indent.md",
                           "Notes/never-closed.md"}) {
    const auto warnings = warnings_for(report, file);
    ASSERT_FALSE(warnings.empty()) << file << "\n" << report.dump(1);
    EXPECT_NE(warnings[0].rfind("0:", 0), 0u) << file << " warns at a line: " << warnings[0];
  }
}

TEST_F(HostileVault, InvalidUtf8OfEveryKindIsReplacedLineByLine) {
  write("Notes/bad.md", std::string("# Bad bytes\n") +
                            "overlong \xC0\xAF slash\n"           // line 2
                            "surrogate \xED\xA0\x80 half\n"       // line 3
                            "truncated \xE2\x82\n"                // line 4
                            "beyond U+10FFFF \xF4\x90\x80\x80\n"  // line 5
                            "stray \x80 continuation\n"           // line 6
                            "fine line\n");
  const auto report = load();
  const auto warnings = warnings_for(report, "Notes/bad.md");
  ASSERT_EQ(warnings.size(), 5u) << report.dump(1);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(warnings[i].rfind(std::to_string(i + 2) + ": ", 0), 0u);
}

TEST_F(HostileVault, NulBytesAreRemovedWithAWarning) {
  std::string text = "# NUL\nbefore\0after\n"s;
  for (int i = 0; i < 40; ++i)
    text += "A line of ordinary prose about the renewal.\n";
  write("Notes/nul.md", text);
  const auto report = load();
  const auto warnings = warnings_for(report, "Notes/nul.md");
  ASSERT_EQ(warnings.size(), 1u) << report.dump(1);
  EXPECT_EQ(warnings[0].rfind("2: ", 0), 0u) << warnings[0];
}

TEST_F(HostileVault, LineEndingsAndBomKeepTaskLineNumbers) {
  write("Notes/crlf.md", "\xEF\xBB\xBF# CRLF\r\n\r\n- [ ] Task on line three @Wen Li\r\n");
  write("Notes/cr.md", "# CR only\r\r- [ ] Task on line three too @Wen Li\r");
  load();
  const auto r =
      run_kith({"query", root_.string(), "MATCH (t:Task) RETURN t.path, t.line ORDER BY t.path",
                "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "t.path,t.line\r\nNotes/cr.md,3\r\nNotes/crlf.md,3\r\n");
}

TEST_F(HostileVault, SymlinkLoopsAndLinksOutOfTheVaultAreNotFollowed) {
  fs::create_directories(root_ / "Loop/inner");
  fs::create_directory_symlink("..", root_ / "Loop/inner/up");  // back into Loop: a loop
  fs::create_directory_symlink("/etc", root_ / "Outside");
  fs::create_symlink("/etc/hostname", root_ / "outside.md");
  const auto report = load();
  EXPECT_EQ(report["files"], 1);
  EXPECT_FALSE(warnings_for(report, "Loop/inner/up").empty()) << report.dump(1);
  EXPECT_FALSE(warnings_for(report, "Outside").empty()) << report.dump(1);
  EXPECT_FALSE(warnings_for(report, "outside.md").empty()) << report.dump(1);
}

TEST_F(HostileVault, UnreadableFilesAndFoldersAreSkippedWithAWarning) {
  write("Private/diary.md", "secret\n");
  write("locked.md", "secret\n");
  vault_bytes_ -= 14;
  ::chmod((root_ / "locked.md").c_str(), 0);
  ::chmod((root_ / "Private").c_str(), 0);
  const auto report = load(/*honour_permissions=*/true);
  EXPECT_EQ(report["files"], 1);
  EXPECT_FALSE(warnings_for(report, "locked.md").empty()) << report.dump(1);
  EXPECT_FALSE(warnings_for(report, "Private").empty()) << report.dump(1);
}

TEST_F(HostileVault, FifoAndFolderNamedMdNeitherHangNorLoad) {
  ASSERT_EQ(::mkfifo((root_ / "pipe.md").c_str(), 0644), 0);
  fs::create_directories(root_ / "folder.md");
  const auto report = load();
  EXPECT_EQ(report["files"], 1);
  EXPECT_FALSE(warnings_for(report, "pipe.md").empty()) << report.dump(1);
}

TEST_F(HostileVault, HundredThousandFilesInOneFolderLoad) {
  for (int i = 0; i < 100'000; ++i)
    write("Daily/n" + std::to_string(i) + ".md",
          "# Day " + std::to_string(i) + "\n\nMet Wen Li about item " + std::to_string(i) + ".\n");
  const auto report = load();
  EXPECT_EQ(report["files"], 100'001);
}

TEST_F(HostileVault, FilesDeletedGrownOrSwappedWhileTheLoadRunsCostOnlyThemselves) {
  for (int i = 0; i < 20'000; ++i)
    write("Churn/n" + std::to_string(i) + ".md", "# Note " + std::to_string(i) + "\n");
  // While kith reads, another process deletes notes, grows others past the size limit and
  // swaps some for named pipes. Which files it catches mid-change depends on timing; that it
  // finishes, loads the rest and never blocks on a pipe does not.
  std::atomic<bool> done{false};
  std::thread churn([&] {
    for (int i = 0; i < 20'000 && !done; i += 3) {
      const fs::path note = root_ / ("Churn/n" + std::to_string(i) + ".md");
      std::error_code ec;
      switch (i % 9) {
        case 0:
          fs::remove(note, ec);
          break;
        case 3:
          fs::resize_file(note, (17u << 20), ec);
          break;  // sparse, over the 16 MiB cap
        case 6:
          fs::remove(note, ec);
          ::mkfifo(note.c_str(), 0644);
          break;
      }
    }
  });
  const auto report = load();
  done = true;
  churn.join();
  EXPECT_GE(report["files"].get<int>(), 2);
  for (const auto& w : report["warnings"])
    EXPECT_FALSE(w["file"].get<std::string>().empty());
}

TEST_F(HostileVault, PathsWithNewlinesAndInvalidUtf8AreReportedReadably) {
  write("Notes/two\nlines.md", "# Newline in the name\n");
  write("Notes/\xFF\xFE latin.md", "# Bytes that are not UTF-8 in the name\n");
  write("Notes/\xFF nul.md", "# A NUL in a note whose name is not UTF-8\nx\0y and more text\n"s);
  const auto report = load();
  EXPECT_EQ(report["files"], 4);
  ASSERT_EQ(warnings_for(report, "Notes/\xEF\xBF\xBD nul.md").size(), 1u)
      << "the warning names the file in valid UTF-8: "
      << report.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
  const auto r = run_kith({"query", root_.string(),
                           "MATCH (n:Note) WHERE n.title STARTS WITH 'Bytes' RETURN n.path",
                           "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n.path\r\nNotes/\xEF\xBF\xBD\xEF\xBF\xBD latin.md\r\n")
      << "invalid bytes in a path become U+FFFD in the graph";
}

}  // namespace
}  // namespace kith::testing
