#include "loaders/markdown.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

#include "loaders/body_pieces.hpp"
#include "loaders/frontmatter.hpp"
#include "loaders/markdown_arena.hpp"

namespace kith::loaders {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string read_fixture(std::string_view name) {
  std::ifstream in(std::string(KITH_FIXTURES) + "/notes/" + std::string(name), std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Frontmatter then body, as the vault reader does it.
doc::Document load_note(std::string_view name) {
  std::string text = read_fixture(name);
  doc::Document d;
  d.path = "Notes/" + std::string(name);
  Frontmatter fm = parse_frontmatter(text, d.path, d.warnings);
  d.properties = std::move(fm.properties);
  d.frontmatter_end = fm.end_line;
  parse_markdown_body(std::string_view(text).substr(fm.body_offset), fm.end_line + 1, d.path, d);
  return d;
}

doc::Document parse_body(std::string_view body, std::uint32_t first_line = 1) {
  doc::Document d;
  parse_markdown_body(body, first_line, "x.md", d);
  return d;
}

std::vector<std::string> headings(const doc::Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sections)
    out.push_back(s.heading);
  return out;
}

std::vector<std::string> statement_texts(const doc::Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.statements)
    out.push_back(s.text);
  return out;
}

std::vector<std::string> tag_names(const doc::Document& d) {
  std::vector<std::string> out;
  for (const auto& t : d.tags)
    out.push_back(t.name);
  return out;
}

int section_named(const doc::Document& d, std::string_view heading) {
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    if (d.sections[i].heading == heading) return static_cast<int>(i);
  }
  return -2;
}

TEST(Markdown, SectionsNestByLevel) {
  doc::Document d = parse_body("# A\ntext\n## B\n### C\n## D\n# E\n### F\nSetext\n------\n");
  EXPECT_THAT(headings(d), ElementsAre("A", "B", "C", "D", "E", "F", "Setext"));
  std::vector<int> parents;
  std::vector<int> levels;
  for (const auto& s : d.sections)
    parents.push_back(s.parent), levels.push_back(s.level);
  EXPECT_THAT(parents, ElementsAre(-1, 0, 1, 0, -1, 4, 4));
  EXPECT_THAT(levels, ElementsAre(1, 2, 3, 2, 1, 3, 2));
  EXPECT_EQ(d.sections[2].line, 4u);
  ASSERT_EQ(d.statements.size(), 1u);
  EXPECT_EQ(d.statements[0].section, 0);
}

TEST(Markdown, HeadingTextIsPlain) {
  doc::Document d = parse_body("## Before\n# The *big* [[Plan|plan]] `v2`\n# Second\n");
  EXPECT_THAT(headings(d), ElementsAre("Before", "The big plan v2", "Second"));
  ASSERT_EQ(d.links.size(), 1u);
  EXPECT_EQ(d.links[0].target, "Plan");
  EXPECT_EQ(d.links[0].line, 2u);
}

TEST(Markdown, MeetingNoteFieldsAreSplitAndNotStatements) {
  doc::Document d = load_note("customer-meeting-with-participants.md");
  EXPECT_THAT(d.warnings, IsEmpty());
  ASSERT_EQ(d.fields.size(), 3u);
  EXPECT_EQ(d.fields[0].key, "Date");
  EXPECT_EQ(d.fields[0].value, "2026-02-11");
  EXPECT_EQ(d.fields[0].line, 19u);
  EXPECT_EQ(d.fields[1].key, "Account");
  EXPECT_EQ(d.fields[1].value, "Borealis Freight");
  EXPECT_THAT(d.fields[1].items, ElementsAre("Borealis Freight"));
  EXPECT_EQ(d.fields[2].key, "Attendees");
  EXPECT_EQ(d.fields[2].line, 21u);
  EXPECT_THAT(d.fields[2].items,
              ElementsAre("Mara Quist", "Tom", "Óli Jónsdóttir", "Sanna (surname unknown, ops)"));
  for (const auto& s : d.statements)
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("Attendees")));
}

