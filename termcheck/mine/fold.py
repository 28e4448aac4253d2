"""Keys under which inflected words are counted as one, learned from the mined copy's own words.

The mined text has no glossary, so termcheck.text.arabic's readings are checked against the
corpus vocabulary instead of a glossary's lemmas (the matcher's Analyzer does the same with
glossary lemmas). A word's key is its most stripped reading that the corpus supports:
- the article group (ال، وال، بال، لل ...) is always taken off (with ال alone, three letters must
  remain: الله stays);
- a bare proclitic run (و ف ب ك ل ...) only when what remains is itself a word of the corpus, with
  or without the article (وكتائب -> كتائب, but بغداد is not ب + غداد);
- one inflectional suffix (sound plural or dual, enclitic, feminine ة, accusative ا) only when the
  stem is itself a word of the corpus; never the ending ي, which is the nisba far more often than
  the pronoun in names and terms (الشعبي is not الشعب + ي).
`written` is the dictionary form shown to a reviewer: proclitics off, the article kept as written
(والمهندس -> المهندس, للحشد -> الحشد).

English: lower case, and a regular plural (-s, -es, -ies) counted as its singular when the singular
is itself a word of the corpus (cases -> case, but 'virus' stays: 'viru' is not a word).
"""

from __future__ import annotations

from collections import Counter

from termcheck.text.arabic import ARTICLE, ARTICLE_PREFIXES, LAM_ARTICLE, readings

ENCLITIC_YA = "\u064a"  # ي


class Folder:
    def __init__(self, arabic_vocabulary: Counter, english_vocabulary: Counter) -> None:
        self._ar_vocab = arabic_vocabulary
        self._en_vocab = english_vocabulary
        self._ar: dict[str, str] = {}
        self._written: dict[str, str] = {}
        self._en: dict[str, str] = {}

    def _attested(self, stem: str) -> bool:
        return stem in self._ar_vocab or ARTICLE + stem in self._ar_vocab

    def arabic(self, word: str) -> str:
        """The key a normalized Arabic word is counted under."""
        key = self._ar.get(word)
        if key is None:
            key = self._ar[word] = self._fold(word)
        return key

    def _fold(self, word: str) -> str:
        best, best_stripped = word, 0
        for reading in readings(word):
            if reading.prefix:
                if reading.article:
                    if reading.prefix == ARTICLE and len(word) - 2 < 3:
                        continue
                elif not self._attested(word[len(reading.prefix):]):
                    continue
            if reading.suffix:
                if reading.suffix == ENCLITIC_YA or len(reading.lemma) < 3 or not self._attested(reading.lemma):
                    continue
            if reading.stripped > best_stripped:
                best, best_stripped = reading.lemma, reading.stripped
        return best

    def written(self, word: str) -> str:
        """A normalized Arabic word without its proclitics, the article kept (والمهندس -> المهندس)."""
        form = self._written.get(word)
        if form is None:
            form = self._written[word] = self._strip_proclitics(word)
        return form

    def _strip_proclitics(self, word: str) -> str:
        for prefix in sorted(ARTICLE_PREFIXES, key=len, reverse=True):
            if word.startswith(prefix) and len(word) - len(prefix) >= 2 and prefix != ARTICLE:
                if prefix in LAM_ARTICLE:
                    return ARTICLE + word[len(prefix) :]
                return word[len(prefix) - len(ARTICLE) :]
        for reading in readings(word):
            if reading.prefix and not reading.suffix and not reading.article and len(reading.lemma) >= 3:
                if self._attested(reading.lemma):
                    return word[len(reading.prefix) :]
        return word

    def english(self, word: str) -> str:
        key = self._en.get(word)
        if key is None:
            key = self._en[word] = self._fold_english(word)
        return key

    def _fold_english(self, word: str) -> str:
        lower = word.lower()
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
            for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
                if lower.endswith(suffix):
                    singular = lower[: -len(suffix)] + replacement
                    if len(singular) >= 3 and singular in self._en_vocab:
                        return singular
        return lower
