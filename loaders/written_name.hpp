// A person's name as notes write it, cleaned for resolution: `@Dana Whitlock`, `[[Wen Li|Wen]]`,
// `Soo-ah (Unknown last name)`, `Sam (Samuel Ortiz)`, `Kerr, Tobias`, `Dr. Ines Araújo`,
// `@Myself`, `@TBD`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kith::loaders {

struct WrittenName {
  std::string name;   // the name to resolve: "Samuel Ortiz" for "Sam (Samuel Ortiz)"
  std::string alias;  // another spelling written with it: "Sam"; empty if none
  std::string note;   // a parenthetical that is not a name: "Contoso", "chief scientist"
  bool last_name_unknown = false;  // "(Unknown last name)", "(last name unknown)", "(?)"
  bool myself = false;             // "Myself", "me": the vault's owner
  bool nobody = false;             // "TBD", "nobody", "unassigned"
};

// nullopt when the text holds no name at all (empty, digits only, punctuation, an address).
std::optional<WrittenName> parse_written_name(std::string_view text);

// True when the text looks like a person's full or first name: 1 to 5 words, each starting
// with a capital letter (or a lowercase particle such as "van", "de", "bin" between them),
// no digits.
bool looks_like_person_name(std::string_view text);

}  // namespace kith::loaders
