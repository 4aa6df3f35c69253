#include "gherkin.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace kith::tck {

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Cells between '|', with "\|" an escaped bar and "\\" a backslash.
std::vector<std::string> split_row(std::string_view line) {
  std::vector<std::string> cells;
  std::string cell;
  bool open = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '|' || line[i + 1] == '\\')) {
      cell += line[i + 1];
      ++i;
    } else if (c == '|') {
      if (open) cells.push_back(trim(cell));
      cell.clear();
      open = true;
    } else {
      cell += c;
    }
  }
  return cells;
}

std::string substitute(std::string text, const std::vector<std::string>& names,
                       const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) {
    const std::string key = "<" + names[i] + ">";
    for (auto at = text.find(key); at != std::string::npos;
         at = text.find(key, at + values[i].size())) {
      text.replace(at, key.size(), values[i]);
    }
  }
  return text;
}

struct RawScenario {
  std::string name;
  int line = 0;
  bool outline = false;
  std::vector<Step> steps;
  std::vector<Table> examples;
};

}  // namespace

Feature parse_feature(const std::string& text, const std::string& path) {
  Feature feature;
  feature.path = path;
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }

  std::vector<Step> background;
  std::vector<RawScenario> raw;
  std::vector<Step>* steps = nullptr;  // where the next step goes
  Table* table = nullptr;              // the table being read, if any
  bool in_examples = false;

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = trim(lines[i]);
    const int number = static_cast<int>(i + 1);
    if (line.empty() || line[0] == '#' || line[0] == '@') {
      table = nullptr;
      continue;
    }
    if (starts_with(line, "Feature:")) {
      feature.name = trim(line.substr(8));
    } else if (starts_with(line, "Background:")) {
      steps = &background;
      table = nullptr;
      in_examples = false;
    } else if (starts_with(line, "Scenario Outline:") || starts_with(line, "Scenario:")) {
      const bool outline = starts_with(line, "Scenario Outline:");
      raw.push_back(RawScenario{trim(line.substr(outline ? 17 : 9)), number, outline, {}, {}});
      steps = &raw.back().steps;
      table = nullptr;
      in_examples = false;
    } else if (starts_with(line, "Examples:")) {
      if (raw.empty())
        throw std::runtime_error(fmt::format("{}:{}: Examples outside a scenario", path, number));
      raw.back().examples.emplace_back();
      table = &raw.back().examples.back();
      in_examples = true;
    } else if (line[0] == '|') {
      if (in_examples && table) {
        table->push_back(split_row(line));
      } else if (steps && !steps->empty()) {
        Step& step = steps->back();
        if (!step.table) step.table.emplace();
        step.table->push_back(split_row(line));
      } else {
        throw std::runtime_error(fmt::format("{}:{}: a table row outside a step", path, number));
      }
    } else if (starts_with(line, "\"\"\"")) {
      if (!steps || steps->empty()) {
        throw std::runtime_error(fmt::format("{}:{}: a docstring outside a step", path, number));
      }
      // The docstring's indentation is the opening quotes'; it is removed from every line.
      const std::size_t indent = lines[i].find('"');
      std::string doc;
      std::size_t j = i + 1;
      for (; j < lines.size(); ++j) {
        if (trim(lines[j]) == "\"\"\"") break;
        std::string_view content = lines[j];
        std::size_t cut = 0;
        while (cut < indent && cut < content.size() && content[cut] == ' ')
          ++cut;
        if (j > i + 1) doc += '\n';
        doc += std::string(content.substr(cut));
      }
      if (j == lines.size()) {
        throw std::runtime_error(fmt::format("{}:{}: docstring never closed", path, number));
      }
      steps->back().docstring = doc;
      i = j;
    } else {
      for (const char* keyword : {"Given ", "When ", "Then ", "And ", "But "}) {
        if (starts_with(line, keyword)) {
          if (!steps) {
            throw std::runtime_error(fmt::format("{}:{}: a step outside a scenario", path, number));
          }
          const std::string k(keyword);
          steps->push_back(
              Step{trim(k), trim(line.substr(k.size())), std::nullopt, std::nullopt, number});
          table = nullptr;
          in_examples = false;
          break;
        }
      }
    }
  }

  for (const RawScenario& r : raw) {
    auto with_background = [&](std::vector<Step> own) {
      std::vector<Step> all = background;
      all.insert(all.end(), own.begin(), own.end());
      return all;
    };
    if (!r.outline) {
      feature.scenarios.push_back(Scenario{r.name, r.line, with_background(r.steps)});
      continue;
    }
    int example = 0;
    for (const Table& examples : r.examples) {
      if (examples.empty()) continue;
      const std::vector<std::string>& names = examples[0];
      for (std::size_t row = 1; row < examples.size(); ++row) {
        ++example;
        const auto& values = examples[row];
        std::vector<Step> steps_for_row = r.steps;
        for (Step& s : steps_for_row) {
          s.text = substitute(s.text, names, values);
          if (s.docstring) s.docstring = substitute(*s.docstring, names, values);
          if (s.table) {
            for (auto& cells : *s.table) {
              for (auto& cell : cells)
                cell = substitute(cell, names, values);
            }
          }
        }
        feature.scenarios.push_back(
            Scenario{fmt::format("{} (example {})", substitute(r.name, names, values), example),
                     r.line, with_background(std::move(steps_for_row))});
      }
    }
  }
  return feature;
}

}  // namespace kith::tck
