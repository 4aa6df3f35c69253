#include "repl/script.hpp"

#include <fmt/format.h>

namespace kith::repl {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// The byte length of the UTF-8 character starting with `lead` (1 for stray bytes).
std::size_t char_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  n = std::min(n, text.size() - pos);
  for (std::size_t i = 1; i < n; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return i;
  }
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

const char* describe(LexicalContext c) {
  switch (c) {
    case LexicalContext::SingleQuoted:
    case LexicalContext::DoubleQuoted:
      return "unterminated string";
    case LexicalContext::Backticked:
      return "unterminated quoted name";
    case LexicalContext::BlockComment:
      return "unterminated comment";
    default:
      return "incomplete statement";
  }
}

}  // namespace

SourcePosition source_position(const Statement& statement, std::size_t line, std::size_t column) {
  if (line == 0) return {statement.line, statement.column};
  if (line == 1) return {statement.line, statement.column + column - 1};
  return {statement.line + line - 1, column};
}

void StatementSplitter::feed_line(std::string_view text) {
  feed(text, true);
}

LexicalContext StatementSplitter::context_after(std::string_view partial_line) const {
  StatementSplitter copy = *this;
  copy.feed(partial_line, false);
  return copy.context_;
}

void StatementSplitter::feed(std::string_view text, bool ends_line) {
  ++line_;
  column_ = 0;
  if (!pending()) {
    const std::string_view body = trim(text);
    if (!body.empty() && body.front() == ':') {
      Statement command;
      command.kind = Statement::Kind::Command;
      command.text = std::string(body.back() == ';' ? trim(body.substr(0, body.size() - 1)) : body);
      command.line = line_;
      command.column = text.find(':') + 1;
      done_.push_back(std::move(command));
      return;
    }
  }
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t n = char_length(text, pos);
    const std::string_view ch = text.substr(pos, n);
    const char next = pos + n < text.size() ? text[pos + n] : '\0';
    ++column_;
    pos += n;
    switch (context_) {
      case LexicalContext::Code:
        if (ch == "/" && (next == '/' || next == '*')) {
          context_ = next == '/' ? LexicalContext::LineComment : LexicalContext::BlockComment;
          open_line_ = line_;
          open_column_ = column_;
          blanks_ += "  ";
          ++column_;
          ++pos;
        } else if (ch == ";") {
          end_statement();
        } else if (ch.size() == 1 && is_blank(ch[0])) {
          blanks_ += ' ';
        } else {
          if (ch == "'" || ch == "\"" || ch == "`") {
            context_ = ch == "'"    ? LexicalContext::SingleQuoted
                       : ch == "\"" ? LexicalContext::DoubleQuoted
                                    : LexicalContext::Backticked;
            open_line_ = line_;
            open_column_ = column_;
          }
          add_char(ch);
        }
        break;
      case LexicalContext::SingleQuoted:
      case LexicalContext::DoubleQuoted:
      case LexicalContext::Backticked: {
        const char quote = context_ == LexicalContext::SingleQuoted   ? '\''
                           : context_ == LexicalContext::DoubleQuoted ? '"'
                                                                      : '`';
        add_char(ch);
        if (escaped_) {
          escaped_ = false;
        } else if (ch == "\\" && quote != '`') {
          escaped_ = true;
        } else if (ch.size() == 1 && ch[0] == quote) {
          context_ = LexicalContext::Code;
        }
        break;
      }
      case LexicalContext::LineComment:
        blanks_ += ' ';
        break;
      case LexicalContext::BlockComment:
        blanks_ += ' ';
        if (ch == "*" && next == '/') {
          blanks_ += ' ';
          ++column_;
          ++pos;
          context_ = LexicalContext::Code;
        }
        break;
    }
  }
  if (!ends_line) return;
  if (context_ == LexicalContext::LineComment) context_ = LexicalContext::Code;
  if (started_) blanks_ += '\n';
}

void StatementSplitter::add_char(std::string_view ch) {
  if (!started_) {
    started_ = true;
    current_ = Statement{};
    current_.line = line_;
    current_.column = column_;
    blanks_.clear();
  }
  current_.text += blanks_;
  blanks_.clear();
  current_.text += ch;
}

void StatementSplitter::end_statement() {
  if (started_) done_.push_back(std::move(current_));
  current_ = Statement{};
  started_ = false;
  blanks_.clear();
}

std::vector<Statement> StatementSplitter::take() {
  std::vector<Statement> out = std::move(done_);
  done_.clear();
  return out;
}

std::vector<Statement> StatementSplitter::finish() {
  if (context_ != LexicalContext::Code && context_ != LexicalContext::LineComment) {
    throw ScriptError(describe(context_), open_line_, open_column_);
  }
  context_ = LexicalContext::Code;
  end_statement();
  return take();
}

void StatementSplitter::reset() {
  current_ = Statement{};
  started_ = false;
  blanks_.clear();
  context_ = LexicalContext::Code;
  escaped_ = false;
}

std::vector<Statement> split_script(std::string_view text) {
  StatementSplitter splitter;
  std::vector<Statement> out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    splitter.feed_line(text.substr(0, end));
    for (auto& s : splitter.take())
      out.push_back(std::move(s));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  for (auto& s : splitter.finish())
    out.push_back(std::move(s));
  return out;
}

LexicalContext context_at_end(std::string_view text) {
  StatementSplitter splitter;
  for (std::size_t end; (end = text.find('\n')) != std::string_view::npos;) {
    splitter.feed_line(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return splitter.context_after(text);
}

}  // namespace kith::repl
