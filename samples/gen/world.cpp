#include "samples/gen/world.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace kith::gen {

namespace {

// First and last names from many languages, with their accents: the vault must cope with all.
constexpr std::array<std::string_view, 64> kFirst = {
    "Anneliese", "Kenji",   "Rafael",  "Siobhán", "Tomasz",  "Oluwaseun", "Mira",   "Lars",
    "Priyanka",  "Diego",   "Hana",    "Farrukh", "Beatriz", "Jónas",     "Zoë",    "Łukasz",
    "Nguyễn",    "Ingrid",  "Mateo",   "Aisha",   "Chen",    "Yusuf",     "Élodie", "Søren",
    "Dana",      "Amara",   "Ravi",    "Helga",   "Tobias",  "Noor",      "Kwame",  "Leilani",
    "Mikhail",   "Sofía",   "Ibrahim", "Astrid",  "Wen",     "Marek",     "Chiara", "Bjørn",
    "Fatima",    "Hiroshi", "Camila",  "Emeka",   "Ana",     "Jakub",     "Leila",  "Pedro",
    "Yuki",      "Olga",    "Thabo",   "Maja",    "Arjun",   "Ines",      "Kofi",   "Greta",
    "Ramón",     "Elif",    "Nikhil",  "Saoirse", "Dmitri",  "Ayşe",      "Tariq",  "Linnea"};
constexpr std::array<std::string_view, 64> kLast = {
    "Várkonyi",  "Watanabe", "Duarte",     "Ní Bhriain", "Wierzbicki", "Adeyemi",   "Okafor",
    "Henriksen", "Iyer",     "Alvarez",    "Kovářová",   "Tashkentov", "Lindqvist", "Eiríksson",
    "Adler",     "Nowak",    "Văn An",     "Halvorsen",  "Herrera",    "Bello",     "Jiang",
    "Demir",     "Moreau",   "Østergaard", "Whitlock",   "Mensah",     "Menon",     "Strøm",
    "Kerr",      "Haddad",   "Asante",     "Kahale",     "Petrov",     "Gutiérrez", "Farouk",
    "Sjöberg",   "Li",       "Dvořák",     "Bianchi",    "Åberg",      "Zahra",     "Tanaka",
    "Oliveira",  "Okonkwo",  "Costa",      "Wiśniewski", "Rahimi",     "Santos",    "Mori",
    "Ivanova",   "Nkosi",    "Horvat",     "Patel",      "Ferreira",   "Boateng",   "Schäfer",
    "Ibáñez",    "Yılmaz",   "Rao",        "O'Connell",  "Sokolov",    "Öztürk",    "Qureshi",
    "Nyström"};

constexpr std::array<std::string_view, 16> kCompanyStem = {
    "Brightwater", "Kestrel", "Quillon",   "Northgate", "Halcyon", "Meridian",
    "Tamarind",    "Corvid",  "Saltmarsh", "Ironbark",  "Lumen",   "Pellucid",
    "Obsidian",    "Verdant", "Cobalt",    "Fjordline"};
constexpr std::array<std::string_view, 8> kCompanySuffix = {
    "Freight", "Systems", "Analytics", "Labs", "Health", "Energy", "Bank", "Logistics"};

constexpr std::array<std::string_view, 8> kDepartments = {
    "Logistics Platforms", "Core Platform", "Data Partnerships", "Cloud Alliances",
    "Procurement",         "Routing",       "Storage",           "Customer Success"};

std::string lower_ascii(std::string s) {
  s = strip_accents(s);
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
  }
  return out;
}

// A plausible typo: one letter of the last name dropped (never the first letter).
std::string typo(const Person& p) {
  const std::string& last = p.last;
  if (last.size() < 4) return {};  // "Li" -> "L" would be an initial, not a typo
  for (std::size_t i = last.size() / 2; i < last.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(last[i]);
    if (c < 0x80 && std::isalpha(c) && i > 0) {
      return p.first + " " + last.substr(0, i) + last.substr(i + 1);
    }
  }
  return {};
}

std::string title_for(int level, std::string_view dept, std::mt19937_64& rng) {
  switch (level) {
    case 0:
      return "Chief Executive Officer";
    case 1:
      return std::string(rng() % 2 ? "EVP, " : "SVP, ") + std::string(dept);
    case 2:
      return "VP " + std::string(dept);
    case 3:
      return "Director, " + std::string(dept);
    default:
      return std::string(rng() % 2 ? "Principal Engineer, " : "Manager, ") + std::string(dept);
  }
}

}  // namespace

