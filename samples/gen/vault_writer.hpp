// Renders a World into a vault of notes in every format kith reads, and records as it goes
// what each note states (meetings and attendees, tasks and owners, emails, facts in prose), so
// the ground truth says what a perfect load would know.
#pragma once

#include <cstdint>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "samples/gen/world.hpp"

namespace kith::gen {

struct VaultShape {
  int notes = 1000;
  std::uint64_t seed = 1;
  // Fractions of the notes (the rest are meetings).
  double person_notes = 0.15;
  double email_exports = 0.15;
  double eml_files = 0.02;
};

// Writes the notes under `root` (which must exist) and returns the ground truth.
nlohmann::json write_vault(const World& world, const VaultShape& shape,
                           const std::filesystem::path& root);

}  // namespace kith::gen
