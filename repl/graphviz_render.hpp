// Rendering DOT to SVG or PNG with Graphviz's `dot` program (the graphviz package).
#pragma once

#include <string>
#include <string_view>

namespace kith::repl {

// Runs `dot -T<format>` on `dot_text` and puts what it draws in `image`. PNG is drawn at 144
// dpi, sharp enough for a slide. Returns an empty string on success, else what went wrong
// (dot missing, or its exit status; dot's own messages go to stderr).
std::string render_with_graphviz(const std::string& dot_text, std::string_view format,
                                 std::string& image);

}  // namespace kith::repl
