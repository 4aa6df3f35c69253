// Reloading a vault in place: only new and changed files are read again, removed ones leave,
// and the graph is rebuilt where the session's references point.
#include "repl/loaded_vault.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace kith::repl {
namespace {

namespace fs = std::filesystem;

class LoadedVaultTest : public ::testing::Test {
 protected:
  LoadedVaultTest() {
    char pattern[] = "/tmp/kith-reload-XXXXXX";
    root_ = ::mkdtemp(pattern);
    fs::copy(fs::path(KITH_FIXTURES) / "contoso_vault", root_, fs::copy_options::recursive);
    const auto started = fs::file_time_type::clock::now();
    loaded_.vault = loaders::read_vault(root_);
    build_loaded_vault(loaded_, started);
  }
  ~LoadedVaultTest() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  std::vector<NodeId> people_named(const std::string& name) {
    return loaded_.graph.find_by_name(*loaded_.graph.find_label("Person"), name);
  }

  fs::path root_;
  LoadedVault loaded_;
};

TEST_F(LoadedVaultTest, NothingChangedReadsNothing) {
  const std::size_t nodes = loaded_.graph.node_count();
  const ReloadSummary summary = reload_vault(loaded_);
  EXPECT_TRUE(summary.changed.empty());
  EXPECT_TRUE(summary.added.empty());
  EXPECT_TRUE(summary.removed.empty());
  EXPECT_EQ(summary.unchanged, 11u);
  EXPECT_EQ(loaded_.graph.node_count(), nodes);
}

TEST_F(LoadedVaultTest, ChangedAddedAndRemovedFilesShowInTheGraph) {
  const Graph* before = &loaded_.graph;
  std::ofstream(root_ / "People" / "Rui Costa.md", std::ios::app)
      << "\nRui Costa reports to Bo Lindqvist.\n";
  std::ofstream(root_ / "People" / "Eve Ng.md")
      << "---\ntype: person\nname: Eve Ng\ncompany: '[[Contoso]]'\n---\n\n# Eve Ng\n";
  fs::remove(root_ / "People" / "Tamsin Wheeler.md");
  const ReloadSummary summary = reload_vault(loaded_);
  EXPECT_EQ(summary.changed, std::vector<std::string>{"People/Rui Costa.md"});
  EXPECT_EQ(summary.added, std::vector<std::string>{"People/Eve Ng.md"});
  EXPECT_EQ(summary.removed, std::vector<std::string>{"People/Tamsin Wheeler.md"});
  EXPECT_EQ(summary.unchanged, 9u);
  EXPECT_EQ(&loaded_.graph, before) << "rebuilt in place";
  EXPECT_EQ(people_named("Eve Ng").size(), 1u);
  const auto rui = people_named("Rui Costa");
  ASSERT_EQ(rui.size(), 1u);
  const SymbolId reports_to[] = {*loaded_.graph.find_type("REPORTS_TO")};
  EXPECT_EQ(loaded_.graph.degree(rui[0], Direction::Out, reports_to), 1u);
  // Tamsin Wheeler's note is gone; the partner call's Tamsin Whitaker is all that is left.
  EXPECT_TRUE(people_named("Tamsin Wheeler").empty());
  // The stamps now describe the files as they are: another reload reads nothing.
  EXPECT_EQ(reload_vault(loaded_).unchanged, 11u);
}

}  // namespace
}  // namespace kith::repl
