// The reference vault in KITH_SHARED_DIR/examples, read into documents: the counts its README
// states about files, tasks and messages.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "loaders/load_report.hpp"
#include "loaders/vault.hpp"

namespace kith::loaders {
namespace {

std::filesystem::path example_vault() {
  const char* shared = std::getenv("KITH_SHARED_DIR");
  if (!shared) return {};
  return std::filesystem::path(shared) / "examples" / "vault";
}

const doc::Document* find(const Vault& v, std::string_view path) {
  for (const auto& d : v.documents) {
    if (d.path == path) return &d;
  }
  return nullptr;
}

TEST(ExampleVaultDocuments, CountsFromItsReadme) {
  const auto root = example_vault();
  if (root.empty() || !std::filesystem::exists(root)) {
    GTEST_SKIP() << "KITH_SHARED_DIR/examples/vault not found";
  }
  const Vault vault = read_vault(root);
  EXPECT_EQ(vault.documents.size(), 9u);
  const auto report = make_load_report(vault);
  EXPECT_EQ(report.by_kind.at("meeting"), 2u);  // the escalation and the Marcus Feld digest
  EXPECT_EQ(report.by_kind.at("person"), 2u);
  EXPECT_EQ(report.by_kind.at("account"), 2u);  // Accounts/Contoso.md and Customers/Contoso.md
  EXPECT_EQ(report.by_kind.at("project"), 1u);
  EXPECT_EQ(report.by_kind.at("email"), 2u);
  EXPECT_TRUE(report.warnings.empty()) << format_warning(report.warnings.front());

  // "the Meetings note has 8 task lines: 6 open (5 [?] proposed, 1 [ ]), 1 done, 1 cancelled"
  const doc::Document* meeting = find(vault, "Meetings/2025-12-27-halyard-escalation.md");
  ASSERT_NE(meeting, nullptr);
  ASSERT_EQ(meeting->tasks.size(), 8u);
  int open = 0, proposed = 0, todo = 0, done = 0, cancelled = 0, myself = 0, tbd = 0;
  for (const auto& t : meeting->tasks) {
    open += t.open();
    proposed += t.status == U'?';
    todo += t.status == U' ';
    done += t.status_type == doc::StatusType::Done;
    cancelled += t.status_type == doc::StatusType::Cancelled;
    myself += t.owner_is_myself;
    tbd += t.owner_tbd;
    if (t.status == U'?') {
      EXPECT_TRUE(t.due.has_value()) << "mojibake 📅 must be repaired: " << t.raw;
      EXPECT_EQ(t.priority, "high") << "mojibake ⏫ must be repaired: " << t.raw;
    }
  }
  EXPECT_EQ(open, 6);
  EXPECT_EQ(proposed, 5);
  EXPECT_EQ(todo, 1);
  EXPECT_EQ(done, 1);
  EXPECT_EQ(cancelled, 1);
  EXPECT_EQ(myself, 2);
  EXPECT_EQ(tbd, 1);

  // "The one-line email export holds four messages"
  const doc::Document* thread =
      find(vault, "Email/Re-Halyard-Northwind-December-8th-EoD-update.md");
  ASSERT_NE(thread, nullptr);
  EXPECT_EQ(thread->kind, doc::NoteKind::EmailThread);
  ASSERT_EQ(thread->messages.size(), 4u);
  EXPECT_EQ(thread->messages[0].from.name, "Marcus Feld");
  EXPECT_EQ(thread->messages[1].from.name, "Priya Raman");
  EXPECT_EQ(thread->messages[1].cc.size(), 4u);
}

TEST(ExampleVaultDocuments, SameDocumentsAtAnyThreadCount) {
  const auto root = example_vault();
  if (root.empty() || !std::filesystem::exists(root)) {
    GTEST_SKIP() << "KITH_SHARED_DIR/examples/vault not found";
  }
  LoadOptions one;
  one.threads = 1;
  LoadOptions four;
  four.threads = 4;
  const Vault a = read_vault(root, one);
  const Vault b = read_vault(root, four);
  ASSERT_EQ(a.documents.size(), b.documents.size());
  for (std::size_t i = 0; i < a.documents.size(); ++i) {
    EXPECT_EQ(a.documents[i].path, b.documents[i].path);
    EXPECT_EQ(a.documents[i].statements.size(), b.documents[i].statements.size());
    EXPECT_EQ(a.documents[i].tasks.size(), b.documents[i].tasks.size());
  }
}

}  // namespace
}  // namespace kith::loaders
