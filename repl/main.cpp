#include "repl/cli.hpp"

int main(int argc, char** argv) {
  return kith::repl::run_cli(argc, argv);
}
