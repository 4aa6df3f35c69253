#include "loaders/document.hpp"

namespace kith::doc {

const char* note_kind_name(NoteKind k) {
  switch (k) {
    case NoteKind::Meeting: return "meeting";
    case NoteKind::Person: return "person";
    case NoteKind::Account: return "account";
    case NoteKind::Project: return "project";
    case NoteKind::EmailThread: return "email";
    case NoteKind::Other: return "other";
  }
  return "other";
}

const char* status_type_name(StatusType t) {
  switch (t) {
    case StatusType::Todo: return "TODO";
    case StatusType::InProgress: return "IN_PROGRESS";
    case StatusType::Done: return "DONE";
    case StatusType::Cancelled: return "CANCELLED";
    case StatusType::NonTask: return "NON_TASK";
    case StatusType::OnHold: return "ON_HOLD";
  }
  return "TODO";
}

}  // namespace kith::doc
