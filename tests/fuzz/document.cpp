// A whole file as the vault reader takes it: repair, frontmatter, then Markdown or an email
// export, then the note's kind. Run as a .md and as a .eml file.
#include <vector>

#include "fuzz_target.hpp"
#include "loaders/document_reader.hpp"

KITH_FUZZ_TARGET(document) {
  std::string_view bytes = kith::fuzz::as_text(data, size);
  for (auto format : {kith::loaders::FileFormat::Markdown, kith::loaders::FileFormat::Eml}) {
    kith::loaders::VaultFile file;
    file.path = format == kith::loaders::FileFormat::Eml ? "Inbox/fuzz.eml" : "Notes/fuzz.md";
    file.size = size;
    file.format = format;
    std::vector<kith::doc::Warning> warnings;
    kith::loaders::read_document(bytes, file, warnings);
  }
  return 0;
}
