// The first stage of reading a note: a file's raw bytes made into clean UTF-8 text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "loaders/document.hpp"

namespace kith::loaders {

// Turns a file's raw bytes into clean text: strips a UTF-8 BOM, turns CRLF and lone CR into
// LF, replaces invalid UTF-8 (overlong forms, surrogates, truncated sequences, stray
// continuation bytes, > U+10FFFF) with U+FFFD with one warning per affected line naming
// file:line, removes NUL bytes (warned), repairs mojibake segment by segment, and normalises
// to NFC. Line numbers of the output equal those of the input.
std::string repair_text(std::string_view raw, std::string_view file,
                        std::vector<doc::Warning>& warnings);

}  // namespace kith::loaders
