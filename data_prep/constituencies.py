"""Constituencies and wards: names the words around them make electoral areas.

"the MP for Bethnal Green and Bow", "the Hartlepool seat", "a by-election in St Dunstan's and
Stepney Green ward": the model often tags such names as organizations or persons, or splits a
name joined by "and" into two. :func:`electoral_areas` finds them from the offsets of the
sentence's spans, so ``mentions`` can type them as places (and check them against the
gazetteer). The cue words live in ``lexicon`` (``ELECTORAL_AREA_NOUNS``, ``MEMBER_TITLES``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon as lex

__all__ = ["ElectoralArea", "compass_seat_town", "electoral_areas"]


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TITLES = _alternatives(lex.MEMBER_TITLES)
_NOUNS = _alternatives(lex.ELECTORAL_AREA_NOUNS)
_PLURALS = _alternatives(lex.ELECTORAL_AREA_PLURALS)
# Titles are matched as written ("MP", not "mp"); the nouns in any case. Candidates, one or
# many, stand for one seat: "candidates for X and Y" is one area.
_ONE_BEFORE = re.compile(rf"(?:\b(?:{_TITLES}) for|\b(?i:candidates?) (?:for|in)|\b(?i:{_NOUNS}) (?:of|in)"
                         rf"|\b(?i:{_NOUNS}),)\s+(?:the\s+)?$")
_MANY_BEFORE = re.compile(rf"(?:\b(?:{_TITLES})s for|\b(?i:{_PLURALS}) (?:of|in))\s+(?:the\s+)?$")
_ONE_AFTER = re.compile(rf"\s+(?:(?i:{_NOUNS})|{_TITLES})\b")
_MANY_AFTER = re.compile(rf"\s+(?:(?i:{_PLURALS})|(?:{_TITLES})s)\b")
# The compass word that ends a seat named after its town ("Bolton West", "Edinburgh North").
_COMPASS = re.compile(r"(?:North|South)(?:[- ]?(?:East|West))?|East|West|Central")
_COMPASS_SEAT = re.compile(rf"(?P<town>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:{_COMPASS.pattern})")
_TRAILING_TITLE = re.compile(rf"\s+(?:{_TITLES})$")  # "Glasgow Kelvin MP" as one untagged run
_JOIN = re.compile(r"(?:['’]s)?\s+(?:and|&)\s+")  # "St Dunstan's and Stepney Green"
_LIST = re.compile(r",?\s+(?:and|or|&)\s+|,\s+")  # "the seats of Hull, Leeds and York": each one


@dataclass(frozen=True, slots=True)
class ElectoralArea:
    """A name cued as a constituency or ward: article offsets and the indices of the input
    spans it covers (two for a name joined by "and")."""

    start: int
    end: int
    covers: tuple[int, ...]
    title_after: bool  # cued only by a member's title after it ("the X MP"), the weakest cue


def electoral_areas(text: str, spans: Sequence[tuple[int, int, int]]) -> list[ElectoralArea]:
    """Electoral areas among ``spans`` ((start, end, sentence start) in text order): a name after
    "MP for" or "the constituency of", or before "seat", "ward" or "MP"; two names joined by
    "and" are one area when a singular cue frames the pair ("the MP for X and Y")."""
    found: list[ElectoralArea] = []
    skip = listing = -1
    for i, (start, end, first) in enumerate(spans):
        if i <= skip:
            continue
        trimmed = _TRAILING_TITLE.search(text, start, end)
        if trimmed and trimmed.start() > start:
            if (i > 0 and spans[i - 1][2] == first and text[spans[i - 1][1]:start] == " "
                    and _COMPASS.fullmatch(text, start, trimmed.start())):
                # "Bolton West MP" split into a person "Bolton" and "West MP": one seat
                found.append(ElectoralArea(spans[i - 1][0], trimmed.start(), (i - 1, i), True))
            else:
                found.append(ElectoralArea(start, trimmed.start(), (i,), True))
            continue
        before = text[first:start]
        if i + 1 < len(spans) and spans[i + 1][2] == first and _JOIN.fullmatch(text, end, spans[i + 1][0]):
            later = spans[i + 1][1]
            after = _ONE_AFTER.match(text, later)
            if _ONE_BEFORE.search(before) or after:
                found.append(ElectoralArea(start, later, (i, i + 1), bool(after) and _titled(after)))
                skip = i + 1
                continue
        after = _ONE_AFTER.match(text, end) or _MANY_AFTER.match(text, end)
        many = bool(_MANY_BEFORE.search(before)) or (  # the next of "the seats of X, Y and Z"
            listing == i - 1 and spans[i - 1][2] == first and bool(_LIST.fullmatch(text, spans[i - 1][1], start)))
        if _ONE_BEFORE.search(before) or many or after:
            found.append(ElectoralArea(start, end, (i,), bool(after) and _titled(after)))
            listing = i if many else -1
    return found


def compass_seat_town(name: str) -> str | None:
    """The town of a seat named "<town> <compass word>" ("Bolton" of "Bolton West"), else None."""
    found = _COMPASS_SEAT.fullmatch(name)
    return found.group("town") if found else None


def _titled(after: re.Match) -> bool:
    return after.group().strip().rstrip("s") in lex.MEMBER_TITLES
