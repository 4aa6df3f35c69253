#include "repl/export_command.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "graph/org_chart.hpp"
#include "loaders/account_resolver.hpp"
#include "repl/graphviz_render.hpp"

namespace kith::repl {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 5> kNames = {"dot", "svg", "png", "graphml", "json"};

void collect(const Value& v, ExportSelection& sel) {
  switch (v.type()) {
    case ValueType::Node:
      sel.nodes.push_back(v.as<NodeRef>().id);
      break;
    case ValueType::Relationship:
      sel.rels.push_back(v.as<RelRef>().id);
      break;
    case ValueType::Path: {
      const Path& p = v.as<Path>();
      sel.nodes.insert(sel.nodes.end(), p.nodes.begin(), p.nodes.end());
      sel.rels.insert(sel.rels.end(), p.rels.begin(), p.rels.end());
      break;
    }
    case ValueType::List:
      for (const Value& item : v.as<List>())
        collect(item, sel);
      break;
    case ValueType::Map:
      for (const auto& [key, item] : v.as<Map>())
        collect(item, sel);
      break;
    default:
      break;
  }
}

std::string graph_text(const Graph& g, const ExportSelection& selection, bool org_chart,
                       GraphFormat format) {
  std::ostringstream out;
  switch (format) {
    case GraphFormat::GraphMl:
      write_graphml(out, g, selection);
      break;
    case GraphFormat::Json:
      write_json(out, g, selection);
      break;
    default:
      if (org_chart) {
        write_org_chart(out, g, selection);
      } else {
        write_dot(out, g, selection);
      }
  }
  return out.str();
}

// Where the bytes go: session.out for "-", else the file (replaced if it exists).
bool deliver(Session& session, const std::string& bytes, const std::string& file) {
  if (file == "-") {
    session.out << bytes;
    session.out.flush();
    return true;
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) {
    session.err << fmt::format("error: cannot write {}: {}\n", file, std::strerror(errno));
    return false;
  }
  return true;
}

// Account names compare as AccountResolver keys: name_key without legal forms.
bool same_account(std::string_view a, std::string_view b) {
  return loaders::AccountResolver::key(a) == loaders::AccountResolver::key(b);
}

const std::string* string_of(const Value* v) {
  return v ? v->get_if<std::string>() : nullptr;
}

}  // namespace

std::optional<GraphFormat> parse_graph_format(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<GraphFormat>(i);
  }
  return std::nullopt;
}

std::span<const std::string_view> graph_format_names() {
  return kNames;
}

std::optional<GraphFormat> graph_format_of(std::string_view file) {
  std::string extension = fs::path(file).extension().string();
  if (extension.empty()) return std::nullopt;
  extension.erase(0, 1);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == "gv") return GraphFormat::Dot;
  return parse_graph_format(extension);
}

ExportSelection result_selection(const query::Result& result) {
  ExportSelection sel;
  for (const auto& row : result.rows) {
    for (const Value& v : row)
      collect(v, sel);
  }
  return sel;
}

bool inside_folder(const fs::path& file, const fs::path& folder) {
  std::error_code ec;
  const fs::path f = fs::weakly_canonical(fs::absolute(file, ec), ec);
  fs::path d = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  if (d.has_relative_path() && d.filename().empty()) d = d.parent_path();  // "vault/" -> "vault"
  auto [in_folder, in_file] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
  return in_folder == d.end();
}

namespace {

bool target_allowed(Session& session, const ExportTarget& target) {
  if (target.file == "-" && target.format == GraphFormat::Png) {
    session.err << "error: png is an image; give a file name to write it to\n";
    return false;
  }
  if (target.file != "-" && inside_folder(target.file, session.vault.root)) {
    session.err << fmt::format(
        "error: {} is inside the vault ({}); kith never writes there, choose a file outside it\n",
        target.file, session.vault.root.string());
    return false;
  }
  return true;
}

}  // namespace

bool export_selection(Session& session, const ExportSelection& selection, bool org_chart,
                      const ExportTarget& target) {
  const std::string_view name = kNames[static_cast<std::size_t>(target.format)];
  if (!target_allowed(session, target)) return false;
  std::string bytes = graph_text(session.graph, selection, org_chart, target.format);
  if (target.format == GraphFormat::Svg || target.format == GraphFormat::Png) {
    std::string image;
    const std::string error = render_with_graphviz(bytes, name, image);
    if (!error.empty()) {
      session.err << fmt::format("error: {}\n", error);
      return false;
    }
    bytes = std::move(image);
  }
  return deliver(session, bytes, target.file);
}

