// Values as openCypher literals, in the exact form the TCK expects in its result tables.
#include <charconv>
#include <cmath>
#include <string>

#include <utf8proc.h>

#include "graph/value.hpp"

namespace kith {
namespace {

// The TCK writes floats as JavaScript's Number#toString does (shortest digits that read back
// to the same double; plain notation for exponents -7 < e < 21, else 1e308 style), but always
// with a fractional part in plain notation (1.0, 1000000000.0) and no '+' in the exponent.
// std::to_chars gives the shortest digits; the layout is done here.
void append_float(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-Infinity" : "Infinity";
    return;
  }
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
  std::string_view text(buffer, result.ptr - buffer);  // e.g. "-1.2345e+05"
  if (!text.empty() && text[0] == '-') {
    out += '-';
    text.remove_prefix(1);
  }
  const std::size_t e_pos = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e_pos)) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  std::string_view exponent_text = text.substr(e_pos + 1);
  if (exponent_text[0] == '+') exponent_text.remove_prefix(1);
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);

  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // the value is 0.<digits> * 10^n
  if (k <= n && n <= 21) {
    out += digits;
    out.append(n - k, '0');
    out += ".0";
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, n);
    out += '.';
    out.append(digits, n);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(-n, '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    out += std::to_string(n - 1);
  }
}

void append_string_literal(std::string& out, const std::string& s) {
  out += '\'';
  for (const char c : s) {
    switch (c) {
      case '\'':
        out += "\\'";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '\'';
}

// Whether `key` can be written bare in a map literal: a letter or '_' and then letters,
// digits, marks and connectors, as openCypher's identifier rule (Unicode ID_Start/ID_Continue).
bool is_plain_identifier(const std::string& key) {
  if (key.empty()) return false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(key.data());
  utf8proc_ssize_t remaining = static_cast<utf8proc_ssize_t>(key.size());
  bool first = true;
  while (remaining > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t used = utf8proc_iterate(p, remaining, &cp);
    if (used <= 0) return false;
    p += used;
    remaining -= used;
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool letter = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
                        cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
                        cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_NL || cp == '_';
    const bool continuing = cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_MN ||
                            cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_PC;
    if (!letter && (first || !continuing)) return false;
    first = false;
  }
  return true;
}

void append_key(std::string& out, const std::string& key) {
  if (is_plain_identifier(key)) {
    out += key;
    return;
  }
  out += '`';
  for (const char c : key) {
    if (c == '`') out += '`';  // a backtick inside a quoted name is doubled
    out += c;
  }
  out += '`';
}

void append_value(std::string& out, const Value& v) {
  switch (v.type()) {
    case ValueType::Null:
      out += "null";
      return;
    case ValueType::Bool:
      out += v.as<bool>() ? "true" : "false";
      return;
    case ValueType::Int:
      out += std::to_string(v.as<std::int64_t>());
      return;
    case ValueType::Float:
      append_float(out, v.as<double>());
      return;
    case ValueType::String:
      append_string_literal(out, v.as<std::string>());
      return;
    case ValueType::List: {
      out += '[';
      bool first = true;
      for (const Value& e : v.as<List>()) {
        if (!first) out += ", ";
        first = false;
        append_value(out, e);
      }
      out += ']';
      return;
    }
    case ValueType::Map: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : v.as<Map>()) {
        if (!first) out += ", ";
        first = false;
        append_key(out, key);
        out += ": ";
        append_value(out, value);
      }
      out += '}';
      return;
    }
    case ValueType::Date:
      out += v.as<Date>().to_string();
      return;
    case ValueType::LocalTime:
      out += v.as<LocalTime>().to_string();
      return;
    case ValueType::Time:
      out += v.as<Time>().to_string();
      return;
    case ValueType::LocalDateTime:
      out += v.as<LocalDateTime>().to_string();
      return;
    case ValueType::DateTime:
      out += v.as<DateTime>().to_string();
      return;
    case ValueType::Duration:
      out += v.as<Duration>().to_string();
      return;
    case ValueType::Node:
      out += "(#" + std::to_string(v.as<NodeRef>().id) + ")";
      return;
    case ValueType::Relationship:
      out += "[#" + std::to_string(v.as<RelRef>().id) + "]";
      return;
    case ValueType::Path: {
      const Path& p = v.as<Path>();
      out += '<';
      for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        out += "(#" + std::to_string(p.nodes[i]) + ")";
        if (i < p.rels.size()) out += "-[#" + std::to_string(p.rels[i]) + "]->";
      }
      out += '>';
      return;
    }
  }
}

}  // namespace

std::string to_cypher(const Value& v) {
  std::string out;
  append_value(out, v);
  return out;
}

}  // namespace kith
