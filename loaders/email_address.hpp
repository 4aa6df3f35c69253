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
// brackets do not split. When the list uses ';' anywhere, only ';' separates, because Outlook
// then writes names as `Last, First`; an unquoted `Last, First <addr>` is also kept together.
std::vector<doc::EmailAddress> parse_address_list(std::string_view text);

}  // namespace kith::loaders
