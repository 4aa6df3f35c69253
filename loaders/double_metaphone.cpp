#include "loaders/double_metaphone.hpp"

#include <initializer_list>

namespace kith::loaders {

namespace {

// A port of Philips' published C++ reference implementation: the rules and their order are
// his; comments name the words each rule exists for.
class Encoder {
 public:
  explicit Encoder(std::string_view word) {
    for (char c : word) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if ((c >= 'A' && c <= 'Z') || c == ' ') text_ += c;
    }
    length_ = static_cast<int>(text_.size());
    last_ = length_ - 1;
    text_ += "     ";  // lets StringAt look a few letters past the end, as the original does
  }

  PhoneticKey encode() {
    int current = 0;
    if (at(0, 2, {"GN", "KN", "PN", "WR", "PS"})) current += 1;
    if (get(0) == 'X') {  // Xavier
      add("S");
      current += 1;
    }
    while (current < length_)
      current = step(current);
    return {primary_, alternate_};
  }

 private:
  char get(int pos) const { return pos < 0 || pos >= length_ ? '\0' : text_[pos]; }
  bool at(int start, int len, std::initializer_list<std::string_view> options) const {
    if (start < 0 || start >= length_) return false;
    const std::string_view piece = std::string_view(text_).substr(start, len);
    for (std::string_view o : options)
      if (piece == o) return true;
    return false;
  }
  bool vowel(int pos) const {
    const char c = get(pos);
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
  }
  bool slavo_germanic() const {
    const std::string_view t(text_.data(), length_);
    return t.find('W') != t.npos || t.find('K') != t.npos || t.find("CZ") != t.npos;
  }
  void add(std::string_view both) { add(both, both); }
  void add(std::string_view main, std::string_view alt) {
    primary_ += main;
    alternate_ += alt;
  }

  int step(int current);
  int letter_c(int current);
  int letter_g(int current);
  int letter_s(int current);