TEST(Markdown, FieldFormsAndFieldsInsideListItems) {
  doc::Document d = parse_body(
      "Intro line\n**Subject:** Re: the plan\n__With__: [[Ann Lee]], Bo; Cy\nOutro line\n\n"
      "- **Owner**: Tom Eld\n- **not a field** here\n");
  ASSERT_EQ(d.fields.size(), 3u);
  EXPECT_EQ(d.fields[0].key, "Subject");
  EXPECT_EQ(d.fields[0].value, "Re: the plan");
  EXPECT_EQ(d.fields[0].line, 2u);
  EXPECT_EQ(d.fields[1].key, "With");
  EXPECT_THAT(d.fields[1].items, ElementsAre("Ann Lee", "Bo", "Cy"));
  EXPECT_EQ(d.fields[2].key, "Owner");
  EXPECT_EQ(d.fields[2].value, "Tom Eld");
  EXPECT_EQ(d.fields[2].line, 6u);
  EXPECT_THAT(statement_texts(d),
              ElementsAre("Intro line", "Outro line", "Owner: Tom Eld", "not a field here"));
  EXPECT_EQ(d.statements[1].line, 4u);
}

TEST(Markdown, EmptyFieldTakesItemsFromTheListBelow) {
  doc::Document d = parse_body(
      "**Attendees**:\n- [[Tom Eld]]\n- Mara Quist (host)\n  - not an attendee\n\n"
      "**Notes**:\n\nLater paragraph\n\n- unrelated item\n");
  ASSERT_EQ(d.fields.size(), 2u);
  EXPECT_EQ(d.fields[0].key, "Attendees");
  EXPECT_EQ(d.fields[0].line, 1u);
  EXPECT_THAT(d.fields[0].items, ElementsAre("Tom Eld", "Mara Quist (host)"));
  EXPECT_EQ(d.fields[0].value, "Tom Eld, Mara Quist (host)");
  EXPECT_THAT(d.fields[1].items, IsEmpty());
  EXPECT_THAT(statement_texts(d), ElementsAre("Tom Eld", "Mara Quist (host)", "not an attendee",
                                              "Later paragraph", "unrelated item"));
}

TEST(Markdown, TasksInQuotesAndNumberedLists) {
  doc::Document d = parse_body(
      "> - [ ] quoted task @Tom Eld\n\n1. [x] numbered task\n\n-\n  [ ] starts on the next line\n");
  ASSERT_EQ(d.tasks.size(), 2u);
  EXPECT_EQ(d.tasks[0].description, "quoted task");
  EXPECT_EQ(d.tasks[0].raw, "> - [ ] quoted task @Tom Eld");
  EXPECT_EQ(d.tasks[1].status_type, doc::StatusType::Done);
  EXPECT_EQ(d.tasks[1].line, 3u);
}

TEST(Markdown, ParagraphStatementsArePlainTextWithRawSource) {
  doc::Document d = load_note("customer-meeting-with-participants.md");
  int summary = section_named(d, "Summary");
  const doc::Statement* found = nullptr;
  for (const auto& s : d.statements) {
    if (s.section == summary) found = &s;
  }
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->kind, doc::Statement::Kind::Paragraph);
  EXPECT_EQ(found->text,
            "Mara Quist said the renewal is on track and that Tom Eld reports to Óli Jónsdóttir.");
  EXPECT_EQ(found->raw,
            "Mara Quist said the *renewal* is **on track** and that Tom Eld reports to [[Óli "
            "Jónsdóttir]].");
  EXPECT_EQ(found->line, 25u);
  EXPECT_EQ(found->list_depth, 0);
  EXPECT_EQ(found->task, -1);
}

