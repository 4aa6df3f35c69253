#include "loaders/email_signature.hpp"

#include <vector>

#include "graph/name_key.hpp"
#include "loaders/name_spans.hpp"

namespace kith::loaders {

namespace {

constexpr std::size_t kMaxSignatureLine = 80;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Whether a line reads as a job title: it holds a title word ("VP", "Director", "Engineer").
bool is_title_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == ',' || line[i] == '&'))
      ++i;
    std::size_t e = i;
    while (e < line.size() && line[e] != ' ' && line[e] != ',')
      ++e;
    if (e > i && is_title_word(line.substr(i, e - i))) return true;
    i = e;
  }
  return false;
}

// A company line: a few words, the first capitalised, no sentence punctuation.
bool is_company_line(std::string_view line) {
  if (line.empty() || !(line[0] >= 'A' && line[0] <= 'Z') || is_title_line(line)) return false;
  int words = 1;
  for (char c : line) {
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '@') return false;
    if (c == ' ') ++words;
  }
  return words <= 5;
}

}  // namespace

EmailSignature find_signature(std::string_view body, std::string_view sender) {
  EmailSignature sig;
  const std::string sender_key = name_key(sender);
  if (sender_key.empty()) return sig;
  // The last block of non-empty lines.
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= body.size();) {
    std::size_t e = body.find('\n', at);
    if (e == std::string_view::npos) e = body.size();
    lines.push_back(trim(body.substr(at, e - at)));
    at = e + 1;
  }
  while (!lines.empty() && lines.back().empty())
    lines.pop_back();
  std::size_t begin = lines.size();
  while (begin > 0 && !lines[begin - 1].empty())
    --begin;
  // Name, then one or two more lines: title and company, or either alone.
  const std::size_t n = lines.size() - begin;
  std::size_t name = lines.size();
  for (std::size_t k = begin; k < lines.size() && k < begin + 2; ++k)
    if (name_key(lines[k]) == sender_key) name = k;
  if (name == lines.size() || lines.size() - name < 2 || lines.size() - name > 3 || n > 4)
    return sig;
  for (std::size_t k = name + 1; k < lines.size(); ++k)
    if (lines[k].size() > kMaxSignatureLine) return sig;
  const std::string_view second = lines[name + 1];
  const std::string_view third = name + 2 < lines.size() ? lines[name + 2] : std::string_view();
  if (!third.empty()) {
    if (!is_title_line(second) || !is_company_line(third)) return sig;
    sig.title = second;
    sig.company = third;
  } else if (is_title_line(second)) {
    sig.title = second;
  } else if (is_company_line(second)) {
    sig.company = second;
  } else {
    return sig;
  }
  for (std::size_t k = name; k < lines.size(); ++k)
    sig.text += (sig.text.empty() ? "" : " / ") + std::string(lines[k]);
  return sig;
}

}  // namespace kith::loaders
