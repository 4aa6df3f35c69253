#include "loaders/vault_files.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>

namespace kith::loaders {
namespace {

namespace fs = std::filesystem;

class VaultFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root = fs::temp_directory_path() / ("kith-vault-files-" + std::to_string(rd()));
    fs::create_directories(root);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root / "Locked", fs::perms::owner_all, ec);
    fs::remove_all(root, ec);
  }
  void write(const std::string& relative, const std::string& text = "# note\n") {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << text;
  }
  std::vector<std::string> paths(const VaultConfig& config = {}) {
    warnings.clear();
    std::vector<std::string> out;
    for (const auto& f : list_vault_files(root, config, warnings))
      out.push_back(f.path);
    return out;
  }
  bool warned_about(const std::string& path) {
    for (const auto& w : warnings) {
      if (w.file == path) return true;
    }
    return false;
  }
  fs::path root;
  std::vector<doc::Warning> warnings;
};

TEST_F(VaultFilesTest, FindsNotesSortedAndSkipsHiddenFolders) {
  write("People/Wen.md");
  write("Accounts/Contoso.markdown");
  write("Inbox/thread.eml", "From: a@b.c\n\nhi\n");
  write("notes.txt");
  write("image.png", "\x89PNG");
  write(".obsidian/workspace.md");
  write(".trash/old.md");
  write(".git/HEAD.md");
  write("Drafts/.hidden.md");
  EXPECT_EQ(paths(), (std::vector<std::string>{"Accounts/Contoso.markdown", "Inbox/thread.eml",
                                               "People/Wen.md", "notes.txt"}));
  EXPECT_TRUE(warnings.empty());
}

TEST_F(VaultFilesTest, RecognisesEmlFormat) {
  write("a.eml", "x");
  write("b.MD", "x");
  std::vector<doc::Warning> w;
  auto files = list_vault_files(root, {}, w);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].format, FileFormat::Eml);
  EXPECT_EQ(files[1].format, FileFormat::Markdown);
  EXPECT_EQ(files[0].size, 1u);
}

TEST_F(VaultFilesTest, IgnoreGlobsFromConfig) {
  write("Templates/Meeting.md");
  write("Archive/2019/old.md");
  write("People/Wen.excalidraw.md");
  write("People/Wen.md");
  VaultConfig config;
  config.ignore = {"Templates/", "Archive/**", "*.excalidraw.md"};
  EXPECT_EQ(paths(config), std::vector<std::string>{"People/Wen.md"});
}

TEST_F(VaultFilesTest, GlobRules) {
  EXPECT_TRUE(is_ignored("a/Templates/x.md", {"Templates/"}));
  EXPECT_FALSE(is_ignored("a/Templates.md", {"Templates/"}));
  EXPECT_TRUE(is_ignored("Archive/x/y/z.md", {"Archive/**"}));
  EXPECT_TRUE(is_ignored("Archive/x/y/z.md", {"Archive"}));
  EXPECT_TRUE(is_ignored("Daily/2024-01-01.md", {"Daily/*.md"}));
  EXPECT_FALSE(is_ignored("Daily/sub/2024-01-01.md", {"Daily/*.md"}));
  EXPECT_TRUE(is_ignored("Daily/sub/2024-01-01.md", {"Daily/**/*.md"}));
  EXPECT_FALSE(is_ignored("People/Wen.md", {"", "/"}));
}

TEST_F(VaultFilesTest, OversizedFilesAreSkippedWithAWarning) {
  write("big.md", std::string(2048, 'x'));
  write("small.md", "x");
  VaultConfig config;
  config.max_file_bytes = 1024;
  EXPECT_EQ(paths(config), std::vector<std::string>{"small.md"});
  EXPECT_TRUE(warned_about("big.md"));
}

TEST_F(VaultFilesTest, SymlinkLoopsAndEscapesWarnAndDoNotHang) {
  write("People/Wen.md");
  fs::create_directory_symlink(root, root / "People" / "loop");
  fs::create_directory_symlink(fs::temp_directory_path(), root / "outside");
  fs::create_symlink(root / "missing.md", root / "dangling.md");
  EXPECT_EQ(paths(), std::vector<std::string>{"People/Wen.md"});
  EXPECT_TRUE(warned_about("People/loop"));
  EXPECT_TRUE(warned_about("outside"));
  EXPECT_TRUE(warned_about("dangling.md"));
}

