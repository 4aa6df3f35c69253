// Cutting query text into statements: the REPL's input, `kith run` scripts and queries piped to
// stdin. A statement ends with ';' outside strings ('..', ".."), quoted names (`..`) and
// comments (// to the end of the line, /* .. */). A line starting with ':' between statements
// is a shell command (:param x 1) and ends with its line.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kith::repl {

struct Statement {
  enum class Kind { Query, Command };
  Kind kind = Kind::Query;
  // The statement without its ';' and surrounding blanks. Comments are replaced by spaces
  // (newlines kept), so positions in `text` are positions in the source.
  std::string text;
  std::size_t line = 1;    // where `text` starts in the source, 1-based
  std::size_t column = 1;  // in characters, 1-based
};

// A position inside a statement (as a query error reports it) as a position in the source.
struct SourcePosition {
  std::size_t line = 0;
  std::size_t column = 0;
};
SourcePosition source_position(const Statement& statement, std::size_t line, std::size_t column);

// Where the end of some text is, lexically: what a ';' typed there would be part of.
enum class LexicalContext {
  Code,
  SingleQuoted,
  DoubleQuoted,
  Backticked,
  LineComment,
  BlockComment
};

// Unterminated string, quoted name or comment at the end of the input.
class ScriptError : public std::runtime_error {
 public:
  ScriptError(std::string message, std::size_t line, std::size_t column)
      : std::runtime_error(std::move(message)), line_(line), column_(column) {}
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }

 private:
  std::size_t line_;
  std::size_t column_;
};

// Fed a line at a time (the REPL) or all at once (scripts).
class StatementSplitter {
 public:
  // One line of input, without its line ending.
  void feed_line(std::string_view line);
  // The statements completed so far, in order; they are handed out once.
  std::vector<Statement> take();
  // Whether text of an unfinished statement is waiting for its ';'.
  bool pending() const { return started_ || context_ != LexicalContext::Code; }
  LexicalContext context() const { return context_; }
  // The text of the unfinished statement so far (comments blanked).
  const std::string& pending_text() const { return current_.text; }
  // The context at the end of `partial_line` were it fed next, without feeding it: a line
  // comment still open there counts (for completion at the cursor).
  LexicalContext context_after(std::string_view partial_line) const;
  // The end of the input: what is left becomes the last statement (a ';' at the very end is
  // optional). Throws ScriptError when a string, quoted name or comment is still open.
  std::vector<Statement> finish();
  // Drops the unfinished statement (Ctrl-C).
  void reset();

 private:
  void feed(std::string_view text, bool ends_line);
  void add_char(std::string_view ch);
  void end_statement();

  std::vector<Statement> done_;
  Statement current_;
  bool started_ = false;  // current_ has text other than blanks and comments
  std::string blanks_;    // blanks and blanked comments seen since the last text
  LexicalContext context_ = LexicalContext::Code;
  std::size_t line_ = 0;       // lines fed so far
  std::size_t column_ = 0;     // characters into the current line
  std::size_t open_line_ = 0;  // where the open string or comment started
  std::size_t open_column_ = 0;
  bool escaped_ = false;  // the previous character in a string was a backslash
};

// Every statement of a script. Throws ScriptError as StatementSplitter::finish.
std::vector<Statement> split_script(std::string_view text);

// The lexical context at the end of `text` (for completion: inside quotes, names are offered).
LexicalContext context_at_end(std::string_view text);

}  // namespace kith::repl
