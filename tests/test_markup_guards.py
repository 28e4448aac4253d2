"""termcheck.text.markup skips a pattern whose trigger characters are absent: the mask must be
exactly what applying every pattern gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.text import markup

ALPHABET = "ab ل\n\t#>-*+1.)_`~[]()!<>/&;x\"="


def _unguarded(text: str, patterns) -> str:
    for pattern, _ in patterns:
        text = pattern.sub(markup._blank, text)
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_guarded_masks_equal_every_pattern_applied(text):
    assert markup.mask_markdown(text) == _unguarded(text, markup._MARKDOWN_PATTERNS)
    assert markup.mask_html(text) == _unguarded(text, markup._HTML_PATTERNS)


def test_markup_is_blanked_and_lengths_kept():
    text = "# Title\n**al-Sadr** said [so](http://x.y) <b>now</b> &amp; `code`\n"
    masked = markup.mask_markdown(text)
    assert len(masked) == len(text)
    assert masked == "  Title\n  al-Sadr   said  so                 now     &amp;  code \n"
