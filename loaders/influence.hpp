// Who influences whom: INFLUENCES relationships derived from what the graph already knows,
// each with a weight in [0, 1] and the reasons behind it (each a short string citing
// file:line). docs/influence.md describes the model; the weights below are its parameters.
//
// Evidence kinds and their default weights (one reason each):
//   chief of staff -> principal            0.8
//   direct report  -> manager              0.5 (a former line: x former_factor)
//   manager        -> direct report        0.6 (a former line: x former_factor)
//   stated ("X will influence Y")          0.7 (claimed by X about themself: x claimed_factor)
//   introducer     -> both people met      0.3
//   email traffic  sender -> recipient     up to 0.4, by volume and recency
//   shared meetings (both ways)            0.05 per meeting, up to 0.3
//   distrusted ("X can't be trusted")      every reason from X: x distrust_factor
// Reasons combine by noisy-OR: weight = 1 - prod(1 - w_i), so more independent reasons raise
// the weight and none alone exceeds its own value.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace kith::loaders {

struct InfluenceWeights {
  double chief_of_staff = 0.8;
  double report_to_manager = 0.5;
  double manager_to_report = 0.6;
  double former_factor = 0.3;
  double stated = 0.7;
  double claimed_factor = 0.6;
  double introduced = 0.3;
  double email_max = 0.4;
  double email_volume_scale = 5;  // messages for the volume term to reach 1 - 1/e
  double email_half_life_days = 180;
  double meeting_each = 0.05;
  double meeting_max = 0.3;
  std::size_t meeting_max_attendees = 12;  // larger meetings say little about any one pair
  double distrust_factor = 0.5;            // what a distrusted person says and does counts for less
};

// A statement that one person influences another ("Ian said he will be the one to influence
// Wen's decision"), found by the relation rules.
struct StatedInfluence {
  NodeId from = 0;
  NodeId to = 0;
  bool claimed = false;  // said by `from` about themself
  Evidence evidence;
};

// A statement that someone cannot be trusted ("Ian can't be trusted").
struct StatedDistrust {
  NodeId person = 0;
  Evidence evidence;
};

// Adds INFLUENCES {weight, reasons} relationships between Person nodes, one per ordered pair
// with any reason, with every reason's evidence. Email recency is measured from the latest
// email date in the graph, not from today, so the same vault gives the same weights.
// Returns the number of relationships added.
// Influence from a distrusted person is weakened: its weight is scaled by distrust_factor and
// the first reason names the statement.
std::size_t derive_influence(Graph& graph, const std::vector<StatedInfluence>& stated,
                             const InfluenceWeights& weights = {},
                             const std::vector<StatedDistrust>& distrusted = {});

}  // namespace kith::loaders
