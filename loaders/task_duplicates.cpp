#include "loaders/task_duplicates.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "graph/name_key.hpp"
#include "loaders/jaro_winkler.hpp"

namespace kith::loaders {

namespace {

constexpr std::array<std::string_view, 31> kStopWords = {
    "the",   "a",    "an",   "and",  "or",  "to",   "of",   "for",   "in",  "on",   "at",
    "by",    "with", "from", "is",   "are", "be",   "as",   "it",    "its", "this", "that",
    "their", "our",  "we",   "they", "up",  "back", "into", "about", "re"};

}  // namespace

std::vector<std::string> task_words(std::string_view description) {
  std::vector<std::string> out;
  // name_tokens_key splits on spaces, hyphens and slashes: "object-store" is two words.
  const std::string folded = name_tokens_key(description);
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    std::string w = folded.substr(i, j - i);
    if (w.size() > 1 && std::find(kStopWords.begin(), kStopWords.end(), w) == kStopWords.end())
      out.push_back(std::move(w));
    i = j + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

std::size_t matched_words(const std::vector<std::string>& a, const std::vector<std::string>& b,
                          double word_match) {
  std::size_t matched = 0;
  std::vector<bool> used(b.size(), false);
  for (const auto& w : a) {
    std::size_t best = b.size();
    double best_score = word_match;
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (used[j]) continue;
      const double s = w == b[j] ? 1.0 : jaro_winkler(w, b[j]);
      if (s >= best_score) {
        best_score = s;
        best = j;
        if (s == 1.0) break;
      }
    }
    if (best < b.size()) {
      used[best] = true;
      ++matched;
    }
  }
  return matched;
}

double overlap_of(const std::vector<std::string>& a, const std::vector<std::string>& b,
                  const TaskDuplicateOptions& options, std::size_t* shared) {
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  if (shorter.empty()) return 0;
  const std::size_t m = matched_words(shorter, longer, options.word_match);
  if (shared) *shared = m;
  return static_cast<double>(m) / static_cast<double>(shorter.size());
}

}  // namespace

double task_text_overlap(std::string_view a, std::string_view b,
                         const TaskDuplicateOptions& options) {
  return overlap_of(task_words(a), task_words(b), options, nullptr);
}

std::vector<std::pair<std::size_t, std::size_t>> find_duplicate_tasks(
    const std::vector<doc::Task>& tasks, const TaskDuplicateOptions& options) {
  std::vector<std::vector<std::string>> words;
  words.reserve(tasks.size());
  for (const auto& t : tasks)
    words.push_back(task_words(t.description));
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t later = 1; later < tasks.size(); ++later) {
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      if (tasks[later].due != tasks[earlier].due) continue;
      std::size_t shared = 0;
      const double o = overlap_of(words[later], words[earlier], options, &shared);
      if (o >= options.overlap && shared >= options.min_shared_words) {
        out.emplace_back(later, earlier);
        break;
      }
    }
  }
  return out;
}

}  // namespace kith::loaders
