// Who the vault belongs to when kith.yaml does not say: notes exported by tools record where
// they came from (`source_ref: /Users/first.last/Documents/...`), and the most common home
// folder among them is the owner's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/document.hpp"

namespace kith::loaders {

struct InferredOwner {
  std::string name;       // "Priya Raman" from /Users/priya.raman/
  std::string folder;     // the home folder it came from, e.g. "/Users/priya.raman"
  std::size_t notes = 0;  // how many notes' source_ref point there
};

// The home folder's user name in a path (/Users/x/, /home/x/, C:\Users\x\), as a name:
// "priya.raman" -> "Priya Raman". nullopt when the path has no home folder or the user name
// is not two or three words.
std::optional<InferredOwner> owner_from_path(std::string_view path);

// The most common owner over every document's `source_ref` (ties: the name first in
// alphabetical order). nullopt when no document has one.
std::optional<InferredOwner> infer_owner(const std::vector<doc::Document>& documents);

}  // namespace kith::loaders
