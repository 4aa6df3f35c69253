// The .eml reader (GMime): headers, MIME structure, transfer encodings, charsets, quoted and
// forwarded messages.
#include "loaders/eml.hpp"
#include "fuzz_target.hpp"
#include "loaders/document.hpp"

KITH_FUZZ_TARGET(eml) {
  kith::doc::Document doc;
  kith::loaders::read_eml(kith::fuzz::as_text(data, size), "fuzz.eml", doc);
  return 0;
}
