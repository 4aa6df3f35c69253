// TZif (RFC 8536) and POSIX TZ rule reading. Hand-written because kith_graph links no time zone
// library (libstdc++ 12 has no std::chrono::tzdb; ICU and GLib are not on its link line), and
// the format is small. Every count and index from a file is bounds-checked: a damaged or
// hostile file makes the zone unknown, never a crash.
#include "graph/time_zone.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

namespace kith {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::size_t kMaxFileBytes = 1 << 20;
// Instants and days beyond openCypher's years -999,999,999..999,999,999 (with room to spare);
// refusing them keeps every sum below free of overflow.
constexpr std::int64_t kMaxEpochSeconds = 100'000'000'000'000'000;
constexpr std::int64_t kMaxDays = 400'000'000'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}

// One POSIX rule date: Mm.w.d (month, week 1-5 where 5 is the last, weekday 0 = Sunday), Jn
// (1-365, February 29 never counted) or n (0-365), with the local time of the change.
struct RuleDate {
  enum class Kind { MonthWeekDay, Julian, ZeroBased } kind = Kind::MonthWeekDay;
  int month = 0;
  int week = 0;
  int weekday = 0;
  int day = 0;
  std::int32_t time = 7200;

  // Local seconds since the epoch at which the rule fires in `year`.
  std::optional<std::int64_t> local_seconds(std::int64_t year) const {
    const auto jan1 = Date::from_ymd(year, 1, 1);
    if (!jan1) return std::nullopt;
    std::int64_t days = 0;
    switch (kind) {
      case Kind::Julian: {
        const bool leap = Date::from_ymd(year, 2, 29).has_value();
        days = jan1->days + day - 1 + (leap && day >= 60 ? 1 : 0);
        break;
      }
      case Kind::ZeroBased:
        days = jan1->days + day;
        break;
      case Kind::MonthWeekDay: {
        const std::int64_t first = Date::from_ymd(year, month, 1)->days;
        const int first_weekday = static_cast<int>(((first + 4) % 7 + 7) % 7);  // 0 = Sunday
        days = first + (weekday - first_weekday + 7) % 7 + (week - 1) * 7;
        while (week == 5 && !Date::from_ymd(year, month, static_cast<int>(days - first + 1))) {
          days -= 7;
        }
        break;
      }
    }
    return days * kSecondsPerDay + time;
  }
};

// The footer of a TZif file: the rule for instants after its last transition.
struct PosixRule {
  std::int32_t std_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  std::int32_t dst_offset = 0;
  RuleDate start;
  RuleDate end;

  std::int32_t offset_at(std::int64_t t) const {
    if (!has_dst) return std_offset;
    std::int64_t y = 0;
    int m = 0;
    int d = 0;
    Date{floor_div(t + std_offset, kSecondsPerDay)}.to_ymd(y, m, d);
    const auto start_local = start.local_seconds(y);
    const auto end_local = end.local_seconds(y);
    if (!start_local || !end_local) return std_offset;
    const std::int64_t dst_from = *start_local - std_offset;  // given in standard time
    const std::int64_t dst_until = *end_local - dst_offset;   // given in daylight time
    const bool dst =
        dst_from < dst_until ? (t >= dst_from && t < dst_until) : (t < dst_until || t >= dst_from);
    return dst ? dst_offset : std_offset;
  }
};

// A reader over a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3" or "<+0845>-8:45".
class PosixReader {
 public:
  explicit PosixReader(std::string_view text) : text_(text) {}

  std::optional<PosixRule> read() {
    PosixRule rule;
    std::int32_t west = 0;
    if (!name() || !duration(west, 24)) return std::nullopt;
    rule.std_offset = -west;
    if (done()) return rule;
    if (!name()) return std::nullopt;
    rule.has_dst = true;
    rule.dst_offset = rule.std_offset + 3600;
    if (!done() && peek() != ',') {
      if (!duration(west, 24)) return std::nullopt;
      rule.dst_offset = -west;
    }
    if (done()) {
      // No rule given: POSIX leaves it to the implementation; US rules are the usual default.
      rule.start = {RuleDate::Kind::MonthWeekDay, 3, 2, 0, 0, 7200};
      rule.end = {RuleDate::Kind::MonthWeekDay, 11, 1, 0, 0, 7200};
      return rule;
    }
    if (!eat(',') || !rule_date(rule.start) || !eat(',') || !rule_date(rule.end) || !done()) {
      return std::nullopt;
    }
    return rule;
  }

