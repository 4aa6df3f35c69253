// The invented world a generated vault describes: companies, people, titles, reporting lines,
// and the spellings each person goes by. The vault writer renders it into notes; the ground
// truth file is this world (plus what the writer records as it goes), so extraction quality
// can be measured against it.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace kith::gen {

struct Company {
  std::string name;
  std::string domain;
  bool internal = false;    // the vault owner's own company
  int decision_maker = -1;  // who makes the final call on this account's deals
};

struct Person {
  std::string first;
  std::string last;
  std::string name;  // canonical "First Last"
  std::string email;
  int company = 0;
  std::string title;
  int manager = -1;                  // current manager, -1 for none
  std::vector<int> former_managers;  // earlier managers
  int chief_of_staff_to = -1;
  std::string department;
  bool departed = false;  // left `company`: no current employer or manager any more
  int succeeded = -1;     // the departed person whose role this person stepped into
  bool distrusted = false;
  std::vector<std::string> spellings;  // every way the vault writes this person's name
};

struct World {
  std::vector<Company> companies;
  std::vector<Person> people;
  int owner = 0;  // index of the vault owner in people
};

// Deterministic for a seed: the same arguments always give the same world.
World make_world(int people, int companies, std::uint64_t seed);

// ASCII folding of a name ("Jónas" -> "Jonas"), as exports and careless typists write it.
std::string strip_accents(const std::string& s);

}  // namespace kith::gen
