#include "loaders/name_spans.hpp"

#include <string>
#include <unordered_set>

namespace kith::loaders {

namespace {

using WordSet = std::unordered_set<std::string_view>;

bool in(const WordSet& set, std::string_view w) {
  constexpr std::size_t kLongest = 24;  // no listed word is longer
  if (w.size() > kLongest) return false;
  char buffer[kLongest] =
      {};  // zeroed: GCC 12 -O3 otherwise warns (falsely) that it may be read unset
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return set.count(std::string_view(buffer, w.size())) > 0;
}

const WordSet& title_words() {
  static const WordSet set = {
      "ceo",
      "cto",
      "cfo",
      "coo",
      "cio",
      "ciso",
      "cmo",
      "cro",
      "cpo",
      "cso",
      "cdo",
      "vp",
      "svp",
      "evp",
      "avp",
      "gm",
      "md",
      "director",
      "manager",
      "head",
      "chief",
      "lead",
      "leader",
      "president",
      "vice",
      "officer",
      "founder",
      "co-founder",
      "cofounder",
      "chair",
      "chairman",
      "chairwoman",
      "chairperson",
      "principal",
      "partner",
      "architect",
      "engineer",
      "scientist",
      "analyst",
      "counsel",
      "consultant",
      "specialist",
      "coordinator",
      "administrator",
      "executive",
      "sponsor",
      "champion",
      "owner",
      "advisor",
      "adviser",
      "fellow",
      "intern",
      "associate",
      "secretary",
      "treasurer",
      "controller",
      "deputy",
      "assistant",
      "researcher",
      "designer",
      "strategist",
      "evangelist",
      "recruiter",
      "superintendent",
      "commissioner",
      "governor",
      "dean",
      "provost",
      "professor",
      "rep",
      "representative",
      "ae",
      "se",
      "tam",
      "csm",
      "pm",
      "tpm",
      "em",
  };
  return set;
}

// Title words that name a job even without "at C" or "of D" after them.
const WordSet& strong_title_words() {
  static const WordSet set = {
      "ceo",         "cto",           "cfo",          "coo",
      "cio",         "ciso",          "cmo",          "cro",
      "cpo",         "cso",           "cdo",          "vp",
      "svp",         "evp",           "avp",          "gm",
      "md",          "director",      "manager",      "head",
      "chief",       "president",     "officer",      "founder",
      "co-founder",  "cofounder",     "chairman",     "chairwoman",
      "chairperson", "architect",     "engineer",     "scientist",
      "analyst",     "counsel",       "consultant",   "specialist",
      "coordinator", "administrator", "secretary",    "treasurer",
      "controller",  "researcher",    "designer",     "strategist",
      "evangelist",  "recruiter",     "professor",    "dean",
      "provost",     "governor",      "commissioner", "superintendent",
  };
  return set;
}

const WordSet& not_names() {
  static const WordSet set = {
      // determiners, pronouns, conjunctions, prepositions
      "the",
      "a",
      "an",
      "this",
      "that",
      "these",
      "those",
      "it",
      "its",
      "we",
      "us",
      "our",
      "you",
      "your",
      "i",
      "me",
      "my",
      "he",
      "she",
      "they",
      "him",
      "her",
      "them",
      "his",
      "their",
      "and",
      "or",
      "but",
      "if",
      "when",
      "while",
      "after",
      "before",
      "since",
      "until",
      "per",
      "as",
      "at",
      "in",
      "on",
      "of",
      "for",
      "from",
      "to",
      "by",
      "with",
      "without",
      "about",
      "into",
      "over",
      "under",
      "between",
      "through",
      "during",
      "re",
      "fwd",
      "fw",
      "cc",
      "bcc",
      "subject",
      "sent",
      "date",
      "from",
      "to",
      "who",
      "whom",
      "whose",
      "what",
      "which",
      "where",
      "why",
      "how",
      "there",
      "here",
      "then",
      "than",
      "so",
      "because",
      "although",
      "though",
      "both",
      "either",
      "neither",
      "each",
      "every",
      "all",
      "any",
      "some",
      "most",
      "many",
      "several",
      "few",
      "no",
      "not",
      "yes",
      "ok",
      "okay",
      "one",
      "two",
      "three",
      "four",
      "five",
      "other",
      "another",
      "such",
      "same",
      "everyone",
      "everybody",
      "someone",
      "somebody",
      "anyone",
      "anybody",
      "nobody",
      "none",
      "whoever",
      "nothing",
      "something",
      "anything",
      "everything",
      // sentence openers and note vocabulary
      "hi",
      "hey",
      "hello",
      "dear",
      "thanks",
      "thank",
      "cheers",
      "regards",
      "best",
      "please",
      "note",
      "notes",
      "update",
      "updates",
      "action",
      "actions",
      "item",
      "items",
      "key",
      "todo",
      "fyi",
      "intro",
      "introduction",
      "summary",
      "agenda",
      "decision",
      "decisions",
      "context",
      "next",
      "steps",
      "follow",
      "followup",
      "follow-up",
      "meeting",
      "call",
      "sync",
      "email",
      "also",
      "still",
      "now",
      "today",
      "yesterday",
      "tomorrow",
      "tonight",
      "currently",
      "previously",
      "formerly",
      "recently",
      "apparently",
      "actually",
      "basically",
      "reportedly",
      "supposedly",
      "officially",
      "effectively",
      "technically",
      "notably",
      "interestingly",
      "unfortunately",
      "fortunately",
      "clearly",
      "obviously",
      "probably",
      "maybe",
      "perhaps",
      "however",
      "meanwhile",
      "additionally",
      "finally",
      "initially",
      "originally",
      "overall",
      "again",
      "later",
      "earlier",
      "soon",
      "just",
      "only",
      "even",
      "well",
      "last",
      "first",
      "new",
      "old",
      "former",
      "ex",
      "current",
      "interim",
      "acting",
      "our",
      "per",
      "via",
      "mentioned",
      "met",
      "spoke",
      "talked",
      "asked",
      "told",
      "said",
      "says",
      "reports",
      "reported",
      "manages",
      "managed",
      "works",
      "worked",
      "joined",
      "left",
      "owns",
      "makes",
      "made",
      "leads",
      "led",
      "runs",
      "ran",
      "heads",
      "decides",
      "decided",
      "will",
      "would",
      "should",
      "could",
      "can",
      "may",
      "might",
      "must",
      "need",
      "needs",
      "is",
      "are",
      "was",
      "were",
      "be",
      "been",
      "has",
      "have",
      "had",
      "do",
      "does",
      "did",
      "don't",
      "doesn't",
      "didn't",
      "can't",
      "won't",
      "isn't",
      "wasn't",
      "send",
      "sync",
      "ask",
      "check",
      "confirm",
      "determine",
      "draft",
      "ensure",
      "book",
      "prepare",
      "provide",
      "obtain",
      "review",
      "schedule",
      "set",
      "get",
      "make",
      "write",
      "share",
      "discuss",
      "reach",
      "ping",
      "loop",
      "see",
      "let",
      "meet",
      "owner",
      "owners",
      "team",
      "teams",
      "group",
      "company",
      "customer",
      "customers",
      "account",
      "accounts",
      "partner",
      "partners",
      "contact",
      "contacts",
      "people",
      "person",
      "staff",
      "board",
      "project",
      "program",
      "deal",
      "opportunity",
      "status",
      "risk",
      "risks",
      "open",
      "done",
      "tbd",
      "myself",
      "unknown",
      "n/a",
      "na",
      // calendar
      "monday",
      "tuesday",
      "wednesday",
      "thursday",
      "friday",
      "saturday",
      "sunday",
      "mon",
      "tue",
      "tues",
      "wed",
      "thu",
      "thur",
      "thurs",
      "fri",
      "sat",
      "sun",
      "january",
      "february",
      "march",
      "april",
      "may",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december",
      "jan",
      "feb",
      "mar",
      "apr",
      "jun",
      "jul",
      "aug",
      "sep",
      "sept",
      "oct",
      "nov",
      "dec",
      "q1",
      "q2",
      "q3",
      "q4",
      "h1",
      "h2",
      "fy",
      "eod",
      "eow",
      "eoy",
      "am",
      "pm",
      // honorifics
      "mr",
      "mrs",
      "ms",
      "mx",
      "dr",
      "prof",
      "sir",
      "madam",
      "mr.",
      "mrs.",
      "ms.",
      "dr.",
      // departments
      "sales",
      "marketing",
      "engineering",
      "product",
      "operations",
      "ops",
      "finance",
      "legal",
      "hr",
      "it",
      "procurement",
      "security",
      "compliance",
      "research",
      "support",
      "purchasing",
      "it's",
      "i'm",
      "i've",
      "i'll",
      "i'd",
      "we're",
      "they're",
      "he's",
      "she's",
  };
  return set;
}

const WordSet& calendar_and_function_words() {
  static const WordSet set = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",      "june",     "july",
      "august",  "september", "october",   "november", "december", "the",      "a",
      "an",      "and",       "or",        "but",      "for",      "in",       "on",
      "at",      "to",        "from",      "with",     "by",       "as",       "of",
      "is",      "was",       "who",       "which",    "that",     "this"};
  return set;
}

const WordSet& particles() {
  static const WordSet set = {"van", "von", "de",  "der", "den", "del", "della", "di",  "da",
                              "dos", "das", "du",  "la",  "le",  "bin", "binti", "ibn", "bint",
                              "al",  "el",  "ter", "ten", "zu",  "af",  "y",     "e",   "st."};
  return set;
}

const WordSet& pronouns() {
  static const WordSet set = {"i",   "me",  "my",   "he",  "she",  "they",
                              "him", "her", "them", "his", "their"};
  return set;
}

// "al-Sayed", "el-Amin", "d'Souza", "d’Almeida": a lower-case particle glued to a capitalised
// name by a hyphen or an apostrophe.
bool is_glued_particle_name(std::string_view w) {
  std::size_t sep = w.find_first_of("-'");
  std::size_t after = sep + 1;
  if (const auto curly = w.find("\xE2\x80\x99"); curly != std::string_view::npos && curly < sep) {
    sep = curly;
    after = curly + 3;
  }
  if (sep == std::string_view::npos || sep == 0 || sep > 3 || after >= w.size()) return false;
  static const WordSet prefixes = {"al",  "el",  "ad", "ar", "as", "ash", "at", "az", "an", "bin",
                                   "ibn", "abu", "d",  "l",  "da", "de",  "di", "du", "o"};
  const char next = w[after];
  const bool upper = (next >= 'A' && next <= 'Z') || static_cast<unsigned char>(next) >= 0xC0;
  return upper && in(prefixes, w.substr(0, sep));
}

bool can_be_name_word(const ProseSentence& s, int i) {
  const auto& t = s.tokens[i];
  if (t.word && !t.capitalised && is_glued_particle_name(s.at(i))) return true;
  if (!t.word || !t.capitalised || t.all_caps) return false;
  const std::string_view w = s.at(i);
  if (w[0] >= '0' && w[0] <= '9') return false;
  return !is_not_a_name(w) && !is_title_word(w);
}

bool is_lower_particle(const ProseSentence& s, int i) {
  const auto& t = s.tokens[i];
  return t.word && !t.capitalised && !t.possessive && is_name_particle(s.at(i));
}

// The end of the [[link]] span that starts at token i.
int link_end(const ProseSentence& s, int i) {
  int e = i;
  while (e < static_cast<int>(s.tokens.size()) && s.tokens[e].link == s.tokens[i].link)
    ++e;
  return e;
}

}  // namespace

