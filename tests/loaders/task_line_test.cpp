#include "loaders/task_line.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kith::loaders {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Date day(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

struct Parsed {
  std::optional<doc::Task> task;
  std::vector<doc::Warning> warnings;
};

Parsed parse(std::string_view line, std::uint32_t line_no = 7) {
  Parsed p;
  p.task = parse_task_line(line, line_no, "Notes/tasks.md", p.warnings);
  return p;
}

doc::Task task(std::string_view line) {
  Parsed p = parse(line);
  EXPECT_TRUE(p.task.has_value()) << line;
  EXPECT_THAT(p.warnings, IsEmpty()) << line;
  return p.task.value_or(doc::Task{});
}

TEST(TaskLine, EveryStatusCharacterKeepsItsSymbolAndPluginType) {
  struct Case {
    std::string_view line;
    char32_t status;
    doc::StatusType type;
  };
  const Case cases[] = {
      {"- [ ] a", U' ', doc::StatusType::Todo},      {"- [x] a", U'x', doc::StatusType::Done},
      {"- [X] a", U'X', doc::StatusType::Done},      {"- [/] a", U'/', doc::StatusType::InProgress},
      {"- [-] a", U'-', doc::StatusType::Cancelled}, {"- [?] a", U'?', doc::StatusType::Todo},
      {"- [>] a", U'>', doc::StatusType::Todo},      {"- [!] a", U'!', doc::StatusType::Todo},
      {"- [✓] a", U'✓', doc::StatusType::Todo},
  };
  for (const Case& c : cases) {
    doc::Task t = task(c.line);
    EXPECT_EQ(t.status, c.status) << c.line;
    EXPECT_EQ(t.status_type, c.type) << c.line;
    EXPECT_EQ(t.description, "a") << c.line;
  }
  EXPECT_TRUE(task("- [?] a").open());
  EXPECT_FALSE(task("- [-] a").open());
}

TEST(TaskLine, AcceptsEveryListMarkerIndentationAndQuotes) {
  for (std::string_view line :
       {"- [ ] call", "* [ ] call", "+ [ ] call", "1. [ ] call", "12) [ ] call", "    - [ ] call",
        "\t- [ ] call", "> - [ ] call", "> > * [x] call", "-   [ ]   call"}) {
    Parsed p = parse(line);
    ASSERT_TRUE(p.task.has_value()) << line;
    EXPECT_EQ(p.task->description, "call") << line;
  }
}

TEST(TaskLine, RejectsLinesThatAreNotTasks) {
  for (std::string_view line :
       {"- call Dana", "-[ ] call", "[ ] call", "- [] call", "- [ab] call", "- [x](url) call",
        "- [ ]call", "1.[ ] call", "text - [ ] call", "", "- [ "}) {
    EXPECT_FALSE(parse(line).task.has_value()) << line;
  }
}

TEST(TaskLine, EmptyTaskHasEmptyDescription) {
  doc::Task t = task("- [ ]");
  EXPECT_EQ(t.description, "");
}

TEST(TaskLine, ReadsEveryEmojiDateSignifier) {
  doc::Task t = task(
      "- [ ] Ship it 📅 2026-01-09 ⏳ 2026-01-05 🛫 2026-01-02 ➕ 2025-12-30 ✅ 2026-01-08 "
      "❌ 2026-01-07");
  EXPECT_EQ(t.description, "Ship it");
  EXPECT_EQ(t.due, day(2026, 1, 9));
  EXPECT_EQ(t.scheduled, day(2026, 1, 5));
  EXPECT_EQ(t.start, day(2026, 1, 2));
  EXPECT_EQ(t.created, day(2025, 12, 30));
  EXPECT_EQ(t.done, day(2026, 1, 8));
  EXPECT_EQ(t.cancelled, day(2026, 1, 7));
}

