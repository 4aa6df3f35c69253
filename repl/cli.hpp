// The `kith` command line: parses arguments and dispatches to the REPL or a subcommand.
#pragma once

namespace kith::repl {

// Returns the process exit code: 0 success, 1 query error, 2 usage or load error.
int run_cli(int argc, char** argv);

}  // namespace kith::repl
