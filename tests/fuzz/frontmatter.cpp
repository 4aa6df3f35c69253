// Frontmatter handling: the plain key: value reader, yaml-cpp for the rest, fences and BOMs.
#include <vector>

#include "fuzz_target.hpp"
#include "loaders/frontmatter.hpp"

KITH_FUZZ_TARGET(frontmatter) {
  std::string_view text = kith::fuzz::as_text(data, size);
  std::vector<kith::doc::Warning> warnings;
  auto fm = kith::loaders::parse_frontmatter(text, "fuzz.md", warnings);
  FUZZ_CHECK(fm.body_offset <= text.size());
  return 0;
}
