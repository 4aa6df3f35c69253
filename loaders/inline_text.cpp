#include "loaders/inline_text.hpp"

#include <cmark.h>

#include <array>
#include <string_view>

#include "loaders/tag_name.hpp"
#include "loaders/wikilink.hpp"

// cmark knows no wikilinks or tags: they arrive inside text nodes, which cmark splits at
// brackets, so adjacent text nodes are joined here before they are scanned: "[[Wen Li]]" is
// read as one literal.

namespace kith::loaders {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

constexpr std::array<bool, 256> kMayStartMarkup = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("[#=~"))
    table[c] = true;
  return table;
}();

void scan_text(std::string_view lit, InlineLine& cur, doc::Document& doc) {
  cur.text.reserve(cur.text.size() + lit.size());  // the text only ever shrinks here
  std::size_t run = 0;                             // start of the text not yet copied to cur.text
  std::size_t i = 0;
  bool may_close = true;  // false once no "]]" is left: later "[[" cannot close either
  // Obsidian's ==highlight== and ~~strike~~ are not CommonMark, so cmark leaves the marks in
  // the text; a pair within one text node is dropped. [0] is "==", [1] is "~~".
  std::size_t mark_close[2] = {std::string_view::npos, std::string_view::npos};
  bool mark_may_close[2] = {true, true};
  while (i < lit.size()) {
    // A table, not find_first_of (which calls memchr once per character).
    std::size_t k = i;
    while (k < lit.size() && !kMayStartMarkup[static_cast<unsigned char>(lit[k])])
      ++k;
    if (k == lit.size()) break;
    if (lit[k] == '=' || lit[k] == '~') {
      int m = lit[k] == '=' ? 0 : 1;
      if (k + 1 >= lit.size() || lit[k + 1] != lit[k]) {
        i = k + 1;
        continue;
      }
      bool drop = k == mark_close[m];
      if (!drop && mark_close[m] == std::string_view::npos && mark_may_close[m] &&
          k + 2 < lit.size() && lit[k + 2] != ' ' && lit[k + 2] != lit[k]) {
        std::size_t close = lit.find(lit.substr(k, 2), k + 2);
        if (close == std::string_view::npos) mark_may_close[m] = false;
        if (close != std::string_view::npos && lit[close - 1] != ' ') {
          mark_close[m] = close;
          drop = true;
        }
      } else if (drop) {
        mark_close[m] = std::string_view::npos;
      }
      if (drop) {
        cur.text.append(lit.substr(run, k - run));
        run = k + 2;
      }
      i = k + 2;
      continue;
    }
    if (lit[k] == '#') {
      std::string_view before = k > 0 ? lit.substr(0, k) : std::string_view(cur.text);
      std::string_view name;
      if (can_start_tag_after(before)) name = tag_after_hash(lit.substr(k));
      if (!name.empty()) doc.tags.push_back({std::string(name), cur.line});
      i = k + 1 + name.size();
      continue;
    }
    if (!may_close || k + 1 >= lit.size() || lit[k + 1] != '[') {
      i = k + 1;
      continue;
    }
    std::size_t close = lit.find("]]", k + 2);
    if (close == std::string_view::npos) {
      may_close = false;
      i = k + 1;
      continue;
    }
    // "[[a [[b]]": the link is the innermost one.
    std::size_t open = k;
    if (std::size_t inner = lit.substr(k + 2, close - k - 2).rfind("[[");
        inner != std::string_view::npos) {
      open = k + 2 + inner;
    }
    std::string_view inside = lit.substr(open + 2, close - open - 2);
    if (trim(inside).empty()) {
      i = close + 2;
      continue;
    }
    bool embed = open > run && lit[open - 1] == '!';
    cur.text.append(lit.substr(run, open - run - (embed ? 1 : 0)));
    doc::Link link = parse_wikilink(inside, embed, cur.line);
    if (!embed) {
      std::size_t begin = cur.text.size();
      cur.text += link.shown;
      cur.atoms.emplace_back(begin, cur.text.size());
    }
    doc.links.push_back(std::move(link));
    i = run = close + 2;
  }
  cur.text.append(lit.substr(run));
}

