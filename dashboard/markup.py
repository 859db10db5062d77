"""Safe HTML for article text: every piece of text is escaped before any tag is added.

Highlights and mention colours are found on the raw text, then the HTML is built by
escaping the plain segments between them and wrapping the escaped matches, so text such
as ``<script>`` always shows as text. Pages pass these strings to ``st.html`` (which also
sanitises, and does not treat ``$`` or ``*`` as Markdown).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pandas as pd


__all__ = ["KIND_COLORS", "esc", "marked_spans", "highlight", "kwic", "sentence_block",
           "annotate_article", "kind_legend", "figure_card", "link", "count"]

KIND_COLORS = {
    "person": "#fde2b3", "organization": "#cfe3ff", "country": "#d5f5d0",
    "place": "#c9f0ee", "group": "#ead7f7",
}
_FOCUS = "background:#fff3a3;outline:2px solid #e0b400;border-radius:3px"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun in the right number: "1 sentence", "2,000 sentences".

    >>> count(1, "sentence"), count(2000, "input problem"), count(0, "match", "matches")
    ('1 sentence', '2,000 input problems', '0 matches')
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def esc(value: object) -> str:
    """Any value as escaped HTML text (None and NaN as empty)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def link(href: str, label: str, *, test_id: str | None = None) -> str:
    """An ``<a>`` opening ``href`` in the same tab (Streamlit opens new tabs by default)."""
    data = f' data-testid="{esc(test_id)}"' if test_id else ""
    return f'<a href="{esc(href)}" target="_self"{data}>{esc(label)}</a>'


def marked_spans(marked: str, open_mark: str = "\x02", close_mark: str = "\x03"
                 ) -> tuple[str, list[tuple[int, int]]]:
    """Text marked by FTS5 ``highlight()`` as (plain text, sorted merged match spans)."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    at, start = 0, None
    for piece in re.split(f"({re.escape(open_mark)}|{re.escape(close_mark)})", marked or ""):
        if piece == open_mark:
            start = at
        elif piece == close_mark:
            if start is not None and at > start:
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(at, spans[-1][1]))
                else:
                    spans.append((start, at))
            start = None
        else:
            plain.append(piece)
            at += len(piece)
    return "".join(plain), spans


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` escaped, with each span wrapped in ``<mark>``."""
    out, at = [], 0
    for start, end in spans:
        out.append(esc(text[at:start]))
        out.append(f"<mark>{esc(text[start:end])}</mark>")
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


def kwic(text: str, spans: Sequence[tuple[int, int]], *, width: int = 50, limit: int = 3) -> list[str]:
    """Keyword-in-context lines: up to ``limit`` matches with ``width`` characters each side."""
    lines = []
    for start, end in spans[:limit]:
        left = text[max(0, start - width):start]
        right = text[end:end + width]
        lines.append(
            f'<span style="color:#666">{"…" if start > width else ""}{esc(left)}</span>'
            f"<mark>{esc(text[start:end])}</mark>"
            f'<span style="color:#666">{esc(right)}{"…" if end + width < len(text) else ""}</span>')
    return lines


def sentence_block(text: str, *, href: str | None = None, meta: str | None = None,
                   spans: Sequence[tuple[int, int]] = (), test_id: str = "evidence") -> str:
    """A quoted sentence (escaped, optionally highlighted) with a metadata line and reader link."""
    parts = [f'<div data-testid="{esc(test_id)}" style="border-left:3px solid #bbb;'
             f'padding:2px 10px;margin:4px 0">',
             f"<div>{highlight(text, spans)}</div>"]
    footer = []
    if meta:
        footer.append(esc(meta))
    if href:
        footer.append(link(href, "open in reader →", test_id="reader-link"))
    if footer:
        parts.append(f'<div style="font-size:0.8em;color:#666">{" · ".join(footer)}</div>')
    parts.append("</div>")
    return "".join(parts)


def figure_card(display: str, label: str, sentence: str, *, href: str, meta: str = "",
                spans: Sequence[tuple[int, int]] = ()) -> str:
    """A key-figure card: the figure large, what it is, and its sentence with a reader link."""
    return (
        '<div data-testid="figure-card" style="border:1px solid #ddd;border-radius:8px;'
        'padding:10px;margin-bottom:8px;height:100%">'
        f'<div style="font-size:1.6em;font-weight:600">{esc(display)}</div>'
        f'<div style="font-size:0.85em;color:#555">{esc(label)}</div>'
        f'{sentence_block(sentence, href=href, meta=meta, spans=spans)}</div>')


def kind_legend() -> str:
    """A one-line legend of the mention colours."""
    chips = "".join(f'<span style="background:{c};padding:1px 6px;margin-right:6px;'
                    f'border-radius:3px">{esc(k)}</span>' for k, c in KIND_COLORS.items())
    return f'<div style="font-size:0.85em">{chips}</div>'


def _text_html(text: str) -> str:
    """Escaped text whose line breaks show as line breaks."""
    return esc(text).replace("\n", "<br>")


def _gap_html(text: str) -> str:
    """Text between sentences: a line of its own (a heading) is shown bold."""
    if "\n" in text and text.strip():
        return f'<div style="font-weight:600;margin-top:0.6em">{_text_html(text.strip())}</div>'
    return _text_html(text)


def annotate_article(text: str, sentences: pd.DataFrame, mentions: pd.DataFrame, *,
                     focus: int | None = None) -> str:
    """The article as HTML: each sentence in ``<span id="s-N">``, each mention coloured by kind.

    ``sentences`` needs sentence_id, start, end; ``mentions`` needs start, end, kind, name
    (article offsets). Overlapping mentions keep the first; ``focus`` marks one sentence.
    """
    out, at = [], 0
    marks = mentions.sort_values(["start", "end"], ascending=[True, False])[
        ["start", "end", "kind", "name"]].itertuples(index=False) if len(mentions) else []
    marks = list(marks)
    m = 0
    spans = sentences.sort_values("start")[["sentence_id", "start", "end"]]
    for sid, s_start, s_end in spans.itertuples(index=False):
        if s_start < at:
            continue  # a malformed overlap: never emit text twice
        out.append(_gap_html(text[at:s_start]))
        style = f' style="{_FOCUS}"' if focus is not None and sid == focus else ""
        out.append(f'<span id="s-{int(sid)}" data-sentence="{int(sid)}"{style}>')
        pos = s_start
        while m < len(marks) and marks[m].start < s_end:
            start, end, kind, name = marks[m]
            m += 1
            if start < pos or end > s_end:
                continue
            color = KIND_COLORS.get(kind, "#eee")
            out.append(_text_html(text[pos:start]))
            out.append(f'<span class="mention" data-kind="{esc(kind)}" title="{esc(name)} ({esc(kind)})" '
                       f'style="background:{color};border-radius:3px;padding:0 2px">'
                       f"{esc(text[start:end])}</span>")
            pos = end
        out.append(_text_html(text[pos:s_end]))
        out.append("</span>")
        at = s_end
    out.append(_gap_html(text[at:]))
    return f'<div data-testid="article-text" style="line-height:1.7">{"".join(out)}</div>'
