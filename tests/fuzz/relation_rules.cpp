// The relation extractor on single statements, with and without a note person and speaker
// (the contexts that resolve "I" and verb-first sentences).
#include "loaders/relation_rules.hpp"
#include "fuzz_target.hpp"

KITH_FUZZ_TARGET(relation_rules) {
  std::string_view sentence = kith::fuzz::as_text(data, size);
  kith::loaders::ExtractionContext none;
  kith::loaders::ExtractionContext person_note{"Wen Li", "Contoso", "Priya Raman"};
  for (const auto* ctx : {&none, &person_note}) {
    auto facts = kith::loaders::extract_facts(sentence, *ctx);
    for (const auto& fact : facts)
      FUZZ_CHECK(!fact.rule.empty());
  }
  return 0;
}
