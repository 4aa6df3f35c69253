// String functions. Positions and lengths count Unicode code points, not bytes: substring('ñandú',
// 1, 3) is 'and'. Text is decoded once into code points, worked on, and encoded back.
#include <array>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <utf8proc.h>

#include "graph/utf8_decode.hpp"
#include "graph/utf8_encode.hpp"
#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

using Args = std::span<const Value>;
using CodePoints = std::u32string;

std::string encode(const char32_t* begin, const char32_t* end) {
  std::string out;
  out.reserve(static_cast<std::size_t>(end - begin));
  for (const char32_t* p = begin; p != end; ++p)
    append_utf8(*p, out);
  return out;
}

const std::string* string_arg(const Value& v, std::string_view fn, const char* what = "a STRING") {
  if (v.is_null()) return nullptr;
  if (!v.is<std::string>()) throw_wrong_type(fmt::format("{}()", fn), what, v);
  return &v.as<std::string>();
}

// A length or position argument: null stays null (nullopt), negatives are out of range.
std::optional<std::int64_t> count_arg(const Value& v, std::string_view fn, const char* what) {
  if (v.is_null()) return std::nullopt;
  if (!v.is<std::int64_t>()) {
    throw_wrong_type(fmt::format("{}() {}", fn, what), "an INTEGER", v);
  }
  const std::int64_t n = v.as<std::int64_t>();
  if (n < 0) {
    throw_runtime("ArgumentError", "NumberOutOfRange",
                  fmt::format("{}() {} must not be negative, got {}", fn, what, n));
  }
  return n;
}

Value map_code_points(Args args, std::string_view fn, utf8proc_int32_t (*map)(utf8proc_int32_t)) {
  const std::string* s = string_arg(args[0], fn);
  if (!s) return Null{};
  std::string out;
  out.reserve(s->size());
  for (char32_t cp : decode_utf8(*s)) {
    append_utf8(static_cast<char32_t>(map(static_cast<utf8proc_int32_t>(cp))), out);
  }
  return out;
}

Value fn_to_upper(Args a, FunctionContext&) {
  return map_code_points(a, "toUpper", utf8proc_toupper);
}
Value fn_to_lower(Args a, FunctionContext&) {
  return map_code_points(a, "toLower", utf8proc_tolower);
}

// Java's Character.isWhitespace, which Neo4j's trim uses: space separators other than the
// no-break ones, and the ASCII controls \t \n \v \f \r and the four information separators.
bool is_whitespace(char32_t cp) {
  if (cp == 0x00A0 || cp == 0x2007 || cp == 0x202F) return false;
  if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F)) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP;
}

Value trim(Args args, std::string_view fn, bool left, bool right) {
  const std::string* s = string_arg(args[0], fn);
  if (!s) return Null{};
  const CodePoints cps = decode_utf8(*s);
  const char32_t* begin = cps.data();
  const char32_t* end = cps.data() + cps.size();
  while (left && begin != end && is_whitespace(*begin))
    ++begin;
  while (right && end != begin && is_whitespace(end[-1]))
    --end;
  return encode(begin, end);
}

Value fn_trim(Args a, FunctionContext&) {
  return trim(a, "trim", true, true);
}
Value fn_ltrim(Args a, FunctionContext&) {
  return trim(a, "lTrim", true, false);
}
Value fn_rtrim(Args a, FunctionContext&) {
  return trim(a, "rTrim", false, true);
}

void check_result_size(std::size_t bytes, std::string_view fn) {
  if (bytes > kMaxStringBytes) {
    throw_runtime(
        "LimitExceeded", "StringTooLong",
        fmt::format("{}() would build a string of more than {} bytes", fn, kMaxStringBytes));
  }
}

Value fn_replace(Args args, FunctionContext&) {
  const std::string* original = string_arg(args[0], "replace");
  const std::string* search = string_arg(args[1], "replace");
  const std::string* replacement = string_arg(args[2], "replace");
  if (!original || !search || !replacement) return Null{};
  std::string out;
  if (search->empty()) {
    // As Java's String.replace: the replacement goes before every code point and at the end.
    const CodePoints cps = decode_utf8(*original);
    check_result_size(original->size() + (cps.size() + 1) * replacement->size(), "replace");
    for (char32_t cp : cps) {
      out += *replacement;
      append_utf8(cp, out);
    }
    out += *replacement;
    return out;
  }
  std::size_t from = 0;
  while (true) {
    const std::size_t hit = original->find(*search, from);
    if (hit == std::string::npos) break;
    out.append(*original, from, hit - from);
    out += *replacement;
    check_result_size(out.size(), "replace");
    from = hit + search->size();
  }
  out.append(*original, from);
  return out;
}

