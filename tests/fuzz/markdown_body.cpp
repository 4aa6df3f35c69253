// The Markdown-to-statements stage: cmark, then sections, statements, tasks, fields, links,
// tags, tables and tasks blocks, each with a line inside the body.
#include <algorithm>

#include "fuzz_target.hpp"
#include "loaders/document.hpp"
#include "loaders/markdown.hpp"

KITH_FUZZ_TARGET(markdown_body) {
  std::string_view text = kith::fuzz::as_text(data, size);
  kith::doc::Document doc;
  kith::loaders::parse_markdown_body(text, 1, "fuzz.md", doc);
  auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
  for (const auto& task : doc.tasks)
    FUZZ_CHECK(task.line >= 1 && task.line <= lines);
  return 0;
}