TEST(Markdown, TaskItemsBecomeTasksAndStatements) {
  doc::Document d = load_note("customer-meeting-with-participants.md");
  ASSERT_EQ(d.tasks.size(), 4u);
  int actions = section_named(d, "Action Items");
  EXPECT_EQ(d.tasks[0].status, U'?');
  EXPECT_TRUE(d.tasks[0].owner_is_myself);
  EXPECT_EQ(d.tasks[0].priority, "high");
  EXPECT_EQ(d.tasks[0].description, "Draft the cold-chain pilot scope for [[Borealis Freight]].");
  EXPECT_EQ(d.tasks[0].line, 29u);
  EXPECT_EQ(d.tasks[0].section, actions);
  EXPECT_EQ(d.tasks[0].list_depth, 1);
  EXPECT_EQ(d.tasks[0].raw,
            "- [?] Draft the cold-chain pilot scope for [[Borealis Freight]]. @Myself 📅 "
            "2026-02-20 ⏫ #task #proposed");
  EXPECT_THAT(d.tasks[1].owners, ElementsAre("Óli Jónsdóttir"));
  EXPECT_EQ(d.tasks[2].status_type, doc::StatusType::Done);
  EXPECT_EQ(d.tasks[3].status_type, doc::StatusType::Cancelled);
  EXPECT_TRUE(d.tasks[3].owner_tbd);

  int with_task = 0;
  for (const auto& s : d.statements) {
    if (s.task < 0) continue;
    ++with_task;
    EXPECT_EQ(s.kind, doc::Statement::Kind::ListItem);
    EXPECT_EQ(s.line, d.tasks[static_cast<std::size_t>(s.task)].line);
  }
  EXPECT_EQ(with_task, 4);
  EXPECT_THAT(statement_texts(d),
              ::testing::Contains("Book the depot visit. @Óli Jónsdóttir ⏳ 2026-02-25 #task"));
}

TEST(Markdown, NestedTasksAndDataviewFields) {
  doc::Document d = load_note("project-with-dataview-tasks.md");
  ASSERT_EQ(d.tasks.size(), 3u);
  EXPECT_EQ(d.tasks[0].due, Date::from_ymd(2026, 3, 2));
  EXPECT_EQ(d.tasks[0].priority, "high");
  EXPECT_EQ(d.tasks[1].status_type, doc::StatusType::InProgress);
  EXPECT_EQ(d.tasks[1].start, Date::from_ymd(2026, 2, 15));
  EXPECT_EQ(d.tasks[2].list_depth, 2);
  EXPECT_EQ(d.tasks[2].due, Date::from_ymd(2026, 2, 28));
  EXPECT_EQ(d.tasks[2].line, 17u);
  EXPECT_EQ(d.tasks[2].raw, "  - [ ] Check the legal template (due:: 2026-02-28)");
}

TEST(Markdown, TaskWarningsCarryFileAndLine) {
  doc::Document d = parse_body("intro\n\n- [ ] Renew 📅 2026-02-31\n", 10);
  ASSERT_EQ(d.tasks.size(), 1u);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0].file, "x.md");
  EXPECT_EQ(d.warnings[0].line, 12u);
}

TEST(Markdown, WikilinkFormsAndMarkdownLinks) {
  doc::Document d = parse_body(
      "See [[Tom Eld]], [[Tom Eld|Tom]], [[Plans#Q1 goals]], [[#Local]] and [[Plans.md]].\n"
      "![[diagram.png]] ![[Other note#Part|alias]]\n"
      "[site](https://example.org/a#b) and [notes](Other%20Note.md#Part) and "
      "![chart](img/chart.png)\n"
      "`[[in code]]` [[ ]] [[unclosed\n\n```\n[[in fence]]\n```\n");
  std::vector<std::string> targets;
  for (const auto& l : d.links)
    targets.push_back(l.target);
  EXPECT_THAT(targets,
              ElementsAre("Tom Eld", "Tom Eld", "Plans", "", "Plans", "diagram.png", "Other note",
                          "https://example.org/a#b", "Other Note", "img/chart.png"));
  EXPECT_EQ(d.links[1].shown, "Tom");
  EXPECT_EQ(d.links[2].heading, "Q1 goals");
  EXPECT_EQ(d.links[2].shown, "Plans");
  EXPECT_EQ(d.links[3].heading, "Local");
  EXPECT_EQ(d.links[3].shown, "Local");
  EXPECT_TRUE(d.links[5].embed);
  EXPECT_TRUE(d.links[5].wiki);
  EXPECT_EQ(d.links[6].heading, "Part");
  EXPECT_EQ(d.links[6].shown, "alias");
  EXPECT_FALSE(d.links[7].wiki);
  EXPECT_EQ(d.links[7].shown, "site");
  EXPECT_EQ(d.links[8].heading, "Part");
  EXPECT_EQ(d.links[8].line, 3u);
  EXPECT_TRUE(d.links[9].embed);
  EXPECT_FALSE(d.links[9].wiki);
  ASSERT_FALSE(d.statements.empty());
  EXPECT_EQ(d.statements[0].text.substr(0, 46), "See Tom Eld, Tom, Plans, Local and Plans. site");
}

