#include "loaders/full_yaml.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "loaders/yaml_scalar.hpp"

namespace kith::loaders {

namespace {

// How deep the text nests, estimated without parsing: brackets of flow collections, and the
// indentation plus "- " / "? " / ": " markers that open block collections on a line. It may
// overestimate (brackets inside quotes count), never underestimate.
int nesting_estimate(std::string_view yaml) {
  int worst = 0;
  int flow = 0;
  bool line_start = true;
  int prefix = 0;
  for (char c : yaml) {
    if (c == '\n') {
      line_start = true;
      prefix = 0;
      continue;
    }
    if (line_start) {
      if (c == ' ' || c == '-' || c == '?' || c == ':' || c == '\t') {
        ++prefix;
        // Two columns of indentation or one "- " marker open at most one level.
        worst = std::max(worst, prefix / 2);
      } else {
        line_start = false;
      }
    }
    if (c == '[' || c == '{') worst = std::max(worst, ++flow);
    if ((c == ']' || c == '}') && flow > 0) --flow;
  }
  return worst;
}

struct Budget {
  int nodes_left = kMaxYamlNodes;
};

Value scalar_value(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return Value{node.Scalar()};
  if (tag == "?" || tag.empty() || tag.starts_with("tag:yaml.org,2002:")) {
    return resolve_plain_scalar(node.Scalar());
  }
  return Value{node.Scalar()};  // an application tag such as !secret: keep the text
}

std::optional<Value> convert(const YAML::Node& node, int depth, Budget& budget) {
  if (--budget.nodes_left < 0 || depth > kMaxYamlDepth) return std::nullopt;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return Value{};
    case YAML::NodeType::Scalar:
      return scalar_value(node);
    case YAML::NodeType::Sequence: {
      List list;
      list.reserve(node.size());
      for (const YAML::Node& item : node) {
        auto v = convert(item, depth + 1, budget);
        if (!v) return std::nullopt;
        list.push_back(std::move(*v));
      }
      return Value{std::move(list)};
    }
    case YAML::NodeType::Map: {
      Map map;
      for (const auto& entry : node) {
        auto v = convert(entry.second, depth + 1, budget);
        if (!v) return std::nullopt;
        // A key that is itself a collection has no string form worth keeping.
        if (!entry.first.IsScalar()) continue;
        map.insert_or_assign(entry.first.Scalar(), std::move(*v));
      }
      return Value{std::move(map)};
    }
  }
  return Value{};
}

Map convert_top_level(const YAML::Node& root, std::uint32_t first_line, std::string_view file,
                      std::vector<doc::Warning>& warnings) {
  Map out;
  if (root.IsNull() || !root.IsDefined()) return out;
  if (!root.IsMap()) {
    warnings.push_back({std::string(file), first_line, "frontmatter is not a map of properties"});
    return out;
  }
  Budget budget;
  for (const auto& entry : root) {
    std::uint32_t line =
        first_line + static_cast<std::uint32_t>(std::max(0, entry.first.Mark().line));
    if (!entry.first.IsScalar()) {
      warnings.push_back({std::string(file), line, "frontmatter key is not a plain name; skipped"});
      continue;
    }
    const std::string& key = entry.first.Scalar();
    auto value = convert(entry.second, 1, budget);
    if (!value) {
      warnings.push_back(
          {std::string(file), line,
           fmt::format("frontmatter property '{}' is too large or too deeply nested (more than {} "
                       "values or {} levels, e.g. an alias bomb); it and later ones are dropped",
                       key, kMaxYamlNodes, kMaxYamlDepth)});
      break;
    }
    if (out.find(key) != out.end()) {
      warnings.push_back(
          {std::string(file), line,
           fmt::format("duplicate frontmatter key '{}'; the last value is kept", key)});
    }
    out.insert_or_assign(key, std::move(*value));
  }
  return out;
}

// The start of the last top-level entry (a line that starts in column 0 with a key) that begins
// before `limit`, or 0.
std::size_t entry_start_before(std::string_view yaml, std::size_t limit) {
  std::size_t best = 0;
  for (std::size_t pos = 0; pos < limit && pos < yaml.size();) {
    char c = yaml[pos];
    if (c != ' ' && c != '\t' && c != '-' && c != '#' && c != '\n' && c != '\r') best = pos;
    std::size_t eol = yaml.find('\n', pos);
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return best;
}

// The byte offset where 0-based line `line` ends (just after its newline).
std::size_t end_of_line(std::string_view yaml, int line) {
  std::size_t pos = 0;
  for (int l = 0; l <= line; ++l) {
    std::size_t eol = yaml.find('\n', pos);
    if (eol == std::string_view::npos) return yaml.size();
    pos = eol + 1;
  }
  return pos;
}

// After a syntax error: the longest run of whole top-level entries before the error that
// parses, so the properties written before the mistake survive.
Map parse_before_error(std::string_view yaml, int error_line, std::uint32_t first_line,
                       std::string_view file, std::vector<doc::Warning>& warnings) {
  constexpr int kAttempts = 8;
  std::size_t keep = entry_start_before(yaml, end_of_line(yaml, error_line));
  for (int attempt = 0; attempt < kAttempts && keep > 0; ++attempt) {
    try {
      return convert_top_level(YAML::Load(std::string(yaml.substr(0, keep))), first_line, file,
                               warnings);
    } catch (const YAML::Exception&) {
      keep = entry_start_before(yaml, keep);
    }
  }
  return {};
}

// yaml-cpp accepts a quoted scalar that is never closed when the text ends inside it: the
// value silently swallows every line after it, keys included. Parsing again with one more key
// after the text tells: the key survives only when every quote was closed. Warns at the last
// top-level key (the one whose value ran on).
void warn_if_quote_runs_to_the_end(std::string_view yaml, const YAML::Node& root,
                                   std::uint32_t first_line, std::string_view file,
                                   std::vector<doc::Warning>& warnings) {
  if (!root.IsMap() || root.size() == 0 || yaml.find_first_of("'\"") == std::string_view::npos)
    return;
  constexpr std::string_view kSentinel = "kith-end-of-frontmatter";
  bool closed = false;
  try {
    const std::string extended = std::string(yaml) + "\n" + std::string(kSentinel) + ": 0\n";
    closed = YAML::Load(extended)[std::string(kSentinel)].IsDefined();
  } catch (const YAML::Exception&) {
  }
  if (closed) return;
  int line = 0;
  std::string key;
  for (const auto& entry : root) {
    if (entry.first.Mark().line >= line) {
      line = entry.first.Mark().line;
      key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    }
  }
  warnings.push_back({std::string(file), first_line + static_cast<std::uint32_t>(line),
                      fmt::format("frontmatter: the quoted value of '{}' is never closed and "
                                  "runs to the end of the frontmatter",
                                  key)});
}

}  // namespace

Map parse_full_yaml(std::string_view yaml, std::uint32_t first_line, std::string_view file,
                    std::vector<doc::Warning>& warnings) {
  if (nesting_estimate(yaml) > kMaxYamlDepth) {
    warnings.push_back(
        {std::string(file), first_line,
         fmt::format("frontmatter nests deeper than {} levels; ignored", kMaxYamlDepth)});
    return {};
  }
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    warn_if_quote_runs_to_the_end(yaml, root, first_line, file, warnings);
    return convert_top_level(root, first_line, file, warnings);
  } catch (const YAML::Exception& e) {
    int error_line = std::max(0, e.mark.line);
    warnings.push_back({std::string(file), first_line + static_cast<std::uint32_t>(error_line),
                        fmt::format("malformed frontmatter YAML: {}", e.msg)});
    return parse_before_error(yaml, error_line, first_line, file, warnings);
  }
}

}  // namespace kith::loaders