bool is_title_word(std::string_view w) {
  return in(title_words(), w);
}
bool is_strong_title_word(std::string_view w) {
  return in(strong_title_words(), w);
}
bool is_not_a_name(std::string_view w) {
  return in(not_names(), w);
}
bool is_name_particle(std::string_view w) {
  return in(particles(), w);
}
bool is_person_pronoun(std::string_view w) {
  return in(pronouns(), w);
}

std::string span_text(const ProseSentence& s, int begin, int end) {
  std::string out;
  if (begin >= end) return out;
  const std::size_t b = s.tokens[begin].begin;
  const std::size_t e = s.tokens[end - 1].begin + s.tokens[end - 1].size;
  bool space = false;
  for (std::size_t k = b; k < e; ++k) {
    const char c = s.text[k];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<NameSpan> find_name_spans(const ProseSentence& s) {
  std::vector<NameSpan> out;
  const int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i < n;) {
    const auto& t = s.tokens[i];
    if (t.link >= 0) {
      const int e = link_end(s, i);
      out.push_back({i, e, s.tokens[e - 1].possessive, true});
      i = e;
      continue;
    }
    if (!can_be_name_word(s, i)) {
      ++i;
      continue;
    }
    int e = i + 1;
    bool possessive = t.possessive;
    while (!possessive && e < n && e - i < 6) {
      if (s.tokens[e].link >= 0) break;
      // "Văn An", "Thi An": a capitalised "An" inside a name is the name, not the article.
      const bool given_name_an =
          s.tokens[e].word && s.tokens[e].capitalised && !s.tokens[e].all_caps && s.at(e) == "An";
      if (can_be_name_word(s, e) || given_name_an) {
        possessive = s.tokens[e].possessive;
        ++e;
        continue;
      }
      // "Ludwig van Beethoven", "Ahmad bin Said": a particle only between capitalised words.
      int p = e;
      while (p < n && p - e < 2 && is_lower_particle(s, p))
        ++p;
      if (p > e && p < n && can_be_name_word(s, p) && s.tokens[p].link < 0) {
        e = p;
        continue;
      }
      break;
    }
    out.push_back({i, e, possessive, false});
    i = e;
  }
  return out;
}

NameSpan org_span_at(const ProseSentence& s, int i) {
  const int n = static_cast<int>(s.tokens.size());
  if (i < 0 || i >= n) return {i, i, false, false};
  const auto& t = s.tokens[i];
  if (t.link >= 0) {
    const int e = link_end(s, i);
    return {i, e, s.tokens[e - 1].possessive, true};
  }
  // Inside an organisation's name, department words are fine ("IBM Research").
  auto org_word = [&](int k) {
    const auto& w = s.tokens[k];
    if (!w.word || !w.capitalised || w.link >= 0) return false;
    const auto text = s.at(k);
    if (is_title_word(text) || is_person_pronoun(text)) return false;
    if (k > i) return !in(calendar_and_function_words(), text);
    return w.all_caps || !is_not_a_name(text) || same_word(text, "the");
  };
  if (!org_word(i) || same_word(s.at(i), "the")) {
    // "The Home Depot": a leading "The" only before another capitalised word.
    if (!(same_word(s.at(i), "the") && i + 1 < n && org_word(i + 1) &&
          !same_word(s.at(i + 1), "the")))
      return {i, i, false, false};
  }
  int e = i + 1;
  bool possessive = t.possessive;
  while (!possessive && e < n && e - i < 6) {
    if (org_word(e)) {
      possessive = s.tokens[e].possessive;
      ++e;
      continue;
    }
    const auto w = s.at(e);
    const bool joiner = same_word(w, "of") || same_word(w, "&") || same_word(w, "and");
    if (joiner && same_word(w, "and") == false && e + 1 < n && org_word(e + 1)) {
      e += 1;
      continue;
    }
    break;
  }
  return {i, e, possessive, false};
}

}  // namespace kith::loaders