TEST(Markdown, TagsOutsideCodeHeadingsAndUrls) {
  doc::Document d = parse_body(
      "# Heading #inheading\n"
      "Text #alpha and #a/b-c, (#paren) x#glued https://ex.org/p#frag #123 #a1b2c3 #fff\n"
      "`#incode` #Zoë_2\n\n```\n#infence\n```\n- item #listtag\n");
  EXPECT_THAT(tag_names(d), ElementsAre("inheading", "alpha", "a/b-c", "fff", "Zoë_2", "listtag"));
  EXPECT_EQ(d.tags[1].line, 2u);
  EXPECT_EQ(d.tags[5].line, 8u);
}

TEST(Markdown, PipeTablesAreTablesNotStatements) {
  doc::Document d = load_note("customer-account-without-participants.md");
  ASSERT_EQ(d.tables.size(), 1u);
  const doc::Table& t = d.tables[0];
  EXPECT_THAT(t.header, ElementsAre("Field", "Value"));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(t.rows[0], ElementsAre("Status", "Active"));
  EXPECT_THAT(t.rows[1], ElementsAre("Owner", "Mara Quist"));
  EXPECT_THAT(t.rows[2], ElementsAre("Region", "Nordics"));
  EXPECT_EQ(t.line, 14u);
  EXPECT_EQ(t.section, section_named(d, "Account Status"));
  for (const auto& s : d.statements)
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("|")));
}

TEST(Markdown, TableInsideAParagraphWithoutOuterPipes) {
  doc::Document d = parse_body("Numbers below\nName | Count\n--- | ---:\nA | 1\nB\nAfter text\n");
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_THAT(d.tables[0].header, ElementsAre("Name", "Count"));
  ASSERT_EQ(d.tables[0].rows.size(), 1u);
  EXPECT_THAT(d.tables[0].rows[0], ElementsAre("A", "1"));
  EXPECT_EQ(d.tables[0].line, 2u);
  EXPECT_THAT(statement_texts(d), ElementsAre("Numbers below", "B After text"));
  doc::Document not_table = parse_body("a | b\n--- | --- | ---\n");
  EXPECT_TRUE(not_table.tables.empty());
}

TEST(Markdown, TasksQueryBlocks) {
  doc::Document d = load_note("customer-account-without-participants.md");
  ASSERT_EQ(d.tasks_queries.size(), 1u);
  EXPECT_EQ(d.tasks_queries[0].text, "path includes Borealis\nnot done");
  EXPECT_EQ(d.tasks_queries[0].line, 27u);
  doc::Document other = parse_body("```python\nx = 1\n```\n~~~tasks\ndue today\n~~~\n");
  ASSERT_EQ(other.tasks_queries.size(), 1u);
  EXPECT_EQ(other.tasks_queries[0].text, "due today");
  EXPECT_EQ(other.tasks_queries[0].line, 4u);
}

TEST(Markdown, ListDepthQuotesAndKinds) {
  doc::Document d = parse_body(
      "- top\n  - nested\n    - deeper\n\n> quoted text\n> - quoted item\n\n1. numbered\n");
  ASSERT_EQ(d.statements.size(), 6u);
  std::vector<int> depths;
  for (const auto& s : d.statements)
    depths.push_back(s.list_depth);
  EXPECT_THAT(depths, ElementsAre(1, 2, 3, 0, 1, 1));
  EXPECT_EQ(d.statements[3].kind, doc::Statement::Kind::Quote);
  EXPECT_EQ(d.statements[3].text, "quoted text");
  EXPECT_EQ(d.statements[4].kind, doc::Statement::Kind::ListItem);
  EXPECT_EQ(d.statements[2].raw, "    - deeper");
}

