#include "loaders/unicode_nfc.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace kith::loaders {

bool is_trivially_nfc(std::string_view utf8) {
  // In UTF-8, code points below U+0300 are the bytes 00..7F and the two-byte sequences with
  // lead C2..CB; U+0300 starts at CC 80.
  for (const char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0xCC) return false;
  }
  return true;
}

std::string to_nfc(std::string_view utf8) {
  if (is_trivially_nfc(utf8)) return std::string(utf8);
  utf8proc_uint8_t* normalised = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                   static_cast<utf8proc_ssize_t>(utf8.size()), &normalised,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(normalised, &std::free);
  if (length < 0) return std::string(utf8);
  return std::string(reinterpret_cast<const char*>(normalised), static_cast<std::size_t>(length));
}

}  // namespace kith::loaders
