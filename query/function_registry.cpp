// find_function: one case-insensitive index over the tables every functions_*.cpp file
// contributes, built on first use.
#include <cctype>
#include <string>
#include <unordered_map>

#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

std::string lowercase(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

using FunctionIndex = std::unordered_map<std::string, const FunctionInfo*>;

FunctionIndex build_index() {
  FunctionIndex index;
  for (auto table : {scalar_function_table(), list_function_table(), string_function_table(),
                     math_function_table(), temporal_function_table(),
                     temporal_truncate_function_table(), duration_between_function_table()}) {
    for (const FunctionInfo& info : table)
      index.emplace(lowercase(info.name), &info);
  }
  return index;
}

}  // namespace

const FunctionInfo* find_function(std::string_view name) {
  static const FunctionIndex index = build_index();
  auto it = index.find(lowercase(name));
  return it == index.end() ? nullptr : it->second;
}

}  // namespace kith::query
