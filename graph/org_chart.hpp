// Org charts in Graphviz DOT, drawn from a selection of the graph (usually a query's result):
// each Account in it is a cluster; each Person a box with the name in bold and the title below,
// inside the cluster of the account a selected WORKS_AT relationship ties them to; REPORTS_TO
// lines run from manager down to report (current ones solid, former ones dashed, two current
// managers of one person in red); a chief of staff sits beside their principal, joined by a
// dotted line; people with no current manager in the chart start at the top. A person tied to
// no selected account, whose lines all lead into one cluster, is drawn in that cluster (a chief
// of staff whose company no note names is still of the principal's company).
//
// Labels, types and properties are those of docs/schema.md: Person {name, title}, Account
// {name}, WORKS_AT {current, title}, REPORTS_TO {current, contradiction}, CHIEF_OF_STAFF_TO.
// Other nodes and relationships in the selection are left out.
#pragma once

#include <ostream>
#include <string>

#include "graph/exporters.hpp"

namespace kith {

struct OrgChartOptions {
  std::string graph_name = "org chart";
  // A line under the chart saying how to read the kinds of line it holds.
  bool legend = true;
};

// Writes the chart. Nodes are n<id> as in write_dot, so the two can be compared; each node
// and line carries a tooltip with the evidence it comes from (file:line and rule), which SVG
// viewers show on hover.
void write_org_chart(std::ostream& out, const Graph& g, const ExportSelection& sel,
                     const OrgChartOptions& options = {});

}  // namespace kith
