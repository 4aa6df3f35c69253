#include "repl/evidence_text.hpp"

#include <fmt/format.h>

namespace kith::repl {

std::string evidence_line(const Evidence& e) {
  std::string text = e.text;
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::string out = e.file.empty() ? "(no source)" : e.file;
  if (e.line > 0) out += fmt::format(":{}", e.line);
  if (!e.rule.empty()) out += fmt::format(" [{}]", e.rule);
  if (!text.empty()) out += " " + text;
  return out;
}

}  // namespace kith::repl
