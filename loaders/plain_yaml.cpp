#include "loaders/plain_yaml.hpp"

#include <array>
#include <string>

#include "loaders/yaml_scalar.hpp"

// yaml-cpp builds a node tree and parses about 25k frontmatters a second; this covers the
// common shapes at a fraction of the cost and refuses (nullopt) everything it is not sure of.

namespace kith::loaders {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

bool contains(std::string_view s, std::string_view what) {
  return s.find(what) != std::string_view::npos;
}

// The bytes is_safe_plain looks at twice: controls, and what may end or bracket a scalar.
constexpr std::array<bool, 256> kMaySurprise = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c)
    table[c] = true;
  for (unsigned char c : std::string_view(":#[]{},"))
    table[c] = true;
  return table;
}();

// A plain scalar that YAML reads as exactly this text, in block (flow=false) or flow context.
bool is_safe_plain(std::string_view s, bool flow) {
  if (s.empty()) return true;
  char first = s[0];
  static constexpr std::string_view kIndicators = "[]{},#&*!|>'\"%@`";
  if (kIndicators.find(first) != std::string_view::npos) return false;
  if ((first == '-' || first == '?' || first == ':') && (s.size() == 1 || is_space(s[1]))) {
    return false;
  }
  if (s.back() == ':') return false;
  // One pass for what would end the scalar early (": ", " #"), what flow context reserves,
  // and control characters and tabs, which make yaml-cpp's reading differ or fail.
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!kMaySurprise[static_cast<unsigned char>(c)]) continue;
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c == ':' && i + 1 < s.size() && is_space(s[i + 1])) return false;
    if (c == '#' && i > 0 && is_space(s[i - 1])) return false;
    if (flow && (c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':')) {
      return false;
    }
  }
  return true;
}

// A quoted scalar at s[0] ('...' or "..."): its value and the text after the closing quote.
std::optional<std::string> quoted(std::string_view s, std::string_view* rest) {
  char q = s[0];
  std::string out;
  for (std::size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (q == '\'' && c == '\'') {
      if (i + 1 < s.size() && s[i + 1] == '\'') {
        out.push_back('\'');
        ++i;
        continue;
      }
      *rest = s.substr(i + 1);
      return out;
    }
    if (q == '"' && c == '"') {
      *rest = s.substr(i + 1);
      return out;
    }
    if (q == '"' && c == '\\') return std::nullopt;
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') return std::nullopt;
    out.push_back(c);
  }
  return std::nullopt;  // not closed on this line: a multi-line scalar
}

// One scalar taking the whole of s (already trimmed).
std::optional<Value> scalar(std::string_view s, bool flow) {
  if (!s.empty() && (s[0] == '\'' || s[0] == '"')) {
    std::string_view rest;
    auto text = quoted(s, &rest);
    if (!text || !trim(rest).empty()) return std::nullopt;
    return Value{std::move(*text)};
  }
  if (!is_safe_plain(s, flow)) return std::nullopt;
  return resolve_plain_scalar(s);
}

std::optional<Value> flow_list(std::string_view s) {
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return std::nullopt;
  std::string_view inner = s.substr(1, s.size() - 2);
  List items;
  std::size_t i = 0;
  while (true) {
    while (i < inner.size() && is_space(inner[i]))
      ++i;
    if (i >= inner.size()) break;
    std::string_view item;
    std::size_t next;
    if (inner[i] == '\'' || inner[i] == '"') {
      std::string_view rest;
      auto text = quoted(inner.substr(i), &rest);
      if (!text) return std::nullopt;
      items.emplace_back(std::move(*text));
      next = inner.size() - rest.size();
      while (next < inner.size() && is_space(inner[next]))
        ++next;
    } else {
      std::size_t comma = inner.find(',', i);
      next = comma == std::string_view::npos ? inner.size() : comma;
      item = trim(inner.substr(i, next - i));
      // An empty item ("a, , b") is an error in YAML; leave it to yaml-cpp to say so.
      if (item.empty()) return std::nullopt;
      auto v = scalar(item, true);
      if (!v) return std::nullopt;
      items.push_back(std::move(*v));
    }
    if (next >= inner.size()) break;
    if (inner[next] != ',') return std::nullopt;
    i = next + 1;
  }
  return Value{std::move(items)};
}

bool is_safe_key(std::string_view key) {
  if (key.empty() || is_space(key.back())) return false;
  return is_safe_plain(key, true) && !contains(key, "#");
}

}  // namespace

std::optional<Map> parse_plain_yaml(std::string_view yaml) {
  Map out;
  Value* open_list = nullptr;  // the value of a `key:` line that block-list items may fill
  int list_indent = -1;
  std::size_t pos = 0;
  while (pos < yaml.size()) {
    std::size_t eol = yaml.find('\n', pos);
    if (eol == std::string_view::npos) eol = yaml.size();
    std::string_view line = yaml.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ')
      ++indent;
    std::string_view rest = line.substr(indent);
    if (rest.empty()) continue;
    if (rest[0] == '\t') return std::nullopt;
    if (rest[0] == '#') continue;

    if (rest[0] == '-' && (rest.size() == 1 || rest[1] == ' ')) {
      if (open_list == nullptr) return std::nullopt;
      if (list_indent < 0) list_indent = static_cast<int>(indent);
      if (static_cast<int>(indent) != list_indent) return std::nullopt;
      auto item = scalar(trim(rest.substr(1)), false);
      // "- [a]" or "- - a" (nested lists) and "- key: v" (maps) are outside the subset.
      if (!item) return std::nullopt;
      if (!open_list->is<List>()) *open_list = Value{List{}};
      open_list->as<List>().push_back(std::move(*item));
      continue;
    }
    if (indent > 0) return std::nullopt;  // a nested map or a continuation line

    std::size_t colon = rest.find(": ");
    std::string_view value_text;
    if (colon == std::string_view::npos) {
      if (rest.back() != ':') return std::nullopt;
      colon = rest.size() - 1;
    } else {
      value_text = trim(rest.substr(colon + 2));
    }
    std::string_view key = rest.substr(0, colon);
    if (!is_safe_key(key)) return std::nullopt;
    if (out.find(key) != out.end()) return std::nullopt;

    Value value;
    if (!value_text.empty()) {
      auto v = value_text[0] == '[' ? flow_list(value_text) : scalar(value_text, false);
      if (!v) return std::nullopt;
      value = std::move(*v);
    }
    auto [it, inserted] = out.emplace(std::string(key), std::move(value));
    (void)inserted;
    open_list = value_text.empty() ? &it->second : nullptr;
    list_indent = -1;
  }
  return out;
}

}  // namespace kith::loaders
