"""Escaped HTML: search highlights, keyword-in-context lines and the annotated article."""
from __future__ import annotations

import html as html_lib
import re

import pandas as pd
import pytest

from dashboard import markup
from tests.dashboard_data import XSS_IMG, XSS_SCRIPT

HOSTILE = f"Kyiv said {XSS_SCRIPT} and {XSS_IMG} & more <b>missiles</b>."


def assert_inert(html: str, *, highlighted: bool = False) -> None:
    """No tag from the text survives: only escaped forms."""
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    if not highlighted:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_highlight_escapes_text_and_marks_matches():
    spans = [(m.start(), m.end()) for m in re.finditer("missiles|script", HOSTILE)]
    html = markup.highlight(HOSTILE, spans)
    assert_inert(html, highlighted=True)
    assert "<mark>missiles</mark>" in html
    assert "&lt;<mark>script</mark>&gt;" in html


@pytest.mark.parametrize("marked, text, spans", [
    ("a & b \x02amp\x03", "a & b amp", [(6, 9)]),
    ("\x02air\x03 \x02defence\x03 now", "air defence now", [(0, 3), (4, 11)]),
    ("\x02air\x03\x02 defence\x03", "air defence", [(0, 11)]),  # adjacent marks merge
    ("nothing", "nothing", []),
    ("", "", []),
])
def test_marked_spans_read_fts5_highlights(marked, text, spans):
    assert markup.marked_spans(marked) == (text, spans)


def test_kwic_lines_are_escaped_and_cut_to_width():
    text = "x" * 100 + " missiles " + XSS_SCRIPT + "y" * 100
    start = text.index("missiles")
    lines = markup.kwic(text, [(start, start + len("missiles"))], width=30)
    assert len(lines) == 1
    assert "<mark>missiles</mark>" in lines[0] and "…" in lines[0]
    assert "&lt;script&gt;" in lines[0] and "<script" not in lines[0]


def test_sentence_block_escapes_text_meta_and_link():
    html = markup.sentence_block(HOSTILE, href='text?article="x"', meta=XSS_IMG)
    assert_inert(html)
    assert 'href="text?article=&quot;x&quot;"' in html and 'target="_self"' in html


def test_figure_card_escapes_everything():
    html = markup.figure_card(XSS_SCRIPT, XSS_IMG, HOSTILE, href="text?article=a3", meta="m")
    assert_inert(html)
    assert html.count("&lt;script&gt;") == 2


@pytest.fixture()
def article():
    """A two-sentence article with a heading line, hostile text and three mentions."""
    text = f"Heading <i>\nKyiv said {XSS_SCRIPT}. Biden spoke in Kyiv {XSS_IMG}."
    first = text.index("Kyiv")
    second_start = text.index("Biden")
    sentences = pd.DataFrame({"sentence_id": [0, 1], "start": [first, second_start],
                              "end": [second_start - 1, len(text)]})
    mentions = pd.DataFrame({
        "start": [first, second_start, text.rindex("Kyiv")],
        "end": [first + 4, second_start + 5, text.rindex("Kyiv") + 4],
        "kind": ["place", "person", "place"], "name": ["Kyiv", "Joe <Biden>", "Kyiv"]})
    return text, sentences, mentions


def test_annotate_article_colours_mentions_and_escapes(article):
    text, sentences, mentions = article
    html = markup.annotate_article(text, sentences, mentions, focus=1)
    assert_inert(html)
    assert "<i>" not in html
    assert '<div style="font-weight:600;margin-top:0.6em">Heading &lt;i&gt;</div>' in html  # a heading line
    assert html.count('class="mention"') == 3
    assert 'data-kind="person" title="Joe &lt;Biden&gt; (person)"' in html
    assert 'id="s-0"' in html and 'id="s-1"' in html
    assert html.index('id="s-1"') < html.index("outline")  # the focus style is on sentence 1


def test_annotate_article_keeps_every_character_once(article):
    text, sentences, mentions = article
    overlapping = pd.concat([mentions, mentions.assign(end=mentions["end"] + 2)])
    html = markup.annotate_article(text, sentences, overlapping)
    plain = html_lib.unescape(re.sub(r"<[^>]+>", "", html.replace("</div>", " ")))
    assert plain.split() == text.split()


@pytest.mark.parametrize("n, noun, plural, expected", [
    (1, "sentence", None, "1 sentence"),
    (0, "sentence", None, "0 sentences"),
    (12345, "ranked row", None, "12,345 ranked rows"),
    (2, "match", "matches", "2 matches"),
])
def test_count_puts_the_noun_in_the_right_number(n, noun, plural, expected):
    assert markup.count(n, noun, plural) == expected