 private:
  bool done() const { return pos_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  bool number(int& out, int max_digits) {
    int n = 0;
    out = 0;
    while (n < max_digits && peek() >= '0' && peek() <= '9') {
      out = out * 10 + (text_[pos_++] - '0');
      ++n;
    }
    return n > 0;
  }
  bool name() {
    if (eat('<')) {
      const std::size_t close = text_.find('>', pos_);
      if (close == std::string_view::npos) return false;
      pos_ = close + 1;
      return true;
    }
    const std::size_t start = pos_;
    while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))
      ++pos_;
    return pos_ - start >= 3;
  }
  // [+|-]h[h][:mm[:ss]], hours up to `max_hours` (167 in rule times).
  bool duration(std::int32_t& out, int max_hours) {
    const bool negative = eat('-');
    if (!negative) eat('+');
    int h = 0;
    int m = 0;
    int s = 0;
    if (!number(h, 3) || h > max_hours) return false;
    if (eat(':') && (!number(m, 2) || m > 59)) return false;
    if (eat(':') && (!number(s, 2) || s > 59)) return false;
    out = (h * 60 + m) * 60 + s;
    if (negative) out = -out;
    return true;
  }
  bool rule_date(RuleDate& r) {
    if (eat('M')) {
      r.kind = RuleDate::Kind::MonthWeekDay;
      if (!number(r.month, 2) || !eat('.') || !number(r.week, 1) || !eat('.') ||
          !number(r.weekday, 1) || r.month < 1 || r.month > 12 || r.week < 1 || r.week > 5 ||
          r.weekday > 6) {
        return false;
      }
    } else if (eat('J')) {
      r.kind = RuleDate::Kind::Julian;
      if (!number(r.day, 3) || r.day < 1 || r.day > 365) return false;
    } else {
      r.kind = RuleDate::Kind::ZeroBased;
      if (!number(r.day, 3) || r.day > 365) return false;
    }
    r.time = 7200;
    if (eat('/') && !duration(r.time, 167)) return false;
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

struct Zone {
  std::vector<std::int64_t> transitions;  // UTC seconds, ascending
  std::vector<std::uint8_t> types;        // the local time type from each transition on
  std::vector<std::int32_t> offsets;      // UTC offset of each local time type
  std::optional<PosixRule> footer;

  std::int32_t offset_at(std::int64_t t) const {
    if (transitions.empty() || t < transitions.front()) {
      if (transitions.empty() && footer) return footer->offset_at(t);
      return offsets.front();  // RFC 8536: type 0 rules before the first transition
    }
    const auto after = std::upper_bound(transitions.begin(), transitions.end(), t);
    if (after == transitions.end() && footer) return footer->offset_at(t);
    return offsets[types[static_cast<std::size_t>(after - transitions.begin()) - 1]];
  }
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  bool has(std::size_t n) const { return bytes_.size() - pos_ >= n; }
  bool skip(std::size_t n) {
    if (!has(n)) return false;
    pos_ += n;
    return true;
  }
  std::int64_t big_endian(std::size_t n) {  // callers check has(n) first
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
      v = (v << 8) | static_cast<unsigned char>(bytes_[pos_++]);
    if (n < 8 && (v >> (8 * n - 1)) != 0) v |= ~std::uint64_t{0} << (8 * n);  // sign-extend
    return static_cast<std::int64_t>(v);
  }
  std::uint8_t byte() { return static_cast<std::uint8_t>(bytes_[pos_++]); }
  std::string_view rest() const { return bytes_.substr(pos_); }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

struct Header {
  char version = 0;
  std::size_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

bool read_header(ByteReader& r, Header& h) {
  if (!r.has(44)) return false;
  if (r.rest().substr(0, 4) != "TZif") return false;
  r.skip(4);
  h.version = static_cast<char>(r.byte());
  r.skip(15);
  std::size_t* counts[] = {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt};
  for (std::size_t* c : counts) {
    const std::int64_t v = r.big_endian(4);
    if (v < 0 || v > 1'000'000) return false;
    *c = static_cast<std::size_t>(v);
  }
  return h.typecnt >= 1;
}

std::size_t block_size(const Header& h, std::size_t time_size) {
  return h.timecnt * time_size + h.timecnt + h.typecnt * 6 + h.charcnt +
         h.leapcnt * (time_size + 4) + h.isstdcnt + h.isutcnt;
}

std::optional<Zone> parse_tzif(std::string_view bytes) {
  ByteReader r(bytes);
  Header h;
  if (!read_header(r, h)) return std::nullopt;
  std::size_t time_size = 4;
  if (h.version >= '2') {
    // Skip the 32-bit block; the 64-bit one that follows covers every year.
    if (!r.skip(block_size(h, 4)) || !read_header(r, h)) return std::nullopt;
    time_size = 8;
  }
  if (!r.has(block_size(h, time_size))) return std::nullopt;
  Zone zone;
  for (std::size_t i = 0; i < h.timecnt; ++i) {
    zone.transitions.push_back(r.big_endian(time_size));
    if (i > 0 && zone.transitions[i] <= zone.transitions[i - 1]) return std::nullopt;
  }
  for (std::size_t i = 0; i < h.timecnt; ++i) {
    zone.types.push_back(r.byte());
    if (zone.types.back() >= h.typecnt) return std::nullopt;
  }
  for (std::size_t i = 0; i < h.typecnt; ++i) {
    const std::int64_t offset = r.big_endian(4);
    if (offset < -25 * 3600 || offset > 26 * 3600) return std::nullopt;
    zone.offsets.push_back(static_cast<std::int32_t>(offset));
    r.skip(2);  // is-DST flag and abbreviation index
  }
  r.skip(h.charcnt + h.leapcnt * (time_size + 4) + h.isstdcnt + h.isutcnt);
  if (time_size == 8) {
    const std::string_view rest = r.rest();
    if (rest.size() >= 2 && rest[0] == '\n') {
      const std::size_t end = rest.find('\n', 1);
      if (end != std::string_view::npos && end > 1) {
        zone.footer = PosixReader(rest.substr(1, end - 1)).read();
      }
    }
  }
  return zone;
}

bool valid_zone_path(std::string_view zone) {
  if (zone.empty() || zone.size() > 64) return false;
  std::size_t part_length = 0;
  for (const char c : zone) {
    if (c == '/') {
      if (part_length == 0) return false;
      part_length = 0;
      continue;
    }
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '+';
    if (!ok) return false;
    ++part_length;
  }
  return part_length > 0;
}

std::shared_ptr<const Zone> load_zone(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Zone>, std::less<>> cache;
  if (!valid_zone_path(name)) return nullptr;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  const char* dir = std::getenv("TZDIR");
  const std::string path =
      std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + std::string(name);
  std::shared_ptr<const Zone> zone;
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::string bytes(kMaxFileBytes, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (auto parsed = parse_tzif(bytes)) zone = std::make_shared<const Zone>(std::move(*parsed));
  }
  cache.emplace(std::string(name), zone);
  return zone;
}

}  // namespace

bool is_known_zone(std::string_view zone) {
  return load_zone(zone) != nullptr;
}

std::optional<std::int32_t> zone_offset_at(std::string_view zone, std::int64_t epoch_seconds) {
  const auto z = load_zone(zone);
  if (!z || epoch_seconds > kMaxEpochSeconds || epoch_seconds < -kMaxEpochSeconds) {
    return std::nullopt;
  }
  return z->offset_at(epoch_seconds);
}

std::optional<DateTime> zoned_from_instant(std::int64_t epoch_seconds, std::int32_t nanos,
                                           std::string_view zone) {
  const auto offset = zone_offset_at(zone, epoch_seconds);
  if (!offset) return std::nullopt;
  const std::int64_t local = epoch_seconds + *offset;
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  const std::int64_t seconds = local - days * kSecondsPerDay;
  return DateTime{
      {Date{days}, LocalTime{seconds * kNanosPerSecond + nanos}}, *offset, std::string(zone)};
}

std::optional<DateTime> zoned_from_local(const LocalDateTime& local, std::string_view zone) {
  const auto z = load_zone(zone);
  if (!z || local.date.days > kMaxDays || local.date.days < -kMaxDays || local.time.nanos < 0 ||
      local.time.nanos >= kSecondsPerDay * kNanosPerSecond) {
    return std::nullopt;
  }
  const std::int64_t wall = local.date.days * kSecondsPerDay + local.time.nanos / kNanosPerSecond;
  const std::int32_t nanos = static_cast<std::int32_t>(local.time.nanos % kNanosPerSecond);
  // The offsets in force a day either side; a wall time has one of them unless it falls in a
  // gap. (Zones never change offset twice within two days.)
  const std::int32_t before = z->offset_at(wall - kSecondsPerDay);
  const std::int32_t after = z->offset_at(wall + kSecondsPerDay);
  auto fits = [&](std::int32_t offset) { return z->offset_at(wall - offset) == offset; };
  std::int32_t offset = before;
  if (before != after && !fits(before)) {
    if (!fits(after)) return zoned_from_instant(wall - before, nanos, zone);  // in the gap
    offset = after;
  }
  return DateTime{local, offset, std::string(zone)};
}

}  // namespace kith
