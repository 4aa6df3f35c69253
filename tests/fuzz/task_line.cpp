// The Tasks line parser on arbitrary lines: every line of the input is parsed as a task.
#include <string>
#include <vector>

#include "fuzz_target.hpp"
#include "loaders/task_line.hpp"

KITH_FUZZ_TARGET(task_line) {
  std::string_view text = kith::fuzz::as_text(data, size);
  std::vector<kith::doc::Warning> warnings;
  std::uint32_t line_no = 1;
  for (std::size_t start = 0; start <= text.size(); ++line_no) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto task = kith::loaders::parse_task_line(text.substr(start, end - start), line_no, "fuzz.md",
                                               warnings);
    if (task) FUZZ_CHECK(task->line == line_no);
    start = end + 1;
  }
  return 0;
}
