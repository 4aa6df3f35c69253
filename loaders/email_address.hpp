// Senders and recipient lists as mail headers and quote lines write them.
#pragma once

#include <string_view>
#include <vector>

#include "loaders/document.hpp"

namespace kith::loaders {

// One mailbox: `Name <addr>`, `"Last, First" <addr>`, `Name [mailto:addr]`, `addr`, or a bare
// name. The name is kept verbatim (quotes removed); the address is lower-cased.
doc::EmailAddress parse_email_address(std::string_view text);

// A recipient list: `Name <addr>, "Last, First" <addr>; addr`. Separators inside quotes or
// brackets do not split. Outlook's unquoted `Last, First <addr>` stays one mailbox, and so does
// `Last, First` between semicolons.
std::vector<doc::EmailAddress> parse_address_list(std::string_view text);

}  // namespace kith::loaders