TEST(TaskLine, AlternativeEmojiAndVariationSelectorsAreTheSameSignifier) {
  EXPECT_EQ(task("- [ ] a ⌛ 2026-02-01").scheduled, day(2026, 2, 1));
  EXPECT_EQ(task("- [ ] a 📆 2026-02-02").due, day(2026, 2, 2));
  EXPECT_EQ(task("- [ ] a 🗓\uFE0F 2026-02-03").due, day(2026, 2, 3));
  EXPECT_EQ(task("- [ ] a 📅\uFE0F 2026-02-04").due, day(2026, 2, 4));
  EXPECT_EQ(task("- [ ] a ⛔\uFE0F x1").depends_on, std::vector<std::string>{"x1"});
  doc::Task t = task("- [ ] a ⏫\uFE0F b");
  EXPECT_EQ(t.priority, "high");
  EXPECT_EQ(t.description, "a b");
  EXPECT_EQ(task("- [ ] a 📅2026-02-05").due, day(2026, 2, 5));
}

TEST(TaskLine, ReadsEveryPriority) {
  EXPECT_EQ(task("- [ ] a 🔺").priority, "highest");
  EXPECT_EQ(task("- [ ] a ⏫").priority, "high");
  EXPECT_EQ(task("- [ ] a 🔼").priority, "medium");
  EXPECT_EQ(task("- [ ] a 🔽").priority, "low");
  EXPECT_EQ(task("- [ ] a ⏬").priority, "lowest");
  EXPECT_EQ(task("- [ ] a").priority, "");
}

TEST(TaskLine, ReadsRecurrenceIdDependenciesAndOnCompletion) {
  doc::Task t = task(
      "- [ ] Water plants 🔁 every week on Sunday 🆔 water-1 ⛔ seed_2, soil-3 ,pots 🏁 delete "
      "#home");
  EXPECT_EQ(t.description, "Water plants");
  EXPECT_EQ(t.recurrence, "every week on Sunday");
  EXPECT_EQ(t.id, "water-1");
  EXPECT_THAT(t.depends_on, ElementsAre("seed_2", "soil-3", "pots"));
  EXPECT_EQ(t.on_completion, "delete");
  EXPECT_THAT(t.tags, ElementsAre("home"));
}

TEST(TaskLine, ReadsEveryDataviewField) {
  doc::Task t = task(
      "- [ ] Order parts [due:: 2026-01-09] [scheduled:: 2026-01-04] (start:: 2026-01-03) "
      "[created:: 2026-01-01] [completion:: 2026-01-10] [cancelled:: 2026-01-11] "
      "[priority:: lowest] [repeat:: every month] [id:: p7] [dependsOn:: p5, p6] "
      "[onCompletion:: keep]");
  EXPECT_EQ(t.description, "Order parts");
  EXPECT_EQ(t.due, day(2026, 1, 9));
  EXPECT_EQ(t.scheduled, day(2026, 1, 4));
  EXPECT_EQ(t.start, day(2026, 1, 3));
  EXPECT_EQ(t.created, day(2026, 1, 1));
  EXPECT_EQ(t.done, day(2026, 1, 10));
  EXPECT_EQ(t.cancelled, day(2026, 1, 11));
  EXPECT_EQ(t.priority, "lowest");
  EXPECT_EQ(t.recurrence, "every month");
  EXPECT_EQ(t.id, "p7");
  EXPECT_THAT(t.depends_on, ElementsAre("p5", "p6"));
  EXPECT_EQ(t.on_completion, "keep");
}

TEST(TaskLine, DataviewPriorityAndParenthesesForms) {
  doc::Task t =
      task("- [ ] Confirm the order (due:: 2026-03-01) [priority:: high] @Lena Park #task");
  EXPECT_EQ(t.due, day(2026, 3, 1));
  EXPECT_EQ(t.priority, "high");
  EXPECT_THAT(t.owners, ElementsAre("Lena Park"));
  EXPECT_EQ(t.description, "Confirm the order");
}

TEST(TaskLine, UnknownDataviewFieldsStayInTheDescription) {
  doc::Task t = task("- [ ] Ask [team:: ops] about it");
  EXPECT_EQ(t.description, "Ask [team:: ops] about it");
}

