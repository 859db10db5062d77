"""Linking: which mentions are the same entity, within one article and across the corpus.

In an article (:func:`link_in_article`, run by ``extract_mentions``): a lone "Biden" joins
the article's "Joe Biden", a name the model labels inconsistently gets its majority kind,
and "North Atlantic Treaty Organization (NATO)" shares one entity with "NATO".
Across the corpus (:func:`link_entities`, run once by ``build.build`` on every mention):
transliteration variants and lone surnames meet, organizations tied to an acronym in any
article join it, and each entity gets one display name. Name keys are in :mod:`data_prep.names`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import lexicon as lex
from .gazetteer import Alias, Gazetteer, normalize, slugify
from .spans import CLUB
from .names import (ACRONYM, ArticleNames, canonical_name, fold_word, group_slug, is_full_name,
                    looks_like_company, name_tokens, particle_surname, person_key, spelled_out)
from .names import initials as name_initials

if TYPE_CHECKING:
    from .resources import Resources

__all__ = ["link_in_article", "link_entities"]

ABBREVIATION_LETTERS = 3  # the shortest abbreviation of a word that links ("Man", "Utd")
# Certainty after in-article linking (see the confidence formula in :mod:`data_prep.mentions`).
ACRONYM_LINK = 1.0     # a full name and the acronym the article gives it
SURNAME_LINK = 0.9     # "Biden" -> the one "... Biden" of the article
MERGED_PLACE = 0.8     # factor: a lone name the article also tags as a place becomes that place
GIVEN_NAME_LINK = 0.7  # "Joe" -> the one "Joe ..." of the article
AMBIGUOUS_LINK = 0.6   # several full names share the word: the one named last
MIXED_KIND = 0.6       # at most: a lone name whose kind was outvoted within the article


def link_in_article(mentions: list[Any], names: ArticleNames) -> None:
    """Link one article's typed mentions in place: people, then kinds, then acronyms."""
    _link_people(mentions, names)
    _harmonize_kinds(mentions)
    _link_organizations(mentions)


def _link_people(mentions: list[Any], names: ArticleNames) -> None:
    """Link short person forms to the article's full names; ids come from the canonical name."""
    recent: dict[str, int] = {}
    for position, m in enumerate(mentions):
        if m.kind != "person":
            continue
        linked = _link_person(m.span.surface, names, recent)
        if linked:
            key, m.name, certainty = linked
            m.certainty = min(m.certainty, certainty) if m.span.label == "PERSON" else certainty
            m.linked = True
            recent[key] = position
        else:
            m.name = m.span.surface
        m.entity_id = f"person:{slugify(m.name)}"


def _link_person(surface: str, names: ArticleNames, recent: dict[str, int],
                 ) -> tuple[str, str, float] | None:
    """(cluster, canonical name, certainty) of a person mention; None for a lone unknown name."""
    words = name_tokens(surface)
    spelled = spelled_out(names, words)  # "S Best" of a "Simon Best"
    if spelled:
        return spelled, canonical_name(names.full[spelled]), SURNAME_LINK
    surname = particle_surname(words)  # "Van Gogh" of a "Theo van Gogh"
    if is_full_name(words) and not (surname and surname in names.by_last):
        key = person_key(surface)
        if key in names.full:
            return key, canonical_name(names.full[key]), 1.0
        return None
    if len(words) != 1 and not surname:
        return None
    word = surname or fold_word(words[0])
    for table, certainty in ((names.by_last, SURNAME_LINK), (names.by_first, GIVEN_NAME_LINK)):
        clusters = table.get(word)
        if clusters:
            # Several full names share the word ("Joe Biden", "Hunter Biden"): the one named last.
            key = max(clusters, key=lambda c: (recent.get(c, -1), names.counts[c]))
            return key, canonical_name(names.full[key]), certainty if len(clusters) == 1 else AMBIGUOUS_LINK
    return None


