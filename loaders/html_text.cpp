#include "loaders/html_text.hpp"

#include "graph/utf8_encode.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <initializer_list>

// Hand-written: none of the installed libraries reads HTML (cmark only writes it), and a mail
// body needs no DOM: a single pass that keeps text, turns block boundaries into newlines and
// counts blockquote levels is enough. It never recurses, so hostile nesting cannot overflow.

namespace kith::loaders {
namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Decodes the entity at s[i] == '&'; returns the characters it took, 0 if it is not one.
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = lower(name[1]) == 'x';
    std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t cp = 0;
    auto [ptr, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (ec != std::errc() || ptr != digits.data() + digits.size()) return 0;
    append_utf8(cp == 0 ? U'\uFFFD' : static_cast<char32_t>(cp), out);  // &#0; is not a character
    return semi - i + 1;
  }
  struct Entity {
    std::string_view name;
    std::uint32_t cp;
  };
  static constexpr std::array<Entity, 18> kEntities = {{{"amp", '&'},
                                                        {"lt", '<'},
                                                        {"gt", '>'},
                                                        {"quot", '"'},
                                                        {"apos", '\''},
                                                        {"nbsp", ' '},
                                                        {"ndash", 0x2013},
                                                        {"mdash", 0x2014},
                                                        {"hellip", 0x2026},
                                                        {"lsquo", 0x2018},
                                                        {"rsquo", 0x2019},
                                                        {"ldquo", 0x201C},
                                                        {"rdquo", 0x201D},
                                                        {"copy", 0xA9},
                                                        {"euro", 0x20AC},
                                                        {"eacute", 0xE9},
                                                        {"uuml", 0xFC},
                                                        {"ouml", 0xF6}}};
  for (const auto& e : kEntities) {
    if (name == e.name) {
      append_utf8(e.cp, out);
      return semi - i + 1;
    }
  }
  return 0;
}

bool tag_is(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    if (name == n) return true;
  }
  return false;
}

class TextWriter {
 public:
  void text(std::string_view chunk) {
    for (char c : chunk) {
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (at_line_start_) {
        for (int k = 0; k < quote_depth_; ++k)
          out_ += "> ";
        at_line_start_ = false;
      } else if (pending_space_) {
        out_ += ' ';
      }
      pending_space_ = false;
      out_ += c;
    }
  }
  void line_break() {
    out_ += '\n';
    at_line_start_ = true;
    pending_space_ = false;
  }
  // A block boundary: a new line unless one just started.
  void block() {
    if (!at_line_start_) line_break();
  }
  void quote(int delta) {
    block();
    quote_depth_ = std::max(0, quote_depth_ + delta);
  }
  std::string finish() {
    // At most one blank line in a row, none at either end.
    std::string result;
    int newlines = 0;
    for (char c : out_) {
      if (c == '\n') {
        ++newlines;
        continue;
      }
      if (!result.empty()) result.append(static_cast<std::size_t>(std::min(newlines, 2)), '\n');
      newlines = 0;
      result += c;
    }
    return result;
  }

 private:
  std::string out_;
  int quote_depth_ = 0;
  bool at_line_start_ = true;
  bool pending_space_ = false;
};

}  // namespace

std::string html_to_text(std::string_view html) {
  TextWriter w;
  std::string decoded;
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '&') {
      decoded.clear();
      std::size_t n = decode_entity(html, i, decoded);
      if (n > 0) {
        w.text(decoded);
        i += n;
        continue;
      }
      w.text("&");
      ++i;
      continue;
    }
    if (c != '<') {
      std::size_t next = html.find_first_of("<&", i);
      if (next == std::string_view::npos) next = html.size();
      w.text(html.substr(i, next - i));
      i = next;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    // A tag: its name, then skip to its '>' (attribute values may hold '>').
    std::size_t j = i + 1;
    bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    std::string name;
    while (j < html.size() && name.size() < 16 &&
           ((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z') ||
            (html[j] >= '0' && html[j] <= '9'))) {
      name += lower(html[j++]);
    }
    if (name.empty() && !(j < html.size() && html[j] == '!')) {
      w.text("<");  // a lone '<' in text
      ++i;
      continue;
    }
    char quote = 0;
    while (j < html.size() && (quote != 0 || html[j] != '>')) {
      if (quote != 0 && html[j] == quote) {
        quote = 0;
      } else if (quote == 0 && (html[j] == '"' || html[j] == '\'')) {
        quote = html[j];
      }
      ++j;
    }
    i = j < html.size() ? j + 1 : html.size();
    if (!closing && (name == "script" || name == "style" || name == "head" || name == "title")) {
      std::string close = "</" + name;
      std::size_t end = i;
      // Case-insensitive search for the closing tag.
      for (; end < html.size(); ++end) {
        if (html[end] != '<') continue;
        bool match = end + close.size() <= html.size();
        for (std::size_t k = 0; match && k < close.size(); ++k) {
          match = lower(html[end + k]) == close[k];
        }
        if (match) break;
      }
      std::size_t gt = html.find('>', end);
      i = gt == std::string_view::npos ? html.size() : gt + 1;
      continue;
    }
    if (name == "br") {
      w.line_break();
    } else if (name == "blockquote") {
      w.quote(closing ? -1 : 1);
    } else if (tag_is(name, {"p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4",
                             "h5", "h6", "hr", "pre", "body", "html"})) {
      w.block();
    } else if (tag_is(name, {"td", "th"}) && !closing) {
      w.text(" ");
    }
  }
  return w.finish();
}

}  // namespace kith::loaders