TEST(Markdown, HighlightAndStrikeMarksAreRemoved) {
  doc::Document d = parse_body(
      "==Tom Eld== manages ~~Ann~~ Bo Ng; a == b; x==y; ~~open and ==[[Mara Quist]]==\n");
  ASSERT_EQ(d.statements.size(), 1u);
  EXPECT_EQ(d.statements[0].text, "Tom Eld manages Ann Bo Ng; a == b; x==y; ~~open and Mara Quist");
  EXPECT_EQ(d.links.size(), 1u);
}

TEST(Markdown, CalloutMarkersAreNotProse) {
  doc::Document d = parse_body("> [!warning]- Budget risk\n> Tom Eld reports to Mara Quist.\n");
  ASSERT_EQ(d.statements.size(), 1u);
  EXPECT_EQ(d.statements[0].kind, doc::Statement::Kind::Quote);
  EXPECT_EQ(d.statements[0].text, "Budget risk Tom Eld reports to Mara Quist.");
  EXPECT_EQ(d.statements[0].raw, "> [!warning]- Budget risk\n> Tom Eld reports to Mara Quist.");
}

TEST(Markdown, LineNumbersAreFileLines) {
  doc::Document d = parse_body("\n# H\n\nPara one\ncontinues here\n\n- item\n", 20);
  EXPECT_EQ(d.sections[0].line, 21u);
  ASSERT_EQ(d.statements.size(), 2u);
  EXPECT_EQ(d.statements[0].line, 23u);
  EXPECT_EQ(d.statements[0].text, "Para one continues here");
  EXPECT_EQ(d.statements[0].raw, "Para one\ncontinues here");
  EXPECT_EQ(d.statements[1].line, 26u);
}

// Every prefix of a note (a file cut off while syncing) loads; where the cut lands inside the
// frontmatter, its fence is unterminated and the reader says so.
TEST(Markdown, EveryTruncationOfANoteLoads) {
  for (std::string_view name :
       {"customer-meeting-with-participants.md", "customer-account-without-participants.md",
        "project-with-dataview-tasks.md"}) {
    std::string text = read_fixture(name);
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
      std::string_view prefix = std::string_view(text).substr(0, cut);
      doc::Document d;
      Frontmatter fm = parse_frontmatter(prefix, name, d.warnings);
      ASSERT_LE(fm.body_offset, prefix.size());
      parse_markdown_body(prefix.substr(fm.body_offset), fm.end_line + 1, name, d);
      if (fm.end_line == 0 && cut > 4) {
        ASSERT_FALSE(d.warnings.empty()) << name << " cut at " << cut;
        EXPECT_THAT(d.warnings[0].message, HasSubstr("never closed"));
      }
      for (const doc::Task& t : d.tasks)
        EXPECT_LE(t.line, 40u);
    }
  }
}

TEST(Markdown, HundredThousandLevelsOfNestingDoNotCrash) {
  constexpr int kLevels = 100000;
  std::string quotes;
  for (int i = 0; i < kLevels; ++i)
    quotes += "> ";
  quotes += "deep #tag [[Link]]\n";
  doc::Document q = parse_body(quotes);
  ASSERT_EQ(q.statements.size(), 1u);
  EXPECT_EQ(q.statements[0].text, "deep #tag Link");
  EXPECT_EQ(q.links.size(), 1u);

  std::string lists;
  for (int i = 0; i < kLevels; ++i)
    lists += "- ";
  lists += "[ ] bottom\n";
  doc::Document l = parse_body(lists);
  ASSERT_EQ(l.statements.size(), 1u);
  EXPECT_EQ(l.statements[0].list_depth, kLevels);
  ASSERT_EQ(l.tasks.size(), 1u);
  EXPECT_EQ(l.tasks[0].list_depth, kLevels);

  std::string emphasis;
  for (int i = 0; i < kLevels; ++i)
    emphasis += "*a ";
  for (int i = 0; i < kLevels; ++i)
    emphasis += "a* ";
  doc::Document e = parse_body(emphasis);
  EXPECT_EQ(e.statements.size(), 1u);

  std::string brackets(kLevels, '[');
  brackets += std::string(kLevels, ']');
  doc::Document b = parse_body(brackets);
  EXPECT_EQ(b.statements.size(), 1u);
}

}  // namespace
}  // namespace kith::loaders

