// Cutting a large Markdown body into pieces for cmark: the pieces, in order, are the body
// byte for byte, none is empty (an empty body is one empty piece), and each knows the line it
// starts on. The first byte picks a small piece size so that small inputs are cut too.
#include <algorithm>

#include "fuzz_target.hpp"
#include "loaders/body_pieces.hpp"

KITH_FUZZ_TARGET(body_pieces) {
  if (size == 0) return 0;
  const std::size_t piece_bytes = 8 + data[0] % 248;
  const std::string_view text = kith::fuzz::as_text(data + 1, size - 1);
  const auto pieces = kith::loaders::body_pieces(text, 0, piece_bytes);
  std::size_t at = 0;
  std::uint32_t line = 1;
  for (const auto& piece : pieces) {
    FUZZ_CHECK(!piece.text.empty() || pieces.size() == 1);  // an empty body is one piece
    FUZZ_CHECK(piece.text.data() == text.data() + at);
    FUZZ_CHECK(piece.line == line);
    line += static_cast<std::uint32_t>(std::count(piece.text.begin(), piece.text.end(), '\n'));
    at += piece.text.size();
  }
  FUZZ_CHECK(at == text.size());
  return 0;
}
