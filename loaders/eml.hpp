// Single messages saved as .eml files (RFC 5322 / MIME).
#pragma once

#include <string_view>

#include "loaders/document.hpp"

namespace kith::loaders {

// Reads one message with GMime: its headers (encoded words decoded), its body (text/plain
// preferred, else text/html made text; quoted-printable and base64 undone; charsets converted
// to UTF-8), and the messages quoted or forwarded in it, including attached message/rfc822
// parts. Appends them to doc.messages, sets doc.kind to EmailThread and doc.title to the
// subject. Input that is not a message, or is damaged, gives warnings and never throws.
void read_eml(std::string_view bytes, std::string_view file, doc::Document& doc);

}  // namespace kith::loaders
