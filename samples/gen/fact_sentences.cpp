#include "samples/gen/fact_sentences.hpp"

#include <array>
#include <string_view>

#include <fmt/format.h>

namespace kith::gen {

namespace {

template <std::size_t N>
std::string_view choose(const std::array<std::string_view, N>& forms, int form) {
  return forms[static_cast<std::size_t>(form < 0 ? -form : form) % N];
}

// "A", "A and B", "A, B and C".
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

std::string reporting_sentence(int form, const std::string& report, const std::string& manager) {
  static constexpr std::array<std::string_view, 14> kForms = {
      "{r} reports to {m}.",
      "{m} manages {r}.",
      "{r} is a direct report of {m}.",
      "{m} ({r}'s manager) joined the call late.",
      "{r}, reporting to {m}, owns the rollout plan.",
      "{r}'s manager is {m}.",
      "{m} ({r}'s boss) asked for a written summary.",
      "{m} is {r}'s manager.",
      "{r} reports directly to {m} since the reorganisation.",
      "{r} is managed by {m}.",
      "{m}, {r}'s manager, signed off on the pilot.",
      "{r} now reports to {m} and covers the northern region.",
      "{r} is one of {m}'s direct reports.",
      "{r} currently reports to {m}."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("r", report),
                     fmt::arg("m", manager));
}

std::string group_reporting_sentence(int form, const std::vector<std::string>& reports,
                                     const std::string& manager) {
  static constexpr std::array<std::string_view, 3> kForms = {
      "{list} report to {m}.", "{m} manages {list}.", "{m}'s direct reports include {list}."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("list", listed(reports)),
                     fmt::arg("m", manager));
}

std::string former_reporting_sentence(int form, const std::string& report,
                                      const std::string& manager, const std::string& company) {
  static constexpr std::array<std::string_view, 5> kForms = {
      "{m} was {r}'s manager at {c}.", "{r} used to report to {m}.",
      "{r} previously reported to {m}.", "{r} no longer reports to {m}.",
      "{m} was {r}'s boss until last spring."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("r", report),
                     fmt::arg("m", manager), fmt::arg("c", company));
}

std::string note_person_reporting_sentence(int form, const std::string& manager) {
  static constexpr std::array<std::string_view, 4> kForms = {
      "Reports to {m}.", "Her manager is {m}.", "She reports to {m} since January.",
      "Manager: {m}"};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("m", manager));
}

std::string note_person_manages_sentence(int form, const std::string& report) {
  static constexpr std::array<std::string_view, 3> kForms = {"{r}'s manager since January.",
                                                             "Manages {r}.", "Direct reports: {r}"};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("r", report));
}

std::string employment_sentence(int form, const std::string& person, const std::string& company,
                                const std::string& title, const std::string& department) {
  static constexpr std::array<std::string_view, 9> kForms = {
      "{p} works at {c} as {t}.",
      "{p} is the {t} at {c}.",
      "{p} joined {c} as {t}.",
      "{p} works for {c}.",
      "{p} is the head of {d} at {c}.",
      "{p}, who runs {d} at {c}, asked for the pricing sheet.",
      "{p} (leader of {d} at {c}) wants a pilot.",
      "{p} works at {c}.",
      "{p} joined {c} in 2021."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("p", person),
                     fmt::arg("c", company), fmt::arg("t", title), fmt::arg("d", department));
}

std::string chief_of_staff_sentence(int form, const std::string& chief,
                                    const std::string& principal) {
  static constexpr std::array<std::string_view, 4> kForms = {
      "{c} is {p}'s chief of staff.", "{c} is chief of staff to {p}.",
      "{c} ({p}'s chief of staff) set up the review.", "{p}'s chief of staff is {c}."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("c", chief),
                     fmt::arg("p", principal));
}

std::string succession_sentence(int form, const std::string& successor,
                                const std::string& predecessor,
                                const std::string& predecessor_first) {
  static constexpr std::array<std::string_view, 3> kForms = {
      "{s} stepped into {p}'s role after {f} left.", "{s} replaced {p}.",
      "{s}, who stepped into {p}'s role, now owns the account."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("s", successor),
                     fmt::arg("p", predecessor), fmt::arg("f", predecessor_first));
}

std::string departure_sentence(int form, const std::string& person, const std::string& company) {
  static constexpr std::array<std::string_view, 3> kForms = {
      "{p} left {c} in March.", "{p} has left {c}.", "{p} left the company last year."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("p", person),
                     fmt::arg("c", company));
}

std::string decision_sentence(int form, const std::string& person, const std::string& company) {
  static constexpr std::array<std::string_view, 3> kForms = {"The final decision is {p}'s.",
                                                             "{p} makes the final decision on {c}.",
                                                             "The decision rests with {p}."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("p", person),
                     fmt::arg("c", company));
}

std::string influence_sentence(int form, const std::string& person, const std::string& decider) {
  static constexpr std::array<std::string_view, 3> kForms = {
      "{p} will influence {d}'s decision.",
      "{p} said he will be the one to influence {d}'s decision.", "{p} has influence over {d}."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("p", person),
                     fmt::arg("d", decider));
}

std::string distrust_sentence(int form, const std::string& person) {
  static constexpr std::array<std::string_view, 3> kForms = {
      "{p} can't be trusted.", "{p} cannot be trusted.", "{p} is not to be trusted."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("p", person));
}

std::string introduction_sentence(int form, const std::string& introducer, const std::string& a,
                                  const std::string& a_first, const std::string& b) {
  static constexpr std::array<std::string_view, 3> kForms = {
      "{af}, meet {b}.", "{i} introduced {a} to {b}.", "{i} introduced {b} to {a} last week."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("i", introducer),
                     fmt::arg("a", a), fmt::arg("af", a_first), fmt::arg("b", b));
}

std::string noise_sentence(int form, const std::string& a, const std::string& b,
                           const std::string& company) {
  static constexpr std::array<std::string_view, 18> kForms = {
      "The report to {b} was late again.",
      "{a} reports to the board on Friday.",
      "{a} reported to {b} that the pilot slipped.",
      "Does {a} report to {b}?",
      "If {a} reports to {b} after the reorganisation, the plan changes.",
      "{a} might report to {b} next year.",
      "{a} will manage the rollout with {b}.",
      "{a}'s manager meeting moved to Tuesday.",
      "{a} forwarded the capacity report to {b}.",
      "{a} works on the pricing model with {b}.",
      "{a} met {b} at the trade show in Lyon.",
      "{a} asked {b} to report to the steering committee.",
      "{a} does not report to {b}.",
      "{a} joined {b} for lunch.",
      "{a} should manage {b} once the team grows.",
      "Ask {b} whether {a} reports to the regional lead.",
      "The team reports to the steering committee every month.",
      "{a} looked at {c} pricing before the call."};
  return fmt::format(fmt::runtime(choose(kForms, form)), fmt::arg("a", a), fmt::arg("b", b),
                     fmt::arg("c", company));
}

}  // namespace kith::gen
