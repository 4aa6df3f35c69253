#include "loaders/vault.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "loaders/document_reader.hpp"

namespace kith::loaders {

namespace {

// Reads a whole file with plain read(2): the cheapest way there is, and the floor the load
// benchmark compares against. The file was listed as a regular file within the size limit,
// but it may have changed since: O_NONBLOCK keeps a file swapped for a named pipe from
// blocking the load, and reading stops past `limit` so a file that grew meanwhile cannot
// take unbounded memory.
bool read_file(const std::filesystem::path& path, std::uint64_t limit, std::string& out,
               std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat status {};
  if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    error = "no longer a regular file";
    ::close(fd);
    return false;
  }
  out.clear();
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > limit) {
      error = "grew past the size limit while the vault was being read";
      ::close(fd);
      return false;
    }
  }
  ::close(fd);
  return true;
}

struct Slot {
  std::optional<doc::Document> document;
  std::vector<doc::Warning> warnings;
};

}  // namespace

Vault read_vault(const std::filesystem::path& root, const LoadOptions& options) {
  using Clock = std::chrono::steady_clock;
  Vault vault;
  vault.root = root;
  const auto start = Clock::now();
  vault.config = read_vault_config(root, vault.warnings);
  const std::vector<VaultFile> files = list_vault_files(root, vault.config, vault.warnings);
  const auto listed = Clock::now();
  vault.list_time = listed - start;

  std::uint64_t bytes_total = 0;
  for (const VaultFile& f : files)
    bytes_total += f.size;

  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(files.size())));
  vault.threads_used = threads;

  // Each file's result goes to its own slot, so the output order is the file order whatever
  // thread read it: the same vault gives the same documents at any thread count.
  std::vector<Slot> slots(files.size());
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::atomic<std::uint64_t> bytes_done{0};
  std::mutex progress_mutex;
  auto last_report = Clock::now();

  auto work = [&] {
    std::string bytes;
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= files.size()) return;
      const VaultFile& file = files[i];
      Slot& slot = slots[i];
      std::string error;
      if (!read_file(file.absolute, vault.config.max_file_bytes, bytes, error)) {
        slot.warnings.push_back(
            doc::Warning{file.path, 0, fmt::format("cannot be read: {}", error)});
      } else {
        try {
          slot.document = read_document(bytes, file, slot.warnings);
        } catch (const std::exception& e) {
          // A parser bug must cost one file, never the load.
          slot.warnings.push_back(
              doc::Warning{file.path, 0, fmt::format("could not be parsed: {}", e.what())});
        }
      }
      const std::size_t files_done = done.fetch_add(1) + 1;
      const std::uint64_t b = bytes_done.fetch_add(file.size) + file.size;
      if (options.progress) {
        std::lock_guard lock(progress_mutex);
        const auto now = Clock::now();
        if (now - last_report > std::chrono::milliseconds(100) || files_done == files.size()) {
          last_report = now;
          options.progress(LoadProgress{files_done, files.size(), b, bytes_total});
        }
      }
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  pool.clear();  // joins

  vault.documents.reserve(files.size());
  for (Slot& slot : slots) {
    for (auto& w : slot.warnings)
      vault.warnings.push_back(std::move(w));
    if (slot.document) vault.documents.push_back(std::move(*slot.document));
  }
  vault.parse_time = Clock::now() - listed;
  return vault;
}

}  // namespace kith::loaders
