#include "loaders/markdown_arena.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

// Hand-written: Debian has no arena allocator library that fits cmark's three-function
// interface (calloc, realloc, free without a context pointer), and this one is a page long.

namespace kith::loaders {

namespace {

constexpr std::size_t kAlignment = alignof(std::max_align_t);
// Each block starts with its size (realloc must know how much to copy), padded so the block
// itself stays aligned.
constexpr std::size_t kHeader = kAlignment;
constexpr std::size_t kChunkBytes = std::size_t{256} << 10;
// After a very large note the arena gives back what is over this, so one big file does not
// hold memory for the rest of the load.
constexpr std::size_t kKeptBytes = std::size_t{4} << 20;

std::size_t round_up(std::size_t n) {
  return (n + kAlignment - 1) / kAlignment * kAlignment;
}

class Arena {
 public:
  void* allocate(std::size_t size) {
    const std::size_t need = kHeader + round_up(size);
    if (current_ >= chunks_.size() || used_ + need > chunks_[current_].size) next_chunk(need);
    char* header = chunks_[current_].data.get() + used_;
    used_ += need;
    std::memcpy(header, &size, sizeof size);
    last_ = header + kHeader;
    return last_;
  }

  void* reallocate(void* block, std::size_t size) {
    if (block == nullptr) return allocate(size);
    char* bytes = static_cast<char*>(block);
    std::size_t old_size;
    std::memcpy(&old_size, bytes - kHeader, sizeof old_size);
    // cmark grows its buffers by doubling, mostly the one allocated last: grow it in place.
    if (bytes == last_) {
      const std::size_t start = used_ - round_up(old_size);
      if (start + round_up(size) <= chunks_[current_].size) {
        used_ = start + round_up(size);
        std::memcpy(bytes - kHeader, &size, sizeof size);
        return block;
      }
    }
    void* moved = allocate(size);
    std::memcpy(moved, block, std::min(old_size, size));
    return moved;
  }

  void release() {
    std::size_t kept = 0;
    std::size_t keep = 0;
    while (keep < chunks_.size() && kept + chunks_[keep].size <= kKeptBytes) {
      kept += chunks_[keep].size;
      ++keep;
    }
    chunks_.resize(keep);
    held_ = kept;
    current_ = 0;
    used_ = 0;
    last_ = nullptr;
  }

 private:
  struct Chunk {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
  };

  // The next kept chunk that can hold `need` bytes, or a new one.
  void next_chunk(std::size_t need) {
    for (std::size_t i = current_ + 1; i < chunks_.size(); ++i) {
      if (chunks_[i].size >= need) {
        current_ = i;
        used_ = 0;
        return;
      }
    }
    const std::size_t size = std::max(kChunkBytes, need);
    chunks_.push_back(Chunk{std::unique_ptr<char[]>(new (std::nothrow) char[size]), size});
    if (!chunks_.back().data) {
      std::fputs("kith: out of memory while parsing Markdown\n", stderr);
      std::abort();  // as cmark's own allocator does
    }
    current_ = chunks_.size() - 1;
    used_ = 0;
    held_ += size;
    peak_ = std::max(peak_, held_);
  }

 public:
  std::size_t peak() const { return peak_; }

 private:
  std::vector<Chunk> chunks_;
  std::size_t held_ = 0;  // bytes in chunks_
  std::size_t peak_ = 0;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
  char* last_ = nullptr;  // the block allocated last, which realloc can grow in place
};

thread_local Arena arena;
thread_local int open_scopes = 0;

void* arena_calloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > SIZE_MAX / size) {
    std::fputs("kith: out of memory while parsing Markdown\n", stderr);
    std::abort();
  }
  void* block = arena.allocate(count * size);
  std::memset(block, 0, count * size);
  return block;
}

void* arena_realloc(void* block, std::size_t size) {
  return arena.reallocate(block, size);
}

void arena_free(void*) {}  // everything goes at once, in ~MarkdownArenaScope

cmark_mem arena_memory = {arena_calloc, arena_realloc, arena_free};

}  // namespace

MarkdownArenaScope::MarkdownArenaScope() {
  ++open_scopes;
}

MarkdownArenaScope::~MarkdownArenaScope() {
  if (--open_scopes == 0) arena.release();
}

cmark_mem* MarkdownArenaScope::memory() const {
  return &arena_memory;
}

std::size_t markdown_arena_peak_bytes() {
  return arena.peak();
}

}  // namespace kith::loaders
