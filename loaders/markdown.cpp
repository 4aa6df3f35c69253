#include "loaders/markdown.hpp"

#include <cmark.h>

#include <memory>
#include <string>
#include <vector>

#include "loaders/body_pieces.hpp"
#include "loaders/inline_text.hpp"
#include "loaders/markdown_arena.hpp"
#include "loaders/pipe_table.hpp"
#include "loaders/task_line.hpp"

namespace kith::loaders {

namespace {

struct IterDeleter {
  void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// The body's lines by number, for raw source text.
class SourceLines {
 public:
  explicit SourceLines(std::string_view body) : body_(body) {
    starts_.push_back(0);
    for (std::size_t p = body.find('\n'); p != std::string_view::npos; p = body.find('\n', p + 1)) {
      starts_.push_back(p + 1);
    }
  }
  // Line n (1-based within the body) without its line ending; empty when out of range.
  std::string_view line(int n) const {
    if (n < 1 || static_cast<std::size_t>(n) > starts_.size()) return {};
    std::size_t begin = starts_[n - 1];
    std::size_t end = static_cast<std::size_t>(n) < starts_.size() ? starts_[n] - 1 : body_.size();
    std::string_view s = body_.substr(begin, end - begin);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
  }

 private:
  std::string_view body_;
  std::vector<std::size_t> starts_;
};

// Splits a field value on ',' and ';' that are outside parentheses and outside link texts.
std::vector<std::string> split_items(
    std::string_view value, std::size_t value_offset,
    const std::vector<std::pair<std::size_t, std::size_t>>& atoms) {
  std::vector<std::string> items;
  int parens = 0;
  std::size_t start = 0;
  auto inside_atom = [&](std::size_t i) {
    for (const auto& [b, e] : atoms) {
      if (i + value_offset >= b && i + value_offset < e) return true;
    }
    return false;
  };
  auto flush = [&](std::size_t end) {
    std::string_view item = trim(value.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '(') ++parens;
    if (c == ')' && parens > 0) --parens;
    if ((c == ',' || c == ';') && parens == 0 && !inside_atom(i)) {
      flush(i);
      start = i + 1;
    }
  }
  flush(value.size());
  return items;
}

class BodyWalker {
 public:
  BodyWalker(std::uint32_t first_line, std::string_view file, doc::Document& doc)
      : first_line_(first_line), file_(file), doc_(doc) {}

  // Walks the tree cmark made of `piece`, which starts on the body's line `piece_line`.
  // Sections stay open from one piece to the next; nothing else crosses a cut.
  void walk(cmark_node* root, std::string_view piece, std::uint32_t piece_line) {
    source_ = SourceLines(piece);
    line_base_ = first_line_ + piece_line - 1;
    field_list_ = nullptr;
    std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(it.get());
      bool enter = ev == CMARK_EVENT_ENTER;
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_LIST:
          list_depth_ += enter ? 1 : -1;
          break;
        case CMARK_NODE_HEADING:
          if (enter) {
            heading(node);
            cmark_iter_reset(it.get(), node, CMARK_EVENT_EXIT);
          }
          break;
        case CMARK_NODE_PARAGRAPH:
          if (enter) {
            paragraph(node);
            cmark_iter_reset(it.get(), node, CMARK_EVENT_EXIT);
          }
          break;
        case CMARK_NODE_CODE_BLOCK:
          code_block(node);
          break;
        default:
          break;
      }
    }
  }

 private:
  std::uint32_t file_line(cmark_node* node) const {
    return line_base_ + static_cast<std::uint32_t>(cmark_node_get_start_line(node)) - 1;
  }

  void heading(cmark_node* node) {
    std::vector<InlineLine> lines = inline_lines(node, file_line(node), doc_);
    std::string text;
    for (const InlineLine& l : lines) {
      if (!text.empty() && !l.text.empty()) text.push_back(' ');
      text += trim(l.text);
    }
    doc::Section section;
    section.heading = std::move(text);
    section.level = cmark_node_get_heading_level(node);
    section.line = file_line(node);
    while (!open_sections_.empty() &&
           doc_.sections[static_cast<std::size_t>(open_sections_.back())].level >= section.level) {
      open_sections_.pop_back();
    }
    section.parent = open_sections_.empty() ? -1 : open_sections_.back();
    doc_.sections.push_back(std::move(section));
    current_section_ = static_cast<int>(doc_.sections.size()) - 1;
    open_sections_.push_back(current_section_);
  }

  void code_block(cmark_node* node) {
    const char* info = cmark_node_get_fence_info(node);
    std::string_view lang = trim(info != nullptr ? info : "");
    lang = lang.substr(0, lang.find_first_of(" \t"));
    if (lang != "tasks") return;
    doc::TasksQuery query;
    const char* literal = cmark_node_get_literal(node);
    query.text = literal != nullptr ? literal : "";
    while (!query.text.empty() && query.text.back() == '\n')
      query.text.pop_back();
    query.line = file_line(node);
    doc_.tasks_queries.push_back(std::move(query));
  }

