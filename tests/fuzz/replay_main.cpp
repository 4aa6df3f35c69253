// fuzz_replay TARGET DIR|FILE...: feeds every file under the DIRs, and the FILEs, to one fuzz
// target, as libFuzzer would replay them, and fails if any input crashes it. ctest runs it per
// target over tests/fuzz/corpus/<target> and tests/fuzz/regressions/<target> in the sanitizer
// build.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

namespace kith::fuzz {

static std::map<std::string, TargetFunction>& targets() {
  static std::map<std::string, TargetFunction> all;
  return all;
}

bool register_target(const char* name, TargetFunction function) {
  targets()[name] = function;
  return true;
}

}  // namespace kith::fuzz

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  auto& targets = kith::fuzz::targets();
  if (argc < 2 || !targets.count(argv[1])) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET DIR|FILE...\ntargets:");
    for (const auto& [name, function] : targets)
      std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  auto target = targets[argv[1]];
  std::vector<fs::path> inputs;
  for (int i = 2; i < argc; ++i) {
    if (!fs::exists(argv[i])) continue;  // a target may have no regressions yet
    if (!fs::is_directory(argv[i])) {
      inputs.push_back(argv[i]);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(argv[i]))
      if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());  // the same order on every machine
  if (inputs.empty()) {
    std::fprintf(stderr, "fuzz_replay %s: no inputs found\n", argv[1]);
    return 1;
  }
  for (const auto& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Print first, so the input that crashed is the last line before the sanitizer's report.
    std::fprintf(stderr, "%s\n", path.c_str());
    target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("fuzz_replay %s: %zu inputs, no crash\n", argv[1], inputs.size());
  return 0;
}
