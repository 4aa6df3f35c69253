// Reading lines at a terminal through libedit: editing, history (kept in a file) and Tab
// completion. Ctrl-C while typing gives Interrupted (the caller drops the statement); Ctrl-D on
// an empty line gives End.
#pragma once

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "repl/completion.hpp"

struct editline;
struct history;

namespace kith::repl {

struct InputLine {
  enum class Kind { Line, Interrupted, End };
  Kind kind = Kind::End;
  std::string text;  // without its newline
};

class LineEditor {
 public:
  using Completer = std::function<Completion(std::string_view line_to_cursor)>;

  // `out` receives the prompt and the editing (stdout, or stderr when stdout is redirected).
  LineEditor(std::FILE* in, std::FILE* out, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  InputLine read_line(const std::string& prompt);

  // History: entries added are saved to the file at once, so a crash loses nothing.
  void use_history_file(const std::filesystem::path& file);
  void add_history(const std::string& entry);

 private:
  static char* prompt_callback(editline* el);
  static unsigned char complete_callback(editline* el, int ch);

  editline* el_;
  history* history_;
  std::FILE* out_;
  Completer completer_;
  std::string prompt_;
  std::optional<std::filesystem::path> history_file_;
};

// SIGINT handling for the shell: Ctrl-C sets a flag instead of ending the process, and
// interrupts a blocking read. The flag doubles as QueryOptions::cancel for a running query.
class InterruptGuard {
 public:
  InterruptGuard();   // installs the handler
  ~InterruptGuard();  // restores the previous one
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};
// The flag SIGINT sets; clear it before waiting for the next Ctrl-C.
std::atomic<bool>& interrupted();

}  // namespace kith::repl
