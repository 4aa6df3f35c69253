#include "loaders/wikilink.hpp"

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

std::string_view without_md(std::string_view target) {
  if (target.size() > 3 && target.substr(target.size() - 3) == ".md") target.remove_suffix(3);
  return target;
}

// "scheme:" as RFC 3986 spells it: a letter, then letters, digits, '+', '-', '.'.
bool has_url_scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(url[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = url[i];
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

doc::Link parse_wikilink(std::string_view inside, bool embed, std::uint32_t line) {
  doc::Link link;
  link.embed = embed;
  link.wiki = true;
  link.line = line;
  std::string_view target = inside;
  std::string_view alias;
  if (std::size_t bar = inside.find('|'); bar != std::string_view::npos) {
    target = inside.substr(0, bar);
    alias = trim(inside.substr(bar + 1));
  }
  if (std::size_t hash = target.find('#'); hash != std::string_view::npos) {
    link.heading = std::string(trim(target.substr(hash + 1)));
    target = target.substr(0, hash);
  }
  link.target = std::string(without_md(trim(target)));
  if (!alias.empty()) {
    link.shown = std::string(alias);
  } else if (link.target.empty()) {
    link.shown = link.heading;
  } else {
    link.shown = link.target;
  }
  return link;
}

doc::Link markdown_link(std::string_view url, std::string_view shown, bool image,
                        std::uint32_t line) {
  doc::Link link;
  link.embed = image;
  link.wiki = false;
  link.line = line;
  link.shown = std::string(shown);
  if (has_url_scheme(url)) {
    link.target = std::string(url);
    return link;
  }
  std::string decoded = percent_decode(url);
  std::string_view target = decoded;
  if (std::size_t hash = target.find('#'); hash != std::string_view::npos) {
    link.heading = std::string(target.substr(hash + 1));
    target = target.substr(0, hash);
  }
  link.target = std::string(without_md(target));
  if (link.shown.empty()) link.shown = link.target;
  return link;
}

}  // namespace kith::loaders
