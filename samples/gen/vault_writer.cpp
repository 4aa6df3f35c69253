#include "samples/gen/vault_writer.hpp"

#include <algorithm>
#include <fstream>
#include <random>
#include <set>

#include <fmt/format.h>

namespace kith::gen {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A note being written: lines are numbered as they are added so the truth can cite them.
struct NoteText {
  std::vector<std::string> lines;
  std::uint32_t add(std::string line) {
    lines.push_back(std::move(line));
    return static_cast<std::uint32_t>(lines.size());
  }
  std::string joined(bool flatten = false) const {
    std::string out;
    for (const auto& l : lines) {
      out += l;
      if (!flatten) out += '\n';
    }
    return out;
  }
};

std::string date_text(int day_index) {
  // Days from 2025-01-01, rendered as an ISO date (no month arithmetic library needed for a
  // two-year span: walk the month lengths).
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2025;
  int d = day_index;
  for (;;) {
    const int len = (year % 4 == 0) ? 366 : 365;
    if (d < len) break;
    d -= len;
    ++year;
  }
  int month = 0;
  for (;; ++month) {
    const int len = kDays[month] + (month == 1 && year % 4 == 0 ? 1 : 0);
    if (d < len) break;
    d -= len;
  }
  return fmt::format("{:04}-{:02}-{:02}", year, month + 1, d + 1);
}

std::string file_safe(std::string s) {
  for (char& c : s) {
    if (c == '/' || c == ':' || c == '\\' || c == '?' || c == '*' || c == '"') c = '-';
  }
  return s;
}

class Writer {
 public:
  Writer(const World& w, const VaultShape& shape, const fs::path& root)
      : w_(w), shape_(shape), root_(root), rng_(shape.seed * 7919 + 17) {}

  json run() {
    by_company_.resize(w_.companies.size());
    for (int i = 0; i < static_cast<int>(w_.people.size()); ++i) {
      by_company_[w_.people[i].company].push_back(i);
    }
    write_config();
    const int person_notes = static_cast<int>(shape_.notes * shape_.person_notes);
    const int emails = static_cast<int>(shape_.notes * shape_.email_exports);
    const int emls = static_cast<int>(shape_.notes * shape_.eml_files);
    int written = 0;
    for (int i = 0; i < person_notes && i < static_cast<int>(w_.people.size()); ++i, ++written) {
      write_person_note(i);
    }
    for (int c = 1; c < static_cast<int>(w_.companies.size()) && written < shape_.notes; ++c) {
      written += write_account_notes(c);
    }
    for (int i = 0; i < emails && written < shape_.notes; ++i, ++written)
      write_email_export(i);
    for (int i = 0; i < emls && written < shape_.notes; ++i, ++written)
      write_eml(i);
    for (int i = 0; written < shape_.notes; ++i, ++written)
      write_meeting(i);
    return truth();
  }

 private:
  // ---- choices
  int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return pick(100) < percent; }
  const Person& person(int i) const { return w_.people[i]; }
  std::string spelling(int i) {
    const auto& s = person(i).spellings;
    return chance(70) ? s[0] : s[pick(static_cast<int>(s.size()))];
  }
  std::string first_name(int i) const { return person(i).first; }
  int external_company() { return 1 + pick(static_cast<int>(w_.companies.size()) - 1); }
  int member_of(int company) {
    const auto& m = by_company_[company];
    return m[pick(static_cast<int>(m.size()))];
  }

