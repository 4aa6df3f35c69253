#include "loaders/email_address.hpp"

#include <string>

namespace kith::loaders {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return lower_ascii(s.substr(0, prefix.size())) == prefix;
}

// `mailto:a@b`, `[a@b](mailto:a@b)` (Markdown exports link addresses) and `a@b` all give a@b.
std::string clean_address(std::string_view a) {
  a = trim(a);
  if (!a.empty() && a.front() == '[') {
    std::size_t target = a.find("](");
    if (target != std::string_view::npos) {
      std::string_view inner = a.substr(target + 2);
      if (!inner.empty() && inner.back() == ')') inner.remove_suffix(1);
      a = inner;
    } else {
      a = a.substr(1);
      if (!a.empty() && a.back() == ']') a.remove_suffix(1);
    }
  }
  if (starts_with_ci(a, "mailto:")) a.remove_prefix(7);
  return lower_ascii(trim(a));
}

std::string clean_name(std::string_view n) {
  n = trim(n);
  if (n.size() >= 2 &&
      ((n.front() == '"' && n.back() == '"') || (n.front() == '\'' && n.back() == '\''))) {
    n = trim(n.substr(1, n.size() - 2));
  }
  std::string out;
  out.reserve(n.size());
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (n[i] == '\\' && i + 1 < n.size()) ++i;  // "Dana \"DW\" Whitlock"
    out += n[i];
  }
  return out;
}

bool is_address(std::string_view s) {
  std::size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() &&
         s.find(' ') == std::string_view::npos;
}

// A single word without '@': the `Last` of an unquoted `Last, First <addr>`.
bool is_single_word(std::string_view s) {
  s = trim(s);
  return !s.empty() && s.find(' ') == std::string_view::npos &&
         s.find('@') == std::string_view::npos && s.find('<') == std::string_view::npos;
}

}  // namespace

doc::EmailAddress parse_email_address(std::string_view text) {
  text = trim(text);
  doc::EmailAddress out;
  // `Name <addr>` and Outlook's `Name [mailto:addr]`: the last bracketed part holding an '@'
  // is the address (a name may itself contain brackets).
  for (auto [open, close] : {std::pair{'<', '>'}, std::pair{'[', ']'}}) {
    std::size_t end = text.rfind(close);
    if (end == std::string_view::npos) continue;
    std::size_t start = text.rfind(open, end);
    if (start == std::string_view::npos) continue;
    std::string_view inner = text.substr(start + 1, end - start - 1);
    if (inner.find('@') == std::string_view::npos) continue;
    if (open == '[' && end + 1 < text.size() && text[end + 1] == '(') continue;
    out.address = clean_address(inner);
    out.name = clean_name(text.substr(0, start));
    if (lower_ascii(out.name) == out.address) out.name.clear();
    return out;
  }
  // `addr (Name)`, the old RFC 822 form.
  std::size_t space = text.find(' ');
  if (space != std::string_view::npos && is_address(text.substr(0, space))) {
    std::string_view rest = trim(text.substr(space));
    if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
      out.address = clean_address(text.substr(0, space));
      out.name = clean_name(rest.substr(1, rest.size() - 2));
      return out;
    }
  }
  std::string address = clean_address(text);
  if (is_address(address)) {
    out.address = std::move(address);
  } else {
    out.name = clean_name(text);
  }
  return out;
}

std::vector<doc::EmailAddress> parse_address_list(std::string_view text) {
  // Find the top-level separators first, then decide which of ',' and ';' split.
  std::vector<std::pair<std::size_t, char>> seps;
  bool in_quotes = false;
  int angle = 0, square = 0, round = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && in_quotes) {
      ++i;
    } else if (c == '"') {
      in_quotes = !in_quotes;
    } else if (in_quotes) {
      continue;
    } else if (c == '<') {
      ++angle;
    } else if (c == '>' && angle > 0) {
      --angle;
    } else if (c == '[') {
      ++square;
    } else if (c == ']' && square > 0) {
      --square;
    } else if (c == '(') {
      ++round;
    } else if (c == ')' && round > 0) {
      --round;
    } else if ((c == ',' || c == ';') && angle == 0 && square == 0 && round == 0) {
      seps.emplace_back(i, c);
    }
  }
  bool semicolons = false;
  for (auto [pos, c] : seps)
    semicolons = semicolons || c == ';';

  std::vector<std::string_view> pieces;
  std::vector<char> after;  // the separator after each piece, 0 for the last
  std::size_t start = 0;
  for (auto [pos, c] : seps) {
    pieces.push_back(text.substr(start, pos - start));
    after.push_back(c);
    start = pos + 1;
  }
  pieces.push_back(text.substr(start));
  after.push_back(0);

  std::vector<doc::EmailAddress> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    std::string_view piece = trim(pieces[i]);
    if (piece.empty()) continue;
    if (after[i] == ',' && is_single_word(piece)) {
      // `Feld, Marcus <marcus@x>`, or `Feld, Marcus; Brook, Elan` where ';' parts people.
      std::string_view next = trim(pieces[i + 1]);
      std::size_t bracket = next.find('<');
      bool last_first_with_address = bracket != std::string_view::npos && bracket > 0 &&
                                     is_single_word(next.substr(0, bracket));
      bool last_first_alone = semicolons && is_single_word(next) && after[i + 1] != ',';
      if (last_first_with_address || last_first_alone) {
        doc::EmailAddress joined = parse_email_address(next);
        joined.name = std::string(piece) + ", " + joined.name;
        out.push_back(std::move(joined));
        ++i;
        continue;
      }
    }
    out.push_back(parse_email_address(piece));
  }
  return out;
}

}  // namespace kith::loaders
