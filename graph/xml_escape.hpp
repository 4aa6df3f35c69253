// Text as XML character data, shared by GraphML and the HTML-like labels of org charts.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// `text` escaped for element text, or with `in_attribute` for a double-quoted attribute, where
// newlines and tabs must be references to survive attribute-value normalisation. XML 1.0
// cannot carry most control characters even as references, so those (and invalid UTF-8,
// U+FFFE, U+FFFF) become U+FFFD.
std::string xml_escaped(std::string_view text, bool in_attribute = false);

}  // namespace kith
