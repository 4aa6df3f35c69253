// A very large Markdown body cut into pieces that cmark can parse one at a time.
//
// cmark builds the whole tree of a document before it hands any of it over, and a node costs
// a few hundred bytes: a 15 MB note of dense list items or links takes a gigabyte. Past a
// size no real note reaches, the body is parsed piece by piece so memory follows the piece,
// not the note. Cuts fall only where they change nothing a note means (between top-level
// blocks, between the items of a list, never inside a fenced code or HTML block); a block
// that is itself larger than a piece (one paragraph of megabytes) is cut between lines, and
// a line larger than a piece between words outside links and code spans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kith::loaders {

// Bodies up to this size are parsed whole, exactly as cmark reads them.
inline constexpr std::size_t kWholeBodyBytes = 1 << 20;
// About how large each piece of a larger body is.
inline constexpr std::size_t kBodyPieceBytes = 256 << 10;

struct BodyPiece {
  std::string_view text;   // a part of the body; the pieces in order are the whole body
  std::uint32_t line = 1;  // the body line (1-based) the piece starts on
};

// One piece (the whole body) when body.size() <= whole_up_to, else pieces of about
// piece_bytes each, cut as described above.
std::vector<BodyPiece> body_pieces(std::string_view body, std::size_t whole_up_to = kWholeBodyBytes,
                                   std::size_t piece_bytes = kBodyPieceBytes);

}  // namespace kith::loaders
