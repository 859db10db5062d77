"""Result and standings rows of sports reports: the names in them are teams.

Wire sports reports list results ("Arsenal 2 West Ham 0", "Leeds 1-1 Derby") and standings
("Chelsea 2 2 0 0 5 1 6") one row a line, which the model reads poorly: it leaves most names
untagged, or takes a town for a place. :func:`result_row_names` finds the names of such rows
(an article needs two rows at least, so one line with numbers makes no table); ``mentions``
types them as clubs, or as countries for national sides.
"""
from __future__ import annotations

import re

__all__ = ["result_row_names"]

MIN_ROWS = 2  # rows an article needs for its lines to count as a table

_WORD = r"[A-Z][\w.'’&-]*"
_NAME = rf"{_WORD}(?: (?:{_WORD}|de|del|la|of|van|von|am))*"
_SCORE = r"\d{1,3}"
_ROWS = [
    re.compile(rf"^[ \t]*(?P<a>{_NAME}) {_SCORE}[ \t]+(?P<b>{_NAME}) {_SCORE}\b"),  # Arsenal 2 West Ham 0
    re.compile(rf"^[ \t]*(?P<a>{_NAME}) {_SCORE} ?[-–] ?{_SCORE} (?P<b>{_NAME})\b"),  # Leeds 1-1 Derby
    re.compile(rf"^[ \t]*(?P<a>{_NAME})(?:[ \t]+{_SCORE}){{4,}}[ \t]*$"),  # Chelsea 2 2 0 0 5 1 6
]


def result_row_names(text: str) -> list[tuple[int, int]]:
    """Article offsets of the team names in ``text``'s result and standings rows, in text order;
    none when fewer than :data:`MIN_ROWS` lines are such rows."""
    found: list[list[tuple[int, int]]] = []
    offset = 0
    for line in text.split("\n"):
        for row in _ROWS:
            match = row.match(line)
            if match:
                found.append([(offset + match.start(g), offset + match.end(g))
                              for g in ("a", "b") if g in match.groupdict() and match.group(g)])
                break
        offset += len(line) + 1
    return [name for row in found for name in row] if len(found) >= MIN_ROWS else []