TEST(TaskLine, CollectsTagsButNotFragmentsNumbersOrColours) {
  doc::Task t = task(
      "- [ ] Read https://example.org/page#intro about #2026 goals #a/b-c #task #ops_team "
      "#a1b2c3 #Zoë");
  EXPECT_THAT(t.tags, ElementsAre("a/b-c", "task", "ops_team", "Zoë"));
  EXPECT_EQ(t.description, "Read https://example.org/page#intro about #2026 goals #a1b2c3");
}

TEST(TaskLine, MultiWordOwnerEndsAtSignifierTagOrAnotherOwner) {
  doc::Task t = task("- [ ] Draft the rack plan. @Mara Quist 📅 2026-01-12 🔼 #task");
  EXPECT_THAT(t.owners, ElementsAre("Mara Quist"));
  EXPECT_EQ(t.description, "Draft the rack plan.");
  EXPECT_EQ(t.due, day(2026, 1, 12));
  EXPECT_EQ(t.priority, "medium");

  doc::Task two = task("- [ ] Pair on it @Mara Quist @Tom Eld #pairing");
  EXPECT_THAT(two.owners, ElementsAre("Mara Quist", "Tom Eld"));
  EXPECT_EQ(two.description, "Pair on it");

  EXPECT_THAT(task("- [ ] Book it @Óli Jónsdóttir #travel").owners, ElementsAre("Óli Jónsdóttir"));
  EXPECT_THAT(task("- [ ] Tune it @Ada van Buren").owners, ElementsAre("Ada van Buren"));
}

TEST(TaskLine, OwnerKeepsRunsOfNameParticlesBeforeTheSurname) {
  doc::Task t = task("- [ ] Sort the pallet labels. @Joost van der Kamp #warehouse");
  EXPECT_THAT(t.owners, ElementsAre("Joost van der Kamp"));
  EXPECT_EQ(t.description, "Sort the pallet labels.");

  doc::Task cruz = task("- [ ] Call the broker @Inés de la Cruz 📅 2026-04-02");
  EXPECT_THAT(cruz.owners, ElementsAre("Inés de la Cruz"));
  EXPECT_EQ(cruz.description, "Call the broker");

  // Particles followed by an ordinary lower-case word are the description's, not the name's.
  doc::Task words = task("- [ ] Ask @Tom de la mer about it");
  EXPECT_THAT(words.owners, ElementsAre("Tom"));
  EXPECT_EQ(words.description, "Ask de la mer about it");
}

TEST(TaskLine, OwnerStopsAtLowercaseWordsAndTrailingPunctuation) {
  doc::Task t = task("- [ ] Ask @Mara about the quote, then @Tom Eld.");
  EXPECT_THAT(t.owners, ElementsAre("Mara", "Tom Eld"));
  EXPECT_EQ(t.description, "Ask about the quote, then.");

  doc::Task p = task("- [ ] Check (@Mara Quist) first");
  EXPECT_THAT(p.owners, ElementsAre("Mara Quist"));

  doc::Task poss = task("- [ ] Review @Mara's notes");
  EXPECT_THAT(poss.owners, ElementsAre("Mara"));
}

TEST(TaskLine, OwnerMayBeALinkToThePersonNote) {
  doc::Task t = task("- [ ] Call the depot @[[Tom Eld|Tom]] and @[[Mara Quist]] 📅 2026-01-05");
  EXPECT_THAT(t.owners, ElementsAre("Tom Eld", "Mara Quist"));
  EXPECT_EQ(t.description, "Call the depot and");
  doc::Task unclosed = task("- [ ] Call @[[Tom Eld");
  EXPECT_THAT(unclosed.owners, IsEmpty());
}

TEST(TaskLine, MyselfAndTbdAreMarked) {
  doc::Task me = task("- [?] Send the analysis @Myself 📅 2025-12-22 #task");
  EXPECT_TRUE(me.owner_is_myself);
  EXPECT_FALSE(me.owner_tbd);
  EXPECT_THAT(me.owners, ElementsAre("Myself"));

  doc::Task nobody = task("- [ ] Find a host @TBD #task");
  EXPECT_TRUE(nobody.owner_tbd);
  EXPECT_FALSE(nobody.owner_is_myself);
  EXPECT_THAT(nobody.owners, ElementsAre("TBD"));
  EXPECT_EQ(nobody.description, "Find a host");
}

