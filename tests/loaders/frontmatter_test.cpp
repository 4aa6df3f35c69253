#include "loaders/frontmatter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "loaders/full_yaml.hpp"
#include "loaders/plain_yaml.hpp"
#include "loaders/yaml_scalar.hpp"

namespace kith::loaders {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string read_fixture(std::string_view name) {
  std::ifstream in(std::string(KITH_FIXTURES) + "/notes/" + std::string(name), std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Parsed {
  Frontmatter fm;
  std::vector<doc::Warning> warnings;
};

Parsed parse(std::string_view text) {
  Parsed p;
  p.fm = parse_frontmatter(text, "People/x.md", p.warnings);
  return p;
}

const Value& prop(const Frontmatter& fm, std::string_view key) {
  static const Value missing = Value{"<missing>"};
  auto it = fm.properties.find(key);
  return it == fm.properties.end() ? missing : it->second;
}

TEST(Frontmatter, BlockListsQuotedWikilinksAndDatesAsStrings) {
  std::string text = read_fixture("customer-meeting-with-participants.md");
  Parsed p = parse(text);
  EXPECT_THAT(p.warnings, IsEmpty());
  const Frontmatter& fm = p.fm;
  EXPECT_EQ(prop(fm, "type"), Value{"customer"});
  EXPECT_EQ(prop(fm, "title"),
            Value{"Quarterly review: Borealis Freight renewal and the cold-chain pilot"});
  EXPECT_EQ(prop(fm, "date"), Value{"2026-02-11"});
  EXPECT_EQ(prop(fm, "participants"),
            Value(List{"Mara Quist", "Tom Eld", "Óli Jónsdóttir", "Sanna (surname unknown)"}));
  EXPECT_EQ(prop(fm, "tags"), Value(List{"type/customer", "generated"}));
  EXPECT_EQ(fm.end_line, 15u);
  EXPECT_EQ(text.substr(fm.body_offset, 8), "\n# Quart");
}

TEST(Frontmatter, FlowListsScalarsAndEmptyValues) {
  Parsed p = parse(read_fixture("person-with-flow-aliases.md"));
  EXPECT_THAT(p.warnings, IsEmpty());
  const Frontmatter& fm = p.fm;
  EXPECT_EQ(prop(fm, "aliases"), Value(List{"Tom", "T. Eld", "Tommy E"}));
  EXPECT_EQ(prop(fm, "company"), Value{"[[Borealis Freight]]"});
  EXPECT_EQ(prop(fm, "manager"), Value{"[[Óli Jónsdóttir]]"});
  EXPECT_EQ(prop(fm, "headcount"), Value{42});
  EXPECT_EQ(prop(fm, "active"), Value{true});
  EXPECT_EQ(prop(fm, "score"), Value{4.5});
  EXPECT_EQ(prop(fm, "nickname"), Value{});
}

TEST(Frontmatter, IndentedBlockListUnderKey) {
  Parsed p = parse(read_fixture("project-with-dataview-tasks.md"));
  EXPECT_THAT(p.warnings, IsEmpty());
  EXPECT_EQ(prop(p.fm, "tags"), Value(List{"type/project", "project/cold-chain"}));
  EXPECT_EQ(prop(p.fm, "owner"), Value{"[[Mara Quist]]"});
}

TEST(Frontmatter, PlainScalarResolution) {
  EXPECT_EQ(resolve_plain_scalar(""), Value{});
  EXPECT_EQ(resolve_plain_scalar("~"), Value{});
  EXPECT_EQ(resolve_plain_scalar("NULL"), Value{});
  EXPECT_EQ(resolve_plain_scalar("True"), Value{true});
  EXPECT_EQ(resolve_plain_scalar("false"), Value{false});
  EXPECT_EQ(resolve_plain_scalar("yes"), Value{"yes"});
  EXPECT_EQ(resolve_plain_scalar("-17"), Value{-17});
  EXPECT_EQ(resolve_plain_scalar("+3"), Value{3});
  EXPECT_EQ(resolve_plain_scalar("0x1F"), Value{31});
  EXPECT_EQ(resolve_plain_scalar("0o17"), Value{15});
  EXPECT_EQ(resolve_plain_scalar("-9223372036854775808"), Value{INT64_MIN});
  EXPECT_EQ(resolve_plain_scalar("9223372036854775808"), Value{"9223372036854775808"});
  EXPECT_EQ(resolve_plain_scalar("007"), Value{"007"});
  EXPECT_EQ(resolve_plain_scalar("1.5"), Value{1.5});
  EXPECT_EQ(resolve_plain_scalar("-2e3"), Value{-2000.0});
  EXPECT_EQ(resolve_plain_scalar(".5"), Value{0.5});
  EXPECT_EQ(resolve_plain_scalar("1e999"), Value{"1e999"});
  EXPECT_EQ(resolve_plain_scalar("-.inf"), Value{-INFINITY});
  EXPECT_TRUE(std::isnan(resolve_plain_scalar(".nan").as<double>()));
  EXPECT_EQ(resolve_plain_scalar("2026-02-11"), Value{"2026-02-11"});
  EXPECT_EQ(resolve_plain_scalar("12:30"), Value{"12:30"});
  EXPECT_EQ(resolve_plain_scalar("[[Tom Eld]]"), Value{"[[Tom Eld]]"});
}

// The fast path must give exactly what yaml-cpp's path gives for everything it accepts.
TEST(Frontmatter, FastPathAndYamlCppAgree) {
  const char* inputs[] = {
      "type: person\nname: Tom Eld\n",
      "title: 'Review: the ''big'' one'\nsubtitle: \"plain double\"\n",
      "tags:\n- a/b\n- 'c d'\n- 12\n- true\n-\n",
      "tags:\n  - one\n  - two\nnext: 3\n",
      "aliases: [Tom, 'T. Eld', \"Tommy\", 7, 1.5, false, ~]\n",
      "empty: []\nnothing:\nnull_word: null\ntilde: ~\n",
      "count: -12\nratio: 2.5e-3\nhex: 0x10\nzip: 01234\nbig: 99999999999999999999\n",
      "date: 2026-02-11\nquoted_date: '2026-02-11'\nwhen: 12:30\n",
      "manager: '[[Óli Jónsdóttir]]'\nlink_list: ['[[A]]', '[[B|b]]']\n",
      "# a comment line\nkey: value with [brackets] and, commas\n\nother: x#y\n",
      "url: https://example.org/a?b=c\npath: /Users/someone/Notes/x.md\n",
      "yes_word: yes\non_word: on\nTrue_word: True\n",
      "crlf: one\r\nlist:\r\n- a\r\n- b\r\n",
      "",
  };
  for (const char* yaml : inputs) {
    std::optional<Map> fast = parse_plain_yaml(yaml);
    ASSERT_TRUE(fast.has_value()) << "fast path refused:\n" << yaml;
    std::vector<doc::Warning> warnings;
    Map full = parse_full_yaml(yaml, 2, "x.md", warnings);
    EXPECT_THAT(warnings, IsEmpty()) << yaml;
    EXPECT_EQ(Value(*fast), Value(full))
        << yaml << "\nfast: " << to_cypher(Value(*fast)) << "\nfull: " << to_cypher(Value(full));
  }
}

TEST(Frontmatter, FastPathRefusesWhatItCannotReadExactly) {
  const char* inputs[] = {
      "person:\n  name: Tom\n",       // nested map
      "note: >\n  folded\n  text\n",  // block scalar
      "a: &x 1\nb: *x\n",             // anchors and aliases
      "a: !custom value\n",           // tag
      "a: value # comment\n",         // trailing comment
      "a: 'multi\n  line'\n",         // multi-line quoted
      "a: \"esc\\tape\"\n",           // escapes
      "a: {x: 1}\n",                  // flow map
      "a: [x, [y]]\n",                // nested flow list
      "a: one\na: two\n",             // duplicate key
      "a: b: c\n",                    // invalid
      "list:\n- a: 1\n",              // list of maps
      "list:\n  - a\n - b\n",         // inconsistent indentation
      "a: plain\n  continued\n",      // multi-line plain
      "- just\n- a list\n",           // not a map
      "a:\t1\n",                      // tab separator
  };
  for (const char* yaml : inputs) {
    EXPECT_FALSE(parse_plain_yaml(yaml).has_value()) << yaml;
  }
}

TEST(Frontmatter, YamlCppPathReadsNestedShapes) {
  Parsed p = parse(
      "---\nperson:\n  name: Tom\n  roles: [lead, 'on call']\nnote: |\n  line one\n  line two\n"
      "anchor: &n 5\ncopy: *n\nstr: !!str 12\n---\nbody");
  EXPECT_THAT(p.warnings, IsEmpty());
  EXPECT_EQ(prop(p.fm, "person"),
            Value(Map{{"name", Value{"Tom"}}, {"roles", Value(List{"lead", "on call"})}}));
  EXPECT_EQ(prop(p.fm, "note"), Value{"line one\nline two\n"});
  EXPECT_EQ(prop(p.fm, "copy"), Value{5});
  EXPECT_EQ(prop(p.fm, "str"), Value{"12"});
  EXPECT_EQ(p.fm.end_line, 11u);
}

TEST(Frontmatter, MalformedYamlWarnsWithLineAndKeepsEarlierKeys) {
  std::string text = read_fixture("malformed-frontmatter.md");
  Parsed p = parse(text);
  ASSERT_FALSE(p.warnings.empty());
  EXPECT_EQ(p.warnings[0].file, "People/x.md");
  EXPECT_GE(p.warnings[0].line, 5u);
  EXPECT_LE(p.warnings[0].line, 7u);
  EXPECT_THAT(p.warnings[0].message, HasSubstr("malformed frontmatter"));
  EXPECT_EQ(prop(p.fm, "type"), Value{"meeting"});
  EXPECT_EQ(prop(p.fm, "title"), Value{"Depot walk-through"});
  EXPECT_EQ(prop(p.fm, "date"), Value{"2026-02-25"});
  EXPECT_EQ(p.fm.end_line, 7u);
  EXPECT_EQ(text.substr(p.fm.body_offset, 16), "\n# Depot walk-th");
}

TEST(Frontmatter, AliasBombIsCutOffWithAWarning) {
  Parsed p = parse(read_fixture("alias-bomb.md"));
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_THAT(p.warnings[0].message, HasSubstr("too large"));
  EXPECT_EQ(p.warnings[0].line, 7u);  // the key whose expansion overflows
  EXPECT_EQ(prop(p.fm, "title"), Value{"Harmless looking"});
  EXPECT_TRUE(prop(p.fm, "a").is<List>());
  EXPECT_EQ(p.fm.properties.count("i"), 0u);
  EXPECT_EQ(p.fm.end_line, 12u);
}

TEST(Frontmatter, DeepNestingIsRejectedBeforeYamlCpp) {
  std::string deep = "---\nkey: " + std::string(100000, '[') + "\n---\nbody";
  Parsed p = parse(deep);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_THAT(p.warnings[0].message, HasSubstr("nests deeper"));
  EXPECT_TRUE(p.fm.properties.empty());
  EXPECT_EQ(deep.substr(p.fm.body_offset), "body");

  std::string indented = "---\n";
  for (int i = 0; i < 2000; ++i)
    indented += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  indented += "---\n";
  Parsed q = parse(indented);
  EXPECT_EQ(q.warnings.size(), 1u);
}

TEST(Frontmatter, UnterminatedFenceLeavesWholeFileToBody) {
  Parsed p = parse(read_fixture("unterminated-fence.md"));
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0].line, 1u);
  EXPECT_THAT(p.warnings[0].message, HasSubstr("never closed"));
  EXPECT_EQ(p.fm.end_line, 0u);
  EXPECT_EQ(p.fm.body_offset, 0u);
  EXPECT_TRUE(p.fm.properties.empty());
}

TEST(Frontmatter, NoFenceMeansNoFrontmatter) {
  for (std::string_view text : {"# Title\n\ntext", "", "---", " ---\na: 1\n---\n", "----\n"}) {
    Parsed p = parse(text);
    EXPECT_THAT(p.warnings, IsEmpty()) << text;
    EXPECT_EQ(p.fm.end_line, 0u) << text;
    EXPECT_EQ(p.fm.body_offset, 0u) << text;
  }
}

TEST(Frontmatter, FenceVariants) {
  Parsed crlf = parse("---\r\na: 1\r\n---\r\nbody");
  EXPECT_EQ(prop(crlf.fm, "a"), Value{1});
  EXPECT_EQ(crlf.fm.end_line, 3u);
  Parsed bom = parse("\xEF\xBB\xBF---\na: x\n---   \nbody");
  EXPECT_EQ(prop(bom.fm, "a"), Value{"x"});
  Parsed empty = parse("---\n---\n");
  EXPECT_TRUE(empty.fm.properties.empty());
  EXPECT_EQ(empty.fm.end_line, 2u);
  EXPECT_EQ(empty.fm.body_offset, 8u);
  Parsed at_eof = parse("---\na: 1\n---");
  EXPECT_EQ(at_eof.fm.body_offset, 12u);
}

TEST(Frontmatter, DuplicateKeysAndNonMapsWarn) {
  Parsed dup = parse("---\na: one\nb: 2\na: two\n---\n");
  ASSERT_EQ(dup.warnings.size(), 1u);
  EXPECT_EQ(dup.warnings[0].line, 4u);
  EXPECT_EQ(prop(dup.fm, "a"), Value{"two"});
  Parsed list = parse("---\n- a\n- b\n---\n");
  ASSERT_EQ(list.warnings.size(), 1u);
  EXPECT_THAT(list.warnings[0].message, HasSubstr("not a map"));
  EXPECT_TRUE(list.fm.properties.empty());
}

// yaml-cpp lets a quoted value that is never closed swallow the keys after it; kith says so.
TEST(Frontmatter, QuoteNeverClosedWarnsAtItsKey) {
  Parsed single =
      parse("---\ndate: 2026-03-01\ntitle: 'never closed\nattendees: [a, b]\n---\nbody");
  ASSERT_EQ(single.warnings.size(), 1u);
  EXPECT_EQ(single.warnings[0].line, 3u);
  EXPECT_THAT(single.warnings[0].message, HasSubstr("'title' is never closed"));
  EXPECT_EQ(prop(single.fm, "date"), Value{"2026-03-01"});
  Parsed closed = parse("---\ntitle: \"it's fine\"\nnote: 'multi\n  line'\n---\n");
  EXPECT_TRUE(closed.warnings.empty());
}

}  // namespace
}  // namespace kith::loaders
