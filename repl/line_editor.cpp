#include "repl/line_editor.hpp"

#include <histedit.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <clocale>
#include <cstring>
#include <cwchar>

#include <atomic>
#include <cerrno>
#include <system_error>

#include "repl/display_width.hpp"
#include "repl/history_path.hpp"

namespace kith::repl {

namespace {

std::atomic<bool> g_interrupted{false};
struct sigaction g_previous_sigint;

extern "C" void on_sigint(int) {
  g_interrupted.store(true);
}

constexpr int kHistorySize = 1000;

std::size_t utf8_chars(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// libedit decodes input and encodes lines by the C library's locale: take the user's for
// characters only (numbers keep printing the same), and UTF-8 when the user's is not.
void use_utf8_characters() {
  const char* set = std::setlocale(LC_CTYPE, "");
  const bool utf8 = set != nullptr && (std::strstr(set, "UTF-8") || std::strstr(set, "utf8"));
  if (!utf8) std::setlocale(LC_CTYPE, "C.UTF-8");
}

// Reads one character for libedit. It wakes every 100 ms to look at the Ctrl-C flag: a SIGINT
// that lands while libedit is drawing, not blocked in read(), would otherwise go unseen until
// the next key.
int read_character(EditLine* el, wchar_t* out) {
  int fd = STDIN_FILENO;
  FILE* in = nullptr;
  if (el_get(el, EL_GETFP, 0, &in) == 0 && in != nullptr) fd = ::fileno(in);
  std::mbstate_t state{};
  while (true) {
    if (g_interrupted.load()) {
      errno = EINTR;
      return -1;
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, 100);
    if (ready < 0 && errno != EINTR) return -1;
    if (ready <= 0) continue;
    char c = 0;
    const ssize_t got = ::read(fd, &c, 1);
    if (got == 0) return 0;
    if (got < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    wchar_t wc = 0;
    const std::size_t used = std::mbrtowc(&wc, &c, 1, &state);
    if (used == static_cast<std::size_t>(-2)) continue;  // more bytes to come
    if (used == static_cast<std::size_t>(-1)) {
      state = std::mbstate_t{};
      wc = L'\uFFFD';
    }
    *out = wc;
    return 1;
  }
}

// The locale first: libedit notes at el_init whether the terminal's characters are UTF-8.
EditLine* open_editline(std::FILE* in, std::FILE* out) {
  use_utf8_characters();
  return el_init("kith", in, out, stderr);
}

}  // namespace

std::atomic<bool>& interrupted() {
  return g_interrupted;
}

InterruptGuard::InterruptGuard() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a Ctrl-C must interrupt the read waiting for a key
  sigaction(SIGINT, &action, &g_previous_sigint);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &g_previous_sigint, nullptr);
}

LineEditor::LineEditor(std::FILE* in, std::FILE* out, Completer completer)
    : el_(open_editline(in, out)),
      history_(history_init()),
      out_(out),
      completer_(std::move(completer)) {
  HistEvent event;
  history(history_, &event, H_SETSIZE, kHistorySize);
  history(history_, &event, H_SETUNIQUE, 1);
  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_PROMPT, &LineEditor::prompt_callback);
  el_set(el_, EL_HIST, history, history_);
  // The wide-character call: the narrow el_set copies the name and help and never frees them.
  el_wset(el_, EL_ADDFN, L"kith-complete", L"complete a keyword or name",
          &LineEditor::complete_callback);
  el_set(el_, EL_BIND, "^I", "kith-complete", nullptr);
  el_set(el_, EL_GETCFN, &read_character);
  el_source(el_, nullptr);  // the user's ~/.editrc, as every libedit program reads it
}

LineEditor::~LineEditor() {
  el_end(el_);
  history_end(history_);
}

char* LineEditor::prompt_callback(editline* el) {
  LineEditor* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return self->prompt_.data();
}

unsigned char LineEditor::complete_callback(editline* el, int) {
  LineEditor* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  const LineInfo* info = el_line(el);
  const std::string_view line(info->buffer, static_cast<std::size_t>(info->cursor - info->buffer));
  const Completion completion = self->completer_(line);
  if (completion.candidates.empty()) return CC_REFRESH_BEEP;
  const std::string_view word = line.substr(completion.start);
  const std::string prefix = common_prefix(completion.candidates);
  if (completion.candidates.size() == 1 || prefix.size() > word.size()) {
    el_deletestr(el, static_cast<int>(utf8_chars(word)));
    el_insertstr(el,
                 (completion.candidates.size() == 1 ? completion.candidates[0] : prefix).c_str());
    return CC_REFRESH;
  }
  // Several candidates and nothing more in common: list them below the line, in columns.
  std::size_t width = 0;
  for (const auto& c : completion.candidates)
    width = std::max(width, display_width(c));
  const std::size_t per_line = std::max<std::size_t>(1, 80 / (width + 2));
  std::fputc('\n', self->out_);
  for (std::size_t i = 0; i < completion.candidates.size(); ++i) {
    const std::string& c = completion.candidates[i];
    std::fputs(c.c_str(), self->out_);
    const bool last_in_row = (i + 1) % per_line == 0 || i + 1 == completion.candidates.size();
    if (last_in_row) {
      std::fputc('\n', self->out_);
    } else {
      for (std::size_t pad = display_width(c); pad < width + 2; ++pad)
        std::fputc(' ', self->out_);
    }
  }
  return CC_REDISPLAY;
}

InputLine LineEditor::read_line(const std::string& prompt) {
  prompt_ = prompt;
  g_interrupted.store(false);
  int count = 0;
  const char* line = el_gets(el_, &count);
  if (line == nullptr) {
    if (count == -1 && (errno == EINTR || g_interrupted.load())) {
      el_reset(el_);  // drop the half-typed line
      std::fputc('\n', out_);
      std::fflush(out_);
      return {InputLine::Kind::Interrupted, {}};
    }
    return {InputLine::Kind::End, {}};
  }
  std::string text(line, static_cast<std::size_t>(count));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  return {InputLine::Kind::Line, std::move(text)};
}

void LineEditor::use_history_file(const std::filesystem::path& file) {
  history_file_ = file;
  HistEvent event;
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) history(history_, &event, H_LOAD, file.c_str());
}

void LineEditor::add_history(const std::string& entry) {
  if (entry.empty()) return;
  HistEvent event;
  history(history_, &event, H_ENTER, entry.c_str());
  if (!history_file_) return;
  if (prepare_history_folder(*history_file_))
    history(history_, &event, H_SAVE, history_file_->c_str());
}

}  // namespace kith::repl