std::string strip_accents(const std::string& s) {
  // Enough of Latin-1 and Latin Extended-A for the names above; the vault writer uses this to
  // write names the way careless exports and typists do.
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"á", "a"}, {"à", "a"}, {"ä", "a"}, {"å", "a"}, {"ã", "a"}, {"â", "a"}, {"Å", "A"},
      {"é", "e"}, {"è", "e"}, {"ë", "e"}, {"ê", "e"}, {"É", "E"}, {"í", "i"}, {"ï", "i"},
      {"ı", "i"}, {"ó", "o"}, {"ö", "o"}, {"ø", "o"}, {"ô", "o"}, {"Ø", "O"}, {"Ö", "O"},
      {"ú", "u"}, {"ü", "u"}, {"ñ", "n"}, {"ç", "c"}, {"ş", "s"}, {"ś", "s"}, {"ř", "r"},
      {"ł", "l"}, {"Ł", "L"}, {"ă", "a"}, {"ễ", "e"}, {"ğ", "g"}, {"ž", "z"}, {"č", "c"},
      {"š", "s"}, {"ý", "y"}, {"Ä", "A"}, {"ß", "ss"}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // every mapped letter is multi-byte
      out += s[i++];
      continue;
    }
    bool replaced = false;
    for (const auto& [from, to] : kMap) {
      if (s.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

World make_world(int people, int companies, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  World w;
  companies = std::max(companies, 2);
  std::set<std::string> used_companies;
  for (int c = 0; c < companies; ++c) {
    std::string name;
    do {
      name = std::string(kCompanyStem[rng() % kCompanyStem.size()]) + " " +
             std::string(kCompanySuffix[rng() % kCompanySuffix.size()]);
      if (used_companies.count(name)) name += " " + std::to_string(c);
    } while (used_companies.count(name));
    used_companies.insert(name);
    Company company;
    company.name = name;
    company.domain = lower_ascii(name) + ".example";
    company.internal = c == 0;
    w.companies.push_back(company);
  }

  // Distinct full names, compared on their accent-free, lower-case form so no two people are
  // the same name written differently.
  std::set<std::string> used_keys;
  people = std::max(people, companies * 2);
  while (static_cast<int>(w.people.size()) < people) {
    Person p;
    p.first = std::string(kFirst[rng() % kFirst.size()]);
    p.last = std::string(kLast[rng() % kLast.size()]);
    if (used_keys.size() > kFirst.size() * kLast.size() / 2) {
      p.last += "-" + std::string(kLast[rng() % kLast.size()]);  // double-barrelled
    }
    p.name = p.first + " " + p.last;
    if (!used_keys.insert(lower_ascii(p.name)).second) continue;
    p.company = static_cast<int>(w.people.size()) % companies;
    w.people.push_back(p);
  }

  // A reporting tree per company: each person's manager is an earlier person of the company,
  // so the trees have depth and no cycles.
  std::vector<std::vector<int>> staff(companies);
  std::vector<int> level(w.people.size(), 0);
  for (int i = 0; i < static_cast<int>(w.people.size()); ++i) {
    Person& p = w.people[i];
    auto& members = staff[p.company];
    if (!members.empty()) {
      const int lo =
          static_cast<int>(members.size()) > 3 ? static_cast<int>(members.size()) / 3 : 0;
      const int pick = lo + static_cast<int>(rng() % (members.size() - lo));
      p.manager = members[pick == 0 || rng() % 3 ? pick : 0];
      level[i] = level[p.manager] + 1;
      if (rng() % 6 == 0 && members.size() > 2) {
        const int former = members[rng() % members.size()];
        if (former != p.manager) p.former_managers.push_back(former);
      }
    }
    p.department = std::string(kDepartments[rng() % kDepartments.size()]);
    p.title = title_for(std::min(level[i], 4), p.department, rng);
    members.push_back(i);
    const Company& c = w.companies[p.company];
    p.email = lower_ascii(p.first) + "." + lower_ascii(p.last) + "@" + c.domain;
  }
  // Chiefs of staff for some executives (a direct report of theirs).
  std::vector<bool> has_chief_of_staff(w.people.size(), false);
  for (int i = 0; i < static_cast<int>(w.people.size()); ++i) {
    Person& p = w.people[i];
    if (p.manager >= 0 && level[p.manager] <= 1 && w.people[p.manager].chief_of_staff_to < 0 &&
        rng() % 4 == 0) {
      if (!has_chief_of_staff[p.manager]) {
        p.chief_of_staff_to = p.manager;
        has_chief_of_staff[p.manager] = true;
      }
    }
  }

  // Some people without reports have left their company; a colleague under the same manager
  // stepped into their role. The departed keep their last manager as a former one.
  std::vector<int> reports(w.people.size(), 0);
  for (const Person& p : w.people)
    if (p.manager >= 0) ++reports[p.manager];
  for (int i = 1; i < static_cast<int>(w.people.size()); ++i) {
    Person& p = w.people[i];
    if (reports[i] > 0 || p.manager < 0 || p.chief_of_staff_to >= 0 || rng() % 12 != 0) continue;
    for (int j : staff[p.company]) {
      Person& q = w.people[j];
      if (j == i || q.departed || q.succeeded >= 0 || q.manager != p.manager) continue;
      q.succeeded = i;
      break;
    }
    p.departed = true;
    p.former_managers.insert(p.former_managers.begin(), p.manager);
    p.manager = -1;
  }
  for (Company& c : w.companies) {
    const int index = static_cast<int>(&c - w.companies.data());
    for (int j : staff[index])
      if (!w.people[j].departed && level[j] <= 2 && (c.decision_maker < 0 || rng() % 3 == 0))
        c.decision_maker = j;
  }
  for (int i = 1; i < static_cast<int>(w.people.size()); ++i)
    w.people[i].distrusted = !w.people[i].departed && rng() % 25 == 0;

  // Spellings: the canonical name always; accent-free and a typo for some; the first name
  // alone is used in prose by the writer and is not a spelling of its own here.
  std::set<std::string> taken_spellings;
  for (const Person& p : w.people)
    taken_spellings.insert(lower_ascii(p.name));
  for (Person& p : w.people) {
    p.spellings.push_back(p.name);
    const std::string plain = strip_accents(p.name);
    if (plain != p.name) p.spellings.push_back(plain);
    if (rng() % 5 == 0) {
      const std::string t = typo(p);
      if (!t.empty() && taken_spellings.insert(lower_ascii(t)).second) p.spellings.push_back(t);
    }
  }
  w.owner = 0;  // the first person works at the internal company (index 0)
  return w;
}

}  // namespace kith::gen
