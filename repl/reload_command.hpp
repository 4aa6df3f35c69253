// :reload, which reads again only the files that changed since the vault was read and builds
// the graph anew.
#pragma once

#include "repl/session.hpp"

namespace kith::repl {

// Reloads the session's vault and says what changed; Failed when the session cannot reload.
Outcome reload_command(Session& session);

}  // namespace kith::repl
