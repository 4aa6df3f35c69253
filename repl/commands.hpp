// The shell's own commands, which start with ':' (:help, :param, :format, ...). The same set
// works at the prompt and in scripts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "repl/session.hpp"

namespace kith::repl {

struct CommandInfo {
  std::string_view name;   // ":param"
  std::string_view usage;  // ":param NAME VALUE"
  std::string_view help;   // one line
};

const std::vector<CommandInfo>& shell_commands();

// Runs `line` (":format csv"). Unknown commands and bad arguments are errors (Failed).
Outcome run_command(Session& session, std::string_view line);

}  // namespace kith::repl
