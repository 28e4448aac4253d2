"""The compiled-glossary cache: keyed by the files' bytes, safe against damage, can be turned off."""

from __future__ import annotations

import os
import time

import pytest

from termcheck.glossary import cache
from termcheck.glossary.cache import cache_dir, compiled_matcher
from termcheck.match import Matcher
from termcheck.model import InputError
from tests.helpers import GLOSSARY_CSV, run_termcheck

TEXT = "Fighters of Kata'ib Hizballah and كلمة السر."


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(where))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    return where


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY_CSV, encoding="utf-8")
    return str(path)


def _found(matcher: Matcher) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.entries[0].concept.key) for m in matcher.find(TEXT)]


def test_a_second_load_comes_from_the_cache_and_matches_the_same(folder, glossary):
    built = compiled_matcher([glossary], background=False)
    [stored] = os.listdir(folder)
    assert stored.endswith(".pickle")
    loaded = compiled_matcher([glossary], background=False)
    assert loaded is not built and type(loaded) is Matcher
    assert _found(loaded) == _found(built) == [(12, 29, "kataib-hezbollah"), (34, 43, "password")]
    # the concepts of the automaton are the glossary's own objects, as in a built matcher
    assert loaded.find(TEXT)[0].entries[0].concept is loaded.glossary.concepts[0]


def test_a_cached_matcher_maps_its_arabic_layer_instead_of_reading_it(folder, glossary):
    """The Arabic layer, the forbidden forms' automaton and entry columns travel beside the pickle
    (protocol 5 buffers): a loaded matcher holds views of the mapped file, and reads them as it did
    bytes."""
    import mmap

    built = compiled_matcher([glossary], background=False)
    loaded = compiled_matcher([glossary], background=False)
    assert all(isinstance(part, memoryview) and isinstance(part.obj, mmap.mmap) for part in loaded._arabic_state)
    assert loaded._analyzer is None  # not unpickled before a text has Arabic
    assert isinstance(loaded._forbidden_pickle, memoryview) and loaded._forbidden_automaton is None
    assert sorted(loaded.forbidden_automaton()[0].keys()) == sorted(built.forbidden_automaton()[0].keys()) != []
    assert loaded.forbidden_automaton()[1] == built.forbidden_automaton()[1]
    assert _found(loaded) == _found(built)
    assert [(m.start, m.end) for m in loaded.find_forbidden(TEXT)] == [(m.start, m.end) for m in built.find_forbidden(TEXT)]


def test_an_edited_glossary_misses_the_cache(folder, glossary):
    compiled_matcher([glossary], background=False)
    with open(glossary, "a", encoding="utf-8") as handle:
        handle.write("hizballah,Hizballah,حزب الله,,,,,\n")
    again = compiled_matcher([glossary], background=False)
    assert len(again.glossary) == 3 and len(os.listdir(folder)) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(folder, glossary, damage):
    compiled_matcher([glossary], background=False)
    [name] = os.listdir(folder)
    path = folder / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage is None else damage)  # truncated, empty, foreign
    rebuilt = compiled_matcher([glossary], background=False)
    assert _found(rebuilt) == [(12, 29, "kataib-hezbollah"), (34, 43, "password")]
    assert isinstance(cache.load(name[: -len(".pickle")], str(folder)), Matcher)  # written again, whole


def test_a_cache_file_others_may_write_is_not_read(folder, glossary, monkeypatch):
    compiled_matcher([glossary], background=False)
    [name] = os.listdir(folder)
    os.chmod(folder / name, 0o666)
    loads = []
    monkeypatch.setattr(cache.pickle, "loads", lambda data: loads.append(data))
    compiled_matcher([glossary], background=False)
    assert loads == []


def test_the_cache_can_be_turned_off(folder, glossary, monkeypatch):
    monkeypatch.setenv("TERMCHECK_NO_CACHE", "1")
    assert cache_dir() is None
    compiled_matcher([glossary], background=False)
    assert not folder.exists()


def test_the_default_place_is_the_user_cache_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("TERMCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == str(tmp_path / "xdg" / "termcheck")


def test_a_missing_glossary_is_still_an_input_error(folder, tmp_path):
    with pytest.raises(InputError):
        compiled_matcher([str(tmp_path / "nope.csv")], background=False)


def test_lint_reports_the_same_with_a_cold_and_a_warm_cache(tmp_path, glossary, monkeypatch):
    article = tmp_path / "a.md"
    article.write_text(TEXT + "\n", encoding="utf-8")
    where = tmp_path / "cli-cache"
    env_args = ("lint", str(article), "-g", glossary, "--format", "json")
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(where))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    cold = run_termcheck(*env_args)
    for _ in range(400):  # the cold run stores the cache from a forked child: wait for its file
        if where.exists() and any(n.endswith(".pickle") and not n.startswith(".tmp") for n in os.listdir(where)):
            break
        time.sleep(0.05)
    assert any(n.endswith(".pickle") for n in os.listdir(where))
    warm = run_termcheck(*env_args)
    assert cold.returncode == warm.returncode == 1
    assert cold.stdout == warm.stdout and '"TC101"' in cold.stdout


def _described(matcher: Matcher, text: str) -> list:
    """Every match with everything about its entries (concepts by key: a loaded matcher has its own)."""
    return [(m.start, m.end, m.exact, [(e.concept.key, e.term, e.elided_article, e.prefixes, e.inflected,
                                        e.false_friend) for e in m.entries]) for m in matcher.find(text)]


