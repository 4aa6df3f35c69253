#include "query/tasks_words.hpp"

#include <cctype>

namespace kith::query {

bool is_tasks_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_tasks_blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_tasks_blank(s.back()))
    s.remove_suffix(1);
  return s;
}

bool take_words(std::string_view& s, std::string_view words) {
  std::size_t i = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (words[w] == ' ') {
      if (i >= s.size() || !is_tasks_blank(s[i])) return false;
      while (i < s.size() && is_tasks_blank(s[i]))
        ++i;
      continue;
    }
    if (i >= s.size() || std::tolower(static_cast<unsigned char>(s[i])) != words[w]) return false;
    ++i;
  }
  if (i < s.size() && !is_tasks_blank(s[i])) return false;
  s = trim_blanks(s.substr(i));
  return true;
}

}  // namespace kith::query
