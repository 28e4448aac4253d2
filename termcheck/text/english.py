"""English words that carry grammar rather than content: one list for every rule that skips them."""

from __future__ import annotations

STOP_WORDS = frozenset(
    """the and for are was were been being has have had not but with from this that these those
    there their they them its his her our your you who whom whose which what when where why how
    than then also into onto over under after before during between about against among such
    more most many much some any each every other only very can could may might must shall should
    will would did does doing done said says say one two all both either neither nor per via
    upon while because since until though although however therefore thus here just even""".split()
)
