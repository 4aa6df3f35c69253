// The reference vault in /work/shared/examples: the facts its README lists.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "graph/graph.hpp"
#include "loaders/graph_builder.hpp"
#include "loaders/vault.hpp"

namespace kith::loaders {
namespace {

class ExampleVault : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* shared = std::getenv("KITH_SHARED_DIR");
    if (!shared) return;
    const std::filesystem::path root = std::filesystem::path(shared) / "examples" / "vault";
    if (!std::filesystem::exists(root)) return;
    graph_ = new Graph();
    vault_ = new Vault(read_vault(root));
    report_ = new BuildReport(build_graph(*vault_, *graph_));
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete vault_;
    delete report_;
    graph_ = nullptr;
  }
  void SetUp() override {
    if (!graph_) GTEST_SKIP() << "KITH_SHARED_DIR/examples/vault not found";
  }

  static NodeId person(std::string_view name) {
    const auto found = graph_->find_by_name(*graph_->find_label("Person"), name);
    EXPECT_EQ(found.size(), 1u) << name;
    return found.empty() ? ~NodeId{0} : found.front();
  }
  static std::string name_of(NodeId n) {
    const Value* v = graph_->node_property(n, *graph_->find_key("name"));
    return v && v->is<std::string>() ? v->as<std::string>() : std::string();
  }
  // Targets of `type` relationships out of `from`, by name, with the `current` flag if any.
  static std::vector<std::string> out(NodeId from, std::string_view type,
                                      std::optional<bool> current = std::nullopt) {
    std::vector<std::string> names;
    const SymbolId t = *graph_->find_type(type);
    const SymbolId types[] = {t};
    graph_->for_each_relationship(from, Direction::Out, types, [&](RelId r, NodeId other) {
      if (current) {
        const Value* c = graph_->rel_property(r, *graph_->find_key("current"));
        if (!c || c->as<bool>() != *current) return;
      }
      names.push_back(name_of(other));
    });
    std::sort(names.begin(), names.end());
    return names;
  }

  static Graph* graph_;
  static Vault* vault_;
  static BuildReport* report_;
};
Graph* ExampleVault::graph_ = nullptr;
Vault* ExampleVault::vault_ = nullptr;
BuildReport* ExampleVault::report_ = nullptr;

TEST_F(ExampleVault, PrintsReport) {
  std::cout << format_build_report(*report_, 100);
}

TEST_F(ExampleVault, ReportingLines) {
  EXPECT_EQ(out(person("Tobias Kerr"), "REPORTS_TO", true),
            std::vector<std::string>{"Helga Strøm"});
  EXPECT_EQ(out(person("Helga Strøm"), "REPORTS_TO", true), std::vector<std::string>{"Wen Li"});
  EXPECT_EQ(out(person("Ian Pryce"), "REPORTS_TO", true), std::vector<std::string>{"Tobias Kerr"});
  EXPECT_EQ(out(person("Dana Whitlock"), "REPORTS_TO", true),
            std::vector<std::string>{"Marcus Feld"});
  EXPECT_EQ(out(person("Priya Raman"), "REPORTS_TO", false), std::vector<std::string>{"Leo Hart"});
  EXPECT_TRUE(out(person("Priya Raman"), "REPORTS_TO", true).empty());
  EXPECT_EQ(out(person("Ravi Menon"), "CHIEF_OF_STAFF_TO"), std::vector<std::string>{"Wen Li"});
}

