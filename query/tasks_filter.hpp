// One filter line of an Obsidian Tasks query (`not done`, `due before tomorrow`,
// `(path includes Contoso) AND NOT (tags include #waiting)`) as a Cypher predicate over the
// Task bound to `t`. Part of the Tasks query translator (tasks_query.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "graph/value.hpp"

namespace kith::query {

struct TasksFilterError {
  std::size_t offset = 0;  // byte offset into the line of the part in error
  std::string message;
};

// The predicate holds for exactly the tasks the Tasks plugin's filter matches. Where Cypher's
// null would leak through NOT or XOR (a task with no due date is not `due before` anything,
// so it is `NOT (due before ...)`), the missing property is tested for first.
struct TasksPredicate {
  std::string cypher;
  bool is_disjunction = false;  // an OR or XOR at the top: parenthesise it inside an AND
};

std::variant<TasksPredicate, TasksFilterError> translate_tasks_filter(std::string_view line,
                                                                      Date today);

// `text` as a single-quoted Cypher string literal.
std::string cypher_string(std::string_view text);

}  // namespace kith::query
