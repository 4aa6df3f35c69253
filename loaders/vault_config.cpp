#include "loaders/vault_config.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace kith::loaders {

namespace {

constexpr const char* kFile = "kith.yaml";

std::uint32_t line_of(const YAML::Node& node) {
  return static_cast<std::uint32_t>(node.Mark().line + 1);
}

void warn(std::vector<doc::Warning>& warnings, const YAML::Node& node, std::string message) {
  warnings.push_back(doc::Warning{kFile, node.IsDefined() ? line_of(node) : 0, std::move(message)});
}

std::vector<std::string> string_list(const YAML::Node& node, std::vector<doc::Warning>& warnings,
                                     const char* field) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (item.IsScalar()) {
        out.push_back(item.as<std::string>());
      } else {
        warn(warnings, item, fmt::format("{}: expected a list of strings", field));
      }
    }
  } else if (!node.IsNull()) {
    warn(warnings, node, fmt::format("{}: expected a string or a list of strings", field));
  }
  return out;
}

}  // namespace

// names: {typo: 0.9, typo_unphonetic: 0.95, phonetic: 0.75, report: 0.8, min_token_length: 4}
// over the defaults; a value out of range warns and keeps the default.
NameMatchOptions name_match_options(const YAML::Node& node, std::vector<doc::Warning>& warnings) {
  NameMatchOptions options;
  if (!node.IsMap()) {
    warn(warnings, node, "names: expected a mapping such as {typo: 0.9, report: 0.8}");
    return options;
  }
  for (const auto& entry : node) {
    const std::string key = entry.first.as<std::string>("");
    const YAML::Node& value = entry.second;
    double number = 0;
    const bool is_number = value.IsScalar() && YAML::convert<double>::decode(value, number);
    if (key == "min_token_length") {
      if (is_number && number >= 1 && number <= 32 && number == static_cast<int>(number)) {
        options.min_token_length = static_cast<std::size_t>(number);
      } else {
        warn(warnings, value, "names: min_token_length: expected a whole number from 1 to 32");
      }
      continue;
    }
    double* field = key == "typo"              ? &options.typo
                    : key == "typo_unphonetic" ? &options.typo_unphonetic
                    : key == "phonetic"        ? &options.phonetic
                    : key == "report"          ? &options.report
                                               : nullptr;
    if (field == nullptr) {
      warn(warnings, entry.first, fmt::format("names: unknown setting '{}' ignored", key));
    } else if (is_number && number >= 0 && number <= 1) {
      *field = number;
    } else {
      warn(warnings, value, fmt::format("names: {}: expected a similarity from 0 to 1", key));
    }
  }
  return options;
}

VaultConfig parse_vault_config(std::string_view text, std::vector<doc::Warning>& warnings) {
  VaultConfig config;
  config.present = true;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    warnings.push_back(doc::Warning{kFile, static_cast<std::uint32_t>(e.mark.line + 1),
                                    fmt::format("not valid YAML ({}); using defaults", e.msg)});
    return config;
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) {
    warn(warnings, root, "expected a mapping of settings; using defaults");
    return config;
  }
  try {
    for (const auto& entry : root) {
      const std::string key = entry.first.as<std::string>();
      const YAML::Node& value = entry.second;
      if (key == "owner") {
        if (value.IsScalar()) {
          config.owner = value.as<std::string>();
        } else {
          warn(warnings, value, "owner: expected a name");
        }
      } else if (key == "aliases") {
        if (!value.IsMap()) {
          warn(warnings, value, "aliases: expected a mapping of canonical name to spellings");
          continue;
        }
        for (const auto& alias : value) {
          config.aliases[alias.first.as<std::string>()] =
              string_list(alias.second, warnings, "aliases");
        }
      } else if (key == "domains") {
        if (!value.IsMap()) {
          warn(warnings, value, "domains: expected a mapping of email domain to company");
          continue;
        }
        for (const auto& domain : value) {
          std::string d = domain.first.as<std::string>();
          std::transform(d.begin(), d.end(), d.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          if (!d.empty() && d.front() == '@') d.erase(0, 1);
          if (domain.second.IsScalar()) {
            config.domains[d] = domain.second.as<std::string>();
          } else {
            warn(warnings, domain.second, "domains: expected a company name");
          }
        }
      } else if (key == "ignore") {
        config.ignore = string_list(value, warnings, "ignore");
      } else if (key == "names") {
        config.names = name_match_options(value, warnings);
      } else if (key == "max_file_mb") {
        double mb = 0;
        if (value.IsScalar() && YAML::convert<double>::decode(value, mb) && mb > 0) {
          config.max_file_bytes = static_cast<std::uint64_t>(mb * 1024 * 1024);
        } else {
          warn(warnings, value, "max_file_mb: expected a positive number");
        }
      } else {
        warn(warnings, entry.first, fmt::format("unknown setting '{}' ignored", key));
      }
    }
  } catch (const YAML::Exception& e) {
    warnings.push_back(doc::Warning{kFile, static_cast<std::uint32_t>(e.mark.line + 1),
                                    fmt::format("could not read a setting ({})", e.msg)});
  }
  return config;
}

VaultConfig read_vault_config(const std::filesystem::path& root,
                              std::vector<doc::Warning>& warnings) {
  const auto path = root / kFile;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return VaultConfig{};
  // A settings file has no business being large; refuse rather than parse a bomb.
  if (std::filesystem::file_size(path, ec) > (1u << 20)) {
    warnings.push_back(doc::Warning{kFile, 0, "larger than 1 MiB; ignored"});
    return VaultConfig{};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    warnings.push_back(doc::Warning{kFile, 0, "cannot be read; using defaults"});
    return VaultConfig{};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_vault_config(text.str(), warnings);
}

}  // namespace kith::loaders
