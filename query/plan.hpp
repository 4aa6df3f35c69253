// The plan of one single query: a pipeline of operators, one or a few per clause, each taking
// the whole table of rows the previous one produced. Materialising between clauses is what
// openCypher's clause-at-a-time semantics ask for (a MATCH after a CREATE sees the created
// entities; a SET does not disturb the MATCH feeding it), and it makes each operator simple to
// reason about. Streaming within a clause (pattern matching feeding its WHERE, top-K for ORDER
// BY + LIMIT) happens inside the operators, and a MATCH hands its rows one at a time to the
// WITH or RETURN after it (a read-only pair, so nothing can observe the table between them):
// aggregation, DISTINCT and top-K then hold only groups, distinct rows or the best K rows.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/ast.hpp"
#include "query/exec_context.hpp"

namespace kith::query {

struct Table {
  Scope scope;
  std::vector<Row> rows;
};

// An operator's consumer side: rows given one at a time instead of as a table.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // One input row; the sink copies what it keeps. False: it needs no more rows (a LIMIT is
  // reached), so the producer may stop.
  virtual bool add(const Row& row) = 0;
  // Replaces `table` with what the operator makes of all the rows it was given.
  virtual void finish(Table& table) = 0;
};

class Operator {
 public:
  virtual ~Operator() = default;
  // What EXPLAIN prints: one line naming the operator, then indented details. `scope` is the
  // scope the operator receives; explain() updates it as run() would.
  virtual std::vector<std::string> explain(Scope& scope, ExecContext& ctx) const = 0;
  virtual void run(Table& table, ExecContext& ctx) const = 0;

  // Streaming (see above). A consumer returns a sink for rows of `scope`, or null when it
  // takes only whole tables. A producer that streams runs with its output going into
  // `consumer`'s sink and returns true; false means it did nothing and run() must be used.
  virtual std::unique_ptr<RowSink> sink(const Scope& scope, ExecContext& ctx) const;
  virtual bool run_into(Table& table, ExecContext& ctx, const Operator& consumer,
                        std::size_t* produced) const;
};

using OperatorPtr = std::unique_ptr<Operator>;

// The final projection (RETURN) sets these; a query without RETURN has no columns.
struct SingleQueryPlan {
  std::vector<OperatorPtr> operators;
  // streams[i]: operators[i] runs into operators[i + 1]'s sink (run_into).
  std::vector<bool> streams;
  bool returns = false;  // ends in RETURN
  bool ordered = false;  // the RETURN has ORDER BY
};

SingleQueryPlan plan_single_query(const ast::SingleQuery& query);

// The operators, one per kind of clause (exec_*.cpp).
// distinct_rows: the next clause ignores repeated rows (see PatternMatcher). streams: its rows
// go straight into the next operator's sink (EXPLAIN says so).
OperatorPtr make_match(const ast::Match& match, bool distinct_rows, bool streams);
// A MATCH and the `count(DISTINCT variable)` projection after it, as one operator that counts
// the breadth-first search's reached nodes when it can and runs the two as usual otherwise.
OperatorPtr make_count_endpoints(const ast::Match& match, const ast::Projection& projection,
                                 const std::string& variable, bool final);
OperatorPtr make_unwind(const ast::Unwind& unwind);
// WITH (with_where may be set) and RETURN (final = true); streamed: its input comes row by row
// from the operator before it.
OperatorPtr make_projection(const ast::Projection& projection, const ast::Expr* with_where,
                            bool final, bool streamed);
OperatorPtr make_call(const ast::Call& call, bool standalone);
OperatorPtr make_create(const ast::Create& create);
OperatorPtr make_merge(const ast::Merge& merge);
OperatorPtr make_set(const ast::Set& set);
OperatorPtr make_remove(const ast::Remove& remove);
OperatorPtr make_delete(const ast::Delete& del);
OperatorPtr make_foreach(const ast::Foreach& foreach);

}  // namespace kith::query
