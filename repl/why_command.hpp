// :why, the evidence behind each relationship of the last result: where every fact was read
// (file:line), the rule that read it, and the sentence.
#pragma once

#include <string>

#include "graph/exporters.hpp"
#include "repl/session.hpp"

namespace kith::repl {

// The relationships of `selection` (at most `max_items`), each followed by its evidence.
std::string explain_relationships(const Graph& graph, const ExportSelection& selection,
                                  std::size_t max_items = 50);

// :why on the session's last result; Failed when there is none to explain.
Outcome why_command(Session& session);

}  // namespace kith::repl
