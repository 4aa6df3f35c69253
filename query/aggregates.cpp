// The aggregating functions. Each Aggregator folds one group's rows; DISTINCT is a filter in
// front of it that lets through only the first of each set of equivalent values.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "query/argument_errors.hpp"
#include "query/function_library.hpp"
#include "query/functions.hpp"
#include "query/node_id_set.hpp"

namespace kith::query {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

constexpr std::string_view kAggregates[] = {
    "count",          "sum",           "avg", "min", "max", "collect", "stDev", "stDevP",
    "percentileCont", "percentileDisc"};

class CountStar final : public Aggregator {
 public:
  void add(std::span<const Value>) override { ++count_; }
  Value result() const override { return count_; }

 private:
  std::int64_t count_ = 0;
};

class Count final : public Aggregator {
 public:
  void add(std::span<const Value> args) override { count_ += !args[0].is_null(); }
  Value result() const override { return count_; }

 private:
  std::int64_t count_ = 0;
};

// sum() stays an INTEGER while every input is one and the total fits; a FLOAT input turns it
// into a FLOAT sum; durations sum as durations.
class Sum final : public Aggregator {
 public:
  void add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return;
    if (v.is<Duration>()) {
      if (any_number_) throw_wrong_type("sum()", "numbers or durations, not both", v);
      any_duration_ = true;
      duration_ = duration_add(duration_, v.as<Duration>(), false);
      return;
    }
    if (!v.is_number() || any_duration_) throw_wrong_type("sum()", "a number or a DURATION", v);
    any_number_ = true;
    if (v.is<double>()) {
      is_float_ = true;
      float_sum_ += v.as<double>();
      return;
    }
    const std::int64_t i = v.as<std::int64_t>();
    float_sum_ += static_cast<double>(i);
    if (__builtin_add_overflow(int_sum_, i, &int_sum_)) {
      throw_runtime("ArgumentError", "IntegerOverflow", "sum() overflows INTEGER");
    }
  }
  Value result() const override {
    if (any_duration_) return duration_;
    if (is_float_) return float_sum_;
    return int_sum_;
  }

 private:
  bool any_number_ = false;
  bool any_duration_ = false;
  bool is_float_ = false;
  std::int64_t int_sum_ = 0;
  double float_sum_ = 0;
  Duration duration_;
};

class Avg final : public Aggregator {
 public:
  void add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return;
    if (v.is<Duration>()) {
      if (count_ > 0 && !any_duration_) throw_wrong_type("avg()", "numbers or durations", v);
      any_duration_ = true;
      durations_.push_back(v.as<Duration>());
    } else if (v.is_number() && !any_duration_) {
      // A running mean rather than a sum: avg() over huge integers must not overflow.
      mean_ += (v.number() - mean_) / static_cast<double>(count_ + 1);
    } else {
      throw_wrong_type("avg()", "a number or a DURATION", v);
    }
    ++count_;
  }
  Value result() const override {
    if (count_ == 0) return Null{};
    if (!any_duration_) return mean_;
    Duration total;
    for (const Duration& d : durations_)
      total = duration_add(total, d, false);
    return duration_scale(total, 1.0 / static_cast<double>(count_));
  }

 private:
  std::int64_t count_ = 0;
  double mean_ = 0;
  bool any_duration_ = false;
  std::vector<Duration> durations_;
};

// min() and max() over values of any type, ranked by ORDER BY's order; nulls are skipped.
class Extreme final : public Aggregator {
 public:
  explicit Extreme(bool want_max) : want_max_(want_max) {}
  void add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return;
    if (!best_) {
      best_ = v;
      return;
    }
    const int c = order(v, *best_);
    if (want_max_ ? c > 0 : c < 0) best_ = v;
  }
  Value result() const override { return best_ ? *best_ : Value(Null{}); }

 private:
  bool want_max_;
  std::optional<Value> best_;
};

class Collect final : public Aggregator {
 public:
  void add(std::span<const Value> args) override {
    if (!args[0].is_null()) items_.push_back(args[0]);
  }
  void add_owned(std::span<Value> args) override {
    if (!args[0].is_null()) items_.push_back(std::move(args[0]));
  }
  Value result() const override { return items_; }
  Value take() override { return std::move(items_); }

 private:
  List items_;
};

// Welford's online algorithm: stable for large values and long inputs.
class StandardDeviation final : public Aggregator {
 public:
  explicit StandardDeviation(bool population) : population_(population) {}
  void add(std::span<const Value> args) override {
    const Value& v = args[0];
    if (v.is_null()) return;
    if (!v.is_number()) throw_wrong_type(population_ ? "stDevP()" : "stDev()", "a number", v);
    ++count_;
    const double x = v.number();
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    squares_ += delta * (x - mean_);
  }
  Value result() const override {
    if (count_ == 0) return 0.0;
    if (population_) return std::sqrt(squares_ / static_cast<double>(count_));
    if (count_ < 2) return 0.0;
    return std::sqrt(squares_ / static_cast<double>(count_ - 1));
  }