struct OpenLink {
  std::size_t line_index;
  std::size_t start;
};

// Inline nodes that hold no other nodes: the walk below enters them and never leaves them,
// as cmark's own iterator does.
bool is_leaf(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_HTML_INLINE:
      return true;
    default:
      return false;
  }
}

class InlineWalker {
 public:
  InlineWalker(cmark_node* block, std::uint32_t block_line, doc::Document& doc)
      : block_(block), doc_(doc) {
    lines_.emplace_back().line = block_line;
  }

  // Depth first through the block's inline nodes by their links, without cmark_iter (which
  // allocates, and is made and freed for every paragraph).
  std::vector<InlineLine> walk() && {
    cmark_node* node = cmark_node_first_child(block_);
    while (node != nullptr) {
      visit(node, true);
      if (!is_leaf(node)) {
        if (cmark_node* child = cmark_node_first_child(node)) {
          node = child;
          continue;
        }
        visit(node, false);
      }
      while (node != block_ && cmark_node_next(node) == nullptr) {
        node = cmark_node_parent(node);
        if (node != block_) visit(node, false);
      }
      node = node == block_ ? nullptr : cmark_node_next(node);
    }
    return std::move(lines_);
  }

 private:
  // A text node's literal, joined with those of the text nodes right after it.
  void text(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    cmark_node* next = cmark_node_next(node);
    const bool text_follows = next != nullptr && cmark_node_get_type(next) == CMARK_NODE_TEXT;
    if (!joined_.empty() || text_follows) {
      joined_ += literal;
      if (text_follows) return;
      scan_text(joined_, lines_.back(), doc_);
      joined_.clear();
      return;
    }
    scan_text(literal, lines_.back(), doc_);
  }

  void visit(cmark_node* node, bool enter) {
    InlineLine& cur = lines_.back();
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        text(node);
        break;
      case CMARK_NODE_CODE:
        cur.text += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: {
        std::uint32_t next = cur.line + 1;
        lines_.emplace_back().line = next;
        break;
      }
      case CMARK_NODE_HTML_INLINE: {
        // Raw HTML adds no text, but a tag that spans lines moves the line count on.
        for (const char* p = cmark_node_get_literal(node); p != nullptr && *p != 0; ++p) {
          if (*p == '\n') {
            std::uint32_t next = lines_.back().line + 1;
            lines_.emplace_back().line = next;
          }
        }
        break;
      }
      case CMARK_NODE_STRONG:
        if (enter && lead_strong_ == nullptr && cur.text.empty() &&
            cur.lead_strong_end == std::string::npos && cmark_node_parent(node) == block_) {
          lead_strong_ = node;
        } else if (!enter && node == lead_strong_) {
          cur.lead_strong_end = cur.text.size();
          lead_strong_ = nullptr;
        }
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        if (enter) {
          open_links_.push_back({lines_.size() - 1, cur.text.size()});
          break;
        }
        if (open_links_.empty()) break;
        OpenLink open = open_links_.back();
        open_links_.pop_back();
        // A link text broken over lines keeps only its last line's part as shown text.
        std::size_t start = open.line_index == lines_.size() - 1 ? open.start : 0;
        bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
        const char* url = cmark_node_get_url(node);
        doc_.links.push_back(markdown_link(url != nullptr ? url : "",
                                           trim(std::string_view(cur.text).substr(start)), image,
                                           lines_[open.line_index].line));
        cur.atoms.emplace_back(start, cur.text.size());
        break;
      }
      default:
        break;
    }
  }

  cmark_node* block_;
  doc::Document& doc_;
  std::vector<InlineLine> lines_;
  std::vector<OpenLink> open_links_;
  cmark_node* lead_strong_ = nullptr;
  std::string joined_;  // text nodes read so far of a run of adjacent ones
};

}  // namespace

std::vector<InlineLine> inline_lines(cmark_node* block, std::uint32_t block_line,
                                     doc::Document& doc) {
  return InlineWalker(block, block_line, doc).walk();
}

}  // namespace kith::loaders
