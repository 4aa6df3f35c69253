// End-to-end: a query that explodes is stopped with a message naming the limit, and the
// session it ran in goes on to the next statement.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "run_kith.hpp"

namespace kith::testing {
namespace {

TEST(QueryGuardCli, AnExplodingStatementFailsAloneAndTheScriptGoesOn) {
  const auto script = std::filesystem::temp_directory_path() / "kith-explode.kq";
  std::ofstream(script) << "UNWIND range(1, 9000000000000) AS i RETURN i;\n"
                           "RETURN reduce(s = 'x', i IN range(1, 40) | s + s) AS s;\n"
                           "MATCH (p:Person) RETURN count(p) > 0 AS still_here;\n";
  const auto r =
      run_kith({"run", "samples/vault", script.string(), "--keep-going", "--format", "csv"});
  std::filesystem::remove(script);
  EXPECT_EQ(r.exit_code, 1) << "a failed statement fails the run";
  EXPECT_NE(r.err.find("kith-explode.kq:1:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("more than 4194304 elements"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith-explode.kq:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("more than 67108864 bytes"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "still_here\r\ntrue\r\n");
}

}  // namespace
}  // namespace kith::testing