TEST(TaskLine, EmailAddressesAreNotOwners) {
  doc::Task t = task("- [ ] Mail lena.park@example.net and @ the team");
  EXPECT_THAT(t.owners, IsEmpty());
  EXPECT_EQ(t.description, "Mail lena.park@example.net and @ the team");
}

TEST(TaskLine, InvalidDatesWarnWithFileAndLineAndStayInDescription) {
  Parsed p = parse("- [ ] Renew 📅 2026-02-30 #admin", 41);
  ASSERT_TRUE(p.task.has_value());
  EXPECT_FALSE(p.task->due.has_value());
  EXPECT_EQ(p.task->description, "Renew 📅 2026-02-30");
  EXPECT_THAT(p.task->tags, ElementsAre("admin"));
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0].file, "Notes/tasks.md");
  EXPECT_EQ(p.warnings[0].line, 41u);
  EXPECT_THAT(p.warnings[0].message, HasSubstr("2026-02-30"));

  Parsed dv = parse("- [ ] Renew [due:: 2026-13-01]");
  ASSERT_TRUE(dv.task.has_value());
  EXPECT_FALSE(dv.task->due.has_value());
  EXPECT_EQ(dv.task->description, "Renew [due:: 2026-13-01]");
  EXPECT_EQ(dv.warnings.size(), 1u);

  Parsed word = parse("- [ ] Renew ⏳ soon");
  EXPECT_FALSE(word.task->scheduled.has_value());
  EXPECT_EQ(word.task->description, "Renew ⏳ soon");
  ASSERT_EQ(word.warnings.size(), 1u);
  EXPECT_THAT(word.warnings[0].message, HasSubstr("soon"));

  Parsed prio = parse("- [ ] Renew [priority:: urgent]");
  EXPECT_EQ(prio.task->priority, "");
  EXPECT_EQ(prio.warnings.size(), 1u);
}

TEST(TaskLine, DescriptionCollapsesWhitespaceAndDropsBlockId) {
  doc::Task t = task("  - [ ]   Send   the\tsummary  to [[Lena Park]]  ✅ 2026-01-02   ^task-42");
  EXPECT_EQ(t.description, "Send the summary to [[Lena Park]]");
  EXPECT_EQ(t.done, day(2026, 1, 2));
}

TEST(TaskLine, KeepsRawLineAndLineNumber) {
  Parsed p = parse("- [x] Done thing ✅ 2026-01-02\r\n", 99);
  ASSERT_TRUE(p.task.has_value());
  EXPECT_EQ(p.task->raw, "- [x] Done thing ✅ 2026-01-02");
  EXPECT_EQ(p.task->line, 99u);
}

TEST(TaskLine, SignifiersMayComeInAnyOrder) {
  doc::Task t = task("- [ ] 📅 2026-04-01 #task ⏫ Plan the offsite @Mara Quist");
  EXPECT_EQ(t.priority, "high");
  EXPECT_THAT(t.owners, ElementsAre("Mara Quist"));
  EXPECT_THAT(t.tags, ElementsAre("task"));
  EXPECT_EQ(t.due, day(2026, 4, 1));
  EXPECT_EQ(t.description, "Plan the offsite");
}

TEST(TaskLine, HostileInputDoesNotCrash) {
  std::string line = "- [ ] ";
  for (int i = 0; i < 20000; ++i)
    line += "[due:: @A # @[[x ";
  line += std::string(5000, '@');
  Parsed p = parse(line);
  ASSERT_TRUE(p.task.has_value());
  EXPECT_THAT(p.task->owners, ElementsAre("A"));
  std::string bad = "- [ ] \xF0\x9F\x93 \xE2\x8F x \xFF\xFE";
  EXPECT_TRUE(parse(bad).task.has_value());
}

}  // namespace
}  // namespace kith::loaders
