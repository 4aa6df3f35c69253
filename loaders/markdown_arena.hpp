// Memory for cmark while one Markdown body is parsed and walked: a bump allocator per thread,
// emptied at once when the body is done. cmark's own allocator makes a calloc per node and a
// free per node again afterwards; for short notes that was a quarter of cmark's time.
#pragma once

#include <cstddef>

struct cmark_mem;

namespace kith::loaders {

// While an instance lives, memory() is the calling thread's arena as a cmark allocator; what
// cmark allocates through it (parser, nodes, literals) stays valid until the instance goes.
// Scopes on one thread may nest: everything is released when the outermost one ends.
class MarkdownArenaScope {
 public:
  MarkdownArenaScope();
  ~MarkdownArenaScope();
  MarkdownArenaScope(const MarkdownArenaScope&) = delete;
  MarkdownArenaScope& operator=(const MarkdownArenaScope&) = delete;

  cmark_mem* memory() const;
};

// The most memory the calling thread's arena has held at once: what the largest tree cmark
// built on this thread took.
std::size_t markdown_arena_peak_bytes();

}  // namespace kith::loaders
