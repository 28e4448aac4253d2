"""termcheck/align/quotes.py and its bonus: a quotation split around its attribution in one
language and joined in the other is a 2-1 bead, not a 1-1 and an omission."""

from termcheck.align.quotes import quote_continuations
from termcheck.model import Document
from termcheck.text.segment import paragraphs, sentences

ENGLISH = ("The file was first reported by a security firm in Muscat. "
           "“The file is genuine and recent,” said Lena Hoffmann, the firm’s head of research. "
           "“Some of its rows were added in October.” "
           "The operator said it had reset every password.\n")


def test_a_sentence_continues_the_quotation_its_attribution_split():
    doc = Document("en.md", ENGLISH, "en")
    found = quote_continuations(doc.text, sentences(doc, paragraphs(doc)))
    assert found == [False, False, True, False]
    apostrophe = Document("b.md", "He heads the hospital’s ward. “It is full.”\n", "en")
    assert quote_continuations(apostrophe.text, sentences(apostrophe, paragraphs(apostrophe))) == [False, False]


def test_a_bead_that_joins_a_split_quotation_costs_the_quote_bonus_less():
    """The 2-1 bead of the attribution's sentence and its continuation, and no other bead; on the
    blind pairs this pairs “A,” X said. “B.” with قال X: «A، وB» (tests/test_check_corpora.py)."""
    from termcheck.align.anchors import Anchors
    from termcheck.align.cost import QUOTE_BONUS, SENTENCE_MODEL, BeadScorer

    lengths, other = [40, 60, 30, 40], [40, 85, 40]
    plain = BeadScorer(SENTENCE_MODEL, lengths, other, [Anchors() for _ in lengths], [Anchors() for _ in other], 1.0)
    quoted = BeadScorer(SENTENCE_MODEL, lengths, other, [Anchors() for _ in lengths], [Anchors() for _ in other], 1.0,
                        source_continues=[False, False, True, False])
    assert abs(quoted.cost(1, 3, 1, 2) - (plain.cost(1, 3, 1, 2) - QUOTE_BONUS)) < 1e-9
    for bead in [(0, 2, 0, 1), (2, 4, 2, 3), (1, 2, 1, 2), (2, 3, 1, 2), (2, 3, 2, 2)]:
        assert quoted.cost(*bead) == plain.cost(*bead)
