"""Split article text into sections and paragraphs, then into parsed sentences.

A heading line (a title, a dateline, a byline, any short line without final punctuation)
becomes the ``section`` of the sentences under it and is never part of one; it is also a
sentence row of its own, marked ``heading``, so the names, dates and figures in it are
extracted with evidence. Each paragraph and each heading is parsed as its own spaCy ``Doc``
so that no sentence can run across a heading or a blank line.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from . import lexicon as lex
from .nlp import SKIPPED_IN_PARSE
from .records import Article, Sentence

__all__ = ["Block", "split_blocks", "parse_articles", "parse_article", "model_text",
           "article_acronyms"]

_FINAL_PUNCT = tuple(".!?:;,\"'”’)]…-–—")
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 100
# Parser memory grows with the text handed to it at once: a "paragraph" longer than this (the
# longest in 2,792 real articles is 7,524) is a dump, not prose, and is cut into pieces.
MAX_PARAGRAPH_CHARS = 10_000
# An article longer than this (the longest real one is 26,754) is parsed and extracted window by
# window, each window's parses let go before the next, so memory does not grow with the article.
WINDOW_CHARS = 50_000
# The parser's working memory grows with the characters of one batch: batches are cut here
# as well as at ``batch_size`` paragraphs (news paragraphs average ~300 characters, so this
# binds only on unusual text).
BATCH_CHARS = 40_000
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_ACRONYM_WORD = re.compile(r"\b[A-Z][A-Z&]{1,5}\b")
_VOWELS = frozenset("AEIOU")
_SHOUTED_NAME = re.compile(r"\b(?:" + "|".join(n.upper().replace(" ", r"\s+") for n in sorted(lex.SHOUTED_NAMES)) + r")\b")
# A capitalised word that does not start a sentence ("said Putin"): the word is a name.
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]+)")
# A wire slug or dateline in capitals at the start of an ordinary line, before a dash or bracket.
_SLUG = re.compile(r"^\s*[A-Z][A-Z'’.]+(?:,?\s[A-Z][A-Z'’.]+)*(?=\s*(?:\(|[-–—]\s))")
# A line is read as shouting when this share of its letters (at least 3) are capitals.
SHOUTING_SHARE = 0.9
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on",
                "or", "the", "to", "vs", "with", "over", "amid", "after", "before"}


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or a paragraph: ``text[start:end]``, trimmed of surrounding whitespace."""

    start: int
    end: int
    heading: bool


def _looks_like_heading(line: str) -> bool:
    """A short title-like line without final punctuation."""
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or len(line) > _MAX_HEADING_CHARS:
        return False
    if line.endswith(_FINAL_PUNCT) or not (line[0].isupper() or line[0].isdigit()):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    # Short labels ("Conclusion", "What happens next") pass; longer lines must be title-cased.
    return len(words) <= 4 or capitalised >= 0.6 * max(len(content), 1)


def split_blocks(text: str) -> list[Block]:
    """Headings and paragraphs of ``text`` with their offsets.

    A paragraph is a run of non-blank lines; a line ending in sentence punctuation
    closes it, so one-paragraph-per-line text and hard-wrapped text both work.
    """
    lines, offset = [], 0
    for line in text.split("\n"):  # blank lines too: they end a paragraph
        lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    blocks: list[Block] = []
    para_start: int | None = None
    para_end = 0
    nonblank = [(s, e) for s, e in lines if text[s:e].strip()]
    last_line = nonblank[-1] if nonblank else None

    def close() -> None:
        nonlocal para_start
        if para_start is not None:
            blocks.append(Block(para_start, para_end, False))
            para_start = None

    for s, e in lines:
        raw = text[s:e]
        stripped = raw.strip()
        if not stripped:
            close()
            continue
        s += len(raw) - len(raw.lstrip())
        e = s + len(stripped)
        if para_start is None and (s, e) != last_line and _looks_like_heading(stripped):
            blocks.append(Block(s, e, True))
            continue
        if para_start is None:
            para_start = s
        para_end = e
        if stripped.endswith(_FINAL_PUNCT):
            close()
    close()
    return [piece for block in blocks for piece in _split_long(text, block)]


def _shouting(line: str) -> bool:
    letters = list(filter(str.isalpha, line))
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= SHOUTING_SHARE * len(letters)


def _shouted_names(line: str, recased: str) -> str:
    """``recased`` (an all-caps ``line`` as recased) with the names of ``lex.SHOUTED_NAMES``
    in title case wherever ``line`` has them."""
    for m in _SHOUTED_NAME.finditer(line):
        recased = recased[:m.start()] + m.group().title() + recased[m.end():]
    return recased


