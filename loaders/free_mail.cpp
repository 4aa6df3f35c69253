#include "loaders/free_mail.hpp"

#include <algorithm>
#include <array>

namespace kith::loaders {

namespace {

// Providers by their name before the first dot, so country variants (yahoo.co.uk, gmx.de,
// hotmail.fr) match without listing each.
constexpr std::array<std::string_view, 28> kProviders = {
    "gmail", "googlemail", "yahoo", "ymail",  "hotmail", "outlook",    "live",
    "msn",   "icloud",     "me",    "mac",    "aol",     "proton",     "protonmail",
    "pm",    "gmx",        "mail",  "yandex", "zoho",    "fastmail",   "tutanota",
    "hey",   "qq",         "163",   "126",    "naver",   "rediffmail", "btinternet"};
constexpr std::array<std::string_view, 6> kWholeDomains = {"web.de",  "t-online.de", "orange.fr",
                                                           "free.fr", "libero.it",   "seznam.cz"};
constexpr std::array<std::string_view, 18> kRoleBoxes = {
    "info",          "sales",        "support", "noreply", "no-reply",      "donotreply",
    "do-not-reply",  "hello",        "contact", "admin",   "office",        "team",
    "notifications", "notification", "billing", "help",    "mailer-daemon", "postmaster"};

}  // namespace

std::string_view mail_domain(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
}

bool is_free_mail_domain(std::string_view domain) {
  if (std::find(kWholeDomains.begin(), kWholeDomains.end(), domain) != kWholeDomains.end())
    return true;
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view provider = domain.substr(0, dot);
  if (std::find(kProviders.begin(), kProviders.end(), provider) == kProviders.end()) return false;
  // The rest must be a generic or country suffix (gmail.com, yahoo.co.uk, gmx.de), so that a
  // company's own host such as mail.contoso.com is not taken for a provider.
  const std::string_view suffix = domain.substr(dot + 1);
  auto generic = [](std::string_view s) {
    return s == "com" || s == "net" || s == "org" || s == "me" || s == "ch" || s.size() == 2;
  };
  if (generic(suffix)) return true;
  const auto dot2 = suffix.find('.');
  if (dot2 == std::string_view::npos) return false;
  const std::string_view second = suffix.substr(0, dot2);
  const std::string_view country = suffix.substr(dot2 + 1);
  return (second == "co" || second == "com" || second == "ne" || second == "or") &&
         country.size() == 2;
}

bool is_role_mailbox(std::string_view address) {
  const auto at = address.find('@');
  const std::string_view local = address.substr(0, at);
  return std::find(kRoleBoxes.begin(), kRoleBoxes.end(), local) != kRoleBoxes.end();
}

}  // namespace kith::loaders
