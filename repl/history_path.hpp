// Where the REPL keeps its history: $XDG_STATE_HOME/kith/history, or
// ~/.local/state/kith/history. Never inside the vault, which kith does not write to.
#pragma once

#include <filesystem>
#include <optional>

namespace kith::repl {

// nullopt when neither variable gives an absolute folder, or the file would be in the vault.
std::optional<std::filesystem::path> history_path(const std::filesystem::path& vault);

// Creates the file's folder (private to the user) if needed; false when that fails.
bool prepare_history_folder(const std::filesystem::path& file);

}  // namespace kith::repl
