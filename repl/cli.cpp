#include "repl/cli.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace kith::repl {

int run_cli(int argc, char** argv) {
  CLI::App app{"kith: a graph of the people in your notes"};
  app.set_version_flag("--version", "kith 0.1.0");
  std::string vault;
  app.add_option("vault", vault, "the vault folder");
  CLI11_PARSE(app, argc, argv);
  std::cout << "kith 0.1.0\n";
  return 0;
}

}  // namespace kith::repl
