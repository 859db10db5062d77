"""Record types shared by the extraction stages.

Offsets are always character offsets into ``Article.text`` so that
``article.text[start:end] == surface`` holds for every derived row.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["Article", "Sentence"]


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``published`` is timezone-aware UTC or None; ``origin`` is "path:line";
    ``source_country`` is the ISO code of the outlet's country when the input gives it."""

    article_id: str
    text: str
    title: str | None = None
    published: datetime | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    origin: str = ""
    source_country: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A parsed sentence of an article.

    ``span`` is the spaCy ``Span``; its ``Doc`` covers one paragraph that starts at
    ``base`` in the article text, so a token's article offset is ``base + token.idx``.
    ``sentence_id`` counts from 0 within the article. ``ents`` are the model's entities
    within the sentence (``Span``s of the same ``Doc``), read once per paragraph: ``Span.ents``
    walks the whole paragraph each time.
    """

    article_id: str
    sentence_id: int
    start: int
    end: int
    section: str | None
    text: str
    span: Any = field(default=None, compare=False, repr=False)
    base: int = 0
    heading: bool = False  # a heading, dateline or byline line: its own row, and the section
    ents: tuple = field(default=(), compare=False, repr=False)

    def char(self, doc_offset: int) -> int:
        """Article offset of a character offset within the paragraph ``Doc``."""
        return self.base + doc_offset