def _harmonize_kinds(mentions: list[Any]) -> None:
    """A lone name the model labels inconsistently ("Blinkx" as ORG and PERSON) gets its
    majority kind within the article (ties go to organization); a name a team sheet lists is a
    person. A club its cues found (``CLUB``: "S Byrne (Leinster)") stays one beside the place it
    is named after ("school days in Leinster")."""
    places = {normalize(m.span.surface): m for m in mentions  # resolved ones: a GPE the gazetteer
              if m.kind in ("place", "country") and m.span.label in ("GPE", "LOC")  # lacks may be a name
              and m.lat is not None}
    groups: dict[str, list[Any]] = defaultdict(list)
    for m in mentions:
        if m.kind in ("person", "organization", "group") and not m.linked and not m.from_alias and (
                m.entity_id.split(":")[0] in ("person", "org", "group") and len(m.span.surface.split()) == 1):
            place = places.get(normalize(m.span.surface)) if m.span.label != CLUB else None
            if place is not None:  # "Popasna" tagged GPE once and ORG once
                m.kind, m.entity_id, m.name = place.kind, place.entity_id, place.name
                m.country_code, m.lat, m.lon = place.country_code, place.lat, place.lon
                m.certainty = place.certainty * MERGED_PLACE
            else:
                groups[normalize(m.span.surface)].append(m)
    preference = {"organization": 2, "person": 1, "group": 0}
    for group in groups.values():
        kinds = Counter(m.kind for m in group)
        if len(kinds) < 2:
            continue
        kind = "person" if any(m.span.listed for m in group) else max(
            kinds, key=lambda k: (kinds[k], preference[k]))
        for m in group:
            if m.kind != kind:
                m.kind, m.certainty, m.country_code = kind, min(m.certainty, MIXED_KIND), None
                m.lat = m.lon = None
                m.name = m.span.surface
                prefix = {"organization": "org", "person": "person", "group": "group"}[kind]
                m.entity_id = f"{prefix}:{group_slug(m.name) if kind == 'group' else slugify(m.name)}"


# Words after a name that leave it the same organization ("Wagner Group", "Acme Holdings").
_GENERIC_TAIL = lex.GENERIC_ORG_WORDS | lex.COMPANY_SUFFIXES | lex.COMPANY_TRADE_TAILS
# Words that make a "name" a phrase: function words, modals, regional adjectives.
_NOT_NAME_WORDS = lex.FUNCTION_WORDS | lex.MODALS | lex.NON_GROUP_ADJECTIVES


