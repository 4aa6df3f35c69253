#include "loaders/body_pieces.hpp"

#include <array>
#include <string>

namespace kith::loaders {

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A line that, at the top level, can only begin a new block (or a new item of a bullet list),
// so cutting before it leaves what comes before exactly as it was. After a blank line any
// unindented line qualifies; otherwise a heading, or a bullet item with content (which may
// interrupt a paragraph; an ordered item other than "1." may not, so none are used).
bool begins_a_block(std::string_view line, bool after_blank) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || is_blank(line)) return false;
  if (after_blank) return true;
  if (line[0] == '#') return true;
  return (line[0] == '-' || line[0] == '*' || line[0] == '+') && line.size() > 2 &&
         line[1] == ' ' && line[2] != ' ' && line[2] != '\r';
}

// Top-level constructs that run across blank lines: fenced code and HTML blocks of the kinds
// CommonMark ends only at a closing marker (its types 1 to 5).
class OpenBlock {
 public:
  bool open() const { return !closer_.empty(); }

  // Feeds the next line; returns whether the line is inside (or opens or closes) a block.
  bool feed(std::string_view line) {
    if (open()) {
      if (fence_) {
        if (closes_fence(line)) closer_.clear();
      } else if (lower(line).find(closer_) != std::string::npos) {
        closer_.clear();
      }
      return true;
    }
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ')
      ++indent;
    if (indent > 3) return false;
    std::string_view rest = line.substr(indent);
    if (rest.starts_with("```") || rest.starts_with("~~~")) {
      const char c = rest[0];
      std::size_t n = 0;
      while (n < rest.size() && rest[n] == c)
        ++n;
      if (c == '`' && rest.substr(n).find('`') != std::string_view::npos) return false;
      fence_ = true;
      fence_char_ = c;
      fence_length_ = n;
      closer_ = std::string(n, c);
      return true;
    }
    if (!rest.starts_with('<')) return false;
    const std::string head = lower(rest.substr(0, 12));
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kHtml = {{
        {"<script", "</script>"},
        {"<pre", "</pre>"},
        {"<style", "</style>"},
        {"<textarea", "</textarea>"},
        {"<!--", "-->"},
        {"<?", "?>"},
        {"<![cdata[", "]]>"},
        {"<!", ">"},
    }};
    for (const auto& opener : kHtml) {
      if (!std::string_view(head).starts_with(opener.first)) continue;
      if (opener.first == "<!" && (head.size() < 3 || !is_ascii_letter(head[2]))) return false;
      fence_ = false;
      // The closer may sit on the opening line itself.
      if (lower(rest).find(opener.second, opener.first.size()) != std::string::npos) return true;
      closer_ = std::string(opener.second);
      return true;
    }
    return false;
  }

 private:
  bool closes_fence(std::string_view line) const {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ')
      ++indent;
    if (indent > 3) return false;
    std::size_t n = indent;
    while (n < line.size() && line[n] == fence_char_)
      ++n;
    return n - indent >= fence_length_ && is_blank(line.substr(n));
  }

  bool fence_ = false;
  char fence_char_ = 0;
  std::size_t fence_length_ = 0;
  std::string closer_;  // empty when no block is open
};

// Scans a line longer than a piece for places to cut it: after a space that precedes a
// letter, outside [..] links (wikilinks included) and `code` spans. A bracket or backtick left
// open for longer than any link or span stops counting, so a stray one cannot forbid every cut.
class LineCuts {
 public:
  // Calls cut(offset) at each allowed place at least `every` bytes after the last cut, where
  // the first cut counts from `already` bytes before the line.
  template <typename Cut>
  static void find(std::string_view line, std::size_t already, std::size_t every, Cut cut) {
    constexpr std::size_t kLongestSpan = 4096;
    int brackets = 0;
    std::size_t bracket_open = 0;
    bool code = false;
    std::size_t code_open = 0;
    std::size_t since = already;
    for (std::size_t i = 0; i + 1 < line.size(); ++i, ++since) {
      const char c = line[i];
      if (c == '`') {
        code = !code;
        code_open = i;
      }
      if (code && i - code_open > kLongestSpan) code = false;
      if (code) continue;
      if (c == '[' && brackets++ == 0) bracket_open = i;
      if (c == ']' && brackets > 0) --brackets;
      if (brackets > 0 && i - bracket_open > kLongestSpan) brackets = 0;
      if (since + 1 >= every && c == ' ' && brackets == 0 && is_ascii_letter(line[i + 1])) {
        cut(i + 1);
        since = 0;
      }
    }
  }
};

}  // namespace

std::vector<BodyPiece> body_pieces(std::string_view body, std::size_t whole_up_to,
                                   std::size_t piece_bytes) {
  if (body.size() <= whole_up_to) return {BodyPiece{body, 1}};
  std::vector<BodyPiece> pieces;
  std::size_t piece_start = 0;
  std::uint32_t piece_line = 1;
  auto cut = [&](std::size_t at, std::uint32_t line) {
    if (at <= piece_start) return;
    pieces.push_back({body.substr(piece_start, at - piece_start), piece_line});
    piece_start = at;
    piece_line = line;
  };

  OpenBlock block;
  bool after_blank = false;
  std::uint32_t line_number = 1;
  for (std::size_t pos = 0; pos < body.size(); ++line_number) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(pos, end - pos);
    const bool was_open = block.open();
    const bool in_block = block.feed(line);
    const bool full = pos - piece_start >= piece_bytes;
    if (full && !was_open && !in_block && begins_a_block(line, after_blank)) cut(pos, line_number);
    // A paragraph or list bigger than a piece: between lines, before one starting a word.
    if (pos - piece_start >= 2 * piece_bytes && !was_open && !in_block && !line.empty() &&
        is_ascii_letter(line[0])) {
      cut(pos, line_number);
    }
    // A line bigger than a piece: between words.
    if (!in_block && line.size() > piece_bytes) {
      LineCuts::find(line, pos - piece_start, piece_bytes,
                     [&](std::size_t at) { cut(pos + at, line_number); });
    }
    after_blank = is_blank(line);
    pos = end + 1;
  }
  cut(body.size(), line_number);
  return pieces;
}

}  // namespace kith::loaders
