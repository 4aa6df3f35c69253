#include "loaders/note_kind.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "loaders/frontmatter.hpp"
#include "loaders/markdown.hpp"

namespace kith::loaders {
namespace {

using doc::NoteKind;

doc::Document from_text(std::string_view path, std::string_view text) {
  doc::Document d;
  d.path = std::string(path);
  Frontmatter fm = parse_frontmatter(text, d.path, d.warnings);
  d.properties = std::move(fm.properties);
  d.frontmatter_end = fm.end_line;
  parse_markdown_body(text.substr(fm.body_offset), fm.end_line + 1, d.path, d);
  return d;
}

doc::Document from_fixture(std::string_view folder, std::string_view name) {
  std::ifstream in(std::string(KITH_FIXTURES) + "/notes/" + std::string(name), std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return from_text(std::string(folder) + "/" + std::string(name), ss.str());
}

TEST(NoteKind, SameTypeWordIsAMeetingOrAnAccountByEvidence) {
  // Both notes say `type: customer`; participants and a date make one of them a meeting.
  EXPECT_EQ(classify_note(from_fixture("Meetings", "customer-meeting-with-participants.md")),
            NoteKind::Meeting);
  EXPECT_EQ(classify_note(from_fixture("Customers", "customer-account-without-participants.md")),
            NoteKind::Account);
  // The folder does not override the evidence.
  EXPECT_EQ(classify_note(from_fixture("Customers", "customer-meeting-with-participants.md")),
            NoteKind::Meeting);
}

TEST(NoteKind, PersonProjectAndPlainMeetingFixtures) {
  EXPECT_EQ(classify_note(from_fixture("People", "person-with-flow-aliases.md")), NoteKind::Person);
  EXPECT_EQ(classify_note(from_fixture("Projects", "project-with-dataview-tasks.md")),
            NoteKind::Project);
  // No frontmatter: the **With** and **Date** lines decide.
  EXPECT_EQ(classify_note(from_fixture("Inbox", "plain-meeting-without-frontmatter.md")),
            NoteKind::Meeting);
}

TEST(NoteKind, TypeWords) {
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: 1on1\n---\n")), NoteKind::Meeting);
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: Meeting\n---\n")), NoteKind::Meeting);
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: account\n---\n")), NoteKind::Account);
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: [project, active]\n---\n")),
            NoteKind::Project);
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: person\n---\n")), NoteKind::Person);
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: email\n---\n")), NoteKind::EmailThread);
  // A digest of a conversation with someone: type people, with participants and a date.
  EXPECT_EQ(classify_note(from_text("People/x.md",
                                    "---\ntype: people\nperson: Tom Eld\ndate: '2026-01-02'\n"
                                    "participants:\n- Tom Eld\n- Mara Quist\n---\n")),
            NoteKind::Meeting);
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: people\nname: Tom Eld\n---\n")),
            NoteKind::Person);
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntype: customer\n---\n**Attendees**: A, B\n")),
            NoteKind::Meeting);
}

TEST(NoteKind, TypeTagWhenNoTypeProperty) {
  EXPECT_EQ(classify_note(from_text("x.md", "---\ntags: [generated, type/project]\n---\n")),
            NoteKind::Project);
}

TEST(NoteKind, AttendeesNeedADate) {
  EXPECT_EQ(classify_note(from_text("x.md", "**Attendees**: A, B\n\nNotes.\n")), NoteKind::Other);
  EXPECT_EQ(classify_note(from_text("2026-03-04 Sync.md", "**Attendees**: A, B\n")),
            NoteKind::Meeting);
  EXPECT_EQ(classify_note(from_text("x.md", "---\nattendees: [A]\ndate: 2026-03-04\n---\n")),
            NoteKind::Meeting);
}

TEST(NoteKind, PersonPropertiesWithoutType) {
  EXPECT_EQ(classify_note(from_text("Inbox/x.md", "---\nemail: a@b.example\n---\n")),
            NoteKind::Person);
  EXPECT_EQ(classify_note(from_text("x.md", "---\nmanager: '[[Tom Eld]]'\n---\n")),
            NoteKind::Person);
}

TEST(NoteKind, FolderIsOnlyAWeakHint) {
  EXPECT_EQ(classify_note(from_text("Meetings/x.md", "text\n")), NoteKind::Meeting);
  EXPECT_EQ(classify_note(from_text("Customers/x.md", "text\n")), NoteKind::Account);
  EXPECT_EQ(classify_note(from_text("Accounts/x.md", "text\n")), NoteKind::Account);
  EXPECT_EQ(classify_note(from_text("Work/People/x.md", "text\n")), NoteKind::Person);
  EXPECT_EQ(classify_note(from_text("Projects/Meetings/x.md", "text\n")), NoteKind::Meeting);
  EXPECT_EQ(classify_note(from_text("Email/x.md", "text\n")), NoteKind::EmailThread);
  EXPECT_EQ(classify_note(from_text("People/x.md", "---\ntype: project\n---\n")),
            NoteKind::Project);
  EXPECT_EQ(classify_note(from_text("Inbox/x.md", "text\n")), NoteKind::Other);
  EXPECT_EQ(classify_note(from_text("Meetings.md", "text\n")), NoteKind::Other);
}

TEST(NoteKind, ParsedMessagesMakeAnEmailThread) {
  doc::Document d = from_text("Inbox/x.md", "---\ntype: customer\n---\n");
  d.messages.emplace_back();
  EXPECT_EQ(classify_note(d), NoteKind::EmailThread);
}

}  // namespace
}  // namespace kith::loaders
