// Mail domains anyone can sign up to: an address there says nothing about a person's employer.
#pragma once

#include <string_view>

namespace kith::loaders {

// True for free-mail providers (gmail.com, outlook.com, yahoo.co.uk, web.de, qq.com, ...),
// including their country variants. `domain` is lower-case, without the '@'.
bool is_free_mail_domain(std::string_view domain);

// The domain of an address ("wen.li@contoso.com" -> "contoso.com"); empty if there is no '@'.
std::string_view mail_domain(std::string_view address);

// Shared and machine mailboxes (info@, sales@, noreply@, ...): many people write from them,
// so the address identifies nobody.
bool is_role_mailbox(std::string_view address);

}  // namespace kith::loaders
