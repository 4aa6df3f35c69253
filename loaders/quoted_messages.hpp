// The messages quoted or forwarded inside an email body, and the body's own text.
//
// Mail programs quote the earlier messages of a thread below (or above) the new text:
//   On Fri, Dec 12, 2025 at 10:15 AM Dana Whitlock <dana@x.com> wrote:   (Gmail, Apple Mail)
//   > quoted text, '>' once per level
//   From: Dana Whitlock <dana@x.com>                                      (Outlook)
//   Sent: Friday, December 12, 2025 12:18 PM      (or Date:)
//   To: ...   Cc: ...   Subject: ...
//   -----Original Message-----    ---------- Forwarded message ---------    Begin forwarded
//   message:
// Each such block starts a quoted message with its own sender, recipients, date, subject and
// body. Nesting follows the '>' levels; where they say nothing (Outlook quotes without '>',
// exports that lost them) each block is quoted inside the message before it, as in a reply chain.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/document.hpp"

namespace kith::loaders {

struct BodyLine {
  std::string_view text;   // one line, without its line end
  std::uint32_t line = 0;  // its line in the file
};

struct QuotedMessages {
  std::string own_body;  // the quoting message's own text, quoted parts removed
  // In the order they appear. quoted_in is -1 for a message quoted by the quoting message
  // itself, else the index (in this vector) of the quoted message that quotes it; depth is 1
  // for a message quoted once.
  std::vector<doc::EmailMessage> messages;
};

// Whether the '>' markers still tell the quoting levels. An export that lost its newlines
// has lost them too: its markers only say where a line started.
enum class QuoteLevels : std::uint8_t { Kept, Lost };

// Splits a body into its own text and the messages it quotes. A quote header whose date has no
// readable year gives a warning (file:line) and an empty date.
QuotedMessages split_quoted_messages(std::span<const BodyLine> body, std::string_view file,
                                     std::vector<doc::Warning>& warnings,
                                     QuoteLevels levels = QuoteLevels::Kept);

// Appends `message` (its body replaced by quoted.own_body) and then the messages it quotes to
// doc.messages, setting position, quoted_in and depth. `quoted_in` and `depth` place `message`
// itself: a top-level message keeps -1 and 0; a forwarded attachment gets its parent's index.
void append_message_with_quotes(doc::EmailMessage message, QuotedMessages quoted,
                                doc::Document& doc, int quoted_in = -1, int depth = 0);

}  // namespace kith::loaders
