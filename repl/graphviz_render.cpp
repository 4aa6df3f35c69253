#include "repl/graphviz_render.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

extern char** environ;

namespace kith::repl {

namespace fs = std::filesystem;

namespace {

// A temporary file removed when it goes out of scope.
class TempFile {
 public:
  explicit TempFile(const char* suffix) {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    std::string pattern = (dir / "kith-render-XXXXXX").string() + suffix;
    const int fd = ::mkstemps(pattern.data(), static_cast<int>(std::strlen(suffix)));
    if (fd >= 0) {
      ::close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::string render_with_graphviz(const std::string& dot_text, std::string_view format,
                                 std::string& image) {
  // Files rather than pipes: dot reads all its input before it writes, but a pipe would still
  // need a second thread to be safe against a dot that fails halfway and stops reading.
  TempFile input(".dot");
  TempFile output(fmt::format(".{}", format).c_str());
  if (input.path().empty() || output.path().empty())
    return fmt::format("cannot create a temporary file: {}", std::strerror(errno));
  {
    std::ofstream in(input.path(), std::ios::binary);
    in << dot_text;
    if (!in.flush()) return "cannot write a temporary file for Graphviz";
  }
  std::vector<std::string> args = {"dot", fmt::format("-T{}", format)};
  if (format == "png") args.emplace_back("-Gdpi=144");
  args.insert(args.end(), {"-o", output.path(), input.path()});
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t child = 0;
  const int spawned = ::posix_spawnp(&child, "dot", nullptr, nullptr, argv.data(), environ);
  if (spawned == ENOENT) {
    return "Graphviz's `dot` program was not found; install the graphviz package "
           "(scripts/install-deps does)";
  }
  if (spawned != 0) return fmt::format("cannot run Graphviz's dot: {}", std::strerror(spawned));
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) return fmt::format("waiting for dot: {}", std::strerror(errno));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return WIFEXITED(status)
               ? fmt::format("Graphviz's dot failed (exit status {})", WEXITSTATUS(status))
               : fmt::format("Graphviz's dot was killed by signal {}", WTERMSIG(status));
  }
  std::ifstream out(output.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << out.rdbuf();
  image = bytes.str();
  return {};
}

}  // namespace kith::repl
