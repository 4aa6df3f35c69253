// The one-line progress report on stderr while a vault loads: files, MB and rate, redrawn in
// place. Shown only when stderr is a terminal, so pipes and logs stay clean.
#pragma once

#include <chrono>
#include <cstdio>

#include "loaders/vault.hpp"

namespace kith::repl {

class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out = stderr);
  ~ProgressLine();  // clears the line
  bool enabled() const { return enabled_; }
  void update(const loaders::LoadProgress& p);  // thread-safe through LoadOptions' caller

 private:
  std::FILE* out_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace kith::repl
