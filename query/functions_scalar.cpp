// Scalar functions over any value: coalesce, the graph accessors (id, type, labels, keys,
// properties, startNode, ...), the list ends (head, last), size/length, and the type
// conversions (toInteger, toFloat, toBoolean, toString and their OrNull and List forms).
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <random>
#include <string>

#include <fmt/format.h>

#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"

namespace kith::query {
namespace {

using Args = std::span<const Value>;

NodeId live_node(const Value& v, FunctionContext& ctx, std::string_view fn) {
  const NodeId id = v.as<NodeRef>().id;
  if (!ctx.graph.node_exists(id)) {
    throw_runtime("EntityNotFound", "DeletedEntityAccess",
                  fmt::format("{}() of a deleted node", fn));
  }
  return id;
}

RelId live_rel(const Value& v, FunctionContext& ctx, std::string_view fn) {
  const RelId id = v.as<RelRef>().id;
  if (!ctx.graph.relationship_exists(id)) {
    throw_runtime("EntityNotFound", "DeletedEntityAccess",
                  fmt::format("{}() of a deleted relationship", fn));
  }
  return id;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Value fn_coalesce(Args args, FunctionContext&) {
  for (const Value& v : args) {
    if (!v.is_null()) return v;
  }
  return Null{};
}

const List* list_arg(const Value& v, std::string_view fn) {
  if (v.is_null()) return nullptr;
  if (!v.is<List>()) throw_wrong_type(fmt::format("{}()", fn), "a LIST", v);
  return &v.as<List>();
}

Value fn_head(Args args, FunctionContext&) {
  const List* list = list_arg(args[0], "head");
  if (!list || list->empty()) return Null{};
  return list->front();
}

Value fn_last(Args args, FunctionContext&) {
  const List* list = list_arg(args[0], "last");
  if (!list || list->empty()) return Null{};
  return list->back();
}

Value fn_size(Args args, FunctionContext&) {
  const Value& v = args[0];
  switch (v.type()) {
    case ValueType::Null:
      return Null{};
    case ValueType::List:
      return static_cast<std::int64_t>(v.as<List>().size());
    case ValueType::String:
      return static_cast<std::int64_t>(code_points(v.as<std::string>()));
    default:
      throw_wrong_type("size()", "a LIST or a STRING", v);
  }
}

Value fn_length(Args args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (!v.is<Path>()) throw_wrong_type("length()", "a PATH", v);
  return static_cast<std::int64_t>(v.as<Path>().rels.size());
}

Value fn_is_empty(Args args, FunctionContext&) {
  const Value& v = args[0];
  switch (v.type()) {
    case ValueType::Null:
      return Null{};
    case ValueType::List:
      return v.as<List>().empty();
    case ValueType::Map:
      return v.as<Map>().empty();
    case ValueType::String:
      return v.as<std::string>().empty();
    default:
      throw_wrong_type("isEmpty()", "a LIST, MAP or STRING", v);
  }
}

Value fn_type(Args args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (!v.is<RelRef>()) throw_wrong_type("type()", "a RELATIONSHIP", v, "InvalidArgumentValue");
  // A deleted relationship keeps its type (the TCK returns it), unlike its properties.
  return ctx.graph.type_name(ctx.graph.rel_type(v.as<RelRef>().id));
}

Value fn_id(Args args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (v.is<NodeRef>()) return static_cast<std::int64_t>(v.as<NodeRef>().id);
  if (v.is<RelRef>()) return static_cast<std::int64_t>(v.as<RelRef>().id);
  throw_wrong_type("id()", "a NODE or RELATIONSHIP", v, "InvalidArgumentValue");
}

Value fn_element_id(Args args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (v.is<NodeRef>()) return fmt::format("n:{}", v.as<NodeRef>().id);
  if (v.is<RelRef>()) return fmt::format("r:{}", v.as<RelRef>().id);
  throw_wrong_type("elementId()", "a NODE or RELATIONSHIP", v, "InvalidArgumentValue");
}

Value fn_labels(Args args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (!v.is<NodeRef>()) throw_wrong_type("labels()", "a NODE", v, "InvalidArgumentValue");
  List out;
  for (SymbolId label : ctx.graph.node_labels(live_node(v, ctx, "labels"))) {
    out.emplace_back(ctx.graph.label_name(label));
  }
  return out;
}

const PropertyList* entity_properties(const Value& v, FunctionContext& ctx, std::string_view fn) {
  if (v.is<NodeRef>()) return &ctx.graph.node_properties(live_node(v, ctx, fn));
  if (v.is<RelRef>()) return &ctx.graph.rel_properties(live_rel(v, ctx, fn));
  return nullptr;
}

Value fn_keys(Args args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  List out;
  if (v.is<Map>()) {
    for (const auto& [key, value] : v.as<Map>())
      out.emplace_back(key);
    return out;
  }
  const PropertyList* props = entity_properties(v, ctx, "keys");
  if (!props) throw_wrong_type("keys()", "a NODE, RELATIONSHIP or MAP", v, "InvalidArgumentValue");
  for (const auto& [key, value] : *props)
    out.emplace_back(ctx.graph.key_name(key));
  return out;
}

Value fn_properties(Args args, FunctionContext& ctx) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (v.is<Map>()) return v;
  const PropertyList* props = entity_properties(v, ctx, "properties");
  if (!props) {
    throw_wrong_type("properties()", "a NODE, RELATIONSHIP or MAP", v, "InvalidArgumentValue");
  }
  Map out;
  for (const auto& [key, value] : *props)
    out.emplace(ctx.graph.key_name(key), value);
  return out;
}

Value rel_end(Args args, FunctionContext& ctx, bool start) {
  const Value& v = args[0];
  const char* fn = start ? "startNode" : "endNode";
  if (v.is_null()) return Null{};
  if (!v.is<RelRef>()) {
    throw_wrong_type(fmt::format("{}()", fn), "a RELATIONSHIP", v, "InvalidArgumentValue");
  }
  const RelId id = live_rel(v, ctx, fn);
  return NodeRef{start ? ctx.graph.source(id) : ctx.graph.target(id)};
}

Value fn_start_node(Args args, FunctionContext& ctx) {
  return rel_end(args, ctx, true);
}
Value fn_end_node(Args args, FunctionContext& ctx) {
  return rel_end(args, ctx, false);
}

Value fn_nodes(Args args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (!v.is<Path>()) throw_wrong_type("nodes()", "a PATH", v, "InvalidArgumentValue");
  List out;
  for (NodeId id : v.as<Path>().nodes)
    out.emplace_back(NodeRef{id});
  return out;
}

Value fn_relationships(Args args, FunctionContext&) {
  const Value& v = args[0];
  if (v.is_null()) return Null{};
  if (!v.is<Path>()) throw_wrong_type("relationships()", "a PATH", v, "InvalidArgumentValue");
  List out;
  for (RelId id : v.as<Path>().rels)
    out.emplace_back(RelRef{id});
  return out;
}

Value fn_timestamp(Args, FunctionContext& ctx) {
  const auto since_epoch = ctx.statement_time.time_since_epoch();
  return static_cast<std::int64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count());
}

Value fn_random_uuid(Args, FunctionContext&) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uint64_t hi = engine();
  std::uint64_t lo = engine();
  hi = (hi & ~0xF000ULL) | 0x4000ULL;        // version 4
  lo = (lo & ~(3ULL << 62)) | (2ULL << 62);  // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xFFFF,
                     hi & 0xFFFF, lo >> 48, lo & 0xFFFFFFFFFFFFULL);
}