  std::string text_;
  int length_ = 0;
  int last_ = 0;
  std::string primary_;
  std::string alternate_;
};

int Encoder::step(int current) {
  switch (get(current)) {
    case 'A':
    case 'E':
    case 'I':
    case 'O':
    case 'U':
    case 'Y':
      if (current == 0) add("A");
      return current + 1;
    case 'B':
      add("P");
      return current + (get(current + 1) == 'B' ? 2 : 1);
    case 'C':
      return letter_c(current);
    case 'D':
      if (at(current, 2, {"DG"})) {
        if (at(current + 2, 1, {"I", "E", "Y"})) {  // edge
          add("J");
          return current + 3;
        }
        add("TK");  // Edgar
        return current + 2;
      }
      add("T");
      return current + (at(current, 2, {"DT", "DD"}) ? 2 : 1);
    case 'F':
      add("F");
      return current + (get(current + 1) == 'F' ? 2 : 1);
    case 'G':
      return letter_g(current);
    case 'H':
      // Kept only when first or between vowels.
      if ((current == 0 || vowel(current - 1)) && vowel(current + 1)) {
        add("H");
        return current + 2;
      }
      return current + 1;
    case 'J':
      if (at(current, 4, {"JOSE"}) || at(0, 4, {"SAN "})) {  // Spanish: Jose, San Jacinto
        // Reads into the padding on purpose: "Jose" alone ends in a space there.
        if ((current == 0 && text_[current + 4] == ' ') || at(0, 4, {"SAN "}))
          add("H");
        else
          add("J", "H");
        return current + 1;
      }
      if (current == 0 && !at(current, 4, {"JOSE"})) {
        add("J", "A");  // Yankelovich / Jankelowicz
      } else if (vowel(current - 1) && !slavo_germanic() &&
                 (get(current + 1) == 'A' || get(current + 1) == 'O')) {
        add("J", "H");  // Spanish: bajador
      } else if (current == last_) {
        add("J", "");
      } else if (!at(current + 1, 1, {"L", "T", "K", "S", "N", "M", "B", "Z"}) &&
                 !at(current - 1, 1, {"S", "K", "L"})) {
        add("J");
      }
      return current + (get(current + 1) == 'J' ? 2 : 1);
    case 'K':
      add("K");
      return current + (get(current + 1) == 'K' ? 2 : 1);
    case 'L':
      if (get(current + 1) == 'L') {
        // Spanish: Cabrillo, Gallegos.
        if ((current == length_ - 3 && at(current - 1, 4, {"ILLO", "ILLA", "ALLE"})) ||
            ((at(last_ - 1, 2, {"AS", "OS"}) || at(last_, 1, {"A", "O"})) &&
             at(current - 1, 4, {"ALLE"}))) {
          add("L", "");
          return current + 2;
        }
        add("L");
        return current + 2;
      }
      add("L");
      return current + 1;
    case 'M':
      add("M");
      if ((at(current - 1, 3, {"UMB"}) &&
           (current + 1 == last_ || at(current + 2, 2, {"ER"}))) ||  // dumb, thumb
          get(current + 1) == 'M')
        return current + 2;
      return current + 1;
    case 'N':
      add("N");
      return current + (get(current + 1) == 'N' ? 2 : 1);
    case 'P':
      if (get(current + 1) == 'H') {
        add("F");
        return current + 2;
      }
      add("P");
      return current + (at(current + 1, 1, {"P", "B"}) ? 2 : 1);  // Campbell, raspberry
    case 'Q':
      add("K");
      return current + (get(current + 1) == 'Q' ? 2 : 1);
    case 'R':
      // French: Rogier, but not Hochmeier.
      if (current == last_ && !slavo_germanic() && at(current - 2, 2, {"IE"}) &&
          !at(current - 4, 2, {"ME", "MA"}))
        add("", "R");
      else
        add("R");
      return current + (get(current + 1) == 'R' ? 2 : 1);
    case 'S':
      return letter_s(current);
    case 'T':
      if (at(current, 4, {"TION"})) {
        add("X");
        return current + 3;
      }
      if (at(current, 3, {"TIA", "TCH"})) {
        add("X");
        return current + 3;
      }
      if (at(current, 2, {"TH"}) || at(current, 3, {"TTH"})) {
        // Thomas, Thames, or Germanic.
        if (at(current + 2, 2, {"OM", "AM"}) || at(0, 4, {"VAN ", "VON "}) || at(0, 3, {"SCH"}))
          add("T");
        else
          add("0", "T");
        return current + 2;
      }
      add("T");
      return current + (at(current + 1, 1, {"T", "D"}) ? 2 : 1);
    case 'V':
      add("F");
      return current + (get(current + 1) == 'V' ? 2 : 1);
    case 'W':
      if (at(current, 2, {"WR"})) {
        add("R");
        return current + 2;
      }
      if (current == 0 && (vowel(current + 1) || at(current, 2, {"WH"}))) {
        if (vowel(current + 1))
          add("A", "F");  // Wasserman / Vasserman
        else
          add("A");  // Uomo / Womo
      }
      // Arnow / Arnoff; Polish -ewski.
      if ((current == last_ && vowel(current - 1)) ||
          at(current - 1, 5, {"EWSKI", "EWSKY", "OWSKI", "OWSKY"}) || at(0, 3, {"SCH"})) {
        add("", "F");
        return current + 1;
      }
      if (at(current, 4, {"WICZ", "WITZ"})) {  // Filipowicz
        add("TS", "FX");
        return current + 4;
      }
      return current + 1;
    case 'X':
      // French: Breaux.
      if (!(current == last_ &&
            (at(current - 3, 3, {"IAU", "EAU"}) || at(current - 2, 2, {"AU", "OU"}))))
        add("KS");
      return current + (at(current + 1, 1, {"C", "X"}) ? 2 : 1);
    case 'Z':
      if (get(current + 1) == 'H') {  // Pinyin: Zhao
        add("J");
        return current + 2;
      }
      if (at(current + 1, 2, {"ZO", "ZI", "ZA"}) ||
          (slavo_germanic() && current > 0 && get(current - 1) != 'T'))
        add("S", "TS");
      else
        add("S");
      return current + (get(current + 1) == 'Z' ? 2 : 1);
    default:
      return current + 1;
  }
}

int Encoder::letter_c(int current) {
  // Germanic: Bacher, Macher.
  if (current > 1 && !vowel(current - 2) && at(current - 1, 3, {"ACH"}) &&
      get(current + 2) != 'I' &&
      (get(current + 2) != 'E' || at(current - 2, 6, {"BACHER", "MACHER"}))) {
    add("K");
    return current + 2;
  }
  if (current == 0 && at(current, 6, {"CAESAR"})) {
    add("S");
    return current + 2;
  }
  if (at(current, 4, {"CHIA"})) {  // Chianti
    add("K");
    return current + 2;
  }
  if (at(current, 2, {"CH"})) {
    if (current > 0 && at(current, 4, {"CHAE"})) {  // Michael
      add("K", "X");
      return current + 2;
    }
    // Greek roots: chemistry, chorus.
    if (current == 0 &&
        (at(current + 1, 5, {"HARAC", "HARIS"}) ||
         at(current + 1, 3, {"HOR", "HYM", "HIA", "HEM"})) &&
        !at(0, 5, {"CHORE"})) {
      add("K");
      return current + 2;
    }
    // Germanic, Greek, or otherwise 'ch' for a 'kh' sound: architect, orchestra, Wachtler.
    if (at(0, 4, {"VAN ", "VON "}) || at(0, 3, {"SCH"}) ||
        at(current - 2, 6, {"ORCHES", "ARCHIT", "ORCHID"}) || at(current + 2, 1, {"T", "S"}) ||
        ((at(current - 1, 1, {"A", "O", "U", "E"}) || current == 0) &&
         at(current + 2, 1, {"L", "R", "N", "M", "B", "H", "F", "V", "W", " "}))) {
      add("K");
    } else if (current > 0) {
      if (at(0, 2, {"MC"}))
        add("K");  // McHugh
      else
        add("X", "K");
    } else {
      add("X");
    }
    return current + 2;
  }
  if (at(current, 2, {"CZ"}) && !at(current - 2, 4, {"WICZ"})) {  // Czerny
    add("S", "X");
    return current + 2;
  }
  if (at(current + 1, 3, {"CIA"})) {  // Focaccia
    add("X");
    return current + 3;
  }
  // Double 'c', but not McClellan.
  if (at(current, 2, {"CC"}) && !(current == 1 && get(0) == 'M')) {
    // Bellocchio, but not Bacchus.
    if (at(current + 2, 1, {"I", "E", "H"}) && !at(current + 2, 2, {"HU"})) {
      // Accident, accede, succeed.
      if ((current == 1 && get(current - 1) == 'A') || at(current - 1, 5, {"UCCEE", "UCCES"}))
        add("KS");
      else
        add("X");  // Bacci, Bertucci
      return current + 3;
    }
    add("K");  // Pierce's rule
    return current + 2;
  }
  if (at(current, 2, {"CK", "CG", "CQ"})) {
    add("K");
    return current + 2;
  }
  if (at(current, 2, {"CI", "CE", "CY"})) {
    if (at(current, 3, {"CIO", "CIE", "CIA"}))  // Italian vs English
      add("S", "X");
    else
      add("S");
    return current + 2;
  }
  add("K");
  if (at(current + 1, 2, {" C", " Q", " G"})) return current + 3;  // Mac Caffrey, Mac Gregor
  if (at(current + 1, 1, {"C", "K", "Q"}) && !at(current + 1, 2, {"CE", "CI"})) return current + 2;
  return current + 1;
}

int Encoder::letter_g(int current) {
  if (get(current + 1) == 'H') {
    if (current > 0 && !vowel(current - 1)) {
      add("K");
      return current + 2;
    }
    if (current == 0) {  // Ghislane, Ghiradelli
      add(get(current + 2) == 'I' ? "J" : "K");
      return current + 2;
    }
    // Parker's rule: Hugh, bough, Broughton.
    if ((current > 1 && at(current - 2, 1, {"B", "H", "D"})) ||
        (current > 2 && at(current - 3, 1, {"B", "H", "D"})) ||
        (current > 3 && at(current - 4, 1, {"B", "H"})))
      return current + 2;
    // Laugh, McLaughlin, cough, rough, tough.
    if (current > 2 && get(current - 1) == 'U' && at(current - 3, 1, {"C", "G", "L", "R", "T"}))
      add("F");
    else if (current > 0 && get(current - 1) != 'I')
      add("K");
    return current + 2;
  }
  if (get(current + 1) == 'N') {
    if (current == 1 && vowel(0) && !slavo_germanic())
      add("KN", "N");
    else if (!at(current + 2, 2, {"EY"}) && get(current + 1) != 'Y' && !slavo_germanic())
      add("N", "KN");  // not Cagney
    else
      add("KN");
    return current + 2;
  }
  if (at(current + 1, 2, {"LI"}) && !slavo_germanic()) {  // Tagliaro
    add("KL", "L");
    return current + 2;
  }
  // -ges-, -gep-, -gel-, -gie- at the beginning.
  if (current == 0 &&
      (get(current + 1) == 'Y' ||
       at(current + 1, 2, {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"}))) {
    add("K", "J");
    return current + 2;
  }
  // -ger-, -gy-.
  if ((at(current + 1, 2, {"ER"}) || get(current + 1) == 'Y') &&
      !at(0, 6, {"DANGER", "RANGER", "MANGER"}) && !at(current - 1, 1, {"E", "I"}) &&
      !at(current - 1, 3, {"RGY", "OGY"})) {
    add("K", "J");
    return current + 2;
  }
  // Italian: Biaggi.
  if (at(current + 1, 1, {"E", "I", "Y"}) || at(current - 1, 4, {"AGGI", "OGGI"})) {
    if (at(0, 4, {"VAN ", "VON "}) || at(0, 3, {"SCH"}) || at(current + 1, 2, {"ET"}))
      add("K");  // obviously Germanic
    else if (at(current + 1, 4, {"IER "}))
      add("J");  // always soft with a French ending
    else
      add("J", "K");
    return current + 2;
  }
  add("K");
  return current + (get(current + 1) == 'G' ? 2 : 1);
}

int Encoder::letter_s(int current) {
  if (at(current - 1, 3, {"ISL", "YSL"})) return current + 1;  // island, Carlisle
  if (current == 0 && at(current, 5, {"SUGAR"})) {
    add("X", "S");
    return current + 1;
  }
  if (at(current, 2, {"SH"})) {
    if (at(current + 1, 4, {"HEIM", "HOEK", "HOLM", "HOLZ"}))  // Germanic
      add("S");
    else
      add("X");
    return current + 2;
  }
  if (at(current, 3, {"SIO", "SIA"}) || at(current, 4, {"SIAN"})) {  // Italian, Armenian
    if (!slavo_germanic())
      add("S", "X");
    else
      add("S");
    return current + 3;
  }
  // Smith / Schmidt, Snider / Schneider; Slavic -sz-.
  if ((current == 0 && at(current + 1, 1, {"M", "N", "L", "W"})) || at(current + 1, 1, {"Z"})) {
    add("S", "X");
    return current + (at(current + 1, 1, {"Z"}) ? 2 : 1);
  }
  if (at(current, 2, {"SC"})) {
    if (get(current + 2) == 'H') {                                     // Schlesinger's rule
      if (at(current + 3, 2, {"OO", "ER", "EN", "UY", "ED", "EM"})) {  // Dutch: school
        if (at(current + 3, 2, {"ER", "EN"}))
          add("X", "SK");  // Schermerhorn, Schenker
        else
          add("SK");
        return current + 3;
      }
      if (current == 0 && !vowel(3) && get(3) != 'W')
        add("X", "S");
      else
        add("X");
      return current + 3;
    }
    if (at(current + 2, 1, {"I", "E", "Y"})) {
      add("S");
      return current + 3;
    }
    add("SK");
    return current + 3;
  }
  // French: Resnais, Artois.
  if (current == last_ && at(current - 2, 2, {"AI", "OI"}))
    add("", "S");
  else
    add("S");
  return current + (at(current + 1, 1, {"S", "Z"}) ? 2 : 1);
}

}  // namespace

PhoneticKey double_metaphone(std::string_view word) {
  return Encoder(word).encode();
}

bool phonetic_match(const PhoneticKey& a, const PhoneticKey& b) {
  auto same = [](const std::string& x, const std::string& y) { return !x.empty() && x == y; };
  return same(a.primary, b.primary) || same(a.primary, b.alternate) ||
         same(a.alternate, b.primary) || same(a.alternate, b.alternate);
}

}  // namespace kith::loaders