TEST_F(VaultFilesTest, UnreadableFolderWarnsAndTheRestLoads) {
  write("Locked/secret.md");
  write("Open/fine.md");
  fs::permissions(root / "Locked", fs::perms::none);
  auto check = [&] {
    return paths() == std::vector<std::string>{"Open/fine.md"} && warned_about("Locked");
  };
  if (::geteuid() != 0) {
    EXPECT_TRUE(check());
    return;
  }
  // Root reads every folder, so look as an unprivileged user, in a child process.
  fs::permissions(root, fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const bool dropped = ::setgid(65534) == 0 && ::setuid(65534) == 0;
    ::_exit(dropped ? (check() ? 0 : 1) : 2);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: wrong listing or no warning; 2: could not drop root";
}

TEST_F(VaultFilesTest, MissingRootIsAWarningNotACrash) {
  std::vector<doc::Warning> w;
  EXPECT_TRUE(list_vault_files(root / "nope", {}, w).empty());
  EXPECT_EQ(w.size(), 1u);
}

TEST(VaultConfigTest, ReadsEverySetting) {
  std::vector<doc::Warning> w;
  auto config = parse_vault_config(R"(owner: Mira Okafor
aliases:
  Mira Okafor: [Mira, M. Okafor]
  Tomás Ruiz: Tom Ruiz
domains:
  Kestrel.io: Kestrel Systems
  "@brightwater.com": Brightwater
ignore: [Templates/]
max_file_mb: 2
)",
                                   w);
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(config.owner, "Mira Okafor");
  EXPECT_EQ(config.aliases["Mira Okafor"], (std::vector<std::string>{"Mira", "M. Okafor"}));
  EXPECT_EQ(config.aliases["Tomás Ruiz"], std::vector<std::string>{"Tom Ruiz"});
  EXPECT_EQ(config.domains["kestrel.io"], "Kestrel Systems");
  EXPECT_EQ(config.domains["brightwater.com"], "Brightwater");
  EXPECT_EQ(config.ignore, std::vector<std::string>{"Templates/"});
  EXPECT_EQ(config.max_file_bytes, 2u << 20);
}

TEST(VaultConfigTest, MalformedYamlWarnsWithLineAndUsesDefaults) {
  std::vector<doc::Warning> w;
  auto config = parse_vault_config("owner: Mira\naliases: [unclosed\n", w);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].file, "kith.yaml");
  EXPECT_GE(w[0].line, 2u);
  EXPECT_EQ(config.max_file_bytes, 16u << 20);
}

TEST(VaultConfigTest, WrongShapesWarnButKeepTheRest) {
  std::vector<doc::Warning> w;
  auto config = parse_vault_config(
      "owner: [a, b]\ndomains: nope\nmax_file_mb: -3\ncolour: red\n"
      "ignore: Drafts/\n",
      w);
  EXPECT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].line, 1u);
  EXPECT_EQ(config.ignore, std::vector<std::string>{"Drafts/"});
  EXPECT_TRUE(config.owner.empty());
}

TEST(VaultConfigTest, NamesThresholdsOverTheDefaults) {
  std::vector<doc::Warning> w;
  auto config =
      parse_vault_config("names:\n  typo: 0.93\n  report: 0.85\n  min_token_length: 3\n", w);
  EXPECT_TRUE(w.empty());
  ASSERT_TRUE(config.names);
  EXPECT_DOUBLE_EQ(config.names->typo, 0.93);
  EXPECT_DOUBLE_EQ(config.names->report, 0.85);
  EXPECT_EQ(config.names->min_token_length, 3u);
  EXPECT_DOUBLE_EQ(config.names->phonetic, NameMatchOptions{}.phonetic);
  EXPECT_FALSE(parse_vault_config("owner: Mira\n", w).names);
}

TEST(VaultConfigTest, NamesValuesOutOfRangeWarnAtTheirLine) {
  std::vector<doc::Warning> w;
  auto config = parse_vault_config(
      "owner: Mira\nnames:\n  typo: 1.5\n  report: high\n  min_token_length: 0\n  fuzz: 1\n", w);
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].line, 3u);
  EXPECT_NE(w[0].message.find("typo"), std::string::npos) << w[0].message;
  EXPECT_EQ(w[3].line, 6u);
  ASSERT_TRUE(config.names);
  EXPECT_DOUBLE_EQ(config.names->typo, NameMatchOptions{}.typo);
}

}  // namespace
}  // namespace kith::loaders
