// The Obsidian Tasks query translator: any text either fails with a line and column inside
// the text, or becomes Cypher that the engine accepts and runs on a small graph of tasks.
// Cypher the engine rejects is a translator bug, so a QueryError here is a finding.
#include <algorithm>
#include <chrono>
#include <variant>

#include "fuzz_target.hpp"
#include "graph/graph.hpp"
#include "query/engine.hpp"
#include "query/tasks_query.hpp"

namespace {

void build_tasks(kith::Graph& g) {
  auto task = g.intern_label("Task");
  auto person = g.intern_label("Person");
  auto owns = g.intern_type("OWNS");
  auto owner = g.create_node({&person, 1}, {{g.intern_key("name"), kith::Value("Wen Li")}});
  for (int i = 0; i < 4; ++i) {
    kith::PropertyList props = {
        {g.intern_key("text"), kith::Value("Send the deck #sales")},
        {g.intern_key("status"), kith::Value(i % 2 ? "x" : " ")},
        {g.intern_key("status_type"), kith::Value(i % 2 ? "DONE" : "TODO")},
        {g.intern_key("open"), kith::Value(i % 2 == 0)},
        {g.intern_key("path"), kith::Value("Meetings/2026-03-01 Contoso.md")},
        {g.intern_key("line"), kith::Value(10 + i)},
        {g.intern_key("tags"), kith::Value(kith::List{kith::Value("#sales")})},
    };
    if (i < 3) props.emplace_back(g.intern_key("due"), kith::Value(kith::Date{20513 + i}));
    if (i == 1) props.emplace_back(g.intern_key("priority"), kith::Value("high"));
    auto t = g.create_node({&task, 1}, std::move(props));
    if (i < 2) g.create_relationship(owner, t, owns);
  }
}

}  // namespace

KITH_FUZZ_TARGET(tasks_query) {
  std::string_view text = kith::fuzz::as_text(data, size);
  kith::query::TasksQueryOptions options;
  options.today = kith::Date{20513};  // 2026-03-01
  auto translated = kith::query::translate_tasks_query(text, options);
  if (auto* error = std::get_if<kith::query::TasksQueryError>(&translated)) {
    const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
    FUZZ_CHECK(error->line >= 1 && error->line <= lines);
    FUZZ_CHECK(error->column >= 1);
    return 0;
  }
  kith::Graph graph;
  build_tasks(graph);
  kith::query::QueryOptions guards;
  guards.timeout = std::chrono::milliseconds(2000);
  kith::query::run_query(graph, std::get<kith::query::TasksQuery>(translated).cypher, {}, guards);
  return 0;
}
