#include "repl/completion.hpp"

#include <algorithm>
#include <cctype>

#include "query/keywords.hpp"

namespace kith::repl {

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

std::vector<std::string> matching(const std::vector<std::string>& words, std::string_view prefix,
                                  std::string_view suffix = {}) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    if (starts_with_ignoring_case(w, prefix)) out.push_back(w + std::string(suffix));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Whether the innermost bracket open at the end of `text` is '[' (a relationship pattern),
// skipping quoted text.
bool inside_relationship(std::string_view text) {
  std::vector<char> open;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\' && quote != '`') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      open.push_back(c);
    } else if ((c == ')' || c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it) {
    if (*it != '{') return *it == '[';
  }
  return false;
}

}  // namespace

Completion complete(const StatementSplitter& statement, std::string_view line,
                    const CompletionWords& words) {
  Completion out;
  out.start = line.size();
  const LexicalContext context = statement.context_after(line);

  if (context == LexicalContext::SingleQuoted || context == LexicalContext::DoubleQuoted ||
      context == LexicalContext::Backticked) {
    const char quote = context == LexicalContext::SingleQuoted   ? '\''
                       : context == LexicalContext::DoubleQuoted ? '"'
                                                                 : '`';
    const std::size_t open = line.rfind(quote);
    out.start = open == std::string_view::npos ? 0 : open + 1;
    const std::string_view prefix = line.substr(out.start);
    if (quote == '`') {
      std::vector<std::string> all = words.labels;
      all.insert(all.end(), words.types.begin(), words.types.end());
      all.insert(all.end(), words.keys.begin(), words.keys.end());
      out.candidates = matching(all, prefix, "`");
    } else {
      out.candidates = matching(words.names, prefix, std::string(1, quote));
    }
    return out;
  }
  if (context != LexicalContext::Code) return out;  // in a comment

  // Shell commands, and their arguments, between statements.
  if (!statement.pending()) {
    std::size_t first = 0;
    while (first < line.size() && std::isspace(static_cast<unsigned char>(line[first])))
      ++first;
    if (first < line.size() && line[first] == ':') {
      const std::size_t space = line.find(' ', first);
      if (space == std::string_view::npos) {
        out.start = first;
        out.candidates = matching(words.commands, line.substr(first));
        return out;
      }
      std::size_t arg = line.find_last_of(' ') + 1;
      out.start = arg;
      const std::string_view command = line.substr(first, space - first);
      if (command == ":format") out.candidates = matching(words.formats, line.substr(arg));
      if (command == ":timing") out.candidates = matching({"off", "on"}, line.substr(arg));
      return out;
    }
  }

  std::size_t start = line.size();
  while (start > 0 && word_char(line[start - 1]))
    --start;
  out.start = start;
  const std::string_view prefix = line.substr(start);
  const char before = start > 0 ? line[start - 1] : '\0';
  if (before == '$') {
    out.candidates = matching(words.parameters, prefix);
  } else if (before == '.') {
    out.candidates = matching(words.keys, prefix);
  } else if (before == ':' || before == '|') {
    // Earlier lines of the statement count: `MATCH (a)-[` may end the line before.
    std::string text = statement.pending_text();
    text += '\n';
    text += line.substr(0, start);
    out.candidates =
        inside_relationship(text) ? matching(words.types, prefix) : matching(words.labels, prefix);
  } else if (!prefix.empty() && !std::isdigit(static_cast<unsigned char>(prefix[0]))) {
    const bool lower = std::none_of(prefix.begin(), prefix.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c));
    });
    for (const std::string_view keyword : query::all_keywords()) {
      if (!starts_with_ignoring_case(keyword, prefix)) continue;
      std::string k(keyword);
      if (lower)
        std::transform(k.begin(), k.end(), k.begin(),
                       [](char c) { return std::tolower(static_cast<unsigned char>(c)); });
      out.candidates.push_back(std::move(k));
    }
    std::sort(out.candidates.begin(), out.candidates.end());
    out.candidates.erase(std::unique(out.candidates.begin(), out.candidates.end()),
                         out.candidates.end());
  }
  return out;
}

std::string common_prefix(const std::vector<std::string>& candidates) {
  if (candidates.empty()) return {};
  std::string prefix = candidates.front();
  for (const auto& c : candidates) {
    std::size_t n = 0;
    while (n < prefix.size() && n < c.size() && prefix[n] == c[n])
      ++n;
    prefix.resize(n);
  }
  return prefix;
}

}  // namespace kith::repl
