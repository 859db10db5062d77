"""Names the model glued together into one entity, split before typing.

An agency's long style runs a body's name straight into its officer's: "Chairman of the
Committee of the Senate of Moldova Ion Rusu said" comes back as one ORG, "Austria Klaus Berger"
as one PERSON. The tail is a person when it has a full name's shape and the article uses its
surname for a person elsewhere ("Rusu said"); the head stays what the model said, or a country.

A report's run of names joined by "at" or "after" is read as one name too ("Perpignan at
Lansdowne Road", "the Commons after Mr Brown"), and a date after "on" ("the Commons on
Monday"): split at the word, the date left out.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from . import lexicon as lex
from .actor_cues import full_name_shape
from .gazetteer import Gazetteer
from .spans import Span

__all__ = ["split_glued_people", "split_at_prepositions"]

_TAIL_WORDS = 2  # a first name and a surname: "Ion Rusu"
# Lowercase words no name of one body or person holds between capitalised parts; not "to",
# "in", "on" or "against" ("Campaign to Protect Rural England", "Joint Committee on Human Rights").
_GLUE = re.compile(r"\s(at|after)\s(?=[A-Z])")
_DATE_AFTER = re.compile(r"\s(?:on|in)\s([A-Z][a-z]+)$")  # "Commons on Monday"
_NAME_WORD = re.compile(r"[A-Z][\w.'’&-]*|of|the|and|for|de|&")


def _surnames(spans: Sequence[Span]) -> Counter:
    """Last words of the article's person spans ("Ion Rusu", "Rusu said")."""
    return Counter(s.surface.split()[-1] for s in spans if s.label == "PERSON")


def _head_words(words: list[str]) -> list[str]:
    """The head of a glued span without the titles that end it ("Senate Marshal" -> "Senate")."""
    head = list(words)
    while head and head[-1].lower().rstrip(".") in lex.TITLES:
        head.pop()
    return head


def _may_head(head: list[str], label: str, gazetteer: Gazetteer) -> bool:
    """A country may lead a person's name ("Austria Klaus Berger"); so may an organization's
    name of two words or more, or one of its head nouns ("Office"), but no other single word,
    since "Recep Tayyip Erdogan" and "Mary Ann Smith" are one name."""
    if not head or not head[-1][:1].isupper() or head[-1] in lex.NAME_PARTICLES:
        return False
    if label == "ORG" and (len(head) > 1 or head[0].lower() in lex.ORG_HEAD_NOUNS):
        return True
    if gazetteer.demonym_country(head[-1]):
        return True  # "Spaniard Conchita Martinez"
    found = gazetteer.resolve(" ".join(head))
    return found is not None and found[0].kind == "country"


def _split(span: Span, text: str, gazetteer: Gazetteer, surnames: Counter) -> list[Span] | None:
    words = span.surface.split()
    if len(words) <= _TAIL_WORDS or span.label not in ("ORG", "PERSON"):
        return None
    tail = words[-_TAIL_WORDS:]
    elsewhere = surnames[tail[-1]] - (span.label == "PERSON")  # not the glued span itself
    if (not full_name_shape(" ".join(tail)) or elsewhere < 1 or tail[0].lower() in lex.TITLES
            or any(w.lower() in lex.FUNCTION_WORDS for w in tail)):  # "USA For Africa"
        return None
    head = _head_words(words[:-_TAIL_WORDS])
    if not _may_head(head, span.label, gazetteer):
        return None
    tail_start = span.end - len(" ".join(tail))
    if text[tail_start:span.end] != " ".join(tail):
        return None  # a line break or double space inside: leave the span whole
    head_end = span.start + len(" ".join(head))
    if text[span.start:head_end] != " ".join(head):
        return None
    person = Span(span.sentence, tail_start, span.end, text[tail_start:span.end], "PERSON",
                  words[-_TAIL_WORDS - 1], span.next_word)
    if gazetteer.demonym_country(head[-1]):
        # "Veteran Spaniard Conchita Martinez": the nationality alone is the head's mention.
        start = head_end - len(head[-1])
        before = words[len(head) - 2] if len(head) > 1 else span.prev_word
        return [Span(span.sentence, start, head_end, head[-1], "NORP", before, tail[0]), person]
    head_label = "GPE" if span.label == "PERSON" else span.label
    return [Span(span.sentence, span.start, head_end, text[span.start:head_end], head_label,
                 span.prev_word, words[len(head)]), person]


def split_glued_people(text: str, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """``spans`` with each body (or country) glued to a person's full name split in two, the
    person's surname being used for a person elsewhere in the article."""
    surnames = _surnames(spans)
    out: list[Span] = []
    for span in spans:
        pieces = _split(span, text, gazetteer, surnames)
        out.extend(pieces or [span])
    return out


def _name_words(surface: str) -> bool:
    return bool(surface) and surface[:1].isupper() and all(_NAME_WORD.fullmatch(w) for w in surface.split())


def _sunday_paper(surface: str) -> bool:
    """A Sunday paper's name, whose day is no date ("Mail on Sunday"; ``lexicon.PRESS_SUNDAY_TAIL``)."""
    words = surface.lower().split()
    return words[0] in lex.PRESS_NAME_ENDINGS and tuple(words[1:]) == lex.PRESS_SUNDAY_TAIL


def _split_at(span: Span, text: str) -> list[Span] | None:
    if span.label not in ("ORG", "PERSON"):
        return None
    date = _DATE_AFTER.search(span.surface)
    if date and date.group(1).lower() in {**lex.WEEKDAYS, **lex.MONTH_WORDS} and not _sunday_paper(span.surface):
        left = span.surface[:date.start()]
        if not _name_words(left):
            return None
        return [Span(span.sentence, span.start, span.start + len(left), left, span.label, span.prev_word,
                     date.group()[1:].split()[0])]
    glue = _GLUE.search(span.surface)
    if glue is None:
        return None
    left, right = span.surface[:glue.start()], span.surface[glue.end():]
    words = right.split()
    honorific = len(words) > 1 and words[0].lower().rstrip(".") in lex.HONORIFICS
    if honorific:
        right = right[len(words[0]):].lstrip()
    if not (_name_words(left) and _name_words(right)):
        return None
    # After "at" a place or a venue ("at Lansdowne Road"); after "after" what the model said.
    label = ("FAC" if right.split()[-1].lower() in lex.VENUE_HEADS else "GPE") if glue.group(1) == "at" else span.label
    start = span.end - len(right)
    return [Span(span.sentence, span.start, span.start + len(left), left, span.label, span.prev_word, glue.group(1)),
            Span(span.sentence, start, span.end, text[start:span.end], label,
                 words[0] if honorific else glue.group(1), span.next_word, honorific=honorific)]


def split_at_prepositions(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each run of names joined by "at" or "after" split in two, and a date after
    "on" or "in" cut off (see the module docstring)."""
    out: list[Span] = []
    for span in spans:
        out.extend(_split_at(span, text) or [span])
    return out
