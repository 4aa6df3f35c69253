// A node's relationship ids in one direction, as the store keeps them: 16 bytes with room for
// two ids inline, growing on the heap as reserve_for_append() grows the store's vectors. Most nodes
// of a vault (tasks, meetings, messages) have one or two relationships each way, which a
// std::vector (24 bytes, and a 32-byte heap chunk for its first id) stores in 56 bytes and this
// in 16. Boost's small_vector would do it in 32: its size and capacity are size_t.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "graph/append_growth.hpp"
#include "graph/heap_bytes.hpp"

namespace kith {

class IdList {
 public:
  IdList() noexcept {}
  IdList(const IdList&) = delete;
  IdList& operator=(const IdList&) = delete;
  IdList(IdList&& other) noexcept { steal(other); }
  IdList& operator=(IdList&& other) noexcept {
    if (this != &other) {
      release();
      steal(other);
    }
    return *this;
  }
  ~IdList() { release(); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const std::uint32_t* begin() const { return data(); }
  const std::uint32_t* end() const { return data() + size_; }
  std::uint32_t operator[](std::size_t i) const { return data()[i]; }

  void push_back(std::uint32_t id) {
    if (size_ == capacity_) grow();
    data()[size_++] = id;
  }
  // Drops the ids pred(id) is true for, keeping the others in order.
  template <class Pred>
  void erase_if(Pred pred) {
    std::uint32_t* first = data();
    size_ = static_cast<std::uint32_t>(std::remove_if(first, first + size_, pred) - first);
  }
  // Empties the list and gives back its heap block.
  void clear() {
    release();
    size_ = 0;
    capacity_ = kInline;
  }
  std::size_t heap_bytes() const {
    return on_heap() ? heap_block(std::size_t{capacity_} * sizeof(std::uint32_t)) : 0;
  }

 private:
  static constexpr std::uint32_t kInline = 2;

  bool on_heap() const { return capacity_ > kInline; }
  std::uint32_t* data() { return on_heap() ? ids_.heap : ids_.inline_ids; }
  const std::uint32_t* data() const { return on_heap() ? ids_.heap : ids_.inline_ids; }

  void grow() {
    if (size_ == std::numeric_limits<std::uint32_t>::max()) {
      throw std::length_error("too many relationships at one node");
    }
    const auto capacity = static_cast<std::uint32_t>(std::min<std::size_t>(
        grown_capacity(size_, sizeof(std::uint32_t)), std::numeric_limits<std::uint32_t>::max()));
    auto* fresh = new std::uint32_t[capacity];
    std::memcpy(fresh, data(), std::size_t{size_} * sizeof(std::uint32_t));
    release();
    ids_.heap = fresh;
    capacity_ = capacity;
  }
  void release() {
    if (on_heap()) delete[] ids_.heap;
  }
  void steal(IdList& other) {
    std::memcpy(static_cast<void*>(&ids_), &other.ids_, sizeof(ids_));
    size_ = other.size_;
    capacity_ = other.capacity_;
    other.size_ = 0;
    other.capacity_ = kInline;
  }

  union Ids {
    std::uint32_t* heap;
    std::uint32_t inline_ids[kInline];
  };
  Ids ids_{.inline_ids = {0, 0}};
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = kInline;
};
static_assert(sizeof(IdList) == 16);

}  // namespace kith
