// Named time zones ("Europe/Stockholm") resolved with the system's tz database: the TZif
// files under $TZDIR or /usr/share/zoneinfo, read once per zone and cached.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/value.hpp"

namespace kith {

// Whether `zone` names a zone the database has. Names are checked before any file is opened:
// only letters, digits, '_', '-', '+' in '/'-separated parts, so no path can escape TZDIR.
bool is_known_zone(std::string_view zone);

// The zone's UTC offset in seconds at an instant (seconds since 1970-01-01T00:00Z). Before the
// zone's first transition this is its local mean time (+00:53:28 for Stockholm in 1818); after
// the last listed one, the file's POSIX rule (e.g. CET-1CEST,M3.5.0,M10.5.0/3) decides.
std::optional<std::int32_t> zone_offset_at(std::string_view zone, std::int64_t epoch_seconds);

// A wall-clock time in a zone, as java.time and Neo4j resolve it: when the clock is set back
// and the time happens twice the earlier offset wins; when it is skipped (set forward) the
// time moves forward by the length of the gap. nullopt for an unknown zone.
std::optional<DateTime> zoned_from_local(const LocalDateTime& local, std::string_view zone);

// The instant seen in a zone: the local time there and the offset in force.
std::optional<DateTime> zoned_from_instant(std::int64_t epoch_seconds, std::int32_t nanos,
                                           std::string_view zone);

}  // namespace kith
