#include "loaders/task_duplicates.hpp"

#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

doc::Task task(std::string text, std::optional<std::string> due = {}) {
  doc::Task t;
  t.description = std::move(text);
  if (due) t.due = Date::parse_iso(*due);
  return t;
}

TEST(TaskDuplicates, RewordedItemWithTheSameDueDate) {
  const std::vector<doc::Task> tasks = {
      task("Reconcile the Quillfeather invoice batch and report back to Farid with totals",
           "2026-03-02"),
      task("Book the offsite venue", "2026-03-02"),
      task("Reconcile Quillfeather's invoice batch and report to Farid with the totals for Q1",
           "2026-03-02"),
      task("Draft the object-store integration plan with Greta Lindqvist", "2026-03-05"),
      task("Produce the integration plan for object storage with Greta Lindkvist", "2026-03-05"),
  };
  const auto pairs = find_duplicate_tasks(tasks);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0], (std::pair<std::size_t, std::size_t>{2, 0}));
  EXPECT_EQ(pairs[1], (std::pair<std::size_t, std::size_t>{4, 3}));
}

TEST(TaskDuplicates, DifferentDueDatesOrTextsAreNotDuplicates) {
  const std::vector<doc::Task> tasks = {
      task("Reconcile the Quillfeather invoice batch", "2026-03-02"),
      task("Reconcile the Quillfeather invoice batch", "2026-04-02"),  // a recurring chore
      task("Call Farid about pricing"),
      task("Call Farid about the security review"),
      task("Send it"),
      task("Send it"),  // too few words to tell
  };
  EXPECT_TRUE(find_duplicate_tasks(tasks).empty());
}

TEST(TaskDuplicates, WordsAndOverlap) {
  EXPECT_EQ(task_words("Send THE deck to Zoë, and the notes"),
            (std::vector<std::string>{"deck", "notes", "send", "zoe"}));
  EXPECT_DOUBLE_EQ(task_text_overlap("alpha beta gamma", "gamma beta alpha delta"), 1.0);
  EXPECT_DOUBLE_EQ(task_text_overlap("", "alpha"), 0.0);
}

}  // namespace
}  // namespace kith::loaders