// ---- Conversions. Each has a strict form (a value of the wrong type is an error) and an
// OrNull form (it is null); strings that do not read as the target type are null in both.

std::optional<double> parse_float(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double d = 0;
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (*begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, d);
  if (ptr != end) return std::nullopt;
  if (ec == std::errc::result_out_of_range) return std::nullopt;
  if (ec != std::errc()) return std::nullopt;
  return d;
}

std::optional<std::int64_t> float_to_integer(double d) {
  // 2^63 is the first double past INTEGER's range; NaN fails every comparison.
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(d);
}

std::optional<Value> to_integer(const Value& v) {
  switch (v.type()) {
    case ValueType::Null:
      return Value(Null{});
    case ValueType::Int:
      return v;
    case ValueType::Bool:
      return Value(std::int64_t{v.as<bool>() ? 1 : 0});
    case ValueType::Float: {
      auto i = float_to_integer(v.as<double>());
      return i ? Value(*i) : Value(Null{});
    }
    case ValueType::String: {
      const std::string& s = v.as<std::string>();
      std::int64_t i = 0;
      const char* begin = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
      const char* end = s.data() + s.size();
      auto [ptr, ec] = std::from_chars(begin, end, i);
      if (ec == std::errc() && ptr == end && begin != end) return Value(i);
      if (auto d = parse_float(s)) {
        auto t = float_to_integer(*d);
        return t ? Value(*t) : Value(Null{});
      }
      return Value(Null{});
    }
    default:
      return std::nullopt;
  }
}

