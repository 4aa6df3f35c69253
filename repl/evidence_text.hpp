// One piece of evidence as the shell prints it, for :why and kith doctor.
#pragma once

#include <string>

#include "graph/graph.hpp"

namespace kith::repl {

// `file:line [rule] sentence`, the sentence on one line (mail bodies may hold line breaks).
std::string evidence_line(const Evidence& evidence);

}  // namespace kith::repl
