#include "loaders/jaro_winkler.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include <utf8proc.h>

namespace kith::loaders {

std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(p, end - p, &c);
    if (len <= 0) {
      out.push_back(static_cast<char32_t>(*p) | 0x110000u);  // a stray byte, never a real letter
      ++p;
      continue;
    }
    out.push_back(static_cast<char32_t>(c));
    p += len;
  }
  return out;
}

namespace {

double jaro_points(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  // Name tokens are short: their match flags live on the stack, not in two allocations.
  constexpr std::size_t kOnStack = 64;
  std::array<bool, 2 * kOnStack> stack{};
  std::unique_ptr<bool[]> heap;
  bool* a_matched = stack.data();
  if (a.size() + b.size() > stack.size()) {
    heap = std::make_unique<bool[]>(a.size() + b.size());
    a_matched = heap.get();
  }
  bool* b_matched = a_matched + a.size();
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (b_matched[j] || a[i] != b[j]) continue;
      a_matched[i] = b_matched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t half_transpositions = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j])
      ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions) / 2.0;
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - t) / m) /
         3.0;
}

}  // namespace

double jaro(std::string_view a, std::string_view b) {
  return jaro_points(code_points(a), code_points(b));
}

double jaro_winkler(std::string_view a, std::string_view b) {
  return jaro_winkler(code_points(a), code_points(b));
}

double jaro_winkler(const std::u32string& pa, const std::u32string& pb) {
  const double j = jaro_points(pa, pb);
  if (j <= 0.7) return j;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < pa.size() && prefix < pb.size() && pa[prefix] == pb[prefix])
    ++prefix;
  return j + static_cast<double>(prefix) * 0.1 * (1.0 - j);
}

}  // namespace kith::loaders
