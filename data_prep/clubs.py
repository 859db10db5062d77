"""Clubs and companies named like towns: which names of an article stand for a club or a firm.

A name shaped like a club ("AC Milan", "Leeds United"), a town the words around it make a club
("X beat Y", "drew with X", "the X side"; in a sports report "against X", "joined X", "X centre
Tom Hale", "X's 30-3 win", the clubs in a team sheet's brackets) gets the pseudo label ``CLUB``
for the whole article, except after a place's preposition ("in X") and for a person's surname;
a short form ("United" of one "Leeds United") is that club. A town opening a company's name of
the article ("Henley & Partners") stands for the company when written alone, as does a
nationality opening one ("American" of "American Airlines") used as a noun. The words are in
:mod:`data_prep.lexicon` (``CLUB_*``, ``PLAYER_POSITIONS``, ``SPORT_WORDS``...).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from . import lexicon as lex
from .actor_cues import club_cue, club_name
from .gazetteer import REGION_SOURCES, Gazetteer, normalize
from .spans import CLUB, TOKEN

if TYPE_CHECKING:
    from .spans import Span

__all__ = ["mark_clubs", "mark_company_short_forms", "mark_nationality_short_forms"]

BIG_TOWN = 50_000  # people: a one-word "person" must be this big a town to be its club

_NOT_CLUB_BEFORE = lex.LOCATIVES - {"on"}  # "in Barcelona" is the city; "pressure on X" is the club
_PLACE_BEFORE = _NOT_CLUB_BEFORE | {"of", "#"}  # "north of X City", "#X City"


def mark_clubs(text: str, spans: list[Span], gazetteer: Gazetteer, sport: bool = False,
               teams: frozenset[str] = frozenset()) -> None:
    """Relabel as clubs the names shaped like one ("AC Milan") and the towns the words around
    them make a club ("X beat Y", "drew with X", "the X side", and in a sports report "against
    X", "joined X"); the reading holds for the
    article's other mentions of the name, except after a place's preposition ("in X"), and
    for its short form ("United" of one "Leeds United": that club). ``teams`` are clubs already
    (the names of result rows)."""
    clubs = set(teams)
    labels = ("GPE", "ORG", "PERSON", "FAC", TOKEN)
    # A person's surname is no club ("Lawrence Dallaglio" ... "Dallaglio's role as captain",
    # "Graham Phillips" ... "Phillips, an away fan"), nor in a shouted line ("TENNIS - HEWITT BEATS").
    surnames = {s.surface.split()[-1].casefold() for s in spans if s.label == "PERSON" and " " in s.surface}
    for span in spans:
        if span.label not in labels or gazetteer.demonym_country(span.surface) or span.surface.casefold() in surnames:
            continue  # "their Welsh striker": a nationality, not a club
        if club_name(span.surface):
            if span.label in ("GPE", "FAC", TOKEN) and span.surface.lower().endswith(" city") and (
                    span.prev_word.lower() in _PLACE_BEFORE or span.next_word.lower() in lex.REGION_WORDS):
                continue  # "in X City", "the X City region": the city
            found = gazetteer.resolve(span.surface) if span.label in ("GPE", "FAC", TOKEN) else None
            if not (found and normalize(found[0].name) == normalize(span.surface)):
                clubs.add(span.surface)  # not "Mexico City", "Kansas City"
            continue
        if span.label == "ORG":
            # A "person" made an organization by the cues keeps to the strict ones ("playing for X");
            # a country or region is no club ("his Wales career").
            if club_cue(text, span, strict=span.model_label == "PERSON"):
                found = gazetteer.resolve(span.surface)
                if not (found and (found[0].kind == "country" or found[0].source in (*REGION_SOURCES, "alias"))):
                    clubs.add(span.surface)
            continue
        if span.label == "PERSON" and " " in span.surface:
            continue  # a full name: "Federer beat Rafael Nadal"
        # A town (a one-word "person" too: "Valencia beat" tagged PERSON); a capital's name
        # stands for its government as often ("Moscow beat back").
        if club_cue(text, span):
            found = gazetteer.resolve(span.surface)
            # A one-word "person" must be a big town to be its club ("star X scored" is a singer).
            if found and found[0].source == "city" and not found[0].capital and (
                    span.label != "PERSON" or found[0].population >= BIG_TOWN):
                clubs.add(span.surface)
    cued: set[int] = set()  # spans whose own words make them the club, whatever the preposition
    if clubs or sport:
        # In a sports report a town after "against", "with", "joined" is the club ("his debut
        # against Portsmouth"); one the model took for a person must be a big one, as above.
        for span in spans:
            if (span.label in labels and span.surface not in clubs and span.surface.casefold() not in surnames
                    and span.prev_word.lower() in lex.CLUB_WORDS_IN_SPORT):
                found = gazetteer.resolve(span.surface)
                if found and found[0].source == "city" and not found[0].capital and (
                        span.label != "PERSON" or found[0].population >= BIG_TOWN):
                    clubs.add(span.surface)
    if sport:
        for span in _team_sheet_clubs(text, spans, gazetteer):
            clubs.add(span.surface)
            cued.add(id(span))
        for span in spans:
            if (span.label in labels and span.surface.casefold() not in surnames and _team_words_after(text, span)
                    and _town_or_unknown(span, gazetteer)):
                clubs.add(span.surface)
                cued.add(id(span))
    # A club's name without its city ("United" of "Leeds United"), when one club of the article
    # ends so.
    endings: dict[str, set[str]] = defaultdict(set)
    for name in clubs:
        words = name.split()
        if len(words) > 1 and words[-1].lower() in lex.CLUB_NAME_SUFFIXES:
            endings[words[-1]].add(name)
        if len(words) > 1 and words[0].lower() in lex.CLUB_NAME_PREFIXES - {"ac", "fc", "afc"}:
            endings[words[0]].add(name)  # "Real" of "Real Madrid", "Inter" of "Inter Milan"
    short = {word: next(iter(names)) for word, names in endings.items() if len(names) == 1}
    for span in spans if clubs else ():
        if span.label in labels and span.surface in short and span.prev_word.lower() != "the":
            span.club = short[span.surface]
        elif not (span.surface in clubs and span.label in labels and (
                club_name(span.surface) or span.prev_word.lower() not in _NOT_CLUB_BEFORE or id(span) in cued)):
            continue
        span.model_label = span.model_label or span.label
        span.label = CLUB


_POSITION_AFTER = re.compile(r"\s+(?:(?:" + "|".join(sorted(lex.POSITION_MODIFIERS)) + r")\s+)?([a-z-]+)\s+[A-Z][a-z]")  # "X centre Tom", "X loosehead prop Tom"
_POSSESSION_AFTER = re.compile(r"['’]s?((?:\s+[\w-]+){1,3})")  # "X's record 30-3 win"


def _team_words_after(text: str, span: Span) -> bool:
    """In a sports report: a player's position and name after the name ("X centre Tom Hale"),
    or a result or a part of the team within three words of its possessive ("X's 30-3 win",
    "X's starting line-up"): see ``lexicon.PLAYER_POSITIONS`` and ``CLUB_POSSESSIONS``."""
    after = text[span.end:span.end + 60]
    position = _POSITION_AFTER.match(after)
    if position and position.group(1) in lex.PLAYER_POSITIONS:
        return True
    owned = _POSSESSION_AFTER.match(after)
    return owned is not None and any(w.lower() in lex.CLUB_POSSESSIONS for w in owned.group(1).split())


_PLAYER_BEFORE = re.compile(r"[A-Z][\w'’-]+,?\s*\($")  # "S Best (", "B O'Driscoll, ("


def _team_sheet_clubs(text: str, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """The names in brackets after players' names in a sports report's team sheet ("S Best
    (Ulster), A Foley (Munster)"), when most of them are towns, regions or unknown names: clubs,
    even one an alias makes a province. A sheet of nations ("(England)", "(Wales)") gives none."""
    bracketed = [s for s in spans if s.label in ("GPE", "LOC", "ORG", "PERSON", "FAC", TOKEN)
                 and text[s.end:s.end + 1] == ")" and _PLAYER_BEFORE.search(text, max(0, s.start - 40), s.start)]
    if len(bracketed) < 3:
        return []
    kinds = [gazetteer.resolve(s.surface) for s in bracketed]
    clubbish = [s for s, found in zip(bracketed, kinds) if not gazetteer.demonym_country(s.surface) and (
        found is None or (found[0].kind != "country" and found[0].source != "alias"))]
    if 2 * len(clubbish) < len(bracketed):
        return []
    return [s for s, found in zip(bracketed, kinds)
            if not gazetteer.demonym_country(s.surface) and not (found and found[0].kind == "country")]


def _town_or_unknown(span: Span, gazetteer: Gazetteer) -> bool:
    """A town that is no capital ("Gloucester"), or a name no gazetteer knows ("Sale Sharks");
    never a country, region or capital ("England coach X", "Wales' win")."""
    if gazetteer.demonym_country(span.surface) or (span.label == "PERSON" and " " in span.surface
                                                   and not span.surface.endswith("s")):
        return False  # "Duncan Bell prop": a full name is a person; "Sale Sharks" a plural club name
    found = gazetteer.resolve(span.surface)
    if found is None:
        return span.label != "PERSON" or " " in span.surface
    return found[0].source == "city" and not found[0].capital


def mark_company_short_forms(spans: list[Span], gazetteer: Gazetteer) -> None:
    """A town's name that opens a company's name of the article ("Henley" of "Henley &
    Partners", "Acme" of "Acme Holdings") stands for the company, except after a place's
    preposition ("in Henley"); a country, capital or region opening one stays a place."""
    companies: dict[str, str] = {}
    for span in spans:
        words = span.surface.split()
        if span.label == "ORG" and len(words) > 1 and (
                "&" in words or words[-1].lower() in lex.COMPANY_SUFFIXES | lex.ORG_NAME_ENDINGS):
            companies.setdefault(words[0], span.surface)
    for span in spans if companies else ():
        full = companies.get(span.surface)
        if (full is None or span.label not in ("GPE", "LOC", "PERSON", TOKEN)
                or span.prev_word.lower() in _NOT_CLUB_BEFORE):
            continue
        found = gazetteer.resolve(span.surface)
        if not found or found[0].kind == "country" or found[0].capital or found[0].source in REGION_SOURCES:
            continue  # a word no town's is left to the other rules
        span.model_label = span.model_label or span.label
        span.label, span.club = CLUB, full


_ATTRIBUTIVE_DEPS = ("amod", "compound", "nmod", "poss")
_COMPANY_ENDINGS = lex.COMPANY_SUFFIXES | lex.COMPANY_TRADE_TAILS | lex.ORG_NAME_ENDINGS


def _stands_alone(span: Span) -> bool:
    """Whether the parse reads a one-word span as a noun of its own ("American said", "both
    American and Delta"), not as a word qualifying the noun after it ("American passengers")."""
    base = span.sentence.base
    token = next((t for t in span.sentence.span if t.idx + base == span.start), None)
    if token is None or len(token.text) != span.end - span.start:
        return False
    return not (token.dep_ in _ATTRIBUTIVE_DEPS and token.head.i > token.i)  # the parse may say ADJ


def mark_nationality_short_forms(spans: list[Span], gazetteer: Gazetteer) -> None:
    """A nationality that opens a company's name of the article ("American" of "American
    Airlines") and stands alone as a noun ("American said", "both American and Delta") is the
    company's short form, not the country's people; "American passengers" stay a group."""
    companies: dict[str, str] = {}
    for span in spans:
        words = span.surface.split()
        if (span.label == "ORG" and len(words) == 2 and words[-1].lower() in _COMPANY_ENDINGS
                and gazetteer.demonym_country(words[0])):
            companies.setdefault(words[0], span.surface)
    for span in spans if companies else ():
        full = companies.get(span.surface)
        if full is not None and span.label in ("NORP", TOKEN) and _stands_alone(span):
            span.model_label = span.model_label or span.label
            span.label, span.club = CLUB, full
