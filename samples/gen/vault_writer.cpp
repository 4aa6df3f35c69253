#include "samples/gen/vault_writer.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "samples/gen/fact_sentences.hpp"

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
    used_spellings_.resize(w_.people.size());
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
  // A spelling of person i where the vault names them (participants, owners, facts): the
  // truth lists, per person, the spellings the vault used there.
  std::string spelling(int i) {
    const auto& s = person(i).spellings;
    const std::string& chosen = chance(70) ? s[0] : s[pick(static_cast<int>(s.size()))];
    used_spellings_[static_cast<std::size_t>(i)].insert(chosen);
    return chosen;
  }
  std::string first_name(int i) const { return person(i).first; }
  int external_company() { return 1 + pick(static_cast<int>(w_.companies.size()) - 1); }
  // Someone who works at the company now (the departed are only talked about).
  int member_of(int company) {
    const auto& m = by_company_[company];
    for (;;) {
      const int i = m[pick(static_cast<int>(m.size()))];
      if (!person(i).departed) return i;
    }
  }

  void put(const std::string& relative, const std::string& text) {
    const fs::path p = root_ / relative;
    // A handful of folders hold every note: create each once, not a stat walk per file.
    if (created_folders_.insert(p.parent_path().native()).second)
      fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(text.data(), static_cast<std::streamsize>(text.size()));
  }

  // ---- prose: every surface form the loaders should read, and noise they must leave alone
  json& record(const char* kind, int subject, int object, const std::string& path,
               std::uint32_t line, bool current = true) {
    json f = {{"kind", kind},
              {"subject", person(subject).name},
              {"path", path},
              {"line", line},
              {"current", current}};
    if (object >= 0) f["object"] = person(object).name;
    facts_.push_back(std::move(f));
    return facts_.back();
  }
  void record_works_at(int i, const std::string& path, std::uint32_t line) {
    const Person& p = person(i);
    record("WORKS_AT", i, -1, path, line, !p.departed)["account"] = w_.companies[p.company].name;
  }
  std::uint32_t bullet(NoteText& note, const std::string& sentence) {
    note.add("");
    return note.add("- " + sentence);
  }

  // One sentence about person i's place in the world, in a form picked at random; `names`
  // says how to write a person in this note (full spelling, or a first name unique here).
  // Returns false if nothing fits.
  template <typename NameOf>
  bool prose_about(int i, NoteText& note, const std::string& path, NameOf&& names) {
    const Person& p = person(i);
    const Company& c = w_.companies[p.company];
    const int form = pick(100);
    if (p.manager >= 0 && form < 40) {
      record("REPORTS_TO", i, p.manager, path,
             bullet(note, reporting_sentence(pick(1000), names(i), names(p.manager))));
      return true;
    }
    if (p.manager >= 0 && form < 46) {
      // Colleagues under the same manager, stated together.
      std::vector<int> group{i};
      for (int j : by_company_[p.company])
        if (j != i && person(j).manager == p.manager && group.size() < 3) group.push_back(j);
      if (group.size() < 2) return false;
      std::vector<std::string> written;
      for (int j : group)
        written.push_back(names(j));
      const auto line =
          bullet(note, group_reporting_sentence(pick(1000), written, names(p.manager)));
      for (int j : group)
        record("REPORTS_TO", j, p.manager, path, line);
      return true;
    }
    if (!p.former_managers.empty() && form < 56) {
      const int f = p.former_managers.front();
      record("REPORTS_TO", i, f, path,
             bullet(note, former_reporting_sentence(pick(1000), names(i), names(f), c.name)),
             false);
      return true;
    }
    if (p.chief_of_staff_to >= 0 && form < 62) {
      record(
          "CHIEF_OF_STAFF_TO", i, p.chief_of_staff_to, path,
          bullet(note, chief_of_staff_sentence(pick(1000), names(i), names(p.chief_of_staff_to))));
      return true;
    }
    if (p.succeeded >= 0 && form < 66) {
      const int gone = p.succeeded;
      const auto line =
          bullet(note, succession_sentence(pick(1000), names(i), names(gone), person(gone).first));
      record("SUCCEEDED", i, gone, path, line);
      return true;
    }
    if (p.departed && form < 72) {
      record("LEFT", i, -1, path,
             bullet(note, departure_sentence(pick(1000), names(i), c.name)))["account"] = c.name;
      return true;
    }
    if (p.distrusted && form < 75) {
      record("DISTRUSTED", i, -1, path, bullet(note, distrust_sentence(pick(1000), names(i))));
      return true;
    }
    if (!p.departed && form >= 75) {
      record_works_at(
          i, path,
          bullet(note, employment_sentence(pick(1000), names(i), c.name, p.title, p.department)));
      return true;
    }
    return false;
  }
  bool prose_about(int i, NoteText& note, const std::string& path) {
    return prose_about(i, note, path, [this](int j) { return spelling(j); });
  }

  // Two people in no reporting line with each other, for noise about them.
  bool unrelated(int a, int b) const {
    const Person& pa = person(a);
    const Person& pb = person(b);
    auto formerly = [](const Person& x, int y) {
      return std::find(x.former_managers.begin(), x.former_managers.end(), y) !=
             x.former_managers.end();
    };
    return a != b && pa.manager != b && pb.manager != a && !formerly(pa, b) && !formerly(pb, a) &&
           pa.chief_of_staff_to != b && pb.chief_of_staff_to != a;
  }

  void noise(NoteText& note, int a, int b) {
    if (!unrelated(a, b)) return;
    note.add("");
    note.add("- " + noise_sentence(pick(1000), person(a).name, person(b).name,
                                   w_.companies[external_company()].name));
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
    used_spellings_[static_cast<std::size_t>(i)].insert(p.spellings.begin(), p.spellings.end());
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
    const std::string& company = w_.companies[p.company].name;
    record_works_at(i, path, note.add(fmt::format("company: '[[{}]]'", company)));
    note.add("title: " + p.title);
    const bool manager_in_frontmatter = p.manager >= 0 && chance(50);
    if (manager_in_frontmatter)
      record("REPORTS_TO", i, p.manager, path,
             note.add(fmt::format("manager: '[[{}]]'", person(p.manager).name)));
    note.add("---");
    note.add("");
    note.add("# " + p.name);
    note.add("");
    note.add(fmt::format("- Works on the {} account.", company));
    if (p.departed) {
      record("LEFT", i, -1, path,
             bullet(note, departure_sentence(pick(1000), p.first, company)))["account"] = company;
    } else if (p.manager >= 0 && !manager_in_frontmatter) {
      // The note's own person, left out or called "she": the note says who.
      record("REPORTS_TO", i, p.manager, path,
             bullet(note, note_person_reporting_sentence(pick(1000), spelling(p.manager))));
    }
    for (int j : by_company_[p.company]) {
      if (person(j).manager != i || !chance(30)) continue;
      record("REPORTS_TO", j, i, path,
             bullet(note, note_person_manages_sentence(pick(1000), spelling(j))));
      break;
    }
    prose_about(i, note, path);
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
      if (company.decision_maker >= 0 && chance(60))
        record("DECIDES", company.decision_maker, -1, path,
               bullet(note, decision_sentence(pick(1000), spelling(company.decision_maker),
                                              company.name)))["account"] = company.name;
      for (int k = 0; k < 4; ++k)
        prose_about(any_member_of(c), note, path);
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

  int any_member_of(int company) {
    const auto& m = by_company_[company];
    return m[pick(static_cast<int>(m.size()))];
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
    // An attendee whose first name no one else in the note shares may go by it alone.
    std::map<std::string, int> first_names;
    for (int a : attendees)
      ++first_names[strip_accents(person(a).first)];
    auto name_here = [&](int j) {
      const bool attending = std::find(attendees.begin(), attendees.end(), j) != attendees.end();
      if (attending && first_names[strip_accents(person(j).first)] == 1 && chance(30))
        return person(j).first;
      return spelling(j);
    };
    for (int k = 0; k < 2; ++k)
      prose_about(attendees[pick(static_cast<int>(attendees.size()))], note, path, name_here);
    if (const int d = w_.companies[c].decision_maker; d >= 0 && chance(10))
      record("INFLUENCES", attendees[0], d, path,
             bullet(note, influence_sentence(pick(1000), spelling(attendees[0]), spelling(d))));
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

  // What the sender of a message says of themself: their manager ("I report to ..."), or an
  // introduction of the owner to a colleague. The line is the message's.
  std::string first_person_body(int from, int to, const std::string& path, std::uint32_t line) {
    const Person& p = person(from);
    if (p.manager >= 0 && chance(35)) {
      record("REPORTS_TO", from, p.manager, path, line);
      return fmt::format("For context, I report to {} now.", spelling(p.manager));
    }
    if (chance(25)) {
      const int other = member_of(p.company);
      if (other != from && other != to) {
        const auto s = introduction_sentence(0, spelling(from), spelling(to), person(to).first,
                                             spelling(other));
        facts_.push_back({{"kind", "INTRODUCED"},
                          {"subject", p.name},
                          {"object", person(to).name},
                          {"third", person(other).name},
                          {"path", path},
                          {"line", line},
                          {"current", true}});
        return s;
      }
    }
    return {};
  }

  // "Name / Title / Company" under a message.
  std::vector<std::string> signature(int from, const std::string& path, std::uint32_t line) {
    const Person& p = person(from);
    record("WORKS_AT", from, -1, path, line)["account"] = w_.companies[p.company].name;
    return {p.name, p.title, w_.companies[p.company].name};
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
    const std::uint32_t cited = flatten ? 1u : at;
    note.add("**Subject:** Re: " + subject);
    note.add("");
    note.add(fmt::format("{}, the revised terms are attached.", first_name(to)));
    if (const auto said = first_person_body(from, to, path, cited); !said.empty()) {
      note.add("");
      note.add(said);
    }
    if (chance(40)) {
      note.add("");
      for (const auto& l : signature(from, path, cited))
        note.add(l);
    }
    note.add("");
    json quoted = nullptr;
    if (chance(50)) {
      note.add(fmt::format("> From: {} <{}>", person(to).name, person(to).email));
      note.add("> Date: Monday, March 2, 2026 at 9:15 AM");
      note.add(fmt::format("> To: {} <{}>", person(from).name, person(from).email));
      note.add(fmt::format("> Cc: {} <{}>", person(cc).name, person(cc).email));
      note.add("> Subject: " + subject);
      note.add(">");
      note.add("> Could you send the revised terms?");
      quoted = {{"path", path},
                {"from", person(to).name},
                {"to", json::array({person(from).name})},
                {"cc", json::array({person(cc).name})}};
    } else {
      note.add("> On " + date + ", " + person(to).name + " <" + person(to).email + "> wrote:");
      note.add("> Could you send the revised terms? Copying " + first_name(cc) + ".");
      quoted = {{"path", path}, {"from", person(to).name}};
    }
    note.add("---");
    put(path, note.joined(flatten));
    emails_.push_back(
        {{"path", path}, {"line", cited}, {"from", person(from).name}, {"date", date}});
    emails_.push_back(quoted);
    notes_.push_back({{"path", path}, {"kind", "email"}});
  }

  void write_eml(int n) {
    const int c = external_company();
    const int from = member_of(c);
    const int to = w_.owner;
    const int cc = member_of(0);
    const std::string path = fmt::format("Inbox/message-{}.eml", n);
    std::string body = fmt::format("Hello {},\r\n\r\nNumbers attached.\r\n", first_name(to));
    if (const auto said = first_person_body(from, to, path, 1); !said.empty())
      body += "\r\n" + said + "\r\n";
    if (chance(50)) {
      body += "\r\nBest,\r\n";
      for (const auto& l : signature(from, path, 1))
        body += l + "\r\n";
    }
    std::string text = fmt::format(
        "From: {} <{}>\r\nTo: {} <{}>\r\nCc: {} <{}>\r\nSubject: {} pricing {}\r\n"
        "Date: Mon, 2 Mar 2026 10:{:02}:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n\r\n{}",
        person(from).name, person(from).email, person(to).name, person(to).email, person(cc).name,
        person(cc).email, w_.companies[c].name, n, pick(60), body);
    put(path, text);
    emails_.push_back({{"path", path},
                       {"line", 1},
                       {"from", person(from).name},
                       {"to", json::array({person(to).name})},
                       {"cc", json::array({person(cc).name})},
                       {"date", "2026-03-02"}});
    notes_.push_back({{"path", path}, {"kind", "email"}});
  }

  json truth() const {
    json people = json::array();
    for (const Person& p : w_.people) {
      json spellings = json::array({p.name});
      const auto& used = used_spellings_[static_cast<std::size_t>(&p - w_.people.data())];
      for (const auto& s : p.spellings)
        if (s != p.name && used.count(s)) spellings.push_back(s);
      json former = json::array();
      for (int f : p.former_managers)
        former.push_back(person(f).name);
      people.push_back(
          {{"name", p.name},
           {"spellings", spellings},
           {"email", p.email},
           {"company", w_.companies[p.company].name},
           {"title", p.title},
           {"manager", p.manager >= 0 ? json(person(p.manager).name) : json(nullptr)},
           {"former_managers", former},
           {"chief_of_staff_to",
            p.chief_of_staff_to >= 0 ? json(person(p.chief_of_staff_to).name) : json(nullptr)},
           {"departed", p.departed},
           {"succeeded", p.succeeded >= 0 ? json(person(p.succeeded).name) : json(nullptr)},
           {"distrusted", p.distrusted}});
    }
    json companies = json::array();
    for (const Company& c : w_.companies) {
      companies.push_back(
          {{"name", c.name},
           {"domain", c.domain},
           {"internal", c.internal},
           {"decision_maker",
            c.decision_maker >= 0 ? json(person(c.decision_maker).name) : json(nullptr)}});
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
  std::vector<std::set<std::string>> used_spellings_;  // person -> spellings the vault used
  std::unordered_set<std::string> created_folders_;
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
