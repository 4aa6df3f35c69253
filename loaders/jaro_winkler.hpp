// Jaro-Winkler string similarity, the classic measure for short strings such as name tokens.
// Hand-written because no Debian package offers it to C++ (Boost has none; the candidates are
// Python or Java libraries).
#pragma once

#include <string>
#include <string_view>

namespace kith::loaders {

// Jaro similarity in [0, 1] over Unicode code points (UTF-8 in; invalid bytes count as one
// code point each). 1 for two empty strings.
double jaro(std::string_view a, std::string_view b);

// Winkler's variant: the Jaro score raised for a common prefix of up to 4 code points, by
// 0.1 per code point, when the Jaro score is above 0.7 (Winkler's boost threshold).
double jaro_winkler(std::string_view a, std::string_view b);

// The same on text already decoded by code_points(), for callers comparing each string many
// times.
std::u32string code_points(std::string_view text);
double jaro_winkler(const std::u32string& a, const std::u32string& b);

}  // namespace kith::loaders
