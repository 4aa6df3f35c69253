// Procedures callable with CALL: a name, typed inputs and outputs, and a body that returns
// rows. The built-in set (db.*, algo.*, kith.*) is registered by the engine; callers (tests,
// the TCK runner) can add their own to a registry of their own.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "graph/value.hpp"

namespace kith::query {

struct ProcedureField {
  std::string name;
  // The openCypher type name as written in a signature: "INTEGER?", "STRING?", "NUMBER?",
  // "ANY?", "MAP?", "LIST? OF STRING?", "NODE?", "PATH?", ... (a trailing ? means nullable).
  std::string type;
};

struct ProcedureSignature {
  std::string name;  // dotted, e.g. "db.labels", "algo.pageRank"
  std::vector<ProcedureField> inputs;
  std::vector<ProcedureField> outputs;  // empty for a void procedure
  bool writes = false;                  // may change the graph
};

// Arguments arrive checked against the input types (the engine raises ArgumentError /
// TypeError otherwise); each returned row has one value per output, in signature order.
using ProcedureBody =
    std::function<std::vector<std::vector<Value>>(Graph& graph, std::span<const Value> args)>;

// yielded[i]: whether the call reads output i (signature order). A body taking it may leave
// the outputs no one reads null, and skip the work of computing them.
using YieldedOutputs = std::vector<bool>;
using ProcedureBodyWithYields = std::function<std::vector<std::vector<Value>>(
    Graph& graph, std::span<const Value> args, const YieldedOutputs& yielded)>;

struct Procedure {
  ProcedureSignature signature;
  ProcedureBody body;  // one of these two is set
  ProcedureBodyWithYields body_with_yields;

  std::vector<std::vector<Value>> run(Graph& graph, std::span<const Value> args,
                                      const YieldedOutputs& yielded) const;
};

class ProcedureRegistry {
 public:
  void add(ProcedureSignature signature, ProcedureBody body);
  void add(ProcedureSignature signature, ProcedureBodyWithYields body);
  // Case-sensitive on the namespace and name, as openCypher is. nullptr when unknown.
  const Procedure* find(std::string_view name) const;
  std::vector<std::string> names() const;  // sorted, for completion and errors

 private:
  std::map<std::string, Procedure, std::less<>> procedures_;
};

// The registry with every built-in procedure.
const ProcedureRegistry& builtin_procedures();

}  // namespace kith::query
