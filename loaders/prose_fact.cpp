#include "loaders/prose_fact.hpp"

namespace kith::loaders {

const char* fact_kind_name(FactKind k) {
  switch (k) {
    case FactKind::ReportsTo:
      return "ReportsTo";
    case FactKind::WorksAt:
      return "WorksAt";
    case FactKind::HasTitle:
      return "HasTitle";
    case FactKind::ChiefOfStaffTo:
      return "ChiefOfStaffTo";
    case FactKind::Succeeded:
      return "Succeeded";
    case FactKind::Introduced:
      return "Introduced";
    case FactKind::Decides:
      return "Decides";
    case FactKind::Influences:
      return "Influences";
    case FactKind::Distrusted:
      return "Distrusted";
    case FactKind::LeftRole:
      return "LeftRole";
  }
  return "?";
}

}  // namespace kith::loaders
