// The email export splitter, both ways: as a thread export with its line breaks, and the same
// bytes taken as one flattened line whose breaks were lost.
#include <string>

#include "fuzz_target.hpp"
#include "loaders/document.hpp"
#include "loaders/email_export.hpp"
#include "loaders/flattened_export.hpp"

KITH_FUZZ_TARGET(email_export) {
  std::string_view text = kith::fuzz::as_text(data, size);
  kith::doc::Document doc;
  kith::loaders::parse_email_export(text, 1, "fuzz.md", doc);

  std::string flat(text);
  for (char& c : flat)
    if (c == '\n') c = ' ';
  kith::doc::Document flat_doc;
  kith::loaders::parse_email_export(flat, 1, "fuzz.md", flat_doc);
  auto pieces = kith::loaders::split_flattened_export(flat);
  for (std::string_view piece : pieces.lines) {
    // Every piece is a view into the line it was split from.
    FUZZ_CHECK(piece.data() >= flat.data() &&
               piece.data() + piece.size() <= flat.data() + flat.size());
  }
  return 0;
}
