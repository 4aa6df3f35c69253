// Dates as mail programs write them in headers and quote lines, read into ISO 8601.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kith::loaders {

struct EmailDate {
  // "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS"; empty when the text holds no
  // complete calendar date (a missing or unreadable year, month or day).
  std::string iso;
  // How many characters at the start of the text belong to the date. Quote lines such as
  // "On Fri, Dec 12, 2025 at 10:15 AM Dana Whitlock <d@x> wrote:" put the sender right after
  // the date, so callers continue reading from here.
  std::size_t consumed = 0;
};

// Reads a date from the start of `text`. Accepted shapes include
//   Friday, December 12, 2025 at 12:18 PM      Fri, Dec 12, 2025 at 10:15 AM
//   Thu, 18 Dec 2025 16:02:10 +0100            12/12/2025 12:18    2025-12-18 16:02:10
//   Dec 12, 2025, at 10:15                     2025-12-18T16:02:10Z
// The wall-clock time is kept as written; a zone or offset is read past but not applied.
// Numeric day/month order: a part above 12 decides it; otherwise the US month/day order is
// assumed for '/', day.month for '.'.
EmailDate parse_email_date(std::string_view text);

}  // namespace kith::loaders
