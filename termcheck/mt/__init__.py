"""Optional machine translation: suggestions for flagged segments and MT-agreement scores.

Needs the `mt` extra (torch, transformers, sentencepiece; ctranslate2 for the fast backend).
Nothing heavy is imported here or at module level of the light modules (glossary_enforce,
scoring): torch, transformers and ctranslate2 are imported inside the functions that load a
model, so `termcheck lint` and `termcheck check` without --suggest never pay for them.

Modules:
  models.py            find a model offline (directory or Hugging Face cache), pick a device, load
  translate.py         translate(texts, model, ...): batched generation, both backends
  backend_ct2.py       CTranslate2 translation and conversion (termcheck mt convert)
  glossary_enforce.py  make a suggestion use the house's preferred forms
  scoring.py           sentence and corpus BLEU/chrF/TER; the TC401 outlier rule
  suggest.py           suggest_for_check: fill Finding.suggestion, add TC401 findings
"""
