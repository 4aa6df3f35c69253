// Graph building on a small vault made of arbitrary notes: person resolution, accounts, prose
// facts, tasks and duplicates, emails and influence all run on whatever the documents hold.
// The input is split into notes at 0x1E (record separator) bytes; each note's first byte picks
// its folder (and whether it is an .eml file), the rest of its first line its file name (so the
// fuzzer can write person notes named for the people other notes mention), the lines after
// that its text.
// Property: every relationship joins two live nodes. (Building twice to compare the graphs
// halved the runs per second, and the build uses neither threads nor an address order that
// could make two builds differ; graph_builder_test SameVaultSameGraphIdsIncluded checks that.)
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "fuzz_target.hpp"
#include "graph/graph.hpp"
#include "loaders/document_reader.hpp"
#include "loaders/graph_builder.hpp"

namespace {

constexpr std::size_t kMaxNotes = 16;

struct Folder {
  std::string_view path;
  kith::loaders::FileFormat format;
};
constexpr std::array<Folder, 7> kFolders{{{"People/", kith::loaders::FileFormat::Markdown},
                                          {"Accounts/", kith::loaders::FileFormat::Markdown},
                                          {"Meetings/", kith::loaders::FileFormat::Markdown},
                                          {"Projects/", kith::loaders::FileFormat::Markdown},
                                          {"Email/", kith::loaders::FileFormat::Markdown},
                                          {"Inbox/", kith::loaders::FileFormat::Eml},
                                          {"", kith::loaders::FileFormat::Markdown}}};

// A file name from the note's first line. Each note gets a numbered subfolder (a folder name
// that names no kind), so two notes may share a name as they can in a vault.
std::string file_name(std::string_view first_line) {
  std::string name(first_line.substr(0, 60));
  std::replace(name.begin(), name.end(), '/', ' ');
  if (name.find_first_not_of(" .") == std::string::npos) name = "note";
  return name;
}

kith::loaders::Vault vault_of(std::string_view input) {
  kith::loaders::Vault vault;
  std::size_t index = 0;
  while (!input.empty() && index < kMaxNotes) {
    const std::size_t end = std::min(input.find('\x1e'), input.size());
    std::string_view chunk = input.substr(0, end);
    input.remove_prefix(std::min(end + 1, input.size()));
    if (chunk.empty()) continue;
    const Folder& folder = kFolders[static_cast<unsigned char>(chunk[0]) % kFolders.size()];
    chunk.remove_prefix(1);
    const std::size_t line_end = std::min(chunk.find('\n'), chunk.size());
    const std::string_view text = chunk.substr(std::min(line_end + 1, chunk.size()));
    kith::loaders::VaultFile file;
    const bool eml = folder.format == kith::loaders::FileFormat::Eml;
    file.path = std::string(folder.path) + std::to_string(index++) + "/" +
                file_name(chunk.substr(0, line_end)) + (eml ? ".eml" : ".md");
    file.size = text.size();
    file.format = folder.format;
    std::vector<kith::doc::Warning> warnings;
    if (auto document = kith::loaders::read_document(text, file, warnings))
      vault.documents.push_back(std::move(*document));
  }
  std::sort(vault.documents.begin(), vault.documents.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return vault;
}

}  // namespace

KITH_FUZZ_TARGET(graph_build) {
  const kith::loaders::Vault vault = vault_of(kith::fuzz::as_text(data, size));
  kith::Graph graph;
  kith::loaders::build_graph(vault, graph);
  graph.for_each_relationship([&](kith::RelId r) {
    FUZZ_CHECK(graph.node_exists(graph.source(r)) && graph.node_exists(graph.target(r)));
  });
  return 0;
}
