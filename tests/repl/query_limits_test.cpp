#include "repl/query_limits.hpp"

#include <gtest/gtest.h>

namespace kith::repl {
namespace {

using namespace std::chrono_literals;

TEST(QueryLimits, TimeoutsTakeUnitsAndBareSeconds) {
  query::QueryOptions o;
  EXPECT_FALSE(set_query_limit(o, "timeout", "500ms"));
  EXPECT_EQ(o.timeout, 500ms);
  EXPECT_FALSE(set_query_limit(o, "timeout", "2m"));
  EXPECT_EQ(o.timeout, 120'000ms);
  EXPECT_FALSE(set_query_limit(o, "timeout", "45"));
  EXPECT_EQ(o.timeout, 45'000ms);
  EXPECT_FALSE(set_query_limit(o, "timeout", "24h"));
  for (const char* bad : {"0", "25h", "2x", "", "-1s", "1.5s", "99999999999999999999"}) {
    const auto problem = set_query_limit(o, "timeout", bad);
    ASSERT_TRUE(problem) << bad;
    EXPECT_NE(problem->find("timeout"), std::string::npos) << *problem;
  }
  EXPECT_EQ(o.timeout, 24h);  // a refused value changes nothing
}

TEST(QueryLimits, MemoryTakesBinaryUnits) {
  query::QueryOptions o;
  EXPECT_FALSE(set_query_limit(o, "max_memory_bytes", "512MB"));
  EXPECT_EQ(o.max_memory_bytes, 512ull << 20);
  EXPECT_FALSE(set_query_limit(o, "max_memory_bytes", "2gib"));
  EXPECT_EQ(o.max_memory_bytes, 2ull << 30);
  EXPECT_FALSE(set_query_limit(o, "max_memory_bytes", "1048576"));
  EXPECT_EQ(o.max_memory_bytes, 1ull << 20);
  EXPECT_TRUE(set_query_limit(o, "max_memory_bytes", "2TB"));
  EXPECT_TRUE(set_query_limit(o, "max_memory_bytes", "0"));
}

TEST(QueryLimits, RowsAndHopsAreCounts) {
  query::QueryOptions o;
  EXPECT_FALSE(set_query_limit(o, "max_rows", "1000"));
  EXPECT_EQ(o.max_rows, 1000u);
  EXPECT_FALSE(set_query_limit(o, "var_length_bound", "30"));
  EXPECT_EQ(o.var_length_bound, 30);
  EXPECT_TRUE(set_query_limit(o, "var_length_bound", "1001"));
  EXPECT_TRUE(set_query_limit(o, "max_rows", "0"));
  const auto unknown = set_query_limit(o, "rows", "5");
  ASSERT_TRUE(unknown);
  EXPECT_NE(unknown->find("max_rows"), std::string::npos) << *unknown;
}

TEST(QueryLimits, DescribedWithTheNamesTheErrorsUse) {
  query::QueryOptions o;
  o.timeout = 90s;
  o.max_memory_bytes = 512ull << 20;
  const std::string text = describe_query_limits(o);
  EXPECT_NE(text.find("timeout           90s"), std::string::npos) << text;
  EXPECT_NE(text.find("max_memory_bytes  512MB"), std::string::npos) << text;
  EXPECT_NE(text.find("var_length_bound  15"), std::string::npos) << text;
}

TEST(QueryLimits, HowToRaiseNamesTheLimitInTheMessage) {
  EXPECT_NE(
      how_to_raise("an operator held more than max_rows = 100 rows").find("`:limit max_rows N`"),
      std::string::npos);
  EXPECT_NE(
      how_to_raise("the query ran longer than the timeout of 100 ms").find("`--limit timeout=5m`"),
      std::string::npos);
  EXPECT_EQ(how_to_raise("the query was cancelled"), "");
}

}  // namespace
}  // namespace kith::repl