std::optional<NodeId> find_account(Session& session, std::string_view written) {
  const Graph& g = session.graph;
  const auto label = g.find_label("Account");
  const auto name_key_id = g.find_key("name");
  const auto domains_key = g.find_key("domains");
  if (label) {
    if (const auto found = g.find_by_name(*label, written); !found.empty()) return found.front();
    std::string domain(written);
    std::transform(domain.begin(), domain.end(), domain.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const NodeId n : g.nodes_with_label(*label)) {
      const std::string* name = name_key_id ? string_of(g.node_property(n, *name_key_id)) : nullptr;
      if (name && same_account(*name, written)) return n;
      const Value* domains = domains_key ? g.node_property(n, *domains_key) : nullptr;
      if (domains && domains->is<List>()) {
        for (const Value& d : domains->as<List>()) {
          if (const std::string* s = string_of(&d); s && *s == domain) return n;
        }
      }
    }
  }
  std::vector<std::string> known;
  if (label && name_key_id) {
    for (const NodeId n : g.nodes_with_label(*label)) {
      if (const std::string* name = string_of(g.node_property(n, *name_key_id)))
        known.push_back(*name);
    }
  }
  std::sort(known.begin(), known.end());
  if (known.empty()) {
    session.err << fmt::format("error: no account '{}': the vault has no accounts\n", written);
  } else {
    session.err << fmt::format("error: no account '{}' (known: {})\n", written,
                               fmt::join(known, ", "));
  }
  return std::nullopt;
}

std::string org_chart_query(const std::optional<std::string>& account) {
  if (!account) {
    return "MATCH (a:Account)<-[w:WORKS_AT {current: true}]-(p:Person)\n"
           "OPTIONAL MATCH (p)-[r:REPORTS_TO|CHIEF_OF_STAFF_TO]-(:Person)\n"
           "RETURN a, w, r";
  }
  // Lines to people of the account, or to people no note places at any account.
  return fmt::format(
      "MATCH (a:Account {{name: {}}})<-[w:WORKS_AT {{current: true}}]-(p:Person)\n"
      "OPTIONAL MATCH (p)-[r:REPORTS_TO|CHIEF_OF_STAFF_TO]-(q:Person)\n"
      "WHERE (q)-[:WORKS_AT]->(a) OR NOT (q)-[:WORKS_AT]->(:Account)\n"
      "RETURN a, w, r",
      to_cypher(Value(*account)));
}

std::optional<ExportSelection> org_chart_selection(Session& session, std::optional<NodeId> account,
                                                   bool show_query) {
  std::optional<std::string> account_name;
  if (account) {
    const auto key = session.graph.find_key("name");
    const std::string* name =
        key ? string_of(session.graph.node_property(*account, *key)) : nullptr;
    account_name = name ? *name : std::string();
  }
  Statement statement;
  statement.text = org_chart_query(account_name);
  if (show_query) session.out << statement.text << ";\n\n";
  const auto result = run_query_statement(session, statement);
  if (!result) return std::nullopt;
  ExportSelection selection = result_selection(*result);
  if (account) selection.nodes.push_back(*account);
  return selection;
}

namespace {

// Blank-separated words; '...' or "..." keep blanks inside one word.
std::vector<std::string> split_words(std::string_view args) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < args.size()) {
    while (i < args.size() && std::isspace(static_cast<unsigned char>(args[i])))
      ++i;
    if (i == args.size()) break;
    std::string word;
    if (args[i] == '\'' || args[i] == '"') {
      const char quote = args[i++];
      while (i < args.size() && args[i] != quote)
        word += args[i++];
      ++i;
    } else {
      while (i < args.size() && !std::isspace(static_cast<unsigned char>(args[i])))
        word += args[i++];
    }
    words.push_back(std::move(word));
  }
  return words;
}

