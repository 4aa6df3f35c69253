#include "loaders/flattened_export.hpp"

#include <algorithm>
#include <array>

#include "loaders/email_date.hpp"

namespace kith::loaders {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::size_t skip_spaces(std::string_view s, std::size_t i, std::size_t end) {
  while (i < end && is_space(s[i]))
    ++i;
  return i;
}

// "Re: ", "RE: ", "Fwd: ", "FW: ", "AW: ", "WG: " repeated.
std::size_t skip_reply_prefixes(std::string_view s, std::size_t i) {
  static constexpr std::array<std::string_view, 11> kPrefixes = {
      "Re:", "RE:", "re:", "Fwd:", "FWD:", "Fw:", "FW:", "AW:", "Aw:", "WG:", "Wg:"};
  for (bool found = true; found;) {
    found = false;
    for (auto p : kPrefixes) {
      if (s.substr(i, p.size()) == p) {
        i = skip_spaces(s, i + p.size(), s.size());
        found = true;
      }
    }
  }
  return i;
}

// Where a subject starting at `start` ends when it repeats the thread's title (with or without
// reply prefixes), else npos.
std::size_t end_of_title_subject(std::string_view line, std::size_t start, std::size_t end,
                                 std::string_view title) {
  std::size_t core_start = skip_reply_prefixes(title, 0);
  std::string_view core = title.substr(core_start);
  while (!core.empty() && is_space(core.back()))
    core.remove_suffix(1);
  if (core.empty()) return npos;
  std::size_t p = skip_reply_prefixes(line, skip_spaces(line, start, end));
  if (p + core.size() <= end && line.substr(p, core.size()) == core) return p + core.size();
  return npos;
}

// The '>' that starts a quoted line, as opposed to one closing an address or an arrow.
// In a flattened body the marker follows the previous line's last character directly
// ("this?> We're"), or follows another marker after spaces ("> > ").
std::vector<std::size_t> quote_markers(std::string_view s, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> out;
  std::size_t open_angle = npos;
  std::size_t last_marker_end = begin;  // a marker may open the body
  for (std::size_t i = begin; i < end; ++i) {
    char c = s[i];
    if (c == '<') {
      open_angle = i;
      continue;
    }
    if (c != '>') continue;
    if (open_angle != npos) {
      std::string_view inside = s.substr(open_angle + 1, i - open_angle - 1);
      open_angle = npos;
      if (inside.find(' ') == npos) continue;  // closes <addr> or "<>"
    }
    if (i + 1 < end && s[i + 1] != ' ') continue;
    bool marker;
    if (i == begin) {
      marker = true;
    } else if (is_space(s[i - 1])) {
      marker = last_marker_end != npos && skip_spaces(s, last_marker_end, i) == i;
    } else {
      char p = s[i - 1];
      marker = p != '-' && p != '=' && p != '<';
    }
    if (marker) {
      out.push_back(i);
      last_marker_end = i + 1;
    }
  }
  return out;
}

std::size_t find_in(std::string_view s, std::string_view needle, std::size_t from,
                    std::size_t end) {
  if (from >= end) return npos;
  std::size_t p = s.substr(0, end).find(needle, from);  // never past `end`: keeps the split linear
  return p;
}

// Past the quote markers that open a piece: a cut there would part a line from its marker.
std::size_t content_start(std::string_view s, std::size_t i, std::size_t end) {
  while (i < end && (s[i] == '>' || is_space(s[i])))
    ++i;
  return i;
}

// Outlook header fields glued to each other and to the text before them.
void cut_header_block(std::string_view s, std::size_t begin, std::size_t end,
                      std::string_view title, std::vector<std::size_t>& cuts) {
  begin = content_start(s, begin, end);
  std::size_t from = begin;
  while (true) {
    std::size_t f = find_in(s, "From: ", from, end);
    if (f == npos) return;
    std::size_t window = std::min(end, f + 500);
    std::size_t when = std::min(find_in(s, "Sent: ", f, window), find_in(s, "Date: ", f, window));
    if (when == npos) {
      from = f + 6;
      continue;
    }
    if (f > begin) cuts.push_back(f);
    cuts.push_back(when);
    std::size_t pos = when;
    for (std::string_view label : {"To: ", "Cc: ", "Subject: "}) {
      std::size_t q = find_in(s, label, pos, std::min(end, pos + 2000));
      if (q == npos) continue;
      cuts.push_back(q);
      pos = q;
      if (label == "Subject: ") {
        std::size_t subject_end = end_of_title_subject(s, q + label.size(), end, title);
        if (subject_end != npos && subject_end < end) cuts.push_back(subject_end);
      }
    }
    from = pos + 1;
  }
}

// "On <date>, Name <addr> wrote:" glued to the text around it.
void cut_attributions(std::string_view s, std::size_t begin, std::size_t end,
                      std::vector<std::size_t>& cuts) {
  begin = content_start(s, begin, end);
  for (std::size_t w = find_in(s, "wrote:", begin, end); w != npos;
       w = find_in(s, "wrote:", w + 6, end)) {
    std::size_t window = w > begin + 300 ? w - 300 : begin;
    std::size_t best = npos;
    for (std::size_t o = find_in(s, "On ", window, w); o != npos; o = find_in(s, "On ", o + 1, w)) {
      if (parse_email_date(s.substr(o + 3, w - o - 3)).consumed > 0) best = o;
    }
    if (best == npos) continue;
    if (best > begin) cuts.push_back(best);
    if (w + 6 < end) cuts.push_back(w + 6);
  }
}

}  // namespace

