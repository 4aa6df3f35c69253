// Runs the openCypher TCK's feature files against kith's query engine.
//
//   tck_runner FEATURES_DIR [--graphs DIR] [--ratchet FILE] [--update-ratchet]
//              [--filter TEXT] [--failures]
//
// Prints figures per folder and the closing line `N passed, N failed, N skipped`. The ratchet
// is a checked-in list of scenarios known to pass: if any of them fails, the run exits 1 (CI
// fails); --update-ratchet adds every scenario that passes now (the list only grows). Exits 77
// (ctest's "skipped") when the features folder is not there.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "gherkin.hpp"
#include "query/engine.hpp"
#include "query/query_error.hpp"
#include "tck_values.hpp"

namespace fs = std::filesystem;
using kith::Graph;
using kith::query::QueryError;

namespace {

struct Outcome {
  enum class Kind { Passed, Failed, Skipped } kind = Kind::Passed;
  std::string reason;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// `test.my.proc(in :: INTEGER?, x :: STRING?) :: (out :: STRING?):`
kith::query::ProcedureSignature parse_signature(const std::string& text) {
  kith::query::ProcedureSignature sig;
  const auto open = text.find('(');
  sig.name = trim(text.substr(0, open));
  auto fields = [](const std::string& list) {
    std::vector<kith::query::ProcedureField> out;
    std::stringstream s(list);
    for (std::string item; std::getline(s, item, ',');) {
      const auto colons = item.find("::");
      if (colons == std::string::npos) continue;
      out.push_back({trim(item.substr(0, colons)), trim(item.substr(colons + 2))});
    }
    return out;
  };
  const auto close = text.find(')', open);
  sig.inputs = fields(text.substr(open + 1, close - open - 1));
  const auto open2 = text.find('(', close);
  const auto close2 = text.rfind(')');
  if (open2 != std::string::npos && close2 > open2) {
    sig.outputs = fields(text.substr(open2 + 1, close2 - open2 - 1));
  }
  return sig;
}

class ScenarioRun {
 public:
  ScenarioRun(const fs::path& graphs) : graphs_(graphs) {
    procedures_ = kith::query::builtin_procedures();
  }

  Outcome run(const kith::tck::Scenario& scenario) {
    try {
      for (const auto& step : scenario.steps) {
        if (auto failed = step_result(step)) return *failed;
      }
    } catch (const std::exception& e) {
      return {Outcome::Kind::Failed, fmt::format("unexpected exception: {}", e.what())};
    }
    return {};
  }

 private:
  std::optional<Outcome> fail(std::string why) {
    return Outcome{Outcome::Kind::Failed, std::move(why)};
  }

  kith::query::Result execute(const std::string& text) {
    kith::query::QueryOptions options;
    options.timeout = std::chrono::seconds(20);
    options.procedures = &procedures_;
    return kith::query::run_query(*graph_, text, parameters_, options);
  }

  std::optional<Outcome> step_result(const kith::tck::Step& step) {
    const std::string& t = step.text;
    if (t == "an empty graph" || t == "any graph") {
      graph_ = std::make_unique<Graph>();
      return std::nullopt;
    }
    if (t.rfind("the ", 0) == 0 && t.size() > 10 && t.substr(t.size() - 6) == " graph") {
      graph_ = std::make_unique<Graph>();
      const std::string name = t.substr(4, t.size() - 10);
      const fs::path script = graphs_ / (name + ".cypher");
      if (!fs::exists(script)) return Outcome{Outcome::Kind::Skipped, "no graph " + name};
      execute(read_file(script));
      return std::nullopt;
    }
    if (t == "having executed:") {
      try {
        execute(step.docstring.value_or(""));
      } catch (const QueryError& e) {
        return fail(fmt::format("setup query failed: {}: {}", e.error_class(), e.what()));
      }
      return std::nullopt;
    }
    if (t == "parameters are:") {
      for (const auto& row : step.table.value_or(kith::tck::Table{})) {
        if (row.size() >= 2) parameters_[row[0]] = kith::tck::parse_value(row[1]);
      }
      return std::nullopt;
    }
    if (t.rfind("there exists a procedure ", 0) == 0) {
      add_procedure(t.substr(25), step.table.value_or(kith::tck::Table{}));
      return std::nullopt;
    }
    if (t == "executing query:" || t == "executing control query:") {
      error_.reset();
      result_.reset();
      try {
        result_ = execute(step.docstring.value_or(""));
      } catch (const QueryError& e) {
        error_ = e;
      }
      return std::nullopt;
    }
    if (t.rfind("the result should be", 0) == 0) return check_result(step);
    if (t == "no side effects") {
      if (error_) return fail(fmt::format("query failed: {}", error_->what()));
      if (result_ && result_->effects.any()) return fail("unexpected side effects");
      return std::nullopt;
    }
    if (t == "the side effects should be:") return check_effects(step);
    if (t.rfind("a ", 0) == 0 && t.find(" should be raised at ") != std::string::npos) {
      return check_error(t);
    }
    return Outcome{Outcome::Kind::Skipped, "step not supported: " + t};
  }

