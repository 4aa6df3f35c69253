// The writes CREATE, MERGE, SET, REMOVE and DELETE share: creating a pattern's missing parts
// and applying one SET item, both counting side effects the way the TCK counts them.
#pragma once

#include <vector>

#include "query/ast.hpp"
#include "query/exec_context.hpp"

namespace kith::query {

// Creates every node of `parts` whose variable is not bound in `row` and every relationship,
// binding the new entities (and path variables) in `row`; `scope` must already name the
// pattern's slots and `row` have scope.size() values.
void create_pattern(const std::vector<const ast::PatternPart*>& parts, Row& row, const Scope& scope,
                    ExecContext& ctx);

// Adds the slots a CREATE pattern binds to `scope`.
void add_pattern_slots(const std::vector<const ast::PatternPart*>& parts, Scope& scope);

void apply_set_item(const ast::SetItem& item, Row& row, const Scope& scope, ExecContext& ctx);

// A map of properties from a pattern's `{...}`, a SET's right-hand side or `n = m`: nulls are
// dropped, non-maps raise a TypeError. A node or relationship gives its properties.
Map properties_value(const Value& v, ExecContext& ctx, const char* what);

}  // namespace kith::query
