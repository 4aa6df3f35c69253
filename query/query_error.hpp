// Errors a query can raise, classified as openCypher (and its TCK) classifies them:
// a phase (compile time or runtime), a class (SyntaxError, TypeError, ArgumentError, ...) and
// a detail code (UndefinedVariable, InvalidAggregation, ...). Positions are 1-based.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace kith::query {

enum class ErrorPhase : std::uint8_t { CompileTime, Runtime };

class QueryError : public std::runtime_error {
 public:
  QueryError(ErrorPhase phase, std::string error_class, std::string detail, std::string message,
             std::uint32_t line = 0, std::uint32_t column = 0);

  ErrorPhase phase() const { return phase_; }
  // "SyntaxError", "TypeError", "ArgumentError", "SemanticError", "EntityNotFound",
  // "ConstraintVerificationFailed", "ProcedureError", "LimitExceeded".
  const std::string& error_class() const { return class_; }
  // The TCK's detail code, e.g. "UndefinedVariable"; may be empty.
  const std::string& detail() const { return detail_; }
  std::uint32_t line() const { return line_; }      // 0 when not tied to a position
  std::uint32_t column() const { return column_; }  // 1-based, in characters

 private:
  ErrorPhase phase_;
  std::string class_;
  std::string detail_;
  std::uint32_t line_;
  std::uint32_t column_;
};

}  // namespace kith::query
