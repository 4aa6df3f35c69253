// The dates and date ranges of Obsidian Tasks filters (`due before tomorrow`, `done in last
// week`, `starts in 2026-Q1`), resolved against a given today so results never depend on the
// clock. Part of the Tasks query translator (tasks_query.hpp).
#pragma once

#include <optional>
#include <string_view>

#include "graph/value.hpp"

namespace kith::query {

// Both ends included; a single date is a range of one day.
struct TasksDateRange {
  Date first;
  Date last;
};

// Reads, case-insensitively, in this order:
//   ranges   YYYY-MM-DD YYYY-MM-DD; (last|this|next) (week|month|quarter|year), weeks running
//            Monday to Sunday; YYYY-Www (ISO week), YYYY-MM, YYYY-Qq, YYYY
//   dates    YYYY-MM-DD; today, tomorrow, yesterday; in N days|weeks|months|years, N ... ago
//            (N in digits, `a`, or one to twelve in words); monday..sunday (the nearest one,
//            today included); next monday, last monday
// Returns nullopt for anything else, an impossible date included.
std::optional<TasksDateRange> parse_tasks_date_range(std::string_view text, Date today);

}  // namespace kith::query
