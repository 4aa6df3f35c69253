// Near-duplicate tasks: the same action item written twice in one note or thread, with other
// words or another spelling of a name ("Determine the allocation and report back" / "...and
// report back for the deal"). They are linked, never merged: both lines stay tasks.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "loaders/document.hpp"

namespace kith::loaders {

struct TaskDuplicateOptions {
  // Share of the shorter task's content words found in the other (a word matches a word with
  // Jaro-Winkler >= word_match, so "Eriksson" matches "Eiriksson" and "store" "storage").
  double overlap = 0.75;
  double word_match = 0.90;
  std::size_t min_shared_words = 3;
};

// Content words of a task: folded, stop words and one-letter words dropped.
std::vector<std::string> task_words(std::string_view description);

// Similarity of two tasks' texts in [0, 1]: matched content words / words of the shorter one.
double task_text_overlap(std::string_view a, std::string_view b,
                         const TaskDuplicateOptions& options = {});

// Pairs (later, earlier) of indexes into `tasks` that duplicate each other: same due date
// (both absent counts as the same), and text overlap at or above the threshold. Each later
// task points at the earliest task it duplicates.
std::vector<std::pair<std::size_t, std::size_t>> find_duplicate_tasks(
    const std::vector<doc::Task>& tasks, const TaskDuplicateOptions& options = {});

}  // namespace kith::loaders
