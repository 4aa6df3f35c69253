// `kith doctor VAULT`: what building the graph decided and could not decide, each with its
// evidence, so a person can check it: spellings merged into one person, similar names kept
// apart, names left unresolved, contradictions, and the warnings of reading the vault.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "loaders/build_report.hpp"
#include "loaders/load_report.hpp"

namespace kith::repl {

std::string format_doctor_report(const loaders::BuildReport& build,
                                 const loaders::LoadReport& load);

// build_report_json, with the load's warnings under "warnings".
nlohmann::json doctor_report_json(const loaders::BuildReport& build,
                                  const loaders::LoadReport& load);

}  // namespace kith::repl