def test_a_loaded_matcher_finds_exactly_what_the_built_one_finds(tmp_path):
    """The cache's compact form (entries as numbers, the Arabic layer read on first Arabic text, the
    glossary as columns) loses nothing: house glossaries, a false friend, an 'X (Y)' form."""
    import pickle

    from termcheck.glossary import load_glossary, merge_glossaries

    extra = tmp_path / "extra.csv"
    extra.write_text("id,en,ar,en_false_friends,ar_forbidden\n"
                     "cell,cell,خلية,cell phone,\n"
                     "covid,COVID-19,فيروس كورونا المستجد (كوفيد-19),,الكورونا\n", encoding="utf-8")
    glossary = merge_glossaries([load_glossary("glossaries/house.csv"), load_glossary("glossaries/web-ui.csv"),
                                 load_glossary(str(extra))])
    built = Matcher(glossary)
    loaded = pickle.loads(pickle.dumps(built))
    assert loaded.glossary == glossary
    texts = [open(f"corpora/{name}/{lang}.md", encoding="utf-8").read()
             for name in ("pmf-budget", "sudani-factions") for lang in ("ar", "en")]
    texts.append("A cell phone, a cell. أصيب بكوفيد-19 وبفيروس كورونا المستجد والكورونا")
    for text in texts:
        assert _described(loaded, text) == _described(built, text)
        assert [(m.start, m.end) for m in loaded.find_forbidden(text)] == [(m.start, m.end) for m in built.find_forbidden(text)]
    assert sum(len(built.find(text)) for text in texts) > 50
    again = pickle.loads(pickle.dumps(loaded))  # a loaded matcher stores the same state
    assert _described(again, texts[0]) == _described(built, texts[0])


def test_the_compact_glossary_keeps_every_concept_and_term():
    from termcheck.glossary import compact, load_glossary
    from termcheck.model import Concept, Glossary, SourceRef, Status, Term

    house = load_glossary("glossaries/house.tbx")
    assert compact.decode(compact.encode(house)) == house
    odd = Glossary([Concept(None, [Term("x", "en", Status.FORBIDDEN)], note="n", index=3,
                            false_friends=[Term("x y", "en", Status.PREFERRED, SourceRef("g.csv", 9))])],
                   path="p", warnings=["w"])
    assert compact.decode(compact.encode(odd)) == odd
    odd.concepts[0].extra = 1  # something the columns do not carry: the caller pickles the objects
    assert compact.encode(odd) is None


def _wait_for(folder, name: str) -> None:
    for _ in range(400):  # stored from a forked child: wait for its file
        if (folder / name).exists():
            return
        time.sleep(0.05)


def test_the_variant_index_is_kept_beside_the_compiled_glossary(folder):
    from termcheck.rules.variants import VariantIndex, variant_index

    built = variant_index(compiled_matcher(["glossaries/house.csv"], background=False))
    [key] = [n[: -len(".pickle")] for n in os.listdir(folder) if "-" not in n]
    _wait_for(folder, f"{key}-variant-index.pickle")
    assert sorted(os.listdir(folder)) == [f"{key}-variant-index.pickle", f"{key}.pickle"]
    matcher = compiled_matcher(["glossaries/house.csv"], background=False)
    loaded = variant_index(matcher)
    fresh = VariantIndex(matcher)
    assert loaded is not built and loaded.by_key == fresh.by_key == built.by_key and len(fresh.by_key) > 20
    assert all(concept is matcher.glossary.concepts[concept.index]
               for forms in loaded.by_key.values() for concept, _, _ in forms)
    assert (loaded.max_words, loaded.inner_keys, loaded._by_signature, loaded.glossary_words) == \
        (fresh.max_words, fresh.inner_keys, fresh._by_signature, fresh.glossary_words)
    assert loaded.lookup("haydariyun") == fresh.lookup("haydariyun") is not None
    assert loaded.lookup("haidariyoun") == fresh.lookup("haidariyoun")


def test_a_damaged_variant_index_is_built_again(folder):
    from termcheck.rules.variants import VariantIndex, variant_index

    matcher = compiled_matcher(["glossaries/house.csv"], background=False)
    key = matcher.cache[cache._PLACE][0]
    cache.store_derived(matcher, "variant-index", b"not marshal", background=False)
    assert VariantIndex.loaded(matcher, cache.load_derived(matcher, "variant-index")) is None
    assert variant_index(matcher).by_key == VariantIndex(matcher).by_key
    _wait_for(folder, f"{key}-variant-index.pickle")


def test_pruning_keeps_a_glossary_s_derived_files_with_it(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MAX_FILES", 2)
    for age, key in enumerate(["c" * 64, "b" * 64, "a" * 64]):  # a is the newest
        for name in (f"{key}.pickle", f"{key}-variant-index.pickle"):
            (tmp_path / name).write_bytes(b"x")
            os.utime(tmp_path / name, (1_000_000 + age, 1_000_000 + age))
    cache._prune(str(tmp_path))
    assert sorted(os.listdir(tmp_path)) == sorted(f"{key}{suffix}.pickle" for key in ("a" * 64, "b" * 64)
                                                  for suffix in ("", "-variant-index"))