bool starts_with_message_header(std::string_view line) {
  // "## 2025-12-18 16:02"
  constexpr std::string_view kShape = "## dddd-dd-dd dd:dd";
  if (line.size() < kShape.size()) return false;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    if (kShape[i] == 'd' ? !is_digit(line[i]) : line[i] != kShape[i]) return false;
  }
  return true;
}

std::size_t find_message_header(std::string_view text, std::size_t from) {
  for (std::size_t p = text.find("## ", from); p != npos; p = text.find("## ", p + 1)) {
    if (starts_with_message_header(text.substr(p))) return p;
  }
  return npos;
}

std::string_view flattened_export_title(std::string_view line) {
  if (line.substr(0, 2) != "# ") return {};
  std::size_t end = std::min({line.find("- Exported: "), line.find("- Messages: "),
                              find_message_header(line), line.size()});
  std::string_view title = line.substr(2, end - 2);
  if (title.size() >= 3 && title.substr(title.size() - 3) == "---") title.remove_suffix(3);
  while (!title.empty() && is_space(title.back()))
    title.remove_suffix(1);
  return title;
}

FlattenedLines split_flattened_export(std::string_view line, std::string_view title) {
  if (title.empty()) title = flattened_export_title(line);
  std::vector<std::size_t> headers;
  for (std::size_t h = find_message_header(line); h != npos; h = find_message_header(line, h + 1)) {
    headers.push_back(h);
  }

  std::vector<std::size_t> cuts;
  std::size_t preamble_end = headers.empty() ? line.size() : headers.front();
  for (std::string_view marker : {"- Exported: ", "- Messages: "}) {
    std::size_t p = find_in(line, marker, 0, preamble_end);
    if (p != npos) cuts.push_back(p);
  }
  // Each message ends where the `---` before the next header (or at the very end) starts.
  std::vector<std::size_t> ends;
  for (std::size_t k = 0; k < headers.size(); ++k) {
    std::size_t h = headers[k];
    cuts.push_back(h);
    std::size_t rule = h >= 3 && line.substr(h - 3, 3) == "---" ? h - 3 : h;
    cuts.push_back(rule);
    if (k > 0) ends.push_back(rule);
  }
  std::size_t last = line.size();
  while (last > 0 && is_space(line[last - 1]))
    --last;
  std::size_t tail = last >= 3 && line.substr(last - 3, 3) == "---" ? last - 3 : line.size();
  if (tail != line.size()) cuts.push_back(tail);
  ends.push_back(tail);

  FlattenedLines out;
  for (std::size_t k = 0; k < headers.size(); ++k) {
    std::size_t h = headers[k];
    std::size_t end = std::max(ends[k], h);
    std::size_t body = npos;
    std::size_t subject = find_in(line, "**Subject:**", h, end);
    std::vector<std::size_t> markers;
    if (subject != npos) {
      cuts.push_back(subject);
      std::size_t value = subject + 12;
      body = end_of_title_subject(line, value, end, title);
      if (body == npos) {
        markers = quote_markers(line, value, end);
        if (!markers.empty()) {
          body = markers.front();
        } else {
          ++out.unsplit_subjects;
          body = end;
        }
      }
      // Other bold header fields (**To:**, **Cc:**) between the header and the body.
      for (std::string_view label : {"**To:**", "**Cc:**", "**From:**", "**Date:**"}) {
        std::size_t p = find_in(line, label, h, body);
        if (p != npos) cuts.push_back(p);
      }
    } else {
      // No subject line: the header ends with the sender's <address>.
      std::size_t close = find_in(line, ">", h, end);
      body = close == npos ? end : close + 1;
    }
    cuts.push_back(body);
    markers = quote_markers(line, body, end);
    cuts.insert(cuts.end(), markers.begin(), markers.end());
    // Each quoted line may still hold a header block or an attribution.
    markers.push_back(end);
    std::size_t piece = body;
    for (std::size_t m : markers) {
      cut_header_block(line, piece, m, title, cuts);
      cut_attributions(line, piece, m, cuts);
      piece = m;
    }
  }

  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::size_t start = 0;
  cuts.push_back(line.size());
  for (std::size_t c : cuts) {
    if (c <= start || c > line.size()) continue;
    out.lines.push_back(line.substr(start, c - start));
    start = c;
  }
  return out;
}

}  // namespace kith::loaders
