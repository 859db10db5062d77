"""Lists of names: team sheets ("Ireland: Murphy, Horgan, D'Arcy (Hickie 60), ...") and the like.

A sentence is a list of names when, after an optional label and a colon, it holds
at least :data:`NAME_LIST_ITEMS` comma-separated items, nearly all of them one to three
capitalised words. Each item, and each name in a substitution's brackets ("Hickie 60"), is found
with its offsets into the sentence, so that mentions keep their evidence.
"""
from __future__ import annotations

import re

from . import lexicon as lex

__all__ = ["NAME_LIST_ITEMS", "name_list_items"]

NAME_LIST_ITEMS = 6  # items a list of names has at least
NAMED_SHARE = 0.8  # of its items shaped like names
_WORD = r"[A-Z][\w'’.-]*"
_PARTICLES = "|".join(sorted(lex.NAME_PARTICLES))
# One to three capitalised words, maybe with particles between them ("R de Marigny").
_NAME = re.compile(rf"{_WORD}(?: (?:(?:{_PARTICLES}) )*{_WORD}){{0,2}}")
_ITEM = re.compile(r"[^,;]+")
_BRACKETS = re.compile(r"\(([^)]*)\)")
# A substitute and the minute he came on: "(Hickie 60)"; not a club ("Coyne (Burnley)").
_SUBSTITUTE = re.compile(rf"({_NAME.pattern}) \d{{1,3}}\b")


def name_list_items(text: str) -> list[tuple[int, int]]:
    """Offsets of the names in ``text`` when it is a list of names, else ``[]``.

    >>> s = "Wales: Jones, Smith (Evans 70), Williams, Davies, Morgan, Price."
    >>> [s[a:b] for a, b in name_list_items(s)]
    ['Jones', 'Smith', 'Evans', 'Williams', 'Davies', 'Morgan', 'Price']
    >>> name_list_items("They met in Paris, Rome, and Madrid.")
    []
    """
    if text.count(",") + text.count(";") < NAME_LIST_ITEMS - 1:
        return []
    # After a label ("Replacements:", or a quote glued before "Everton:") ending before the first item.
    colon = text.rfind(":", 0, text.find(","))
    body = colon + 1 if colon >= 0 else 0
    items, names, shaped = 0, [], 0
    for item in _ITEM.finditer(text, body):
        outer = _BRACKETS.sub(lambda m: " " * len(m.group(0)), item.group(0))  # offsets kept
        name = outer.strip().rstrip(".").rstrip()
        if not name:
            continue
        start = item.start() + outer.index(name)
        end = start + len(name)
        items += 1
        if _NAME.fullmatch(text, start, end):
            shaped += 1
            names.append((start, end))
        for bracket in _BRACKETS.finditer(item.group(0)):
            inner = _SUBSTITUTE.match(bracket.group(1))
            if inner:
                at = item.start() + bracket.start(1)
                names.append((at + inner.start(1), at + inner.end(1)))
    if items < NAME_LIST_ITEMS or shaped < NAMED_SHARE * items:
        return []
    return sorted(names)
