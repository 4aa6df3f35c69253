// The interned names of the graph schema (docs/schema.md), looked up once per build.
#pragma once

#include "graph/graph.hpp"

namespace kith::loaders {

struct GraphSchema {
  explicit GraphSchema(Graph& g)
      : person(g.intern_label("Person")),
        account(g.intern_label("Account")),
        project(g.intern_label("Project")),
        note(g.intern_label("Note")),
        meeting(g.intern_label("Meeting")),
        thread(g.intern_label("Thread")),
        email(g.intern_label("Email")),
        task(g.intern_label("Task")),
        decision(g.intern_label("Decision")),
        reports_to(g.intern_type("REPORTS_TO")),
        works_at(g.intern_type("WORKS_AT")),
        chief_of_staff_to(g.intern_type("CHIEF_OF_STAFF_TO")),
        succeeded(g.intern_type("SUCCEEDED")),
        attended(g.intern_type("ATTENDED")),
        about(g.intern_type("ABOUT")),
        mentions(g.intern_type("MENTIONS")),
        links_to(g.intern_type("LINKS_TO")),
        owns(g.intern_type("OWNS")),
        has_task(g.intern_type("HAS_TASK")),
        duplicate_of(g.intern_type("DUPLICATE_OF")),
        sent(g.intern_type("SENT")),
        to(g.intern_type("TO")),
        cc(g.intern_type("CC")),
        in(g.intern_type("IN")),
        emailed(g.intern_type("EMAILED")),
        introduced(g.intern_type("INTRODUCED")),
        decides(g.intern_type("DECIDES")),
        records(g.intern_type("RECORDS")),
        influences(g.intern_type("INFLUENCES")),
        k_name(g.intern_key("name")),
        k_aliases(g.intern_key("aliases")),
        k_emails(g.intern_key("emails")),
        k_title(g.intern_key("title")),
        k_account(g.intern_key("account")),
        k_domains(g.intern_key("domains")),
        k_internal(g.intern_key("internal")),
        k_status(g.intern_key("status")),
        k_path(g.intern_key("path")),
        k_type(g.intern_key("type")),
        k_date(g.intern_key("date")),
        k_subject(g.intern_key("subject")),
        k_line(g.intern_key("line")),
        k_text(g.intern_key("text")),
        k_status_type(g.intern_key("status_type")),
        k_open(g.intern_key("open")),
        k_due(g.intern_key("due")),
        k_scheduled(g.intern_key("scheduled")),
        k_start(g.intern_key("start")),
        k_created(g.intern_key("created")),
        k_done(g.intern_key("done")),
        k_priority(g.intern_key("priority")),
        k_tags(g.intern_key("tags")),
        k_current(g.intern_key("current")),
        k_count(g.intern_key("count")),
        k_first(g.intern_key("first")),
        k_last(g.intern_key("last")),
        k_to(g.intern_key("to")),
        k_weight(g.intern_key("weight")),
        k_reasons(g.intern_key("reasons")),
        k_contradiction(g.intern_key("contradiction")),
        k_sent_at(g.intern_key("sent_at")),
        k_first_name_only(g.intern_key("first_name_only")),
        k_quoted(g.intern_key("quoted")) {}

  SymbolId person, account, project, note, meeting, thread, email, task, decision;
  SymbolId reports_to, works_at, chief_of_staff_to, succeeded, attended, about, mentions, links_to,
      owns, has_task, duplicate_of, sent, to, cc, in, emailed, introduced, decides, records,
      influences;
  SymbolId k_name, k_aliases, k_emails, k_title, k_account, k_domains, k_internal, k_status, k_path,
      k_type, k_date, k_subject, k_line, k_text, k_status_type, k_open, k_due, k_scheduled, k_start,
      k_created, k_done, k_priority, k_tags, k_current, k_count, k_first, k_last, k_to, k_weight,
      k_reasons, k_contradiction, k_sent_at, k_first_name_only, k_quoted;
};

}  // namespace kith::loaders