  // The task on the first line of a list item, when the item starts on that line.
  int task_of_item(cmark_node* paragraph, cmark_node* item) {
    int line = cmark_node_get_start_line(item);
    if (line != cmark_node_get_start_line(paragraph)) return -1;
    std::string_view raw = source_.line(line);
    auto column = static_cast<std::size_t>(std::max(1, cmark_node_get_start_column(item)));
    if (column - 1 > raw.size()) return -1;
    std::optional<doc::Task> task =
        parse_task_line(raw.substr(column - 1), file_line(paragraph), file_, doc_.warnings);
    if (!task) return -1;
    task->raw = std::string(raw);
    task->section = current_section_;
    task->list_depth = list_depth_;
    doc_.tasks.push_back(std::move(*task));
    return static_cast<int>(doc_.tasks.size()) - 1;
  }

  // "[x] rest" -> "rest", moving the offsets that point into the text.
  static void strip_checkbox(InlineLine& line) {
    std::size_t close = line.text.find(']');
    if (line.text.empty() || line.text[0] != '[' || close == std::string::npos || close > 5) {
      return;
    }
    std::size_t cut = close + 1;
    while (cut < line.text.size() && (line.text[cut] == ' ' || line.text[cut] == '\t'))
      ++cut;
    line.text.erase(0, cut);
    auto shift = [cut](std::size_t& offset) { offset = offset > cut ? offset - cut : 0; };
    for (auto& [b, e] : line.atoms)
      shift(b), shift(e);
    if (line.lead_strong_end != std::string::npos) shift(line.lead_strong_end);
  }

  // An Obsidian callout's "[!note]" (or "[!tip]-", "[!faq]+") opening a block quote is markup,
  // not prose.
  static void strip_callout_marker(InlineLine& line) {
    if (!line.text.starts_with("[!")) return;
    std::size_t close = line.text.find(']');
    if (close == std::string::npos || close > 40) return;
    std::size_t cut = close + 1;
    if (cut < line.text.size() && (line.text[cut] == '+' || line.text[cut] == '-')) ++cut;
    while (cut < line.text.size() && (line.text[cut] == ' ' || line.text[cut] == '\t'))
      ++cut;
    line.text.erase(0, cut);
    auto shift = [cut](std::size_t& offset) { offset = offset > cut ? offset - cut : 0; };
    for (auto& [b, e] : line.atoms)
      shift(b), shift(e);
    line.lead_strong_end = std::string::npos;
  }

  bool field(const InlineLine& line) {
    if (line.lead_strong_end == std::string::npos || line.lead_strong_end == 0) return false;
    std::string_view text = line.text;
    std::string_view key = text.substr(0, line.lead_strong_end);
    std::size_t value_start;
    if (key.back() == ':') {
      key.remove_suffix(1);
      value_start = line.lead_strong_end;
    } else if (line.lead_strong_end < text.size() && text[line.lead_strong_end] == ':') {
      value_start = line.lead_strong_end + 1;
    } else {
      return false;
    }
    key = trim(key);
    if (key.empty() || key.size() > 64) return false;
    std::string_view value = text.substr(value_start);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.remove_prefix(1);
      ++value_start;
    }
    value = trim(value);
    doc::FieldLine f;
    f.key = std::string(key);
    f.value = std::string(value);
    f.items = split_items(value, value_start, line.atoms);
    f.line = line.line;
    doc_.fields.push_back(std::move(f));
    return true;
  }

  // Marks the lines [i, end) that form a pipe table and records it; returns end (or i when
  // there is no table starting at line i).
  std::size_t table(const std::vector<InlineLine>& lines, std::size_t i) {
    if (i + 1 >= lines.size() || lines[i].text.find('|') == std::string::npos ||
        !is_table_delimiter_row(lines[i + 1].text)) {
      return i;
    }
    std::vector<std::string> header = split_table_row(lines[i].text);
    if (header.size() != split_table_row(lines[i + 1].text).size()) return i;
    doc::Table t;
    t.header = std::move(header);
    t.line = lines[i].line;
    t.section = current_section_;
    std::size_t end = i + 2;
    for (; end < lines.size() && lines[end].text.find('|') != std::string::npos; ++end) {
      std::vector<std::string> row = split_table_row(lines[end].text);
      row.resize(t.header.size());
      t.rows.push_back(std::move(row));
    }
    doc_.tables.push_back(std::move(t));
    return end;
  }