  void put(const std::string& relative, const std::string& text) {
    const fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  void record_fact(const char* kind, int subject, int object, const std::string& path,
                   std::uint32_t line, bool current = true, const std::string& extra = {}) {
    json f = {{"kind", kind},
              {"subject", person(subject).name},
              {"path", path},
              {"line", line},
              {"current", current}};
    if (object >= 0) f["object"] = person(object).name;
    if (!extra.empty()) f["detail"] = extra;
    facts_.push_back(std::move(f));
  }

  // ---- prose: every surface form the loaders should read, and noise they must leave alone
  // Writes one sentence about person i's place in the world; returns false if none fits.
  bool prose_about(int i, NoteText& note, const std::string& path) {
    const Person& p = person(i);
    const Company& c = w_.companies[p.company];
    const int form = pick(14);
    if (p.manager >= 0 && form < 8) {
      const int m = p.manager;
      std::string s;
      switch (form) {
        case 0:
          s = fmt::format("{} reports to {}.", spelling(i), spelling(m));
          break;
        case 1:
          s = fmt::format("{} manages {}.", spelling(m), spelling(i));
          break;
        case 2:
          s = fmt::format("{} is a direct report of {}.", spelling(i), spelling(m));
          break;
        case 3:
          s = fmt::format("{} ({}'s manager) joined the call late.", spelling(m), first_name(i));
          break;
        case 4:
          s = fmt::format("{}, reporting to {}, owns the rollout plan.", spelling(i), spelling(m));
          break;
        case 5:
          s = fmt::format("{}'s manager is {}.", spelling(i), spelling(m));
          break;
        case 6:
          s = fmt::format("{} ({}'s boss) asked for a written summary.", spelling(m), spelling(i));
          break;
        default:
          s = fmt::format("{} was hired by {} and reports to {}.", spelling(i), spelling(m),
                          first_name(m));
          break;
      }
      note.add("");
      record_fact("REPORTS_TO", i, m, path, note.add("- " + s));
      return true;
    }
    if (!p.former_managers.empty() && form == 8) {
      const int f = p.former_managers.front();
      note.add("");
      const std::string s =
          chance(50) ? fmt::format("{} was {}'s manager at {}.", spelling(f), spelling(i), c.name)
                     : fmt::format("{} used to report to {}.", spelling(i), spelling(f));
      record_fact("REPORTS_TO", i, f, path, note.add("- " + s), false);
      return true;
    }
    if (p.chief_of_staff_to >= 0 && form == 9) {
      note.add("");
      record_fact("CHIEF_OF_STAFF_TO", i, p.chief_of_staff_to, path,
                  note.add(fmt::format("- {} is {}'s chief of staff.", spelling(i),
                                       spelling(p.chief_of_staff_to))));
      return true;
    }
    if (form >= 10 && form <= 12) {
      std::string s;
      switch (form) {
        case 10:
          s = fmt::format("{} works at {} as {}.", spelling(i), c.name, p.title);
          break;
        case 11:
          s = fmt::format("{} is the {} at {}.", spelling(i), p.title, c.name);
          break;
        default:
          s = fmt::format("{} joined {} as {}.", spelling(i), c.name, p.title);
          break;
      }
      note.add("");
      record_fact("WORKS_AT", i, -1, path, note.add("- " + s), true, c.name + "|" + p.title);
      return true;
    }
    return false;
  }

  void noise(NoteText& note, int i, int j) {
    static constexpr const char* kNoise[] = {
        "- The report to the board is due on Friday.",
        "- {a} forwarded the capacity report to {b}.",
        "- {a}'s manager meeting moved to Tuesday.",
        "- {a} will manage the rollout of the new depots.",
        "- The team reports to the steering committee every month.",
        "- {a} works on the pricing model with {b}.",
        "- {a} met {b} at the trade show in Lyon."};
    std::string s = kNoise[pick(7)];
    const std::string a = spelling(i);
    const std::string b = spelling(j);
    auto replace = [&](const std::string& key, const std::string& value) {
      for (auto at = s.find(key); at != std::string::npos; at = s.find(key)) {
        s.replace(at, key.size(), value);
      }
    };
    replace("{a}", a);
    replace("{b}", b);
    note.add("");
    note.add(s);
  }

  // ---- notes
  void write_config() {
    std::string text = fmt::format("owner: {}\ndomains:\n", person(w_.owner).name);
    for (const Company& c : w_.companies)
      text += fmt::format("  {}: {}\n", c.domain, c.name);
    put("kith.yaml", text);
  }

  void write_person_note(int i) {
    const Person& p = person(i);
    const std::string path = fmt::format("People/{}.md", p.name);
    NoteText note;
    note.add("---");
    note.add("type: person");
    note.add("name: " + p.name);
    std::vector<std::string> aliases(p.spellings.begin() + 1, p.spellings.end());
    aliases.push_back(p.first);
    if (chance(50)) {
      std::string flow;
      for (const auto& a : aliases)
        flow += (flow.empty() ? "" : ", ") + a;
      note.add("aliases: [" + flow + "]");
    } else {
      note.add("aliases:");
      for (const auto& a : aliases)
        note.add("- " + a);
    }
    note.add("email: " + p.email);
    note.add(fmt::format("company: '[[{}]]'", w_.companies[p.company].name));
    note.add("title: " + p.title);
    const bool manager_in_frontmatter = p.manager >= 0 && chance(70);
    if (manager_in_frontmatter) {
      const std::uint32_t line = note.add(fmt::format("manager: '[[{}]]'", person(p.manager).name));
      record_fact("REPORTS_TO", i, p.manager, path, line);
    }
    note.add("---");
    note.add("");
    note.add("# " + p.name);
    note.add("");
    note.add(fmt::format("- Works on the {} account.", w_.companies[p.company].name));
    if (!manager_in_frontmatter) prose_about(i, note, path);
    put(path, note.joined());
    notes_.push_back({{"path", path}, {"kind", "person"}, {"person", p.name}});
  }

  int write_account_notes(int c) {
    const Company& company = w_.companies[c];
    int written = 0;
    for (const char* folder : {"Accounts", "Customers"}) {
      if (written == 1 && !chance(30)) break;
      const std::string path = fmt::format("{}/{}.md", folder, company.name);
      NoteText note;
      note.add("---");
      note.add(written == 0 ? "type: account" : "type: customer");
      note.add(written == 0 ? "name: " + company.name : "title: " + company.name);
      note.add("---");
      note.add("");
      note.add("# " + company.name);
      note.add("");
      note.add("## Key Facts");
      for (int k = 0; k < 4; ++k)
        prose_about(member_of(c), note, path);
      noise(note, member_of(c), member_of(c));
      note.add("");
      note.add("## Key Contacts");
      note.add("");
      for (int k = 0; k < 4; ++k)
        note.add(fmt::format("- [[{}]]", person(member_of(c)).name));
      put(path, note.joined());
      notes_.push_back({{"path", path}, {"kind", "account"}, {"account", company.name}});
      ++written;
    }
    return written;
  }

  void write_meeting(int n) {
    const int c = external_company();
    const int day = pick(540);
    const std::string date = date_text(day);
    std::set<int> chosen{w_.owner};
    const int external = 2 + pick(4);
    for (int k = 0; k < external; ++k)
      chosen.insert(member_of(c));
    if (chance(60)) chosen.insert(member_of(0));
    std::vector<int> attendees(chosen.begin(), chosen.end());
    std::shuffle(attendees.begin(), attendees.end(), rng_);

    const std::string title = fmt::format("{} sync {}", w_.companies[c].name, n);
    const std::string path = fmt::format("Meetings/{}-{}.md", date, file_safe(title));
    NoteText note;
    note.add("---");
    note.add("type: customer");
    note.add(fmt::format("title: '{}'", title));
    note.add(fmt::format("date: '{}'", date));
    note.add("account: " + w_.companies[c].name);
    note.add("participants:");
    std::vector<std::string> names;
    for (int a : attendees) {
      names.push_back(a == w_.owner ? person(a).name : spelling(a));
      note.add("- " + names.back());
    }
    note.add(fmt::format("source_ref: /Users/{}/Notes/Sources/{}.md",
                         person(w_.owner).email.substr(0, person(w_.owner).email.find('@')),
                         file_safe(title)));
    note.add("---");
    note.add("");
    note.add("# " + title);
    note.add("");
    note.add("**Date**: " + date);
    note.add(fmt::format("**Account**: [[{}]]", w_.companies[c].name));
    std::string line;
    for (const auto& s : names)
      line += (line.empty() ? "" : ", ") + s;
    note.add("**Attendees**: " + line);
    note.add("");
    note.add("## Action Items");
    note.add("");
    json tasks = json::array();
    const int task_count = 1 + pick(4);
    for (int t = 0; t < task_count; ++t) {
      const int owner = attendees[pick(static_cast<int>(attendees.size()))];
      const bool tbd = chance(8);
      const std::string owner_text = tbd                 ? "@TBD"
                                     : owner == w_.owner ? "@Myself"
                                                         : "@" + spelling(owner);
      const std::string due = date_text(day + 3 + pick(20));
      const char status = chance(70) ? ' ' : chance(50) ? 'x' : '?';
      const std::string text = fmt::format("Send the {} follow-up number {} to {}",
                                           w_.companies[c].name, t + 1, first_name(attendees[0]));
      const std::uint32_t at =
          note.add(fmt::format("- [{}] {}. {} 📅 {} #task", status, text, owner_text, due));
      json task = {{"path", path},
                   {"line", at},
                   {"status", std::string(1, status)},
                   {"due", due},
                   {"text", text}};
      task["owner"] = tbd ? json(nullptr) : json(person(owner).name);
      tasks_.push_back(task);
      if (chance(15)) {  // the same action item again, worded and spelt differently
        note.add("");
        const std::uint32_t dup =
            note.add(fmt::format("- [{}] {} for the deal. {} 📅 {} #task", status, text,
                                 tbd                 ? "@TBD"
                                 : owner == w_.owner ? "@" + person(owner).name
                                                     : "@" + spelling(owner),
                                 due));
        json copy = task;
        copy["line"] = dup;
        copy["duplicate_of"] = fmt::format("{}:{}", path, at);
        tasks_.push_back(copy);
      }
      note.add("");
    }
    note.add("## Key Information");
    for (int k = 0; k < 2; ++k)
      prose_about(attendees[pick(static_cast<int>(attendees.size()))], note, path);
    noise(note, attendees[0], attendees[attendees.size() - 1]);
    put(path, note.joined());
    json names_json = json::array();
    for (int a : attendees)
      names_json.push_back(person(a).name);
    meetings_.push_back({{"path", path},
                         {"date", date},
                         {"account", w_.companies[c].name},
                         {"attendees", names_json}});
    notes_.push_back({{"path", path}, {"kind", "meeting"}});
  }

  void write_email_export(int n) {
    const int c = external_company();
    const int from = member_of(c);
    const int to = w_.owner;
    const int cc = member_of(0);
    const int day = pick(540);
    const std::string date = date_text(day);
    const std::string subject = fmt::format("{} renewal terms {}", w_.companies[c].name, n);
    const std::string path = fmt::format("Email/Re-{}.md", file_safe(subject));
    const bool flatten = chance(30);
    NoteText note;
    note.add("# Re: " + subject);
    note.add("- Exported: " + date + " 18:00:00");
    note.add("- Messages: 1");
    note.add("---");
    const std::uint32_t at = note.add(fmt::format("## {} 09:{:02}:00 — {} <{}>", date, pick(60),
                                                  person(from).name, person(from).email));
    note.add("**Subject:** Re: " + subject);
    note.add("");
    note.add(fmt::format("{}, the revised terms are attached.", first_name(to)));
    note.add("");
    note.add("> On " + date + ", " + person(to).name + " <" + person(to).email + "> wrote:");
    note.add("> Could you send the revised terms? Copying " + first_name(cc) + ".");
    note.add("---");
    put(path, note.joined(flatten));
    emails_.push_back({{"path", path},
                       {"line", flatten ? 1u : at},
                       {"from", person(from).name},
                       {"date", date},
                       {"quoted_from", person(to).name},
                       {"flattened", flatten}});
    notes_.push_back({{"path", path}, {"kind", "email"}});
  }

  void write_eml(int n) {
    const int c = external_company();
    const int from = member_of(c);
    const int to = w_.owner;
    const std::string path = fmt::format("Inbox/message-{}.eml", n);
    std::string text = fmt::format(
        "From: {} <{}>\r\nTo: {} <{}>\r\nSubject: {} pricing {}\r\n"
        "Date: Mon, 2 Mar 2026 10:{:02}:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello {},\r\n\r\nNumbers attached.\r\n",
        person(from).name, person(from).email, person(to).name, person(to).email,
        w_.companies[c].name, n, pick(60), first_name(to));
    put(path, text);
    emails_.push_back({{"path", path},
                       {"line", 1},
                       {"from", person(from).name},
                       {"to", json::array({person(to).name})},
                       {"date", "2026-03-02"}});
    notes_.push_back({{"path", path}, {"kind", "email"}});
  }

  json truth() const {
    json people = json::array();
    for (const Person& p : w_.people) {
      json former = json::array();
      for (int f : p.former_managers)
        former.push_back(person(f).name);
      people.push_back(
          {{"name", p.name},
           {"spellings", p.spellings},
           {"email", p.email},
           {"company", w_.companies[p.company].name},
           {"title", p.title},
           {"manager", p.manager >= 0 ? json(person(p.manager).name) : json(nullptr)},
           {"former_managers", former},
           {"chief_of_staff_to",
            p.chief_of_staff_to >= 0 ? json(person(p.chief_of_staff_to).name) : json(nullptr)}});
    }
    json companies = json::array();
    for (const Company& c : w_.companies) {
      companies.push_back({{"name", c.name}, {"domain", c.domain}, {"internal", c.internal}});
    }
    return {{"seed", shape_.seed}, {"owner", person(w_.owner).name},
            {"people", people},    {"companies", companies},
            {"notes", notes_},     {"meetings", meetings_},
            {"tasks", tasks_},     {"emails", emails_},
            {"facts", facts_}};
  }

  const World& w_;
  VaultShape shape_;
  fs::path root_;
  std::mt19937_64 rng_;
  std::vector<std::vector<int>> by_company_;
  json notes_ = json::array();
  json meetings_ = json::array();
  json tasks_ = json::array();
  json emails_ = json::array();
  json facts_ = json::array();
};

}  // namespace

json write_vault(const World& world, const VaultShape& shape, const fs::path& root) {
  return Writer(world, shape, root).run();
}

}  // namespace kith::gen
