#include "repl/progress_line.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace kith::repl {

ProgressLine::ProgressLine(std::FILE* out)
    : out_(out), enabled_(::isatty(::fileno(out)) != 0), start_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() {
  if (drawn_) fmt::print(out_, "\r\033[K");
}

void ProgressLine::update(const loaders::LoadProgress& p) {
  if (!enabled_) return;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb = static_cast<double>(p.bytes_done) / 1e6;
  fmt::print(out_, "\r\033[Kloading: {}/{} files, {:.1f} MB, {:.1f} MB/s", p.files_done,
             p.files_total, mb, seconds > 0 ? mb / seconds : 0.0);
  std::fflush(out_);
  drawn_ = true;
}

}  // namespace kith::repl