  void statement(const std::vector<InlineLine>& lines, std::size_t begin, std::size_t end,
                 doc::Statement::Kind kind, int task) {
    doc::Statement s;
    s.kind = kind;
    std::size_t text_size = 0;
    for (std::size_t k = begin; k < end; ++k)
      text_size += lines[k].text.size() + 1;
    s.text.reserve(text_size);
    for (std::size_t k = begin; k < end; ++k) {
      std::string_view text = trim(lines[k].text);
      if (text.empty()) continue;
      if (!s.text.empty()) s.text.push_back(' ');
      s.text += text;
    }
    if (s.text.empty() && task < 0) return;
    std::size_t raw_size = 0;
    for (std::uint32_t l = lines[begin].line; l <= lines[end - 1].line; ++l)
      raw_size += source_.line(static_cast<int>(l - line_base_ + 1)).size() + 1;
    s.raw.reserve(raw_size);
    for (std::uint32_t l = lines[begin].line; l <= lines[end - 1].line; ++l) {
      if (!s.raw.empty() || l != lines[begin].line) s.raw.push_back('\n');
      s.raw += source_.line(static_cast<int>(l - line_base_ + 1));
    }
    s.line = lines[begin].line;
    s.section = current_section_;
    s.list_depth = kind == doc::Statement::Kind::ListItem ? list_depth_ : 0;
    s.task = task;
    doc_.statements.push_back(std::move(s));
  }

  void paragraph(cmark_node* node) {
    cmark_node* parent = cmark_node_parent(node);
    cmark_node_type parent_type = parent != nullptr ? cmark_node_get_type(parent) : CMARK_NODE_NONE;
    doc::Statement::Kind kind = parent_type == CMARK_NODE_ITEM ? doc::Statement::Kind::ListItem
                                : parent_type == CMARK_NODE_BLOCK_QUOTE
                                    ? doc::Statement::Kind::Quote
                                    : doc::Statement::Kind::Paragraph;
    int task = -1;
    if (kind == doc::Statement::Kind::ListItem && cmark_node_previous(node) == nullptr) {
      task = task_of_item(node, parent);
    }
    std::vector<InlineLine> lines = inline_lines(node, file_line(node), doc_);
    if (task >= 0) strip_checkbox(lines[0]);
    if (kind == doc::Statement::Kind::Quote && cmark_node_previous(node) == nullptr) {
      strip_callout_marker(lines[0]);
    }

    bool in_item = kind == doc::Statement::Kind::ListItem;
    if (in_item && cmark_node_previous(node) == nullptr && field_list_ != nullptr &&
        cmark_node_parent(parent) == field_list_) {
      add_list_item_to_field(trim(lines[0].text));
    }
    std::size_t run = 0;  // first line of the statement being gathered
    bool ends_with_empty_field = false;
    for (std::size_t i = 0; i < lines.size();) {
      std::size_t after_table = table(lines, i);
      bool is_field = after_table == i && field(lines[i]);
      ends_with_empty_field = is_field && doc_.fields.back().value.empty();
      if (after_table == i && (!is_field || in_item)) {
        ++i;
        continue;
      }
      if (run < i) statement(lines, run, i, kind, run == 0 ? task : -1);
      i = after_table > i ? after_table : i + 1;
      run = i;
    }
    if (run < lines.size()) statement(lines, run, lines.size(), kind, run == 0 ? task : -1);

    // "**Attendees**:" with the names in the list right below it.
    cmark_node* next = cmark_node_next(node);
    if (!in_item && ends_with_empty_field && next != nullptr &&
        cmark_node_get_type(next) == CMARK_NODE_LIST) {
      field_list_ = next;
      field_index_ = doc_.fields.size() - 1;
    }
  }

  void add_list_item_to_field(std::string_view item) {
    if (item.empty()) return;
    doc::FieldLine& f = doc_.fields[field_index_];
    if (!f.value.empty()) f.value += ", ";
    f.value += item;
    f.items.emplace_back(item);
  }

  SourceLines source_{{}};
  std::uint32_t first_line_;
  std::uint32_t line_base_ = 0;  // the file line of the current piece's first line
  std::string_view file_;
  doc::Document& doc_;
  int list_depth_ = 0;
  int current_section_ = -1;
  std::vector<int> open_sections_;
  cmark_node* field_list_ = nullptr;  // the list that gives the items of an empty field
  std::size_t field_index_ = 0;
};

}  // namespace

void parse_markdown_body(std::string_view body, std::uint32_t first_line, std::string_view file,
                         doc::Document& doc) {
  BodyWalker walker(first_line, file, doc);
  for (const BodyPiece& piece : body_pieces(body)) {
    // cmark_parse_document, with every allocation in the arena, so the tree goes all at once
    // when `arena` does instead of node by node.
    const MarkdownArenaScope arena;
    cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, arena.memory());
    cmark_parser_feed(parser, piece.text.data(), piece.text.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    if (root == nullptr) {
      doc.warnings.push_back(
          {std::string(file), first_line + piece.line - 1, "Markdown body could not be parsed"});
      continue;
    }
    walker.walk(root, piece.text, piece.line);
  }
}

}  // namespace kith::loaders
