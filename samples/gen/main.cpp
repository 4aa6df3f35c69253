// kith-gen: writes an invented vault of N notes with its ground truth, for the quality tests
// and the benchmarks. Deterministic for a seed.
//
//   kith-gen --notes 10000 --people 2000 --companies 40 --seed 7 --out /tmp/vault
#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "samples/gen/vault_writer.hpp"
#include "samples/gen/world.hpp"

int main(int argc, char** argv) {
  CLI::App app{"kith-gen: write an invented vault and its ground truth"};
  int notes = 1000;
  int people = 0;
  int companies = 0;
  std::uint64_t seed = 1;
  std::string out;
  std::string truth_path;
  bool force = false;
  app.add_option("--notes", notes, "how many notes")->check(CLI::Range(1, 10'000'000));
  app.add_option("--people", people, "how many people (default: notes / 5)");
  app.add_option("--companies", companies, "how many companies (default: people / 40)");
  app.add_option("--seed", seed, "random seed");
  app.add_option("--out", out, "folder to write the vault in (created)")->required();
  app.add_option("--truth", truth_path,
                 "where to write the ground truth (default: OUT.truth.json)");
  app.add_flag("--force", force, "write into a folder that is not empty");
  CLI11_PARSE(app, argc, argv);

  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_empty(out, ec) && !force) {
    std::cerr << "kith-gen: " << out << " is not empty (use --force)\n";
    return 2;
  }
  fs::create_directories(out, ec);
  if (people <= 0) people = std::max(20, notes / 5);
  if (companies <= 0) companies = std::max(3, people / 40);
  const kith::gen::World world = kith::gen::make_world(people, companies, seed);
  kith::gen::VaultShape shape;
  shape.notes = notes;
  shape.seed = seed;
  const auto truth = kith::gen::write_vault(world, shape, out);
  if (truth_path.empty()) truth_path = fs::path(out).string() + ".truth.json";
  std::ofstream(truth_path) << truth.dump(1) << "\n";
  std::cerr << "kith-gen: " << notes << " notes, " << people << " people, " << companies
            << " companies -> " << out << " (truth: " << truth_path << ")\n";
  return 0;
}