 private:
  bool population_;
  std::int64_t count_ = 0;
  double mean_ = 0;
  double squares_ = 0;
};

class Percentile final : public Aggregator {
 public:
  explicit Percentile(bool continuous) : continuous_(continuous) {}
  void add(std::span<const Value> args) override {
    const char* fn = continuous_ ? "percentileCont()" : "percentileDisc()";
    const Value& p = args[1];
    if (!p.is_number()) throw_wrong_type(fn, "a numeric percentile", p);
    const double percentile = p.number();
    if (!(percentile >= 0.0 && percentile <= 1.0)) {
      throw_runtime(
          "ArgumentError", "NumberOutOfRange",
          fmt::format("{} expects a percentile between 0.0 and 1.0, got {}", fn, describe(p)));
    }
    percentile_ = percentile;
    const Value& v = args[0];
    if (v.is_null()) return;
    if (!v.is_number()) throw_wrong_type(fn, "a number", v);
    values_.push_back(v);
  }
  Value result() const override {
    if (values_.empty()) return Null{};
    std::vector<Value> sorted = values_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Value& a, const Value& b) { return a.number() < b.number(); });
    const auto n = static_cast<std::int64_t>(sorted.size());
    if (continuous_) {
      const double position = percentile_ * static_cast<double>(n - 1);
      const auto below = static_cast<std::int64_t>(std::floor(position));
      const auto above = static_cast<std::int64_t>(std::ceil(position));
      if (below == above || below == n - 1) return sorted[below].number();
      return sorted[below].number() * (static_cast<double>(above) - position) +
             sorted[above].number() * (position - static_cast<double>(below));
    }
    // The smallest value with at least the percentile's share of the values at or below it.
    if (percentile_ == 1.0 || n == 1) return sorted.back();
    const double position = percentile_ * static_cast<double>(n);
    const auto whole = static_cast<std::int64_t>(position);
    const std::int64_t index =
        (position != static_cast<double>(whole) || whole == 0) ? whole : whole - 1;
    return sorted[std::min(index, n - 1)];
  }

 private:
  bool continuous_;
  double percentile_ = 0;
  std::vector<Value> values_;
};

// DISTINCT in front of any aggregator: only the first of each set of equivalent first
// arguments gets through (nulls go through, the aggregator skips them). A node is equivalent
// only to itself, so nodes are told apart by id in a set of their own.
class Distinct final : public Aggregator {
 public:
  explicit Distinct(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
  void add(std::span<const Value> args) override {
    if (!args.empty() && !args[0].is_null() && !first(args[0])) return;
    inner_->add(args);
  }
  void add_owned(std::span<Value> args) override {
    if (!args.empty() && !args[0].is_null() && !first(args[0])) return;
    inner_->add_owned(args);
  }
  Value result() const override { return inner_->result(); }
  Value take() override { return inner_->take(); }

 private:
  bool first(const Value& v) {
    if (v.is<NodeRef>()) return nodes_.insert(v.as<NodeRef>().id);
    return seen_.insert(v).second;
  }

  std::unique_ptr<Aggregator> inner_;
  NodeIdSet nodes_;
  std::unordered_set<Value, ValueHash, ValueEquivalent> seen_;
};

std::unique_ptr<Aggregator> make_plain(std::string_view name, bool star) {
  if (same_name(name, "count")) {
    if (star) return std::make_unique<CountStar>();
    return std::make_unique<Count>();
  }
  if (same_name(name, "sum")) return std::make_unique<Sum>();
  if (same_name(name, "avg")) return std::make_unique<Avg>();
  if (same_name(name, "min")) return std::make_unique<Extreme>(false);
  if (same_name(name, "max")) return std::make_unique<Extreme>(true);
  if (same_name(name, "collect")) return std::make_unique<Collect>();
  if (same_name(name, "stDev")) return std::make_unique<StandardDeviation>(false);
  if (same_name(name, "stDevP")) return std::make_unique<StandardDeviation>(true);
  if (same_name(name, "percentileCont")) return std::make_unique<Percentile>(true);
  if (same_name(name, "percentileDisc")) return std::make_unique<Percentile>(false);
  return nullptr;
}

}  // namespace

bool is_aggregate(std::string_view name) {
  return std::any_of(std::begin(kAggregates), std::end(kAggregates),
                     [name](std::string_view a) { return same_name(a, name); });
}

int aggregate_arity(std::string_view name) {
  if (same_name(name, "percentileCont") || same_name(name, "percentileDisc")) return 2;
  return is_aggregate(name) ? 1 : -1;
}

std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct, bool star) {
  std::unique_ptr<Aggregator> aggregator = make_plain(name, star);
  if (!aggregator) {
    throw QueryError(ErrorPhase::CompileTime, "SyntaxError", "UnknownFunction",
                     fmt::format("unknown aggregating function {}()", name));
  }
  if (distinct && !star) return std::make_unique<Distinct>(std::move(aggregator));
  return aggregator;
}

}  // namespace kith::query
