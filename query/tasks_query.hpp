// Obsidian Tasks queries (the text of a ```tasks block) translated into one Cypher statement
// over kith's Task nodes, so `kith tasks` and `:tasks` answer them with the query engine and
// can show users the Cypher that does it.
//
// One instruction per line; blank lines and lines starting with '#' are skipped; a line ending
// in '\' continues on the next. Every filter line must hold (they are joined with AND):
//   done | not done
//   (due|scheduled|starts|created|done|happens) [on|before|after|in|on or before|on or after|
//       in or before|in or after] DATE-OR-RANGE        (tasks_date.hpp lists the date forms;
//       `starts` also lets tasks without a start date through, as the plugin does)
//   has|no (due|scheduled|start|created|done|happens) date
//   (path|description|filename) (includes|does not include) TEXT      (case-insensitive)
//   tags (include|do not include) TAG  (`#tag` starts a tag, `tag` is anywhere in one)
//   has tags | no tags
//   priority is [above|below|not] (highest|high|medium|none|low|lowest)
//   status.type is [not] (TODO|IN_PROGRESS|DONE|CANCELLED|NON_TASK|ON_HOLD)
//   filters in (...), [...], {...} or "..." joined by NOT, AND, OR, XOR (NOT binds tightest,
//       then XOR, then AND, then OR)
// and the other instructions:
//   sort by (status|due|scheduled|start|created|done|priority|path|filename|description)
//       [reverse]: earlier lines sort first; the plugin's defaults (status, due, priority,
//       path) follow, then the line in the file
//   group by (owner|path|folder|filename|due|priority|status): earlier lines group outermost
//   limit [to] N [tasks] | limit groups [to] N [tasks]
//   explain (show the Cypher), and the plugin's layout instructions (short mode, hide ...,
//   show ...), which change nothing here
// The Tasks plugin's `heading`, `folder`, `root`, regular expression, recurrence, dependency
// and `filter by function` instructions are refused with the reason: the graph does not keep
// what they need, or kith does not translate them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graph/value.hpp"

namespace kith::query {

enum class TaskGrouping { Owner, Path, Folder, Filename, Due, Priority, Status };

struct TasksQuery {
  // MATCH (t:Task) ... RETURN with the columns below, ordered and limited.
  std::string cypher;
  std::vector<TaskGrouping> groups;             // outermost first
  std::optional<std::int64_t> limit_per_group;  // `limit groups N`
  bool explain = false;
};

// The statement's columns: the status character, its type, the description, the owners' names
// (a list), the due date, the priority name (null for none), the note's path and the line.
inline constexpr std::string_view kTasksColumns[] = {"status", "status_type", "text", "owners",
                                                     "due",    "priority",    "path", "line"};

struct TasksQueryError {
  std::uint32_t line = 0;    // 1-based, in the query text
  std::uint32_t column = 0;  // 1-based, in characters
  std::string message;
};

struct TasksQueryOptions {
  Date today;  // what `today`, `next week`, `in 3 days` count from
};

// A pure function of its arguments.
std::variant<TasksQuery, TasksQueryError> translate_tasks_query(std::string_view text,
                                                                const TasksQueryOptions& options);

}  // namespace kith::query
