// The procedure registry, argument checking against signatures, and the registry of built-in
// procedures (procedures_db.cpp, procedures_algo.cpp, procedures_kith.cpp).
#include "query/procedures.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "query/builtin_procedures.hpp"
#include "query/procedure_call.hpp"
#include "query/query_error.hpp"

namespace kith::query {

void ProcedureRegistry::add(ProcedureSignature signature, ProcedureBody body) {
  std::string name = signature.name;
  procedures_[name] = Procedure{std::move(signature), std::move(body), nullptr};
}

void ProcedureRegistry::add(ProcedureSignature signature, ProcedureBodyWithYields body) {
  std::string name = signature.name;
  procedures_[name] = Procedure{std::move(signature), nullptr, std::move(body)};
}

std::vector<std::vector<Value>> Procedure::run(Graph& graph, std::span<const Value> args,
                                               const YieldedOutputs& yielded) const {
  if (body_with_yields) return body_with_yields(graph, args, yielded);
  return body(graph, args);
}

const Procedure* ProcedureRegistry::find(std::string_view name) const {
  auto it = procedures_.find(name);
  return it == procedures_.end() ? nullptr : &it->second;
}

std::vector<std::string> ProcedureRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, p] : procedures_)
    out.push_back(name);
  return out;
}

const Procedure& resolve_procedure(const ast::Call& call, const ProcedureRegistry& registry) {
  const Procedure* p = registry.find(call.procedure);
  if (!p) {
    throw QueryError(ErrorPhase::CompileTime, "ProcedureError", "ProcedureNotFound",
                     fmt::format("there is no procedure {}", call.procedure));
  }
  return *p;
}

bool has_procedure_type(const Value& v, std::string_view type) {
  while (!type.empty() && type.back() == ' ')
    type.remove_suffix(1);
  if (!type.empty() && type.back() == '?') {
    if (v.is_null()) return true;
    type.remove_suffix(1);
  }
  if (v.is_null()) return false;
  if (type == "ANY") return true;
  if (type == "INTEGER") return v.is<std::int64_t>();
  if (type == "FLOAT") return v.is_number();
  if (type == "NUMBER") return v.is_number();
  if (type == "STRING") return v.is<std::string>();
  if (type == "BOOLEAN") return v.is<bool>();
  if (type == "MAP") return v.is<Map>();
  if (type == "NODE") return v.is<NodeRef>();
  if (type == "RELATIONSHIP") return v.is<RelRef>();
  if (type == "PATH") return v.is<Path>();
  if (type.starts_with("LIST")) {
    if (!v.is<List>()) return false;
    const auto of = type.find(" OF ");
    if (of == std::string_view::npos) return true;
    const std::string_view element = type.substr(of + 4);
    return std::all_of(v.as<List>().begin(), v.as<List>().end(),
                       [&](const Value& e) { return has_procedure_type(e, element); });
  }
  return true;  // a type this engine does not know does not reject anything
}

std::vector<Value> check_procedure_arguments(const ProcedureSignature& sig,
                                             std::vector<Value> args) {
  // Trailing MAP? inputs (options) may be left out.
  while (args.size() < sig.inputs.size() && sig.inputs[args.size()].type.starts_with("MAP")) {
    args.emplace_back();
  }
  if (args.size() != sig.inputs.size()) {
    throw QueryError(
        ErrorPhase::CompileTime, "SyntaxError", "InvalidNumberOfArguments",
        fmt::format("{} takes {} arguments, got {}", sig.name, sig.inputs.size(), args.size()));
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& type = sig.inputs[i].type;
    if (!has_procedure_type(args[i], type)) {
      throw QueryError(ErrorPhase::Runtime, "TypeError", "InvalidArgumentType",
                       fmt::format("{}: argument `{}` must be {}, got {}", sig.name,
                                   sig.inputs[i].name, type, type_name(args[i].type())));
    }
    if (type.starts_with("FLOAT") && args[i].is<std::int64_t>()) {
      args[i] = static_cast<double>(args[i].as<std::int64_t>());
    }
  }
  return args;
}

void procedure_error(const std::string& name, const std::string& why) {
  throw QueryError(ErrorPhase::Runtime, "ProcedureError", "ProcedureCallFailed",
                   fmt::format("{}: {}", name, why));
}

const ProcedureRegistry& builtin_procedures() {
  static const ProcedureRegistry registry = [] {
    ProcedureRegistry r;
    add_db_procedures(r);
    add_algo_procedures(r);
    add_kith_procedures(r);
    return r;
  }();
  return registry;
}

}  // namespace kith::query