def _abbreviates(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` or an abbreviation of it, of at least
    ``ABBREVIATION_LETTERS`` and two letters fewer: its beginning ("Man" of "Manchester") or its
    first letter and then consonants of it in order ("Utd" of "United", "Intl" of
    "International"; not "News" of "Networks")."""
    short, word = short.lower().rstrip("."), word.lower()
    if short == word:
        return True
    if len(short) < ABBREVIATION_LETTERS or len(short) + 2 > len(word) or short[0] != word[0]:
        return False
    if word.startswith(short):
        return True
    rest = iter(word[1:])
    return not any(ch in "aeiouy" for ch in short[1:]) and all(ch in rest for ch in short[1:])


def _link_abbreviations(orgs: list[Any]) -> None:
    """Give a name abbreviated word by word ("Man Utd", "Man United") the one organization of
    the article whose full name it abbreviates ("Manchester United"), so that its short forms
    ("United") have one name to join."""
    # Keyed by the words' first letters, which an abbreviation keeps: most names meet only themselves.
    full: dict[tuple[str, ...], list[tuple[list[str], str, str]]] = defaultdict(list)
    for m in orgs:
        words = m.span.surface.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            full[tuple(w[0].lower() for w in words)].append((words, m.entity_id, m.name))
    if all(len(names) == 1 for names in full.values()):
        return
    for m in orgs:
        words = m.span.surface.split()
        if len(words) < 2:
            continue
        targets = {(entity, name) for other, entity, name in full.get(tuple(w[0].lower() for w in words), ())
                   if entity != m.entity_id and other != words
                   and all(_abbreviates(a, b) for a, b in zip(words, other))}
        if len(targets) == 1:
            m.entity_id, m.name = next(iter(targets))
            m.certainty = min(m.certainty, SURNAME_LINK)


def _link_organizations(mentions: list[Any]) -> None:
    """Give a full name and its acronym one entity: "North Atlantic Treaty Organization (NATO)",
    or "United Nations" and "UN" in the same article; and a one-word short form its full name
    ("Aston Villa" and "Villa")."""
    orgs = [m for m in mentions if m.kind == "organization" and m.entity_id.startswith("org:")]
    acronyms = {m.span.surface for m in orgs if ACRONYM.match(m.span.surface)}
    full_to_acronym = {slugify(m.span.surface): m.span.acronym for m in orgs if m.span.acronym}
    defined = set(full_to_acronym.values())
    for m in orgs:
        # Initials link only acronyms the article did not define for another name.
        if len(m.span.surface.split()) > 1:
            initials = name_initials(m.span.surface)
            if len(initials) > 1 and initials in acronyms and initials not in defined:
                full_to_acronym.setdefault(slugify(m.span.surface), initials)
    for m in orgs:
        acronym = full_to_acronym.get(slugify(m.span.surface))
        if acronym:
            m.entity_id = f"org:{slugify(acronym)}"
            m.name = acronym
            m.certainty = 1.0
    _link_abbreviations(orgs)
    # A one-word name that ends exactly one longer organization name named before it in the
    # article is its short form ("Villa" after "Aston Villa"), as a surname is a person's.
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)
    first_seen: dict[str, int] = {}
    for m in orgs:
        words = m.span.surface.replace("’", "'").split()
        # Only clean names own a short form: not "Mariupol's Azovstal", "Daily Mail and
        # Independent", "Western Nato" or a heading's "Focus Could Nato".
        if len(words) > 1 and all(w[:1].isupper() and not w.endswith("'s")
                                  and w.lower() not in _NOT_NAME_WORDS for w in words):
            key = normalize(words[-1])
            by_last[key].add((m.entity_id, m.name))
            first_seen.setdefault(key, m.span.start)
    for m in orgs:
        key = normalize(m.span.surface)
        if (len(m.span.surface.split()) == 1 and not m.from_alias
                and m.span.start > first_seen.get(key, m.span.start)
                and len(targets := by_last.get(key, ())) == 1):
            m.entity_id, m.name = next(iter(targets))
            m.certainty = min(m.certainty, SURNAME_LINK)
    # A one-word name that opens exactly one organization name of the article whose other words
    # are generic ("Wagner" of "Wagner Group", "Acme" of "Acme Holdings") is its short form,
    # also where the model took the lone word for a person nobody's full name explains.
    by_first: dict[str, set[tuple[str, str]]] = defaultdict(set)
    # A word that opens several names is a parent brand ("Sky" of "Sky News" and "Sky Networks").
    opened: dict[str, set[str]] = defaultdict(set)
    for m in orgs:
        if len(words := m.span.surface.split()) > 1:
            opened[normalize(words[0])].add(m.entity_id)
    for m in orgs:
        words = m.span.surface.split()
        if (len(words) > 1 and len(opened[normalize(words[0])]) == 1 and words[0][:1].isupper()
                and words[0].lower() not in lex.TITLES and all(w.lower() in _GENERIC_TAIL for w in words[1:])):  # not "Home" of "Home Office"
            by_first[normalize(words[0])].add((m.entity_id, m.name))
    for m in mentions if by_first else ():
        if (m.kind in ("organization", "person") and not m.from_alias and not m.linked
                and m.entity_id.startswith(("org:", "person:")) and len(m.span.surface.split()) == 1
                and len(targets := by_first.get(normalize(m.span.surface), ())) == 1):
            m.kind = "organization"
            m.entity_id, m.name = next(iter(targets))
            m.certainty = min(m.certainty, SURNAME_LINK)


def link_entities(mentions: pd.DataFrame, resources: Resources) -> pd.DataFrame:
    """Unify entities across articles and give each ``entity_id`` one canonical ``name``.

    Persons: transliteration variants (Zelensky/Zelenskyy/Zelenskiy) share a key and a lone
    name joins the corpus' dominant full name with that surname. Organizations: a full name
    that some article tied to an acronym joins the acronym's entity; the display name is the
    most frequent surface. ``resources.gazetteer`` keeps place names from turning into
    people. Returns a new frame with the same rows and columns.
    """
    out = mentions.copy()
    if out.empty:
        return out
    out["entity_id"] = out["entity_id"].astype(object)
    out["name"] = out["name"].astype(object)
    _relabel_people(out, resources.gazetteer)
    people = out["kind"] == "person"
    if people.any():
        linked = _link_people_corpus(out.loc[people, "name"].astype(str))
        out.loc[people, "entity_id"] = linked["entity_id"]
        out.loc[people, "name"] = linked["name"]
    # Institutions (inst:<CC>:<role>) keep the id and name the contract gives them.
    institution = out["entity_id"].astype(str).str.startswith("inst:")
    orgs = (out["kind"] == "organization") & ~institution
    if orgs.any():
        out.loc[orgs, "entity_id"] = _link_orgs_corpus(out.loc[orgs, ["entity_id", "surface"]])
    named = (out["kind"].isin(["organization", "group"]) & ~out["entity_id"].str.startswith("country:")
             & ~institution)
    if named.any():
        forms = out.loc[named, "surface"].map(_display_form)
        display = forms.groupby(out.loc[named, "entity_id"]).agg(_most_frequent)
        # An entity of the alias table keeps the table's name ("Tories" -> Conservative Party).
        display.update(pd.Series(_alias_names(resources.gazetteer)).reindex(display.index).dropna())
        out.loc[named, "name"] = out.loc[named, "entity_id"].map(display)
    return out


def _alias_names(gazetteer: Gazetteer) -> dict[str, str]:
    """Entity id -> name of the organizations and groups of the alias table."""
    return {a.entity_id: a.name for a in gazetteer.aliases.values()
            if isinstance(a, Alias) and a.entity_id and a.name}


def _relabel_people(frame: pd.DataFrame, gazetteer: Gazetteer) -> None:
    """Organizations that look like people across the corpus become people (in place).

    A name tagged ORG in one article counts as a person when the same name is a person more
    often elsewhere ("Volodymyr Zelenskiy"), or when it is two or three words starting with a
    given name the corpus uses for several different people ("Natalia Humeniuk").
    """
    people = frame["kind"] == "person"
    orgs = (frame["kind"] == "organization") & ~frame["entity_id"].astype(str).str.startswith("inst:")
    if not people.any() or not orgs.any():
        return
    person_names = frame.loc[people, "surface"]
    person_keys = person_names.map(person_key).value_counts()
    org_keys = frame.loc[orgs, "surface"].map(person_key).value_counts()
    full = person_names[person_names.map(lambda n: is_full_name(name_tokens(n)))].drop_duplicates()
    given = full.map(lambda n: name_tokens(n)[0]).value_counts()
    org_first = frame.loc[orgs, "surface"].map(lambda n: (name_tokens(n) or [""])[0]).value_counts()

    def is_person(surface: str) -> bool:
        words = name_tokens(surface)
        if (not words or len(words) > 4 or looks_like_company(words)
                or not all(w[:1].isupper() for w in words)
                or any(w.lower() in lex.ORG_HEAD_NOUNS for w in words)):
            return False
        key = person_key(surface)
        if person_keys.get(key, 0) >= 2 and person_keys.get(key, 0) > 2 * org_keys.get(key, 0):
            return True
        first = words[0]
        return (2 <= len(words) <= 3 and is_full_name(words) and given.get(first, 0) >= 3
                and given.get(first, 0) > org_first.get(first, 0) and not gazetteer.alias(first)
                and not gazetteer.demonym_country(first) and not gazetteer.resolve(first))

    flip = pd.Series(False, index=frame.index)
    flip[orgs] = frame.loc[orgs, "surface"].map(is_person).astype(bool)
    frame.loc[flip, "kind"] = "person"
    frame.loc[flip, "name"] = frame.loc[flip, "surface"]


def _link_people_corpus(names: pd.Series) -> pd.DataFrame:
    """(entity_id, name) for person rows, from their per-article canonical names."""
    keys = names.map(person_key)
    full = names.map(lambda n: is_full_name(name_tokens(n)))
    canonical = {key: canonical_name(group) for key, group in names[full].groupby(keys[full])}
    # A lone name joins the full name that has at least 3/4 of the mentions with that surname.
    by_surname: dict[str, Counter] = defaultdict(Counter)
    for key, n in keys[full].value_counts().items():
        by_surname[key.rsplit(" ", 1)[-1]][key] += n
    lone_target = {}
    for surname, counter in by_surname.items():
        top, n = counter.most_common(1)[0]
        if n >= 0.75 * sum(counter.values()):
            lone_target[surname] = top
    targets = keys.where(full, keys.map(lambda k: lone_target.get(k, k)))
    lone_names = {key: _most_frequent(group) for key, group in names[~full].groupby(keys[~full])}
    final = targets.map(lambda k: canonical.get(k) or lone_names.get(k) or k)
    return pd.DataFrame({"entity_id": "person:" + final.map(slugify), "name": final}, index=names.index)


def _link_orgs_corpus(orgs: pd.DataFrame) -> pd.Series:
    """Organization ids, with full names that some article tied to an acronym moved to it."""
    own = orgs["surface"].map(lambda s: f"org:{slugify(s)}")
    # Only full names tied to an acronym travel: a short form ("Villa") is its article's.
    tied = (own != orgs["entity_id"]) & orgs["surface"].str.contains(" ", regex=False)
    targets: dict[str, set[str]] = defaultdict(set)
    for slug, entity in zip(own[tied], orgs.loc[tied, "entity_id"]):
        targets[slug].add(entity)
    unique = {slug: next(iter(ids)) for slug, ids in targets.items() if len(ids) == 1}
    return orgs["entity_id"].map(lambda e: unique.get(e, e))


def _display_form(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def _most_frequent(values: Iterable[str]) -> str:
    counts = Counter(values)
    # A name written in an all-caps line ("FOX NEWS") shows only when no other form exists.
    return max(counts, key=lambda v: (not (" " in v and v.isupper()), counts[v], v[:1].isupper(), -len(v), v))
