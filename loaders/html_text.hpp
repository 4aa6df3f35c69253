// The readable text of an HTML mail body.
#pragma once

#include <string>
#include <string_view>

namespace kith::loaders {

// Tags dropped, block elements and <br> made line breaks, entities decoded, script and style
// left out; text inside <blockquote> gets one "> " per level, so quoted replies read like
// plain-text quotes.
std::string html_to_text(std::string_view html);

}  // namespace kith::loaders