std::optional<Value> to_float(const Value& v) {
  switch (v.type()) {
    case ValueType::Null:
      return Value(Null{});
    case ValueType::Float:
      return v;
    case ValueType::Int:
      return Value(static_cast<double>(v.as<std::int64_t>()));
    case ValueType::String: {
      auto d = parse_float(v.as<std::string>());
      return d ? Value(*d) : Value(Null{});
    }
    default:
      return std::nullopt;
  }
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::optional<Value> to_boolean(const Value& v) {
  switch (v.type()) {
    case ValueType::Null:
      return Value(Null{});
    case ValueType::Bool:
      return v;
    case ValueType::Int:
      return Value(v.as<std::int64_t>() != 0);
    case ValueType::String: {
      const std::string& s = v.as<std::string>();
      if (equals_ignoring_case(s, "true")) return Value(true);
      if (equals_ignoring_case(s, "false")) return Value(false);
      return Value(Null{});
    }
    default:
      return std::nullopt;
  }
}

std::optional<Value> to_string_value(const Value& v) {
  switch (v.type()) {
    case ValueType::Null:
      return Value(Null{});
    case ValueType::String:
      return v;
    case ValueType::Bool:
    case ValueType::Int:
    case ValueType::Float:
      return Value(to_cypher(v));
    case ValueType::Date:
      return Value(v.as<Date>().to_string());
    case ValueType::LocalTime:
      return Value(v.as<LocalTime>().to_string());
    case ValueType::Time:
      return Value(v.as<Time>().to_string());
    case ValueType::LocalDateTime:
      return Value(v.as<LocalDateTime>().to_string());
    case ValueType::DateTime:
      return Value(v.as<DateTime>().to_string());
    case ValueType::Duration:
      return Value(v.as<Duration>().to_string());
    default:
      return std::nullopt;
  }
}

using Conversion = std::optional<Value> (*)(const Value&);

Value strict(Conversion convert, const Value& v, std::string_view fn, std::string_view expected) {
  if (std::optional<Value> out = convert(v)) return *out;
  throw_wrong_type(fmt::format("{}()", fn), expected, v, "InvalidArgumentValue");
}

Value or_null(Conversion convert, const Value& v) {
  std::optional<Value> out = convert(v);
  return out ? *out : Value(Null{});
}

Value convert_list(Conversion convert, const Value& v, std::string_view fn) {
  const List* list = list_arg(v, fn);
  if (!list) return Null{};
  List out;
  out.reserve(list->size());
  for (const Value& item : *list)
    out.push_back(or_null(convert, item));
  return out;
}

Value fn_to_integer(Args a, FunctionContext&) {
  return strict(to_integer, a[0], "toInteger", "a STRING, INTEGER, FLOAT or BOOLEAN");
}
Value fn_to_float(Args a, FunctionContext&) {
  return strict(to_float, a[0], "toFloat", "a STRING, INTEGER or FLOAT");
}
Value fn_to_boolean(Args a, FunctionContext&) {
  return strict(to_boolean, a[0], "toBoolean", "a STRING, BOOLEAN or INTEGER");
}
Value fn_to_string(Args a, FunctionContext&) {
  return strict(to_string_value, a[0], "toString", "a STRING, number, BOOLEAN or temporal value");
}
Value fn_to_integer_or_null(Args a, FunctionContext&) {
  return or_null(to_integer, a[0]);
}
Value fn_to_float_or_null(Args a, FunctionContext&) {
  return or_null(to_float, a[0]);
}
Value fn_to_boolean_or_null(Args a, FunctionContext&) {
  return or_null(to_boolean, a[0]);
}
Value fn_to_string_or_null(Args a, FunctionContext&) {
  return or_null(to_string_value, a[0]);
}
Value fn_to_integer_list(Args a, FunctionContext&) {
  return convert_list(to_integer, a[0], "toIntegerList");
}
Value fn_to_float_list(Args a, FunctionContext&) {
  return convert_list(to_float, a[0], "toFloatList");
}
Value fn_to_boolean_list(Args a, FunctionContext&) {
  return convert_list(to_boolean, a[0], "toBooleanList");
}
Value fn_to_string_list(Args a, FunctionContext&) {
  return convert_list(to_string_value, a[0], "toStringList");
}

constexpr std::array kFunctions = {
    FunctionInfo{"coalesce", 1, -1, fn_coalesce},
    FunctionInfo{"head", 1, 1, fn_head},
    FunctionInfo{"last", 1, 1, fn_last},
    FunctionInfo{"size", 1, 1, fn_size},
    FunctionInfo{"length", 1, 1, fn_length},
    FunctionInfo{"isEmpty", 1, 1, fn_is_empty},
    FunctionInfo{"type", 1, 1, fn_type},
    FunctionInfo{"id", 1, 1, fn_id},
    FunctionInfo{"elementId", 1, 1, fn_element_id},
    FunctionInfo{"labels", 1, 1, fn_labels},
    FunctionInfo{"keys", 1, 1, fn_keys},
    FunctionInfo{"properties", 1, 1, fn_properties},
    FunctionInfo{"startNode", 1, 1, fn_start_node},
    FunctionInfo{"endNode", 1, 1, fn_end_node},
    FunctionInfo{"nodes", 1, 1, fn_nodes},
    FunctionInfo{"relationships", 1, 1, fn_relationships},
    FunctionInfo{"timestamp", 0, 0, fn_timestamp},
    FunctionInfo{"randomUUID", 0, 0, fn_random_uuid},
    FunctionInfo{"toInteger", 1, 1, fn_to_integer},
    FunctionInfo{"toFloat", 1, 1, fn_to_float},
    FunctionInfo{"toBoolean", 1, 1, fn_to_boolean},
    FunctionInfo{"toString", 1, 1, fn_to_string},
    FunctionInfo{"toIntegerOrNull", 1, 1, fn_to_integer_or_null},
    FunctionInfo{"toFloatOrNull", 1, 1, fn_to_float_or_null},
    FunctionInfo{"toBooleanOrNull", 1, 1, fn_to_boolean_or_null},
    FunctionInfo{"toStringOrNull", 1, 1, fn_to_string_or_null},
    FunctionInfo{"toIntegerList", 1, 1, fn_to_integer_list},
    FunctionInfo{"toFloatList", 1, 1, fn_to_float_list},
    FunctionInfo{"toBooleanList", 1, 1, fn_to_boolean_list},
    FunctionInfo{"toStringList", 1, 1, fn_to_string_list},
};

}  // namespace

std::span<const FunctionInfo> scalar_function_table() {
  return kFunctions;
}

}  // namespace kith::query