Value fn_substring(Args args, FunctionContext&) {
  const std::string* s = string_arg(args[0], "substring");
  const std::optional<std::int64_t> start = count_arg(args[1], "substring", "start");
  std::optional<std::int64_t> length;
  if (args.size() > 2) {
    length = count_arg(args[2], "substring", "length");
    if (!length) return Null{};
  }
  if (!s || !start) return Null{};
  const CodePoints cps = decode_utf8(*s);
  const auto size = static_cast<std::int64_t>(cps.size());
  const std::int64_t begin = std::min(*start, size);
  const std::int64_t end = length ? begin + std::min(*length, size - begin) : size;
  return encode(cps.data() + begin, cps.data() + end);
}

Value fn_left(Args args, FunctionContext&) {
  const std::string* s = string_arg(args[0], "left");
  const std::optional<std::int64_t> n = count_arg(args[1], "left", "length");
  if (!s || !n) return Null{};
  const CodePoints cps = decode_utf8(*s);
  const auto take = static_cast<std::size_t>(std::min<std::int64_t>(*n, cps.size()));
  return encode(cps.data(), cps.data() + take);
}

Value fn_right(Args args, FunctionContext&) {
  const std::string* s = string_arg(args[0], "right");
  const std::optional<std::int64_t> n = count_arg(args[1], "right", "length");
  if (!s || !n) return Null{};
  const CodePoints cps = decode_utf8(*s);
  const auto take = static_cast<std::size_t>(std::min<std::int64_t>(*n, cps.size()));
  return encode(cps.data() + cps.size() - take, cps.data() + cps.size());
}

Value fn_split(Args args, FunctionContext&) {
  const std::string* s = string_arg(args[0], "split");
  if (!s || args[1].is_null()) return Null{};
  std::vector<std::string> delimiters;
  if (args[1].is<std::string>()) {
    delimiters.push_back(args[1].as<std::string>());
  } else if (args[1].is<List>()) {
    for (const Value& d : args[1].as<List>()) {
      if (d.is_null()) return Null{};
      if (!d.is<std::string>()) throw_wrong_type("split()", "STRING delimiters", d);
      delimiters.push_back(d.as<std::string>());
    }
  } else {
    throw_wrong_type("split()", "a STRING or LIST of STRING delimiter", args[1]);
  }
  List out;
  if (delimiters.size() == 1 && delimiters[0].empty()) {
    // An empty delimiter splits between every code point.
    for (char32_t cp : decode_utf8(*s)) {
      std::string piece;
      append_utf8(cp, piece);
      out.emplace_back(std::move(piece));
    }
    return out;
  }
  std::size_t from = 0;
  std::size_t pos = 0;
  while (pos < s->size()) {
    std::size_t matched = 0;
    for (const std::string& d : delimiters) {
      if (!d.empty() && s->compare(pos, d.size(), d) == 0) {
        matched = d.size();
        break;
      }
    }
    if (matched == 0) {
      ++pos;
      continue;
    }
    out.emplace_back(s->substr(from, pos - from));
    pos += matched;
    from = pos;
  }
  out.emplace_back(s->substr(from));
  return out;
}

Value fn_normalize(Args args, FunctionContext&) {
  const std::string* s = string_arg(args[0], "normalize");
  if (!s) return Null{};
  std::string form = "NFC";
  if (args.size() > 1) {
    const std::string* f = string_arg(args[1], "normalize", "a normal form name");
    if (!f) return Null{};
    form = *f;
  }
  utf8proc_option_t options;
  if (form == "NFC") {
    options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  } else if (form == "NFD") {
    options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
  } else if (form == "NFKC") {
    options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  } else if (form == "NFKD") {
    options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT);
  } else {
    throw_runtime("ArgumentError", "InvalidArgumentValue",
                  fmt::format("normalize() knows NFC, NFD, NFKC and NFKD, not '{}'", form));
  }
  utf8proc_uint8_t* result = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s->data()),
                   static_cast<utf8proc_ssize_t>(s->size()), &result, options);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(result, &std::free);
  if (n < 0) {
    throw_runtime("ArgumentError", "InvalidArgumentValue", "normalize() got invalid UTF-8");
  }
  return std::string(reinterpret_cast<const char*>(result), static_cast<std::size_t>(n));
}

constexpr std::array kFunctions = {
    FunctionInfo{"toUpper", 1, 1, fn_to_upper},    FunctionInfo{"upper", 1, 1, fn_to_upper},
    FunctionInfo{"toLower", 1, 1, fn_to_lower},    FunctionInfo{"lower", 1, 1, fn_to_lower},
    FunctionInfo{"trim", 1, 1, fn_trim},           FunctionInfo{"lTrim", 1, 1, fn_ltrim},
    FunctionInfo{"rTrim", 1, 1, fn_rtrim},         FunctionInfo{"replace", 3, 3, fn_replace},
    FunctionInfo{"substring", 2, 3, fn_substring}, FunctionInfo{"left", 2, 2, fn_left},
    FunctionInfo{"right", 2, 2, fn_right},         FunctionInfo{"split", 2, 2, fn_split},
    FunctionInfo{"normalize", 1, 2, fn_normalize},
};

}  // namespace

std::span<const FunctionInfo> string_function_table() {
  return kFunctions;
}

}  // namespace kith::query
