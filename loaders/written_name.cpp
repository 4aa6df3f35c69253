#include "loaders/written_name.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <utf8proc.h>

#include "graph/name_key.hpp"

namespace kith::loaders {

namespace {

std::string_view trim(std::string_view s) {
  const auto junk = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*' || c == '_' || c == '"' ||
           c == '\'' || c == '`';
  };
  while (!s.empty() && junk(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && (junk(s.back()) || s.back() == '.' || s.back() == ',' || s.back() == ';' ||
                        s.back() == ':' || s.back() == '!' || s.back() == '?'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ')
      ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ')
      ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

utf8proc_int32_t first_code_point(std::string_view w) {
  utf8proc_int32_t c = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data()),
                   static_cast<utf8proc_ssize_t>(w.size()), &c);
  return c;
}

bool is_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 19> kParticles = {
      "van", "von", "der", "den",  "de", "da", "di",  "del", "della", "du",
      "la",  "le",  "bin", "bint", "al", "el", "ibn", "abu", "ter"};
  return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}

bool capitalised_or_uncased(std::string_view w) {
  const utf8proc_int32_t c = first_code_point(w);
  if (c < 0) return false;
  const auto category = utf8proc_category(c);
  // Scripts without case (CJK, Arabic, Devanagari) count as capitalised.
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT ||
         category == UTF8PROC_CATEGORY_LO;
}

// "al-Sayed", "el-Amin", "d'Angelo": a particle joined to a capitalised surname is one word.
bool particle_joined(std::string_view w) {
  for (std::string_view joint : {"-", "'", "\xE2\x80\x99"}) {
    const std::size_t at = w.find(joint);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view particle = w.substr(0, at);
    const std::string_view rest = w.substr(at + joint.size());
    // "d" stands only elided, before an apostrophe: never a particle word of its own.
    const bool known = is_particle(particle) || (particle == "d" && joint != "-");
    if (known && !rest.empty() && capitalised_or_uncased(rest)) return true;
  }
  return false;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (std::string_view w : words(s)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool lower_equals(std::string_view a, std::string_view b) {
  return name_tokens_key(a) == name_tokens_key(b);
}

}  // namespace

bool looks_like_person_name(std::string_view text) {
  const std::vector<std::string_view> ws = words(trim(text));
  if (ws.empty() || ws.size() > 5 || has_digit(text)) return false;
  if (text.find('@') != std::string_view::npos) return false;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (capitalised_or_uncased(ws[i]) || particle_joined(ws[i])) continue;
    if (i + 1 < ws.size() && is_particle(ws[i])) continue;  // "van Dijk", "Anouk de la Cruz"
    return false;
  }
  return !name_key(text).empty();
}

std::optional<WrittenName> parse_written_name(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '@') s = trim(s.substr(1));
  // A wikilink: [[Target]] or [[Target|shown]]; the target names the person.
  if (s.size() >= 4 && s.substr(0, 2) == "[[" && s.substr(s.size() - 2) == "]]") {
    s = s.substr(2, s.size() - 4);
    if (const auto bar = s.find('|'); bar != std::string_view::npos) s = s.substr(0, bar);
    if (const auto hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
    s = trim(s);
  }
  if (s.empty() || s.find('@') != std::string_view::npos) return std::nullopt;

  WrittenName out;
  const std::string key = name_tokens_key(s);
  if (key == "myself" || key == "me") {
    out.myself = true;
    return out;
  }
  if (key == "tbd" || key == "nobody" || key == "unassigned" || key == "tba" || key == "none") {
    out.nobody = true;
    return out;
  }

  std::string_view outside = s;
  std::string_view inside;
  bool parenthesis = false;
  if (const auto open = s.find('('); open != std::string_view::npos) {
    parenthesis = true;
    const auto close = s.find(')', open);
    inside = trim(s.substr(open + 1, close == std::string_view::npos ? s.npos : close - open - 1));
    outside = trim(s.substr(0, open));
    if (outside.empty()) return std::nullopt;
  }

  // "Kerr, Tobias": Outlook's order, turned round. Only when both sides are short names.
  std::string flipped;
  if (const auto comma = outside.find(',');
      comma != std::string_view::npos && outside.find(',', comma + 1) == std::string_view::npos) {
    const std::string_view last = trim(outside.substr(0, comma));
    const std::string_view first = trim(outside.substr(comma + 1));
    if (words(last).size() <= 2 && words(first).size() <= 2 && looks_like_person_name(last) &&
        looks_like_person_name(first)) {
      flipped = std::string(first) + " " + std::string(last);
      outside = flipped;
    } else {
      outside = trim(outside.substr(0, comma));  // "Nikhil Rao, Director": keep the name
    }
  }

  // Honorifics go: they are not part of the name anyone else writes.
  std::vector<std::string_view> ws = words(outside);
  while (ws.size() > 1) {
    const std::string k = name_key(ws.front());
    if (k == "dr" || k == "mr" || k == "mrs" || k == "ms" || k == "mx" || k == "prof" ||
        k == "sir" || k == "dame") {
      ws.erase(ws.begin());
    } else {
      break;
    }
  }
  std::string name;
  for (std::string_view w : ws) {
    if (!name.empty()) name += ' ';
    name += w;
  }
  if (name.empty() || has_digit(name) || name_key(name).empty()) return std::nullopt;

  if (parenthesis && name_key(inside).empty()) out.last_name_unknown = true;  // "Soo-ah (?)"
  if (!inside.empty()) {
    const std::string inside_key = name_tokens_key(inside);
    const bool unknown = inside_key.find("unknown") != std::string::npos ||
                         inside_key.find("unsure") != std::string::npos || inside_key.empty() ||
                         inside_key == "tbc" || inside_key == "tbd";
    if (unknown) {
      out.last_name_unknown = true;
    } else if (looks_like_person_name(inside) && ws.size() == 1 && words(inside).size() >= 2) {
      // "Sam (Samuel Ortiz)": the parenthesis gives the full name.
      out.name = collapse_spaces(inside);
      out.alias = name;
      return out;
    } else if (looks_like_person_name(inside) && ws.size() >= 2 && words(inside).size() >= 2 &&
               !lower_equals(inside, name)) {
      // "Jonas Eriksson (Jónas Eiríksson)": another spelling of the same name.
      out.alias = collapse_spaces(inside);
    } else if (looks_like_person_name(inside) && words(inside).size() == 1 && ws.size() >= 2 &&
               name_key(ws.front()).rfind(name_key(inside), 0) == 0) {
      // "Samuel Ortiz (Sam)": a short form of the first name.
      out.alias = collapse_spaces(inside);
    } else {
      out.note = collapse_spaces(inside);
    }
  }
  out.name = std::move(name);
  return out;
}

}  // namespace kith::loaders
