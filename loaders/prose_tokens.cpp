#include "loaders/prose_tokens.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <utility>

#include "loaders/utf8_validate.hpp"

namespace kith::loaders {

namespace {

using Range = std::pair<std::uint32_t, std::uint32_t>;  // [begin, end) bytes

constexpr std::size_t kMaxLinkBytes = 400;

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

utf8proc_category_t category(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return is_ascii_upper(static_cast<char>(c)) || is_ascii_lower(static_cast<char>(c)) ||
           is_ascii_digit(static_cast<char>(c));
  }
  switch (category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool is_letter(char32_t c) {
  const auto cat = category(c);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
         cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == 0x202F;
}

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019;
}

char32_t code_point_at(std::string_view text, std::size_t pos, std::size_t* length) {
  if (pos >= text.size()) {
    *length = 0;
    return 0;
  }
  const auto step = decode_utf8(text, pos);
  *length = step.length;
  return step.code_point;
}

// [[Target#Heading|shown]] -> what Obsidian shows: the alias, else the note name without its
// folder, else the heading.
std::string_view shown_text(std::string_view inside) {
  if (const auto bar = inside.find('|'); bar != std::string_view::npos)
    return inside.substr(bar + 1);
  std::string_view target = inside;
  std::string_view heading;
  if (const auto hash = target.find('#'); hash != std::string_view::npos) {
    heading = target.substr(hash + 1);
    target = target.substr(0, hash);
  }
  if (const auto slash = target.rfind('/'); slash != std::string_view::npos)
    target = target.substr(slash + 1);
  if (target.size() > 3 && target.substr(target.size() - 3) == ".md") target.remove_suffix(3);
  return target.empty() ? heading : target;
}

// Links to their shown text, emphasis and '@' before a name dropped.
std::string clean_markup(std::string_view in, std::vector<Range>& links) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const char c = in[i];
    const bool embed = c == '!' && in.substr(i + 1, 2) == "[[";
    if (embed || in.substr(i, 2) == "[[") {
      const std::size_t open = i + (embed ? 3 : 2);
      const auto close = in.find("]]", open);
      const auto newline = in.find('\n', open);
      if (close != std::string_view::npos && close - open <= kMaxLinkBytes &&
          (newline == std::string_view::npos || newline > close)) {
        const auto shown = shown_text(in.substr(open, close - open));
        const auto begin = static_cast<std::uint32_t>(out.size());
        for (char s : shown) {
          if (s != '*' && s != '`') out.push_back(s);
        }
        links.emplace_back(begin, static_cast<std::uint32_t>(out.size()));
        i = close + 2;
        continue;
      }
    }
    if (c == '[') {
      // [shown](url) -> shown
      const auto close = in.find(']', i + 1);
      if (close != std::string_view::npos && close - i <= kMaxLinkBytes && close + 1 < in.size() &&
          in[close + 1] == '(') {
        const auto paren = in.find(')', close + 2);
        if (paren != std::string_view::npos && paren - close <= kMaxLinkBytes &&
            in.substr(close + 2, paren - close - 2).find(' ') == std::string_view::npos) {
          out.append(in.substr(i + 1, close - i - 1));
          i = paren + 1;
          continue;
        }
      }
    }
    if (c == '*' || c == '`') {
      ++i;
      continue;
    }
    if ((c == '~' || c == '=') && i + 1 < in.size() && in[i + 1] == c) {
      i += 2;
      continue;
    }
    if (c == '@' && i + 1 < in.size() &&
        (out.empty() || is_space_byte(out.back()) || out.back() == '(')) {
      const char n = in[i + 1];
      if (is_ascii_upper(n) || (static_cast<unsigned char>(n) >= 0x80)) {
        ++i;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

bool inside_link(const std::vector<Range>& links, std::size_t pos) {
  for (const auto& [b, e] : links) {
    if (pos > b && pos < e) return true;
  }
  return false;
}

// The word ending just before `pos` (ASCII letters only), for the abbreviation test.
std::string_view word_before(std::string_view text, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 &&
         (is_ascii_upper(text[b - 1]) || is_ascii_lower(text[b - 1]) || text[b - 1] == '.'))
    --b;
  return text.substr(b, pos - b);
}

bool is_abbreviation(std::string_view w) {
  if (w.size() == 1 && is_ascii_upper(w[0])) return true;  // an initial: "W. Li"
  for (std::string_view a : {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "e.g", "i.e",
                             "approx", "dept", "no"}) {
    if (same_word(w, a)) return true;
  }
  return false;
}

// Where one sentence ends and the next begins, as byte ranges of `text`.
std::vector<Range> sentence_ranges(std::string_view text, const std::vector<Range>& links) {
  std::vector<Range> out;
  std::size_t start = 0;
  int parentheses = 0;  // a ';' inside "(...; ...)" separates parts of one parenthetical
  auto cut = [&](std::size_t end, std::size_t next) {
    if (end > start) out.emplace_back(start, end);
    start = next;
    parentheses = 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') {
      ++parentheses;
    } else if (c == ')') {
      parentheses = parentheses > 0 ? parentheses - 1 : 0;
    } else if (c == '\n' || (c == ';' && parentheses == 0)) {
      if (!inside_link(links, i)) cut(i, i + 1);
    } else if (c == '>') {
      const char prev = i > 0 ? text[i - 1] : ' ';
      if (prev != '<' && prev != '-' && prev != '=' && !inside_link(links, i)) cut(i, i + 1);
    } else if (c == '.' || c == '!' || c == '?') {
      const bool at_end = i + 1 >= text.size();
      if (!at_end && !is_space_byte(text[i + 1]) && text[i + 1] != '>') continue;
      if (inside_link(links, i)) continue;
      if (c == '.' && is_abbreviation(word_before(text, i))) continue;
      std::size_t n = i + 1;
      while (n < text.size() && is_space_byte(text[n]))
        ++n;
      if (n < text.size() && is_ascii_lower(text[n])) continue;
      cut(i, i + 1);
    } else if (is_ascii_digit(c) && (i == 0 || is_space_byte(text[i - 1]))) {
      // "1) The final decision ... 2) Ian can't be trusted": enumerators start sentences.
      std::size_t j = i;
      while (j < text.size() && j - i < 2 && is_ascii_digit(text[j]))
        ++j;
      if (j < text.size() && text[j] == ')' &&
          (j + 1 >= text.size() || is_space_byte(text[j + 1])) && i > start) {
        cut(i, i);
      }
    }
  }
  cut(text.size(), text.size());
  return out;
}

// Bullets and enumerators that open a list item: "- ", "* ", "• ", "1. ", "2) ".
std::size_t skip_bullet(std::string_view s) {
  std::size_t i = 0;
  for (int rounds = 0; rounds < 4; ++rounds) {
    while (i < s.size() && is_space_byte(s[i]))
      ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+') && i + 1 < s.size() &&
        is_space_byte(s[i + 1])) {
      i += 2;
      continue;
    }
    if (s.substr(i, 4) == "\xE2\x80\xA2 ") {
      i += 4;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && j - i < 3 && is_ascii_digit(s[j]))
      ++j;
    if (j > i && j + 1 < s.size() && (s[j] == '.' || s[j] == ')') && is_space_byte(s[j + 1])) {
      i = j + 2;
      continue;
    }
    break;
  }
  return i;
}

void tokenize(ProseSentence& s, const std::vector<Range>& links) {
  const std::string_view text = s.text;
  bool single_quote_open = false;
  std::size_t len = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = code_point_at(text, i, &len);
    if (is_space(c)) {
      i += len;
      continue;
    }
    ProseToken t;
    t.begin = static_cast<std::uint32_t>(i);
    if (!is_word_char(c)) {
      t.size = static_cast<std::uint32_t>(len);
      if (c == '\'') single_quote_open = !single_quote_open;
      s.tokens.push_back(t);
      i += len;
      continue;
    }
    t.word = true;
    const auto cat = category(c);
    t.capitalised =
        cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO;
    std::size_t j = i + len;
    std::size_t end = j;
    if (c < 0x80 && is_ascii_upper(static_cast<char>(c)) && j < text.size() && text[j] == '.' &&
        (j + 1 >= text.size() || !is_word_char(code_point_at(text, j + 1, &len)))) {
      end = j + 1;  // an initial keeps its period: "W. Li"
      j = end;
    } else {
      while (j < text.size()) {
        const char32_t d = code_point_at(text, j, &len);
        if (is_word_char(d)) {
          j += len;
          end = j;
          continue;
        }
        std::size_t next_len = 0;
        const char32_t after = code_point_at(text, j + len, &next_len);
        if (is_apostrophe(d)) {
          if ((after == 's' || after == 'S') &&
              !is_word_char(code_point_at(text, j + len + next_len, &next_len))) {
            t.possessive = true;
            j += len + 1;
            break;
          }
          if (next_len > 0 && is_letter(after)) {
            j += len;
            continue;  // O'Brien, don't
          }
          if (d == '\'' && !single_quote_open && (text[end - 1] == 's' || text[end - 1] == 'S') &&
              t.capitalised) {
            t.possessive = true;  // "James' manager"
            j += len;
          }
          break;
        }
        if (d == '-' && next_len > 0 && is_word_char(after)) {
          j += len;
          continue;  // Soo-ah, al-Rashid
        }
        break;
      }
    }
    t.size = static_cast<std::uint32_t>(end - i);
    std::size_t letters = 0;
    bool caps = true;
    for (std::size_t k = i; k < end; ++k) {
      const char b = text[k];
      if (is_ascii_upper(b)) {
        ++letters;
      } else if (is_ascii_lower(b) || static_cast<unsigned char>(b) >= 0x80) {
        caps = false;
      }
    }
    t.all_caps = caps && letters >= 2;
    for (std::size_t l = 0; l < links.size(); ++l) {
      if (t.begin >= links[l].first && t.begin < links[l].second) {
        t.link = static_cast<int>(l);
        break;
      }
    }
    s.tokens.push_back(t);
    i = j;
  }
}

}  // namespace

bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (is_ascii_upper(x)) x = static_cast<char>(x - 'A' + 'a');
    if (is_ascii_upper(y)) y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::vector<ProseSentence> split_prose(std::string_view prose, bool (*keep)(std::string_view)) {
  std::vector<Range> links;
  const std::string clean = clean_markup(prose, links);
  std::vector<ProseSentence> out;
  for (auto [b, e] : sentence_ranges(clean, links)) {
    while (b < e) {
      std::string_view piece = std::string_view(clean).substr(b, e - b);
      b += static_cast<std::uint32_t>(skip_bullet(piece));
      std::uint32_t end = e;
      if (end - b > kMaxSentenceBytes) {
        end = b + static_cast<std::uint32_t>(kMaxSentenceBytes);
        while (end > b + kMaxSentenceBytes / 2 && !is_space_byte(clean[end]))
          --end;
      }
      std::vector<Range> local;
      for (const auto& [lb, le] : links) {
        if (lb >= b && le <= end) local.emplace_back(lb - b, le - b);
      }
      ProseSentence s;
      s.text = clean.substr(b, end - b);
      s.question = end < clean.size() && clean[end] == '?';
      if (keep != nullptr && !keep(s.text)) {
        b = end;
        continue;
      }
      s.folded = s.text;
      for (char& c : s.folded) {
        if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
      }
      tokenize(s, local);
      if (!s.tokens.empty()) out.push_back(std::move(s));
      b = end;
    }
  }
  return out;
}

}  // namespace kith::loaders
