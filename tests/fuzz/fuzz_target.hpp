// One fuzz target, compiled two ways: as a libFuzzer program (the KITH_FUZZ build, clang) and
// into `fuzz_replay`, the ordinary test build's program that runs every saved input of every
// target under the sanitizers, so a fixed crash stays fixed even where libFuzzer is absent.
//
//   KITH_FUZZ_TARGET(task_line) { ...use data, size...; return 0; }
//
// A target finds bugs by crashing: a sanitizer report, an uncaught exception, or a failed
// FUZZ_CHECK of a property the code promises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kith::fuzz {

using TargetFunction = int (*)(const std::uint8_t* data, std::size_t size);

// Registers a target for fuzz_replay; returns true so it can initialise a static.
bool register_target(const char* name, TargetFunction function);

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void check_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property violated: %s\n", file, line, condition);
  std::abort();
}

}  // namespace kith::fuzz

// Unlike assert(), stays on in every build type: the property is what the target checks.
#define FUZZ_CHECK(condition) \
  ((condition) ? (void)0 : ::kith::fuzz::check_failed(#condition, __FILE__, __LINE__))

#ifdef KITH_LIBFUZZER
#define KITH_FUZZ_ENTRY(name)                                                         \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    return kith_fuzz_##name(data, size);                                              \
  }
#else
#define KITH_FUZZ_ENTRY(name)                                      \
  [[maybe_unused]] static const bool kith_fuzz_registered_##name = \
      ::kith::fuzz::register_target(#name, kith_fuzz_##name);
#endif

#define KITH_FUZZ_TARGET(name)                                             \
  static int kith_fuzz_##name(const std::uint8_t* data, std::size_t size); \
  KITH_FUZZ_ENTRY(name)                                                    \
  static int kith_fuzz_##name(const std::uint8_t* data, std::size_t size)
