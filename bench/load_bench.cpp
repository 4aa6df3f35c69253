// Load throughput: how fast a vault becomes documents, next to two floors measured in the same
// run on the same files: reading every file (read(2), nothing else) and cmark parsing every
// file alone. Prints one Markdown table.
//
//   load_bench VAULT [--threads N] [--repeat R]
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <cmark.h>
#include <fmt/format.h>

#include "loaders/vault.hpp"
#include "loaders/vault_files.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const std::filesystem::path& p) {
  std::string out;
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  char buffer[1 << 16];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

template <class F>
double best_seconds(int repeat, F&& run) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

long peak_rss_mb() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: load_bench VAULT [--threads N] [--repeat R]\n");
    return 2;
  }
  const std::filesystem::path root = argv[1];
  unsigned threads = std::thread::hardware_concurrency();
  int repeat = 3;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--threads") == 0)
      threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
  }

  std::vector<kith::doc::Warning> warnings;
  const auto config = kith::loaders::read_vault_config(root, warnings);
  const auto files = kith::loaders::list_vault_files(root, config, warnings);
  std::uint64_t bytes = 0;
  for (const auto& f : files)
    bytes += f.size;
  const double mb = static_cast<double>(bytes) / 1e6;
  const double notes = static_cast<double>(files.size());

  std::size_t sink = 0;
  const double read_s = best_seconds(repeat, [&] {
    for (const auto& f : files)
      sink += slurp(f.absolute).size();
  });
  const double cmark_s = best_seconds(repeat, [&] {
    for (const auto& f : files) {
      const std::string text = slurp(f.absolute);
      cmark_node* doc = cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS);
      sink += doc != nullptr;
      cmark_node_free(doc);
    }
  });
  std::size_t documents = 0;
  const double one_s = best_seconds(repeat, [&] {
    kith::loaders::LoadOptions options;
    options.threads = 1;
    documents = kith::loaders::read_vault(root, options).documents.size();
  });
  const double many_s = best_seconds(repeat, [&] {
    kith::loaders::LoadOptions options;
    options.threads = threads;
    sink += kith::loaders::read_vault(root, options).documents.size();
  });

  auto row = [&](const char* what, double s) {
    fmt::print("| {} | {:.3f} | {:.1f} | {:.0f} | {:.2f} |\n", what, s, mb / s, notes / s,
               cmark_s / s);
  };
  fmt::print("{} notes, {:.1f} MB ({} documents read), best of {} runs\n\n", files.size(), mb,
             documents, repeat);
  fmt::print("| stage | seconds | MB/s | notes/s | x cmark-alone throughput |\n");
  fmt::print("|---|---|---|---|---|\n");
  row("floor: read() every file", read_s);
  row("floor: cmark parse alone (1 core)", cmark_s);
  row("kith documents, 1 thread", one_s);
  row(fmt::format("kith documents, {} threads", threads).c_str(), many_s);
  fmt::print("\nscaling 1 -> {} threads: {:.2f}x; peak RSS {} MB\n", threads, one_s / many_s,
             peak_rss_mb());
  return sink == 0 ? 1 : 0;
}
