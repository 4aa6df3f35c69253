#include <limits>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/value.hpp"

namespace kith {
namespace {

Value from_json_at(const nlohmann::json& j, std::size_t depth) {
  if (depth > kMaxJsonDepth) {
    throw std::invalid_argument("JSON value nested deeper than " + std::to_string(kMaxJsonDepth) +
                                " levels");
  }
  switch (j.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return Value();
    case nlohmann::json::value_t::boolean:
      return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      const auto u = j.get<std::uint64_t>();
      // Integers beyond INTEGER's range can only be held approximately, as a FLOAT.
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return Value(static_cast<double>(u));
      }
      return Value(static_cast<std::int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
      return Value(j.get<double>());
    case nlohmann::json::value_t::string:
      return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      List list;
      list.reserve(j.size());
      for (const auto& e : j)
        list.push_back(from_json_at(e, depth + 1));
      return Value(std::move(list));
    }
    case nlohmann::json::value_t::object: {
      Map map;
      for (const auto& [key, e] : j.items())
        map.emplace(key, from_json_at(e, depth + 1));
      return Value(std::move(map));
    }
    case nlohmann::json::value_t::binary: {
      // Only CBOR/MessagePack input carries binary; its bytes become a list of integers.
      List bytes;
      for (const std::uint8_t b : j.get_binary())
        bytes.emplace_back(std::int64_t{b});
      return Value(std::move(bytes));
    }
  }
  return Value();
}

}  // namespace

nlohmann::json to_json(const Value& v) {
  switch (v.type()) {
    case ValueType::Null:
      return nullptr;
    case ValueType::Bool:
      return v.as<bool>();
    case ValueType::Int:
      return v.as<std::int64_t>();
    case ValueType::Float:
      return v.as<double>();
    case ValueType::String:
      return v.as<std::string>();
    case ValueType::List: {
      nlohmann::json out = nlohmann::json::array();
      for (const Value& e : v.as<List>())
        out.push_back(to_json(e));
      return out;
    }
    case ValueType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [key, e] : v.as<Map>())
        out[key] = to_json(e);
      return out;
    }
    case ValueType::Date:
      return v.as<Date>().to_string();
    case ValueType::LocalTime:
      return v.as<LocalTime>().to_string();
    case ValueType::Time:
      return v.as<Time>().to_string();
    case ValueType::LocalDateTime:
      return v.as<LocalDateTime>().to_string();
    case ValueType::DateTime:
      return v.as<DateTime>().to_string();
    case ValueType::Duration:
      return v.as<Duration>().to_string();
    case ValueType::Node:
      return {{"node", v.as<NodeRef>().id}};
    case ValueType::Relationship:
      return {{"relationship", v.as<RelRef>().id}};
    case ValueType::Path: {
      const Path& p = v.as<Path>();
      return {{"nodes", p.nodes}, {"relationships", p.rels}};
    }
  }
  return nullptr;
}

Value from_json(const nlohmann::json& j) {
  return from_json_at(j, 0);
}

}  // namespace kith
