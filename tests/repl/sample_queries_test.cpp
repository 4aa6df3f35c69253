// Golden test: every script in samples/queries/ runs on samples/vault and prints exactly its
// .expected file. The expected files are what users read next to the scripts, checked by hand
// against the notes; KITH_UPDATE_GOLDEN=1 rewrites them from kith's output (then check the diff).
// Scripts listed in known-wrong.txt hold the true answer kith does not print yet: they must
// differ from it, and the test fails once one matches so that the list shrinks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kQueries = fs::path(KITH_SOURCE_DIR) / "samples" / "queries";

std::vector<std::string> script_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kQueries)) {
    if (entry.path().extension() == ".kq") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

// A line diff (longest common subsequence): "-" lines only expected (with their line in the
// expected file), "+" lines only printed (with their line in the output). Outputs are small, so
// quadratic is fine.
std::string line_diff(const std::string& expected, const std::string& actual) {
  const auto a = split_lines(expected);
  const auto b = split_lines(actual);
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::ostringstream out;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i;
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out << "  -" << (i + 1) << ": " << a[i] << '\n';
      ++i;
    } else {
      out << "  +" << (j + 1) << ": " << b[j] << '\n';
      ++j;
    }
  }
  if (out.str().empty() && expected != actual) out << "  (only the final newline differs)\n";
  return out.str();
}

// The scripts of known-wrong.txt: the first word of each line that is not blank or a comment.
std::vector<std::string> known_wrong() {
  std::vector<std::string> names;
  std::istringstream in(read_file(kQueries / "known-wrong.txt"));
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string name;
    if (words >> name && name[0] != '#') names.push_back(name);
  }
  return names;
}

bool is_known_wrong(const std::string& name) {
  const auto names = known_wrong();
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool updating() {
  const char* v = std::getenv("KITH_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

class SampleQuery : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleQuery, PrintsItsExpectedOutput) {
  const fs::path script = kQueries / (GetParam() + ".kq");
  const fs::path expected_path = kQueries / (GetParam() + ".expected");
  const auto r = run_kith({"run", "samples/vault", script.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_FALSE(r.out.empty()) << "a sample script answers its question with rows";
  if (is_known_wrong(GetParam())) {
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " (the true answer) is missing";
    const std::string expected = read_file(expected_path);
    EXPECT_TRUE(expected != r.out) << GetParam()
                                   << ".kq now prints its expected output: delete its line from "
                                      "samples/queries/known-wrong.txt";
    std::cout << GetParam() << ".kq is known to differ from the truth (- true, + printed):\n"
              << line_diff(expected, r.out);
    return;
  }
  if (updating()) {
    std::ofstream(expected_path, std::ios::binary) << r.out;
    std::cout << "rewrote " << expected_path << ": check it against the notes\n";
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path))
      << expected_path << " is missing (KITH_UPDATE_GOLDEN=1 writes it from kith's output)";
  const std::string expected = read_file(expected_path);
  // Not EXPECT_EQ: its dump of two tables as escaped bytes hides the diff below it.
  EXPECT_TRUE(expected == r.out) << GetParam() << ".kq no longer prints " << GetParam()
                                 << ".expected (- expected, + printed):\n"
                                 << line_diff(expected, r.out);
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleQuery, ::testing::ValuesIn(script_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char c) {
                                 return std::isalnum(static_cast<unsigned char>(c)) == 0;
                               },
                               '_');
                           return name;
                         });

// The README promises these questions; a script lost or renamed would drop its golden test.
TEST(SampleQueries, EveryQuestionHasAScriptAndEveryExpectedFileAScript) {
  const auto names = script_names();
  EXPECT_GE(names.size(), 8u);
  for (const auto& entry : fs::directory_iterator(kQueries)) {
    if (entry.path().extension() != ".expected") continue;
    const std::string stem = entry.path().stem().string();
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), stem))
        << entry.path() << " has no script";
  }
  for (const auto& name : known_wrong()) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), name))
        << "known-wrong.txt names " << name << ", which is not a script";
  }
}

TEST(SampleQueries, LineDiffShowsWhatChanged) {
  EXPECT_EQ(line_diff("a\nb\nc\n", "a\nx\nc\n"), "  -2: b\n  +2: x\n");
  EXPECT_EQ(line_diff("a\n", "a\nb\n"), "  +2: b\n");
  EXPECT_EQ(line_diff("a\n", "a"), "  (only the final newline differs)\n");
}

}  // namespace
}  // namespace kith::testing
