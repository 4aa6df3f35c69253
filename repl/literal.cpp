#include "repl/literal.hpp"

#include "graph/utf8_encode.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace kith::repl {

namespace {

constexpr int kMaxDepth = 256;  // nesting deeper than this is refused, not a stack overflow

class LiteralParser {
 public:
  explicit LiteralParser(std::string_view text) : text_(text) {}

  std::optional<Value> parse(std::string* error) {
    try {
      skip_blanks();
      Value v = value(0);
      skip_blanks();
      if (pos_ != text_.size()) fail("unexpected text after the value");
      return v;
    } catch (const std::invalid_argument& e) {
      if (error) *error = e.what();
      return std::nullopt;
    }
  }

 private:
  [[noreturn]] void fail(std::string_view what) const {
    throw std::invalid_argument(fmt::format("{} at column {}", what, pos_ + 1));
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void skip_blanks() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(peek())))
      ++pos_;
  }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  bool word(std::string_view w) {
    if (text_.size() - pos_ < w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(text_[pos_ + i])) != w[i]) return false;
    }
    const std::size_t end = pos_ + w.size();
    if (end < text_.size() &&
        (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_')) {
      return false;
    }
    pos_ = end;
    return true;
  }

  Value value(int depth) {
    if (depth > kMaxDepth) fail("nesting too deep");
    const char c = peek();
    if (c == '\'' || c == '"') return Value(string());
    if (c == '[') return list(depth);
    if (c == '{') return map(depth);
    if (c == '-' || c == '+' || c == '.' || std::isdigit(static_cast<unsigned char>(c)))
      return number();
    if (word("null")) return Value();
    if (word("true")) return Value(true);
    if (word("false")) return Value(false);
    fail(at_end() ? "a value is missing" : "not a literal");
  }

  Value list(int depth) {
    ++pos_;  // [
    List out;
    skip_blanks();
    if (take(']')) return Value(std::move(out));
    while (true) {
      skip_blanks();
      out.push_back(value(depth + 1));
      skip_blanks();
      if (take(']')) return Value(std::move(out));
      if (!take(',')) fail("expected ',' or ']'");
    }
  }

  std::string key() {
    if (take('`')) {
      std::string out;
      while (true) {
        if (at_end()) fail("unterminated quoted name");
        const char c = text_[pos_++];
        if (c == '`') {
          if (!take('`')) return out;  // `` inside a quoted name is one backtick
        }
        out += c;
      }
    }
    if (peek() == '\'' || peek() == '"') return string();
    const std::size_t start = pos_;
    while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_' ||
                         static_cast<unsigned char>(peek()) >= 0x80)) {
      ++pos_;
    }
    if (start == pos_) fail("expected a key");
    return std::string(text_.substr(start, pos_ - start));
  }

  Value map(int depth) {
    ++pos_;  // {
    Map out;
    skip_blanks();
    if (take('}')) return Value(std::move(out));
    while (true) {
      skip_blanks();
      std::string k = key();
      skip_blanks();
      if (!take(':')) fail("expected ':'");
      skip_blanks();
      out[std::move(k)] = value(depth + 1);
      skip_blanks();
      if (take('}')) return Value(std::move(out));
      if (!take(',')) fail("expected ',' or '}'");
    }
  }

  std::string string() {
    const char quote = text_[pos_++];
    std::string out;
    while (true) {
      if (at_end()) fail("unterminated string");
      const char c = text_[pos_++];
      if (c == quote) return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_end()) fail("unterminated string");
      const char e = text_[pos_++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case '\\':
        case '\'':
        case '"':
          out += e;
          break;
        case 'u':
        case 'U': {
          const std::size_t digits = e == 'u' ? 4 : 8;
          std::uint32_t cp = 0;
          const auto* first = text_.data() + pos_;
          if (text_.size() - pos_ < digits ||
              std::from_chars(first, first + digits, cp, 16).ptr != first + digits ||
              cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            fail("bad \\u escape");
          }
          pos_ += digits;
          kith::append_utf8(cp, out);
          break;
        }
        default:
          fail("unknown escape");
      }
    }
  }

  Value number() {
    const std::size_t start = pos_;
    bool negative = false;
    if (peek() == '-' || peek() == '+') negative = text_[pos_++] == '-';
    std::string digits;
    if (peek() == '0' && pos_ + 1 < text_.size() &&
        (text_[pos_ + 1] == 'x' || text_[pos_ + 1] == 'o')) {
      const int base = text_[pos_ + 1] == 'x' ? 16 : 8;
      pos_ += 2;
      const std::size_t begin = pos_;
      while (!at_end() && std::isxdigit(static_cast<unsigned char>(peek())))
        ++pos_;
      std::uint64_t magnitude = 0;
      const auto r = std::from_chars(text_.data() + begin, text_.data() + pos_, magnitude, base);
      if (begin == pos_ || r.ptr != text_.data() + pos_) fail("bad number");
      return integer(magnitude, negative, start);
    }
    bool is_float = false;
    while (!at_end()) {
      const char c = peek();
      if (std::isdigit(static_cast<unsigned char>(c))) {
      } else if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
      } else if ((c == '-' || c == '+') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E')) {
      } else {
        break;
      }
      digits += c;
      ++pos_;
    }
    if (digits.empty()) fail("bad number");
    if (is_float) {
      char* end = nullptr;
      const double d = std::strtod(digits.c_str(), &end);
      if (end != digits.c_str() + digits.size()) fail("bad number");
      return Value(negative ? -d : d);
    }
    std::uint64_t magnitude = 0;
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
    if (r.ec != std::errc{}) fail("integer out of range");
    return integer(magnitude, negative, start);
  }

  Value integer(std::uint64_t magnitude, bool negative, std::size_t start) {
    constexpr std::uint64_t kMax = 9223372036854775807ull;
    if (magnitude > kMax + (negative ? 1 : 0)) {
      pos_ = start;
      fail("integer out of range");
    }
    if (negative) return Value(static_cast<std::int64_t>(0 - magnitude));
    return Value(static_cast<std::int64_t>(magnitude));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<Value> parse_literal(std::string_view text, std::string* error) {
  return LiteralParser(text).parse(error);
}

Value parse_parameter(std::string_view text) {
  if (auto v = parse_literal(text)) return std::move(*v);
  return Value(text);
}

}  // namespace kith::repl