  void add_procedure(const std::string& signature_text, const kith::tck::Table& table) {
    kith::query::ProcedureSignature sig = parse_signature(signature_text);
    const std::size_t n_in = sig.inputs.size();
    std::vector<std::vector<kith::Value>> rows;
    for (std::size_t r = 1; r < table.size(); ++r) {
      std::vector<kith::Value> row;
      for (const auto& cell : table[r])
        row.push_back(kith::tck::parse_value(cell));
      rows.push_back(std::move(row));
    }
    procedures_.add(sig, [rows, n_in](Graph&, std::span<const kith::Value> args) {
      std::vector<std::vector<kith::Value>> out;
      for (const auto& row : rows) {
        bool match = row.size() >= n_in;
        for (std::size_t i = 0; match && i < n_in && i < args.size(); ++i) {
          match = kith::equivalent(row[i], args[i]);
        }
        if (match) out.emplace_back(row.begin() + static_cast<std::ptrdiff_t>(n_in), row.end());
      }
      return out;
    });
  }

  std::optional<Outcome> check_result(const kith::tck::Step& step) {
    if (error_)
      return fail(fmt::format("query failed: {}: {}", error_->error_class(), error_->what()));
    if (!result_) return fail("no query was run");
    const std::string& t = step.text;
    if (t == "the result should be empty") {
      if (!result_->rows.empty())
        return fail(fmt::format("expected no rows, got {}", result_->rows.size()));
      return std::nullopt;
    }
    const bool ordered = t.find("in order") != std::string::npos;
    const bool sort_lists = t.find("ignoring element order for lists") != std::string::npos;
    const kith::tck::Table table = step.table.value_or(kith::tck::Table{});
    if (table.empty()) return fail("expected-result table missing");
    const auto& header = table[0];
    std::vector<std::string> columns;
    for (const auto& c : header) {
      if (!c.empty()) columns.push_back(c);
    }
    if (columns != result_->columns) {
      return fail(fmt::format("columns: expected [{}], got [{}]", fmt::join(columns, ", "),
                              fmt::join(result_->columns, ", ")));
    }
    std::vector<std::string> expected;
    for (std::size_t r = 1; r < table.size(); ++r) {
      std::string row;
      for (const auto& cell : table[r])
        row += kith::tck::canonical_expected(cell, sort_lists) + " | ";
      expected.push_back(row);
    }
    std::vector<std::string> actual;
    for (const auto& values : result_->rows) {
      std::string row;
      for (const auto& v : values)
        row += kith::tck::canonical_actual(v, *graph_, sort_lists) + " | ";
      actual.push_back(row);
    }
    if (!ordered) {
      std::sort(expected.begin(), expected.end());
      std::sort(actual.begin(), actual.end());
    }
    if (expected != actual) {
      return fail(fmt::format("rows differ\n      expected: {}\n      actual:   {}",
                              fmt::join(expected, "\n                "),
                              fmt::join(actual, "\n                ")));
    }
    return std::nullopt;
  }

  std::optional<Outcome> check_effects(const kith::tck::Step& step) {
    if (error_) return fail(fmt::format("query failed: {}", error_->what()));
    const auto& e = result_->effects;
    std::map<std::string, std::int64_t> actual = {{"+nodes", e.nodes_created},
                                                  {"-nodes", e.nodes_deleted},
                                                  {"+relationships", e.relationships_created},
                                                  {"-relationships", e.relationships_deleted},
                                                  {"+properties", e.properties_set},
                                                  {"-properties", e.properties_removed},
                                                  {"+labels", e.labels_added},
                                                  {"-labels", e.labels_removed}};
    std::map<std::string, std::int64_t> expected;
    for (const auto& [k, v] : actual)
      expected[k] = 0;
    for (const auto& row : step.table.value_or(kith::tck::Table{})) {
      if (row.size() >= 2) expected[row[0]] = std::stoll(row[1]);
    }
    if (expected != actual) {
      std::string diff;
      for (const auto& [k, v] : expected) {
        if (actual[k] != v) diff += fmt::format(" {}: expected {}, got {};", k, v, actual[k]);
      }
      return fail("side effects differ:" + diff);
    }
    return std::nullopt;
  }

