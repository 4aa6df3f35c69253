// Tab completion at the prompt: what the word before the cursor could become, from what is
// around it. After ':' a label (or, inside [..], a relationship type), after '.' a property
// key, after '$' a parameter, inside quotes a person's or account's name, at the start of a
// line a shell command, elsewhere a keyword.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "repl/script.hpp"

namespace kith::repl {

struct CompletionWords {
  std::vector<std::string> labels;
  std::vector<std::string> types;
  std::vector<std::string> keys;
  std::vector<std::string> names;  // offered inside quotes
  std::vector<std::string> parameters;
  std::vector<std::string> commands;  // ":help", ":quit", ...
  std::vector<std::string> formats;   // offered after ":format "
};

struct Completion {
  std::size_t start = 0;  // where in the line the word being completed starts (bytes)
  // Full replacements for line[start..cursor], sorted. A quoted name comes with its closing
  // quote, so a unique match finishes the string.
  std::vector<std::string> candidates;
};

// `statement` holds the lines already entered for the statement being typed; `line` is the
// current line up to the cursor.
Completion complete(const StatementSplitter& statement, std::string_view line,
                    const CompletionWords& words);

// The longest prefix every candidate shares (what Tab inserts when several match).
std::string common_prefix(const std::vector<std::string>& candidates);

}  // namespace kith::repl