std::optional<GraphFormat> format_for(Session& session, std::string_view format,
                                      const std::string& file) {
  if (!format.empty()) {
    if (auto f = parse_graph_format(format)) return f;
    session.err << fmt::format("error: unknown export format '{}' (one of: {})\n", format,
                               fmt::join(graph_format_names(), ", "));
    return std::nullopt;
  }
  if (auto f = graph_format_of(file)) return f;
  session.err << fmt::format("error: cannot tell the format from '{}'; name it (one of: {})\n",
                             file, fmt::join(graph_format_names(), ", "));
  return std::nullopt;
}

bool has_something(Session& session, const ExportSelection& selection, const char* what) {
  if (!selection.whole_graph()) return true;
  session.err << fmt::format("error: {}\n", what);
  return false;
}

constexpr const char* kNothingInResult =
    "the result holds no nodes, relationships or paths to export (RETURN n, r or a path p)";
constexpr const char* kNobodyAtAnyAccount = "no one is known to work at any account";

}  // namespace

Outcome export_command(Session& session, std::string_view args) {
  const auto words = split_words(args);
  if (words.empty() || words.size() > 2) {
    session.err << "usage: :export [FORMAT] FILE\n";
    return Outcome::Failed;
  }
  const std::string& file = words.back();
  const auto format = format_for(session, words.size() == 2 ? words[0] : "", file);
  if (!format) return Outcome::Failed;
  if (!session.last_result) {
    session.err << "error: no result to export: :export writes the last query's result (none "
                   "yet, or the vault was reloaded since)\n";
    return Outcome::Failed;
  }
  const ExportSelection selection = result_selection(*session.last_result);
  if (!has_something(session, selection, kNothingInResult)) return Outcome::Failed;
  if (!export_selection(session, selection, false, {*format, file})) return Outcome::Failed;
  if (file != "-") session.out << fmt::format("wrote {}\n", file);
  return Outcome::Ok;
}

Outcome orgchart_command(Session& session, std::string_view args) {
  auto words = split_words(args);
  std::string file = "-";
  if (words.size() >= 2 && graph_format_of(words.back())) {
    file = words.back();
    words.pop_back();
  }
  if (words.empty()) {
    session.err << "usage: :orgchart ACCOUNT [FILE] or :orgchart --all [FILE]\n";
    return Outcome::Failed;
  }
  const bool all = words.size() == 1 && words[0] == "--all";
  std::optional<NodeId> account;
  if (!all) {
    account = find_account(session, fmt::format("{}", fmt::join(words, " ")));
    if (!account) return Outcome::Failed;
  }
  const GraphFormat format = file == "-" ? GraphFormat::Dot : *graph_format_of(file);
  const auto selection = org_chart_selection(session, account, true);
  if (!selection || !has_something(session, *selection, kNobodyAtAnyAccount))
    return Outcome::Failed;
  if (!export_selection(session, *selection, true, {format, file})) return Outcome::Failed;
  if (file != "-") session.out << fmt::format("wrote {}\n", file);
  return Outcome::Ok;
}

int run_export(Session& session, const ExportRequest& request) {
  constexpr int kQueryError = 1;
  constexpr int kUsageError = 2;
  const int asked = (request.query ? 1 : 0) + (request.account ? 1 : 0) + request.all_accounts;
  if (asked > 1) {
    session.err << "error: give one of --query, --orgchart and --all\n";
    return kUsageError;
  }
  const auto format = format_for(session, request.format, request.file);
  if (!format) return kUsageError;
  // Checked before any work too, so a refusal does not wait for a query.
  if (!target_allowed(session, {*format, request.file})) return kUsageError;
  ExportSelection selection;  // empty: the whole graph
  bool org_chart = false;
  if (request.query) {
    Statement statement;
    statement.text = *request.query;
    const auto result = run_query_statement(session, statement);
    if (!result) return kQueryError;
    selection = result_selection(*result);
    if (!has_something(session, selection, kNothingInResult)) return kQueryError;
  } else if (request.account || request.all_accounts) {
    org_chart = true;
    std::optional<NodeId> account;
    if (request.account) {
      account = find_account(session, *request.account);
      if (!account) return kUsageError;
    }
    const auto chart = org_chart_selection(session, account, false);
    if (!chart) return kQueryError;
    if (!has_something(session, *chart, kNobodyAtAnyAccount)) return kQueryError;
    selection = *chart;
  }
  return export_selection(session, selection, org_chart, {*format, request.file}) ? 0 : kUsageError;
}

}  // namespace kith::repl