def article_acronyms(text: str) -> frozenset[str]:
    """Words the article writes in capitals inside ordinary lines ("CNN", "NATO")."""
    return frozenset(word for line in text.splitlines() if not _shouting(line)
                     for word in _ACRONYM_WORD.findall(line))


def article_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(names, common words) of the article's ordinary lines, lowercased: the words it
    capitalises inside a sentence or never writes in lowercase ("putin", "kyiv"), and the
    words it writes in lowercase ("shift", "strikes")."""
    lines = [line for line in text.splitlines()
             if not _shouting(line) and not _looks_like_heading(line.strip())]
    inner = {m.group(1).lower() for line in lines for m in _INNER_CAPITAL.finditer(line)}
    capitalised, lower = set(), set()
    for line in lines:
        for word in _WORD.findall(line):
            if word[0].isupper():
                capitalised.add(word.lower())
            elif word.islower():
                lower.add(word)
    return frozenset(inner | (capitalised - lower)), frozenset(lower - inner)


def article_names(text: str) -> frozenset[str]:
    """The names of :func:`article_words`."""
    return article_words(text)[0]


def model_text(text: str, acronyms: frozenset[str] = frozenset(),
               names: frozenset[str] | None = None, *, heading: bool = False,
               common: frozenset[str] = frozenset()) -> str:
    """``text`` as the model should read it: all-caps lines ("PUTIN WARNS WEST", "REUTERS")
    recased, every other line as is. The result has the same length, so offsets into it are
    offsets into ``text``.

    A capitalised word stays in capitals when the article writes it so elsewhere (``acronyms``),
    when it has no vowel ("CNN", "BBC") or when it has two letters and is no function word
    ("US", "EU"). Other words are capitalised when the article capitalises them in its
    sentences (``names``), else lowercased ("Putin warns west"); without ``names`` every word
    but function words is capitalised. In a title-case ``heading`` a capitalised word the
    article writes in lowercase elsewhere (``common``) is lowercased ("Strategic Shift in
    Kyiv" -> "Strategic shift in Kyiv"); other words keep their case.
    """
    if not any(ch.isupper() for ch in text):
        return text
    lines = text.split("\n")
    if not heading and not any(_shouting(line) or _SLUG.match(line) for line in lines):
        return text

    def recase(match: re.Match, line_start: int) -> str:
        word = match.group()
        if word in ("V", "VS") and match.start() > line_start:
            return word.lower()  # "PAKISTAN V ENGLAND": "versus", no initial
        letters = word.replace("'", "").replace("’", "")
        if (word in acronyms or not _VOWELS.intersection(letters)
                or (len(letters) == 2 and letters.lower() not in lex.FUNCTION_WORDS)):
            return word
        if match.start() > line_start and (word.lower() in lex.FUNCTION_WORDS or (
                names is not None and word.lower() not in names)):
            return word.lower()
        return word[0] + word[1:].lower() if word.isupper() else word

    def recase_title(match: re.Match, line_start: int) -> str:
        word = match.group()
        if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
            return word
        lower = word.lower()
        if match.start() > line_start and (lower in lex.FUNCTION_WORDS or (
                lower in common and not (names and lower in names))):
            return lower
        return word

    out = []
    for line in lines:
        if _shouting(line) or heading:
            first = _WORD.search(line)
            start = first.start() if first else 0
            recased = _WORD.sub(lambda m: (recase if _shouting(line) else recase_title)(m, start), line)
            line = _shouted_names(line, recased) if _shouting(line) else recased
        else:
            slug = _SLUG.match(line)  # "TENNIS - Nadal won", "KYIV (Reuters) -"
            if slug:
                head = _WORD.sub(lambda m: recase(m, 0), slug.group())
                line = head + line[slug.end():]
        out.append(line)
    return "\n".join(out)


def _split_long(text: str, block: Block) -> list[Block]:
    """Cut an over-long paragraph into pieces, after a sentence's full stop where there is one
    in the second half of the piece, else at whitespace."""
    if block.end - block.start <= MAX_PARAGRAPH_CHARS:
        return [block]
    pieces, start = [], block.start
    while block.end - start > MAX_PARAGRAPH_CHARS:
        limit = start + MAX_PARAGRAPH_CHARS
        stop = text.rfind(". ", start + MAX_PARAGRAPH_CHARS // 2, limit - 1)
        cut = stop + 1 if stop > start else text.rfind(" ", start, limit)
        cut = cut if cut > start else start + MAX_PARAGRAPH_CHARS
        pieces.append(Block(start, cut, False))
        start = cut + 1 if text[cut:cut + 1] == " " else cut
    pieces.append(Block(start, block.end, False))
    return pieces


def _windows(article: Article, window_chars: int | None
             ) -> list[list[tuple[Block, str | None]]]:
    """The article's paragraphs with their sections, grouped into windows of about
    ``window_chars`` characters (one window when None). An article without paragraphs has
    one empty window, so that it is still yielded."""
    windows: list[list[tuple[Block, str | None]]] = [[]]
    size, section = 0, None
    for block in split_blocks(article.text):
        if block.heading:
            section = article.text[block.start:block.end]  # its own section, and of what follows
        if window_chars and size and size + block.end - block.start > window_chars:
            windows.append([])
            size = 0
        windows[-1].append((block, section))
        size += block.end - block.start
    return windows


def _pipe(nlp: Language, items: Iterable[tuple[str, object]], batch_size: int
          ) -> Iterator[tuple[object, object]]:
    """``nlp.pipe(items, as_tuples=True)`` in batches of at most ``batch_size`` texts and
    :data:`BATCH_CHARS` characters, so that a run of long paragraphs is not parsed at once."""
    batch: list[tuple[str, object]] = []
    size = 0
    skipped = [name for name in SKIPPED_IN_PARSE if name in nlp.pipe_names]
    for text, context in items:
        if batch and (len(batch) >= batch_size or size + len(text) > BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=skipped)
            batch, size = [], 0
        batch.append((text, context))
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=skipped)


def parse_articles(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 64,
    window_chars: int | None = None,
) -> Iterator[tuple[Article, list[Sentence]]]:
    """Parse every paragraph of every article with one ``nlp.pipe`` stream.

    Yields each article with its sentences, in input order. With ``window_chars``, a longer
    article is yielded as several consecutive windows whose sentence ids continue, so a
    caller can extract from each window and let its parses go.
    """
    # unit = one window of one article: (article, paragraphs left, parsed pieces, article index)
    pending: dict[int, list] = {}
    order: list[int] = []
    sentence_count: dict[int, int] = {}

    def paragraphs() -> Iterator[tuple[str, tuple[int, int, str | None]]]:
        unit = 0
        for index, article in enumerate(articles):
            sentence_count[index] = 0
            acronyms: frozenset[str] | None = None
            names: frozenset[str] | None = None
            common: frozenset[str] = frozenset()
            for window in _windows(article, window_chars):
                pending[unit] = [article, len(window), [], index]
                order.append(unit)
                for block, section in window:
                    text = article.text[block.start:block.end]
                    if block.heading or any(_shouting(line) for line in text.split("\n")):
                        if acronyms is None:
                            acronyms = article_acronyms(article.text)
                            names, common = article_words(article.text)
                        text = model_text(text, acronyms, names, heading=block.heading, common=common)
                    yield text, (unit, block.start, section, block.heading)
                unit += 1

    def flush() -> Iterator[tuple[Article, list[Sentence]]]:
        while order and pending[order[0]][1] == 0:
            article, _, pieces, index = pending.pop(order.pop(0))
            first = sentence_count[index]
            sentence_count[index] += len(pieces)
            yield article, [Sentence(article.article_id, first + i, start, start + len(text),
                                     section, text, span, base, heading, ents)
                            for i, (start, section, text, span, base, heading, ents) in enumerate(pieces)]

    for doc, (unit, base, section, heading) in _pipe(nlp, paragraphs(), batch_size):
        yield from flush()  # articles with no paragraphs at all
        entry = pending[unit]
        ents = doc.ents
        for span in [doc[:]] if heading else doc.sents:  # a heading is one row
            # The article's own text: the model may have read a recased copy (model_text, same
            # offsets); and Span.text would build a Token for every word.
            raw = entry[0].text[base + span.start_char:base + span.end_char]
            text = raw.strip()
            if not text:
                continue
            start = base + span.start_char + len(raw) - len(raw.lstrip())
            entry[2].append((start, section, text, span, base, heading,
                             tuple(e for e in ents if e.start >= span.start and e.end <= span.end)))
        entry[1] -= 1
        yield from flush()
    yield from flush()


def parse_article(article: Article, nlp: Language) -> list[Sentence]:
    """Sentences of one article (convenience for tests and small inputs)."""
    return next(parse_articles([article], nlp))[1]
