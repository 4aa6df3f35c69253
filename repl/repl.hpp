// The interactive shell and its non-interactive twin. Both read statements (ending with ';',
// possibly over several lines) and :commands, and run them in a Session.
#pragma once

#include <filesystem>
#include <istream>

#include "repl/session.hpp"

namespace kith::repl {

// At a terminal: line editing, history in history_path(), Tab completion, Ctrl-C to drop the
// statement being typed (or cancel the running query), Ctrl-D or :quit to leave. Returns the
// exit code (0).
int run_interactive(Session& session);

// Statements from `in` (a script or a pipe), each run as soon as its ';' is read. Stops at the
// first failure unless `keep_going`. Returns 0, or 1 when a statement failed.
int run_stream(Session& session, std::istream& in, bool keep_going);

}  // namespace kith::repl
