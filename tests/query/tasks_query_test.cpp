// Obsidian Tasks queries -> Cypher: the text of each filter, what it finds when run on a small
// graph, the date phrases against a fixed today, and errors at line:column.
#include "query/tasks_query.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query/engine.hpp"
#include "query/tasks_date.hpp"

namespace kith::query {
namespace {

// A Wednesday.
const Date kToday = *Date::parse_iso("2026-11-04");

std::variant<TasksQuery, TasksQueryError> translate(std::string_view text) {
  return translate_tasks_query(text, {kToday});
}

std::string cypher(std::string_view text) {
  const auto r = translate(text);
  if (const auto* e = std::get_if<TasksQueryError>(&r)) {
    ADD_FAILURE() << "error " << e->line << ":" << e->column << ": " << e->message;
    return {};
  }
  return std::get<TasksQuery>(r).cypher;
}

// The WHERE clause of the translation, its lines joined by '\n'; empty when there is none.
std::string where(std::string_view text) {
  const std::string c = cypher(text);
  const std::size_t start = c.find("WHERE ");
  if (start == std::string::npos) return {};
  const std::size_t end = c.find("\nOPTIONAL MATCH");
  return c.substr(start + 6, end - start - 6);
}

// "line:column: message".
std::string error(std::string_view text) {
  const auto r = translate(text);
  const auto* e = std::get_if<TasksQueryError>(&r);
  if (e == nullptr) return "no error; Cypher:\n" + std::get<TasksQuery>(r).cypher;
  return std::to_string(e->line) + ":" + std::to_string(e->column) + ": " + e->message;
}

std::string date_range(std::string_view text) {
  const auto r = parse_tasks_date_range(text, kToday);
  if (!r) return "none";
  return r->first.to_string() + ".." + r->last.to_string();
}

TEST(TasksQuery, NotDoneReadsAsPlainCypher) {
  EXPECT_EQ(cypher("not done"),
            "MATCH (t:Task)\n"
            "WHERE t.open\n"
            "OPTIONAL MATCH (owner:Person)-[:OWNS]->(t)\n"
            "WITH t, collect(owner.name) AS owners\n"
            "RETURN t.status AS status, t.status_type AS status_type, t.text AS text, owners,\n"
            "       t.due AS due, t.priority AS priority, t.path AS path, t.line AS line\n"
            "ORDER BY t.open DESC,\n"
            "         due,\n"
            "         CASE priority WHEN 'highest' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 "
            "WHEN 'low' THEN 4 WHEN 'lowest' THEN 5 ELSE 3 END,\n"
            "         path,\n"
            "         line");
}

TEST(TasksQuery, AnEmptyQueryListsEveryTask) {
  const std::string c = cypher("\n# only a comment\n   \n");
  EXPECT_EQ(c.rfind("MATCH (t:Task)\nOPTIONAL MATCH", 0), 0u) << c;
}

TEST(TasksQuery, StatusFilters) {
  EXPECT_EQ(where("done"), "NOT t.open");
  EXPECT_EQ(where("Not Done"), "t.open");
  EXPECT_EQ(where("status.type is in_progress"), "t.status_type = 'IN_PROGRESS'");
  EXPECT_EQ(where("status.type is not CANCELLED"), "t.status_type <> 'CANCELLED'");
}

TEST(TasksQuery, DateFilters) {
  EXPECT_EQ(where("due before 2026-11-03"), "t.due < date('2026-11-03')");
  EXPECT_EQ(where("due after tomorrow"), "t.due > date('2026-11-05')");
  EXPECT_EQ(where("due on today"), "t.due = date('2026-11-04')");
  EXPECT_EQ(where("due 2026-11-03"), "t.due = date('2026-11-03')");
  EXPECT_EQ(where("due on or before yesterday"), "t.due <= date('2026-11-03')");
  EXPECT_EQ(where("scheduled in 2026-11"),
            "t.scheduled >= date('2026-11-01') AND t.scheduled <= date('2026-11-30')");
  EXPECT_EQ(where("done in or after last week"), "t.done >= date('2026-10-26')");
  EXPECT_EQ(where("created before next month"), "t.created < date('2026-12-01')");
  EXPECT_EQ(where("due after this week"), "t.due > date('2026-11-08')");
  EXPECT_EQ(where("due in 3 days"), "t.due = date('2026-11-07')");
  // Tasks without a start date pass start-date filters, as in the plugin.
  EXPECT_EQ(where("starts before tomorrow"), "t.start IS NULL OR t.start < date('2026-11-05')");
  EXPECT_EQ(where("happens on 2026-11-10"),
            "any(d IN [t.start, t.scheduled, t.due] WHERE d = date('2026-11-10'))");
  EXPECT_EQ(where("has due date"), "t.due IS NOT NULL");
  EXPECT_EQ(where("no scheduled date"), "t.scheduled IS NULL");
  EXPECT_EQ(where("has start date"), "t.start IS NOT NULL");
  EXPECT_EQ(where("no happens date"), "coalesce(t.start, t.scheduled, t.due) IS NULL");
}

TEST(TasksQuery, TextAndTagFilters) {
  EXPECT_EQ(where("path includes Contoso"), "toLower(t.path) CONTAINS toLower('Contoso')");
  EXPECT_EQ(where("description does not include it's"),
            "NOT toLower(t.text) CONTAINS toLower('it\\'s')");
  EXPECT_EQ(where("filename includes weekly"),
            "toLower(split(t.path, '/')[-1]) CONTAINS toLower('weekly')");
  EXPECT_EQ(where("tags include #deal"),
            "any(tag IN t.tags WHERE toLower(tag) STARTS WITH toLower('deal'))");
  EXPECT_EQ(where("tag does not include pilot"),
            "none(tag IN t.tags WHERE toLower(tag) CONTAINS toLower('pilot'))");
  EXPECT_EQ(where("has tags"), "size(t.tags) > 0");
  EXPECT_EQ(where("no tags"), "size(t.tags) = 0");
}

TEST(TasksQuery, PriorityFilters) {
  EXPECT_EQ(where("priority is high"), "t.priority = 'high'");
  EXPECT_EQ(where("priority is none"), "t.priority IS NULL");
  EXPECT_EQ(where("priority is not none"), "t.priority IS NOT NULL");
  EXPECT_EQ(where("priority is not high"), "t.priority IS NULL OR t.priority <> 'high'");
  EXPECT_EQ(where("priority is above medium"), "t.priority IN ['highest', 'high']");
  EXPECT_EQ(where("priority is below medium"),
            "t.priority IS NULL OR t.priority IN ['low', 'lowest']");
  EXPECT_EQ(where("priority is above highest"), "false");
}

TEST(TasksQuery, LinesAreJoinedWithAndAndDisjunctionsParenthesised) {
  EXPECT_EQ(where("not done\n(due before today) OR (no due date)\npath includes a"),
            "t.open\n"
            "  AND (t.due < date('2026-11-04') OR t.due IS NULL)\n"
            "  AND toLower(t.path) CONTAINS toLower('a')");
}

TEST(TasksQuery, BooleanCombinations) {
  EXPECT_EQ(where("(done) AND (has due date)"), "NOT t.open AND t.due IS NOT NULL");
  // NOT, then XOR, then AND, then OR, whatever Cypher's own precedence.
  EXPECT_EQ(where("(done) OR (has tags) AND (no tags)"),
            "NOT t.open OR (size(t.tags) > 0 AND size(t.tags) = 0)");
  EXPECT_EQ(where("(done) AND (has tags) XOR (no tags)"),
            "NOT t.open AND (size(t.tags) > 0 XOR size(t.tags) = 0)");
  EXPECT_EQ(where("[path includes (draft)] AND NOT [tags include #x]"),
            "toLower(t.path) CONTAINS toLower('(draft)') AND "
            "NOT any(tag IN t.tags WHERE toLower(tag) STARTS WITH toLower('x'))");
  EXPECT_EQ(where("NOT ((done) OR (has tags))"), "NOT (NOT t.open OR size(t.tags) > 0)");
  EXPECT_EQ(where("\"done\" OR \"no tags\""), "NOT t.open OR size(t.tags) = 0");
  // A missing date is tested for under NOT, so undated tasks are `NOT (due before ...)`.
  EXPECT_EQ(where("NOT (due before today)"),
            "NOT (t.due IS NOT NULL AND t.due < date('2026-11-04'))");
  EXPECT_EQ(where("NOT (priority is high)"),
            "NOT (t.priority IS NOT NULL AND t.priority = 'high')");
  EXPECT_EQ(where("(due in 2026-11) XOR (done)"),
            "(t.due IS NOT NULL AND t.due >= date('2026-11-01') AND t.due <= date('2026-11-30')) "
            "XOR NOT t.open");
  EXPECT_EQ(where("(done) OR \\\n   (no tags)"), "NOT t.open OR size(t.tags) = 0");
}

TEST(TasksQuery, SortingLimitsAndGrouping) {
  const auto r = translate(
      "sort by priority reverse\nsort by Due\ngroup by owner\ngroup by due\nlimit to 5 tasks\n"
      "limit groups 2\nexplain\nshort mode\nhide due date\nshow backlink");
  ASSERT_TRUE(std::holds_alternative<TasksQuery>(r)) << error("sort by priority reverse");
  const TasksQuery& q = std::get<TasksQuery>(r);
  EXPECT_NE(q.cypher.find("\nORDER BY CASE priority WHEN 'highest' THEN 0 WHEN 'high' THEN 1 "
                          "WHEN 'medium' THEN 2 WHEN 'low' THEN 4 WHEN 'lowest' THEN 5 ELSE 3 "
                          "END DESC,\n         due,\n         t.open DESC,\n         path,\n"
                          "         line\nLIMIT 5"),
            std::string::npos)
      << q.cypher;
  EXPECT_EQ(q.groups, (std::vector<TaskGrouping>{TaskGrouping::Owner, TaskGrouping::Due}));
  EXPECT_EQ(q.limit_per_group, 2);
  EXPECT_TRUE(q.explain);
  EXPECT_NE(cypher("sort by status reverse").find("ORDER BY t.open,\n         due,\n"),
            std::string::npos);
  EXPECT_NE(
      cypher("sort by filename").find("ORDER BY split(path, '/')[-1],\n         t.open DESC,\n"),
      std::string::npos);
}

TEST(TasksQuery, ErrorsNameTheLineAndColumn) {
  EXPECT_EQ(error("not done\n\n# a comment\nfoo bar"), "4:1: unknown instruction 'foo bar'");
  EXPECT_EQ(error("  due before 2026-02-30"),
            "1:14: cannot read '2026-02-30' as a date or date range (2026-11-03, today, in 3 "
            "days, next week, 2026-11, 2026-W45, 2026-Q4, 2026)");
  EXPECT_EQ(error("priority is urgent"),
            "1:13: unknown priority 'urgent' (one of: highest, high, medium, none, low, lowest)");
  EXPECT_EQ(error("status.type is WAITING"),
            "1:16: unknown status type 'WAITING' (one of: TODO, IN_PROGRESS, DONE, CANCELLED, "
            "NON_TASK, ON_HOLD)");
  EXPECT_EQ(error("(done) AND (due befor today"), "1:12: this '(' is never closed");
  EXPECT_EQ(error("(done) AND [no tags]"),
            "1:12: expected a filter in (...): all filters on a line take the same delimiters");
  EXPECT_EQ(error("(done) (no tags)"), "1:8: expected AND, OR, XOR or the end of the line");
  EXPECT_EQ(error("(done) AND (dew before today)"), "1:13: unknown instruction 'dew before today'");
  EXPECT_EQ(error("(done) OR \\\n  (bad thing)"), "2:4: unknown instruction 'bad thing'");
  EXPECT_EQ(error("path includes é\ndue before ünknown"),
            "2:12: cannot read 'ünknown' as a date or date range (2026-11-03, today, in 3 days, "
            "next week, 2026-11, 2026-W45, 2026-Q4, 2026)");
  EXPECT_EQ(error("sort by urgency"),
            "1:9: cannot sort by 'urgency' (one of: status, due, scheduled, start, created, "
            "done, priority, path, filename, description)");
  EXPECT_EQ(error("group by tags"),
            "1:10: cannot group by 'tags' (one of: owner, path, folder, filename, due, "
            "priority, status)");
  EXPECT_EQ(error("limit ten"), "1:7: 'limit' needs a whole number: limit 10");
  EXPECT_EQ(error("path includes"), "1:14: 'path includes' needs the text to look for");
  EXPECT_EQ(error("due"), "1:4: 'due' needs a date: due before 2026-11-03");
}

TEST(TasksQuery, HugeOrDeepCombinationsAreRefusedNotRecursedInto) {
  std::string nots;
  for (int i = 0; i < 100; ++i)
    nots += "NOT ";
  EXPECT_EQ(error(nots + "(done)"), "1:260: filters nested too deeply");
  std::string deep = std::string(100, '(') + "done" + std::string(100, ')');
  EXPECT_EQ(error(deep), "1:65: filters nested too deeply");
  std::string wide = "(done)";
  for (int i = 0; i < 300; ++i)
    wide += " AND (done)";
  EXPECT_EQ(error(wide), "1:2818: more than 256 filters on one line");
}

TEST(TasksQuery, FiltersKithCannotAnswerAreRefusedWithTheReason) {
  EXPECT_EQ(error("heading includes Actions"),
            "1:1: 'heading' filters need the heading a task is under, which kith's graph does "
            "not keep");
  EXPECT_EQ(error("not done\nis recurring"),
            "2:1: recurrence filters are not supported: kith's graph does not keep recurrence "
            "rules");
  EXPECT_EQ(error("path regex matches /x/"),
            "1:1: regular expression filters are not supported; use 'includes'");
}

TEST(TasksDates, PhrasesCountFromToday) {
  EXPECT_EQ(date_range("today"), "2026-11-04..2026-11-04");
  EXPECT_EQ(date_range("Tomorrow"), "2026-11-05..2026-11-05");
  EXPECT_EQ(date_range("yesterday"), "2026-11-03..2026-11-03");
  EXPECT_EQ(date_range("in 3 days"), "2026-11-07..2026-11-07");
  EXPECT_EQ(date_range("in two weeks"), "2026-11-18..2026-11-18");
  EXPECT_EQ(date_range("a month ago"), "2026-10-04..2026-10-04");
  EXPECT_EQ(date_range("14 days ago"), "2026-10-21..2026-10-21");
  EXPECT_EQ(date_range("in 1 year"), "2027-11-04..2027-11-04");
  // The nearest weekday, then the next and last ones strictly after and before today.
  EXPECT_EQ(date_range("monday"), "2026-11-02..2026-11-02");
  EXPECT_EQ(date_range("saturday"), "2026-11-07..2026-11-07");
  EXPECT_EQ(date_range("wednesday"), "2026-11-04..2026-11-04");
  EXPECT_EQ(date_range("next monday"), "2026-11-09..2026-11-09");
  EXPECT_EQ(date_range("next wednesday"), "2026-11-11..2026-11-11");
  EXPECT_EQ(date_range("last friday"), "2026-10-30..2026-10-30");
}

TEST(TasksDates, Ranges) {
  EXPECT_EQ(date_range("this week"), "2026-11-02..2026-11-08");
  EXPECT_EQ(date_range("next week"), "2026-11-09..2026-11-15");
  EXPECT_EQ(date_range("last week"), "2026-10-26..2026-11-01");
  EXPECT_EQ(date_range("last month"), "2026-10-01..2026-10-31");
  EXPECT_EQ(date_range("next month"), "2026-12-01..2026-12-31");
  EXPECT_EQ(date_range("this quarter"), "2026-10-01..2026-12-31");
  EXPECT_EQ(date_range("next quarter"), "2027-01-01..2027-03-31");
  EXPECT_EQ(date_range("last year"), "2025-01-01..2025-12-31");
  EXPECT_EQ(date_range("2026-W45"), "2026-11-02..2026-11-08");
  EXPECT_EQ(date_range("2026-w01"), "2025-12-29..2026-01-04");
  EXPECT_EQ(date_range("2020-W53"), "2020-12-28..2021-01-03");
  EXPECT_EQ(date_range("2021-W53"), "none");
  EXPECT_EQ(date_range("2024-02"), "2024-02-01..2024-02-29");
  EXPECT_EQ(date_range("2026-Q1"), "2026-01-01..2026-03-31");
  EXPECT_EQ(date_range("2026"), "2026-01-01..2026-12-31");
  EXPECT_EQ(date_range("2026-11-20 2026-11-10"), "2026-11-10..2026-11-20");
  EXPECT_EQ(date_range("2026-02-29"), "none");
  EXPECT_EQ(date_range("2026-13"), "none");
  EXPECT_EQ(date_range("soon"), "none");
}

TEST(TasksDates, MonthsEndOnTheLastDayWhenShorter) {
  const auto r = parse_tasks_date_range("in 1 month", *Date::parse_iso("2026-01-31"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first.to_string(), "2026-02-28");
}

// The translations run on the query engine and find what the plugin would.
class TasksOnAGraph : public ::testing::Test {
 protected:
  void SetUp() override {
    run_query(g_,
              "CREATE (dana:Person {name: 'Dana'}), (sam:Person {name: 'Sam'}), "
              "(dana)-[:OWNS]->(:Task {text: 'Send pricing', status: ' ', status_type: 'TODO', "
              "  open: true, due: date('2026-11-03'), priority: 'high', tags: ['deal'], "
              "  path: 'Accounts/Contoso.md', line: 10}), "
              "(sam)-[:OWNS]->(:Task {text: 'Book room', status: 'x', status_type: 'DONE', "
              "  open: false, due: date('2026-10-20'), done: date('2026-10-19'), tags: [], "
              "  path: 'Accounts/Contoso.md', line: 11}), "
              "(:Task {text: 'Draft plan', status: '/', status_type: 'IN_PROGRESS', open: true, "
              "  scheduled: date('2026-11-10'), priority: 'medium', tags: ['deal/pilot'], "
              "  path: 'Accounts/Contoso.md', line: 12}), "
              "(sam)-[:OWNS]->(:Task {text: 'Review renewal', status: ' ', status_type: 'TODO', "
              "  open: true, due: date('2026-11-06'), priority: 'low', tags: ['renewal'], "
              "  path: 'Meetings/Weekly.md', line: 3}), "
              "(:Task {text: 'Call vendor', status: '-', status_type: 'CANCELLED', open: false, "
              "  due: date('2026-11-01'), tags: [], path: 'Meetings/Weekly.md', line: 4}), "
              "(:Task {text: 'Update roadmap', status: ' ', status_type: 'TODO', open: true, "
              "  start: date('2026-11-20'), tags: ['Roadmap'], path: 'Meetings/Weekly.md', "
              "  line: 5})");
  }

  // The texts of the tasks found, in the order the query gives them.
  std::string found(std::string_view text) {
    const Result r = run_query(g_, cypher(text));
    std::string out;
    for (const auto& row : r.rows) {
      if (!out.empty()) out += ", ";
      out += row[2].as<std::string>();
    }
    return out;
  }

  Graph g_;
};

TEST_F(TasksOnAGraph, DefaultOrderIsOpenFirstThenDueThenPriorityThenPath) {
  EXPECT_EQ(found(""),
            "Send pricing, Review renewal, Draft plan, Update roadmap, Book room, Call vendor");
}

TEST_F(TasksOnAGraph, Statuses) {
  EXPECT_EQ(found("done"), "Book room, Call vendor");
  EXPECT_EQ(found("not done"), "Send pricing, Review renewal, Draft plan, Update roadmap");
  EXPECT_EQ(found("status.type is IN_PROGRESS"), "Draft plan");
}

TEST_F(TasksOnAGraph, Dates) {
  EXPECT_EQ(found("due before today"), "Send pricing, Book room, Call vendor");
  EXPECT_EQ(found("due in this week"), "Send pricing, Review renewal");
  EXPECT_EQ(found("NOT (due before today)"), "Review renewal, Draft plan, Update roadmap");
  EXPECT_EQ(found("no due date"), "Draft plan, Update roadmap");
  EXPECT_EQ(found("starts before next week"),
            "Send pricing, Review renewal, Draft plan, Book room, Call vendor");
  EXPECT_EQ(found("happens after 2026-11-05"), "Review renewal, Draft plan, Update roadmap");
  EXPECT_EQ(found("done on 2026-10-19"), "Book room");
  EXPECT_EQ(found("NOT (happens in 2026-11)"), "Book room");
}

TEST_F(TasksOnAGraph, TextTagsAndPriorities) {
  EXPECT_EQ(found("path includes contoso\nnot done"), "Send pricing, Draft plan");
  EXPECT_EQ(found("description includes PLAN"), "Draft plan");
  EXPECT_EQ(found("filename includes week\ndone"), "Call vendor");
  EXPECT_EQ(found("tags include #deal"), "Send pricing, Draft plan");
  EXPECT_EQ(found("tags include pilot"), "Draft plan");
  EXPECT_EQ(found("tags include #pilot"), "");
  EXPECT_EQ(found("tags include #roadmap"), "Update roadmap");
  EXPECT_EQ(found("not done\ntags do not include deal"), "Review renewal, Update roadmap");
  EXPECT_EQ(found("priority is above none"), "Send pricing, Draft plan");
  EXPECT_EQ(found("priority is below none"), "Review renewal");
  EXPECT_EQ(found("not done\npriority is none"), "Update roadmap");
  EXPECT_EQ(found("not done\nNOT (priority is high)"),
            "Review renewal, Draft plan, Update roadmap");
}

TEST_F(TasksOnAGraph, CombinationsSortsAndLimits) {
  EXPECT_EQ(found("(tags include #deal) AND NOT (due before today)"), "Draft plan");
  EXPECT_EQ(found("(done) OR (priority is low)"), "Review renewal, Book room, Call vendor");
  EXPECT_EQ(found("(has due date) XOR (not done)"),
            "Draft plan, Update roadmap, Book room, "
            "Call vendor");
  EXPECT_EQ(found("not done\nsort by description\nlimit 2"), "Draft plan, Review renewal");
  EXPECT_EQ(found("not done\nsort by priority"),
            "Send pricing, Draft plan, Update roadmap, Review renewal");
  EXPECT_EQ(found("not done\nsort by due reverse\nlimit 1"), "Draft plan");
}

TEST_F(TasksOnAGraph, OwnersAreCollected) {
  const Result r = run_query(g_, cypher("description includes pricing"));
  ASSERT_EQ(r.rows.size(), 1u);
  ASSERT_EQ(r.columns,
            (std::vector<std::string>(std::begin(kTasksColumns), std::end(kTasksColumns))));
  EXPECT_EQ(r.rows[0][3], Value(List{Value("Dana")}));
}

}  // namespace
}  // namespace kith::query
