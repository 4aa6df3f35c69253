// What a note is about: a meeting, a person, an account, a project, an email thread.
#pragma once

#include "loaders/document.hpp"

namespace kith::loaders {

// Decides on evidence, strongest first:
//  1. Email messages parsed from the file -> EmailThread.
//  2. The frontmatter `type:` (or, without one, a `type/...` tag in the `tags:` property):
//       meeting, 1on1, 1:1, one-on-one, call, sync, interview, standup  -> Meeting
//       customer, account, company, client, organization, partner,
//       people, person, contact                                     -> Meeting when the note
//         lists participants (participants/attendees/with property or an Attendees/With
//         field) or carries a meeting date (date property or **Date** field); otherwise
//         Account for the first group and Person for the second
//       project -> Project;  email, email-thread, thread -> EmailThread
//     The same word serves both meetings and accounts in real vaults (`type: customer`), so
//     the evidence decides, not the word alone.
//  3. Attendees/With (or participants) together with a date (property, field, doc.date or
//     a YYYY-MM-DD in the file name) -> Meeting.
//  4. Person properties (email, manager, company with title) -> Person.
//  5. The folder names in doc.path, as a weak hint: Meetings, People, Accounts/Customers,
//     Projects, Email.
//  6. Otherwise Other.
doc::NoteKind classify_note(const doc::Document& d);

}  // namespace kith::loaders
