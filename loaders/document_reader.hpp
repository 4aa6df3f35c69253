// One file's bytes -> one Document: repair the text, split off the frontmatter, parse the body
// as an email thread export or as Markdown, and decide what kind of note it is.
#pragma once

#include <optional>
#include <string_view>

#include "loaders/document.hpp"
#include "loaders/vault_files.hpp"

namespace kith::loaders {

// nullopt when the file is not text at all (a binary file named .md); a warning says so.
std::optional<doc::Document> read_document(std::string_view bytes, const VaultFile& file,
                                           std::vector<doc::Warning>& warnings);

// True when the bytes look like a binary file rather than text with a few stray NULs.
bool looks_binary(std::string_view bytes);

}  // namespace kith::loaders