  // `a TypeError should be raised at runtime: InvalidArgumentType`
  std::optional<Outcome> check_error(const std::string& t) {
    const auto should = t.find(" should be raised at ");
    const std::string error_class = t.substr(2, should - 2);
    const auto colon = t.find(':', should);
    const std::string phase = trim(t.substr(should + 21, colon - should - 21));
    const std::string detail = colon == std::string::npos ? "*" : trim(t.substr(colon + 1));
    if (!error_) {
      return fail(fmt::format("expected {} ({}) at {}, but the query succeeded", error_class,
                              detail, phase));
    }
    if (error_->error_class() != error_class || (detail != "*" && error_->detail() != detail)) {
      return fail(fmt::format("expected {} ({}), got {} ({}): {}", error_class, detail,
                              error_->error_class(), error_->detail(), error_->what()));
    }
    const bool compile = error_->phase() == kith::query::ErrorPhase::CompileTime;
    if ((phase == "compile time" && !compile) || (phase == "runtime" && compile)) {
      return fail(fmt::format("expected the error at {}, got it at {}", phase,
                              compile ? "compile time" : "runtime"));
    }
    return std::nullopt;
  }

  fs::path graphs_;
  std::unique_ptr<Graph> graph_ = std::make_unique<Graph>();
  kith::Map parameters_;
  kith::query::ProcedureRegistry procedures_;
  std::optional<kith::query::Result> result_;
  std::optional<QueryError> error_;
};

struct Tally {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tck_runner FEATURES_DIR [--graphs DIR] [--ratchet FILE] "
                 "[--update-ratchet] [--filter TEXT] [--failures]\n";
    return 2;
  }
  const fs::path features = argv[1];
  fs::path graphs = features.parent_path() / "graphs";
  fs::path ratchet_path;
  bool update = false;
  bool show_failures = false;
  std::string filter;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--graphs" && i + 1 < argc)
      graphs = argv[++i];
    else if (a == "--ratchet" && i + 1 < argc)
      ratchet_path = argv[++i];
    else if (a == "--update-ratchet")
      update = true;
    else if (a == "--filter" && i + 1 < argc)
      filter = argv[++i];
    else if (a == "--failures")
      show_failures = true;
  }
  if (!fs::is_directory(features)) {
    std::cout << "tck: " << features.string() << " is not there; nothing run (skipped)\n";
    return 77;
  }

  std::set<std::string> ratchet;
  if (!ratchet_path.empty()) {
    std::ifstream in(ratchet_path);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') ratchet.insert(line);
    }
  }

  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(features)) {
    if (entry.path().extension() == ".feature") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::map<std::string, Tally> by_folder;
  Tally total;
  std::set<std::string> passing;
  std::vector<std::string> regressions;
  for (const fs::path& file : files) {
    const std::string relative = fs::relative(file, features).generic_string();
    kith::tck::Feature feature;
    try {
      feature = kith::tck::parse_feature(read_file(file), relative);
    } catch (const std::exception& e) {
      std::cout << "tck: " << e.what() << "\n";
      ++total.failed;
      continue;
    }
    const std::string folder = fs::path(relative).parent_path().generic_string();
    for (const auto& scenario : feature.scenarios) {
      const std::string id = relative + ": " + scenario.name;
      if (!filter.empty() && id.find(filter) == std::string::npos) continue;
      const Outcome outcome = ScenarioRun(graphs).run(scenario);
      Tally& tally = by_folder[folder];
      switch (outcome.kind) {
        case Outcome::Kind::Passed:
          ++tally.passed;
          ++total.passed;
          passing.insert(id);
          break;
        case Outcome::Kind::Failed:
          ++tally.failed;
          ++total.failed;
          if (ratchet.count(id)) regressions.push_back(id + "\n    " + outcome.reason);
          if (show_failures) std::cout << "FAIL " << id << "\n    " << outcome.reason << "\n";
          break;
        case Outcome::Kind::Skipped:
          ++tally.skipped;
          ++total.skipped;
          if (ratchet.count(id)) regressions.push_back(id + "\n    " + outcome.reason);
          break;
      }
    }
  }

  std::cout << fmt::format("{:<40} {:>7} {:>7} {:>7}\n", "folder", "passed", "failed", "skipped");
  for (const auto& [folder, t] : by_folder) {
    std::cout << fmt::format("{:<40} {:>7} {:>7} {:>7}\n", folder, t.passed, t.failed, t.skipped);
  }
  if (update && !ratchet_path.empty()) {
    std::set<std::string> merged = ratchet;
    merged.insert(passing.begin(), passing.end());
    std::ofstream out(ratchet_path);
    out << "# TCK scenarios known to pass; CI fails if one of them stops passing.\n"
           "# Grown with `tck_runner FEATURES --ratchet THIS_FILE --update-ratchet`.\n";
    for (const auto& id : merged)
      out << id << "\n";
    std::cout << "ratchet: " << merged.size() << " scenarios\n";
  }
  for (const auto& r : regressions)
    std::cout << "REGRESSION " << r << "\n";
  std::cout << fmt::format("{} passed, {} failed, {} skipped\n", total.passed, total.failed,
                           total.skipped);
  return regressions.empty() ? 0 : 1;
}