namespace kith::loaders {
namespace {

// A note far over kWholeBodyBytes is parsed in pieces; what it yields must be what each of its
// blocks yields alone, on the right lines.
TEST(Markdown, ABodyParsedInPiecesYieldsWhatItsBlocksYield) {
  const std::string block =
      "## Weekly sync\n\nWen Li reports to Priya Raman.\n\n- [ ] Send the deck @Wen Li 📅 "
      "2026-01-09\n- Ask [[Priya Raman]] about #pricing\n\n```\ncode\n\nNot a statement.\n```\n\n";
  const doc::Document one = parse_body(block);
  const auto block_lines = static_cast<std::uint32_t>(std::count(block.begin(), block.end(), '\n'));
  const std::size_t copies = 2 * kWholeBodyBytes / block.size() + 1;
  std::string body;
  for (std::size_t i = 0; i < copies; ++i)
    body += block;
  const doc::Document all = parse_body(body, 5);

  ASSERT_EQ(all.statements.size(), copies * one.statements.size());
  ASSERT_EQ(all.tasks.size(), copies * one.tasks.size());
  ASSERT_EQ(all.links.size(), copies * one.links.size());
  ASSERT_EQ(all.sections.size(), copies * one.sections.size());
  ASSERT_EQ(all.tags.size(), copies * one.tags.size());
  for (std::size_t i = 0; i < all.statements.size(); ++i) {
    const doc::Statement& s = all.statements[i];
    const doc::Statement& model = one.statements[i % one.statements.size()];
    const auto copy = static_cast<std::uint32_t>(i / one.statements.size());
    ASSERT_EQ(s.text, model.text) << i;
    ASSERT_EQ(s.raw, model.raw) << i;
    ASSERT_EQ(s.line, model.line + 4 + copy * block_lines) << i;
    ASSERT_EQ(s.kind, model.kind) << i;
  }
  for (std::size_t i = 0; i < all.tasks.size(); ++i) {
    const auto copy = static_cast<std::uint32_t>(i / one.tasks.size());
    ASSERT_EQ(all.tasks[i].line, one.tasks[i % one.tasks.size()].line + 4 + copy * block_lines);
    ASSERT_EQ(all.tasks[i].raw, one.tasks[i % one.tasks.size()].raw);
    ASSERT_EQ(all.tasks[i].section, static_cast<int>(copy)) << i;
  }
  EXPECT_TRUE(all.warnings.empty());
}

}  // namespace
}  // namespace kith::loaders

namespace kith::loaders {
namespace {

// What a dense note costs while cmark parses it follows the piece, not the note: a whole
// parse of this body takes over 100 MB of tree.
TEST(Markdown, ADenseBodyTakesMemoryForOnePieceAtATime) {
  std::string body;
  for (int i = 0; body.size() < 3 * kWholeBodyBytes; ++i)
    body += "- item " + std::to_string(i) + " with [[Person " + std::to_string(i % 500) +
            "]] and **bold** `code` text\n";
  std::string line;
  while (line.size() < kWholeBodyBytes)
    line += "met [[Priya Raman]] about `the plan` and **price** then ";
  body += "\n" + line + "\n";
  std::thread([&] {
    const doc::Document d = parse_body(body);
    EXPECT_GT(d.statements.size(), 30'000u);
    EXPECT_LT(markdown_arena_peak_bytes(), 24u << 20);
  }).join();
}

}  // namespace
}  // namespace kith::loaders