TEST_F(ExampleVault, Employers) {
  auto has = [](const std::vector<std::string>& v, std::string_view x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  EXPECT_TRUE(has(out(person("Nikhil Rao"), "WORKS_AT"), "Contoso"));
  EXPECT_TRUE(has(out(person("Jónas Eiríksson"), "WORKS_AT"), "Northwind Data"));
  EXPECT_TRUE(has(out(person("Arjun Patel"), "WORKS_AT"), "Fabrikam"));
}

TEST_F(ExampleVault, OneNodePerPerson) {
  EXPECT_EQ(person("Jonas Eriksson"), person("Jónas Eiríksson"));
  EXPECT_EQ(person("Nikil Rao"), person("Nikhil Rao"));
  EXPECT_EQ(person("Dana Witlock"), person("Dana Whitlock"));
  EXPECT_EQ(name_of(person("Jonas Eriksson")), "Jónas Eiríksson");
  // Two Contoso.md notes, one account.
  EXPECT_EQ(graph_->find_by_name(*graph_->find_label("Account"), "Contoso").size(), 1u);
}

TEST_F(ExampleVault, MeetingTasks) {
  const SymbolId task = *graph_->find_label("Task");
  const SymbolId path = *graph_->find_key("path");
  const SymbolId open = *graph_->find_key("open");
  int total = 0, open_count = 0, owned_by_priya = 0, unowned = 0;
  const NodeId priya = person("Priya Raman");
  const SymbolId owns = *graph_->find_type("OWNS");
  const SymbolId owns_types[] = {owns};
  for (NodeId t : graph_->nodes_with_label(task)) {
    if (graph_->node_property(t, path)->as<std::string>() !=
        "Meetings/2025-12-27-halyard-escalation.md")
      continue;
    ++total;
    open_count += graph_->node_property(t, open)->as<bool>() ? 1 : 0;
    std::size_t owners = 0;
    graph_->for_each_relationship(t, Direction::In, owns_types, [&](RelId, NodeId o) {
      ++owners;
      owned_by_priya += o == priya ? 1 : 0;
    });
    unowned += owners == 0 ? 1 : 0;
  }
  EXPECT_EQ(total, 8);
  EXPECT_EQ(open_count, 6);
  EXPECT_EQ(owned_by_priya, 2);
  EXPECT_EQ(unowned, 1);
}

TEST_F(ExampleVault, Decider) {
  EXPECT_EQ(out(person("Wen Li"), "DECIDES"), std::vector<std::string>{"Halyard"});
}

TEST_F(ExampleVault, PathsOfInfluenceToTheDecider) {
  const NodeId wen = person("Wen Li");
  std::vector<std::string> influencers;
  const SymbolId types[] = {*graph_->find_type("INFLUENCES")};
  graph_->for_each_relationship(wen, Direction::In, types, [&](RelId r, NodeId from) {
    influencers.push_back(name_of(from));
    const Value* reasons = graph_->rel_property(r, *graph_->find_key("reasons"));
    ASSERT_TRUE(reasons && reasons->is<List>());
    for (const Value& reason : reasons->as<List>())
      EXPECT_NE(reason.as<std::string>().find(".md:"), std::string::npos) << to_cypher(reason);
  });
  for (const char* who : {"Ravi Menon", "Helga Strøm", "Ian Pryce"})
    EXPECT_NE(std::find(influencers.begin(), influencers.end(), who), influencers.end()) << who;
  // Through Helga: Tobias influences Helga, who influences Wen.
  const auto tobias = out(person("Tobias Kerr"), "INFLUENCES");
  EXPECT_NE(std::find(tobias.begin(), tobias.end(), "Helga Strøm"), tobias.end());
}

TEST_F(ExampleVault, IntroductionFromTheEmail) {
  const NodeId leo = person("Leo Hart");
  const SymbolId types[] = {*graph_->find_type("INTRODUCED")};
  std::vector<std::string> introduced, others;
  graph_->for_each_relationship(leo, Direction::Out, types, [&](RelId r, NodeId to) {
    introduced.push_back(name_of(to));
    others.push_back(graph_->rel_property(r, *graph_->find_key("to"))->as<std::string>());
    const Value* date = graph_->rel_property(r, *graph_->find_key("date"));
    ASSERT_TRUE(date);
    EXPECT_EQ(date->as<Date>(), *Date::parse_iso("2025-12-18"));
  });
  std::sort(introduced.begin(), introduced.end());
  std::sort(others.begin(), others.end());
  EXPECT_EQ(introduced, (std::vector<std::string>{"Arjun Patel", "Priya Raman"}));
  EXPECT_EQ(others, introduced);
}

TEST_F(ExampleVault, TheFlattenedThreadHoldsFourMessages) {
  const SymbolId email = *graph_->find_label("Email");
  const SymbolId path = *graph_->find_key("path");
  int count = 0;
  NodeId priyas = ~NodeId{0};
  for (NodeId e : graph_->nodes_with_label(email)) {
    if (graph_->node_property(e, path)->as<std::string>() !=
        "Email/Re-Halyard-Northwind-December-8th-EoD-update.md")
      continue;
    ++count;
    const SymbolId sent[] = {*graph_->find_type("SENT")};
    graph_->for_each_relationship(e, Direction::In, sent, [&](RelId, NodeId from) {
      if (from == person("Priya Raman")) priyas = e;
    });
  }
  EXPECT_EQ(count, 4);
  ASSERT_NE(priyas, ~NodeId{0});
  EXPECT_EQ(out(priyas, "TO"), std::vector<std::string>{"Dana Whitlock"});
  EXPECT_EQ(out(priyas, "CC"), (std::vector<std::string>{"Elan Brook", "Jónas Eiríksson",
                                                         "Marcus Feld", "Ori Sharon"}));
}

}  // namespace
}  // namespace kith::loaders
