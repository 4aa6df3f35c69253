// The sign-off block under a message: the sender's name on a line of its own, then their title
// and their company ("Marcus Feld / VP Engineering / Northwind Data"), as mail clients and
// people write them. Read only from the message's last block of lines, and only when the name
// line is the sender's, so a name in the middle of the text is never taken for a signature.
#pragma once

#include <string>
#include <string_view>

namespace kith::loaders {

struct EmailSignature {
  std::string title;    // empty when the block has no title line
  std::string company;  // as written; empty when the block has no company line
  std::string text;     // the block, lines joined with " / ", for evidence
};

// The signature of a message body written by `sender` (a display name), or an empty result
// (no title, no company) when the body does not end with one.
EmailSignature find_signature(std::string_view body, std::string_view sender);

}  // namespace kith::loaders
