#include "loaders/frontmatter_lines.hpp"

#include <fstream>

#include "graph/name_key.hpp"

namespace kith::loaders {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Compared as name keys: quotes, brackets, case and accents do not matter.
std::string value_key(std::string_view v) {
  return name_key(v);
}

}  // namespace

FrontmatterLines::FrontmatterLines(const std::filesystem::path& file, std::uint32_t end_line) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return;
  // Read in blocks until the end_line-th line is in: one read for most notes, not the whole
  // of a long one.
  std::string text;
  std::size_t end = 0;
  std::uint32_t lines = 0;
  char block[4096];
  while (lines < end_line) {
    const std::size_t newline = text.find('\n', end);
    if (newline != std::string::npos) {
      end = newline + 1;
      ++lines;
      continue;
    }
    if (!in) {
      end = text.size();
      break;
    }
    in.read(block, sizeof block);
    text.append(block, static_cast<std::size_t>(in.gcount()));
  }
  text.resize(end);
  parse(text);
}

FrontmatterLines FrontmatterLines::from_text(std::string_view text) {
  FrontmatterLines f;
  f.parse(text);
  return f;
}

void FrontmatterLines::parse(std::string_view text) {
  std::uint32_t number = 0;
  std::string current_key;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    const std::string_view t = trim(raw);
    lines_.emplace_back(t);
    if (t.empty() || t == "---") continue;
    if (t.front() == '-') {  // a block list item under the current key
      if (!current_key.empty()) items_.try_emplace({current_key, value_key(t.substr(1))}, number);
      continue;
    }
    if (raw.front() == ' ' || raw.front() == '\t') continue;  // nested mapping: not tracked
    const auto colon = t.find(':');
    if (colon == std::string_view::npos) continue;
    current_key = std::string(trim(t.substr(0, colon)));
    keys_.try_emplace(current_key, number);
    std::string_view value = trim(t.substr(colon + 1));
    if (value.empty()) continue;
    if (value.front() == '[' && value.size() > 1 && value[1] != '[') {  // a flow list
      value = value.substr(
          1, value.rfind(']') == std::string_view::npos ? value.size() - 1 : value.rfind(']') - 1);
      std::size_t i = 0;
      while (i <= value.size()) {
        auto comma = value.find(',', i);
        if (comma == std::string_view::npos) comma = value.size();
        items_.try_emplace({current_key, value_key(value.substr(i, comma - i))}, number);
        i = comma + 1;
      }
    } else {
      items_.try_emplace({current_key, value_key(value)}, number);
    }
  }
}

std::uint32_t FrontmatterLines::line(std::string_view key, std::string_view value) const {
  if (!value.empty()) {
    const auto it = items_.find({std::string(key), value_key(value)});
    if (it != items_.end()) return it->second;
  }
  const auto it = keys_.find(std::string(key));
  return it == keys_.end() ? 1 : it->second;
}

std::string FrontmatterLines::text(std::uint32_t line) const {
  return line == 0 || line > lines_.size() ? std::string() : lines_[line - 1];
}

}  // namespace kith::loaders
