"""TC104's candidate index: keys one romanization edit apart share a near_signature, so comparing
keys within a signature finds exactly the pairs a comparison of every pair finds."""

from __future__ import annotations

import itertools

from termcheck.rules.consistency import _neighbours, near_signature
from termcheck.text.translit import near_keys, translit_key

NAMES = ["Hizbollah", "Hizballah", "Hezbollah", "Sadr", "Sader", "Badr", "Gaddafi", "Gadhafi", "Qadhafi",
         "Uthman", "Usman", "Muhandis", "Mohandis", "Muhandiss", "Monday", "Muzday", "Iceland", "Ireland",
         "Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandis", "Abu Mehdi al-Muhandis", "Kataib Hezbollah",
         "Kataeb Hezbollah", "Shia al-Sudani", "Shiaa al-Sudani", "Vaccine", "Vaccines", "Haydariyun",
         "Haidariyoun", "Haydariyoun", "Zayara", "Ziyara", "Wikimedia", "Wikipedia", "Ghoneim", "Ghonim"]
KEYS = sorted({translit_key(n) for n in NAMES})


def test_near_keys_share_a_signature():
    pairs = [(a, b) for a, b in itertools.permutations(KEYS, 2) if near_keys(a, b)]
    assert len(pairs) == 12  # six real near pairs, both ways (Hizbollah/Hizbullah, Gaddafi/Gazafi, Ghoneim/Ghonim...)
    assert all(near_signature(a) == near_signature(b) for a, b in pairs)
    assert near_signature(translit_key("Sadr")) != near_signature(translit_key("Badr"))


def test_neighbours_are_every_near_pair():
    found = _neighbours(set(KEYS))
    brute = {a: {b for b in KEYS if near_keys(a, b)} for a in found}
    assert found == brute
    assert {k for k, v in found.items() if v} == {a for a, b in itertools.permutations(KEYS, 2) if near_keys(a, b)}
