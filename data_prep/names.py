"""Person and organization names: matching keys, canonical forms and name-shape tests.

Used by typing (:mod:`data_prep.mentions`) and by linking (:mod:`data_prep.linking`):
``person_key`` folds transliteration variants together ("Zelenskyy", "Zelensky",
"Zelenskiy"), ``canonical_name`` picks the display form of a cluster, and
:class:`ArticleNames` holds the full names of one article so that a lone "Biden" can be
tied to "Joe Biden". Word lists (titles, company suffixes) are in :mod:`data_prep.lexicon`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import lexicon as lex
from .gazetteer import normalize, slugify

__all__ = ["ACRONYM", "WORD_ACRONYM", "ArticleNames", "initials", "defines_acronym", "name_tokens", "is_full_name", "particle_surname", "fold_word",
           "person_key", "GIVEN_NAMES", "given_name", "load_given_names",
           "spelled_out", "collect_names", "canonical_name", "looks_like_company", "group_slug"]

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
# An acronym written as a word, as British outlets do ("Nato", "Elspa"): only the initials of
# the name before it make it one, since "(Reuters)" or "(Kyiv)" have the same shape.
WORD_ACRONYM = re.compile(r"^[A-Z][a-z]{2,7}$")
_SURNAME_ENDING = re.compile(r"(?:iy|yy|yi|ii|ij|y)$")
GIVEN_NAMES_CSV = Path(__file__).with_name("data") / "given_names.csv"


def load_given_names(path: Path = GIVEN_NAMES_CSV) -> frozenset[str]:
    """The given names of ``path``: one capitalised word a line after the ``given_name`` header;
    lines starting with "#" are comments. A malformed line stops with its file and line."""
    names = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            word = line.strip()
            if number == 1 and word != "given_name":
                raise ValueError(f"{path}:1: the header must be 'given_name', not {word!r}")
            if number == 1 or not word or word.startswith("#"):
                continue
            if " " in word or not word[:1].isupper():
                raise ValueError(f"{path}:{number}: a given name is one capitalised word, not {word!r}")
            names.add(word)
    return frozenset(names)


# First names of many countries (data/given_names.csv): evidence that a name is a person's
# where the model's label says otherwise. Loaded at import, like the lexicon's lists.
GIVEN_NAMES = load_given_names()


def given_name(word: str) -> bool:
    """Whether ``word`` is a known given name ("Bethany", "Yann"), by data/given_names.csv."""
    return word in GIVEN_NAMES


@dataclass(slots=True)
class ArticleNames:
    """Person names seen in full in one article, for linking short forms."""

    full: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # cluster -> forms
    by_last: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_first: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    counts: Counter = field(default_factory=Counter)

    def has_part(self, surface: str) -> bool:
        """True when ``surface`` is one word that is the first or last name of a full name."""
        words = name_tokens(surface)
        if len(words) != 1 or words[0].lower().rstrip(".") in lex.TITLES:
            return False  # "Lord" of "Lord Ashcroft" is no name
        return fold_word(words[0]) in self.by_last or fold_word(words[0]) in self.by_first


def name_tokens(surface: str) -> list[str]:
    """Words of a person name."""
    return surface.replace("’", "'").split()


def is_full_name(words: list[str]) -> bool:
    """Two or more capitalised words without digits ("Joe Biden", "Nick Paton Walsh"); lowercase
    particles may stand inside ("Theo van Gogh")."""
    return (len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper()
            and all(w[:1].isupper() or w in lex.NAME_PARTICLES for w in words[1:-1])
            and not any(ch.isdigit() for w in words for ch in w))


def particle_surname(words: list[str]) -> str | None:
    """The folded surname of a surname written with its particles ("Van Gogh", "de Klerk"),
    else None."""
    if len(words) >= 2 and all(w.lower() in lex.NAME_PARTICLES for w in words[:-1]):
        return fold_word(words[-1])
    return None


@lru_cache(maxsize=1 << 15)
def fold_word(word: str) -> str:
    """A name word folded for matching: normalised, transliteration endings unified."""
    key = normalize(word).replace(" ", "-")  # "Lewis-Francis" stays one surname
    return _SURNAME_ENDING.sub("i", key) if len(key) > 3 else key


def person_key(name: str) -> str:
    """Matching key of a person name: folded first and last words, so that transliteration
    variants meet ("Volodymyr Zelenskyy" and "Volodymyr Zelensky" -> "volodymyr zelenski")."""
    words = name_tokens(name)
    if not words:
        return ""
    if len(words) == 1:
        return fold_word(words[0])
    return f"{fold_word(words[0])} {fold_word(words[-1])}"


def collect_names(spans: Iterable) -> ArticleNames:
    """Cluster the article's full person names by folded first and last name.

    A full name the model tagged as something else counts when its last word is also a
    lone PERSON in the article ("Recep Tayyip Erdoğan" as ORG, "Erdoğan" as PERSON).
    """
    names = ArticleNames()
    lone = {fold_word(s.surface) for s in spans if s.label == "PERSON" and len(s.surface.split()) == 1}
    for span in spans:
        words = name_tokens(span.surface)
        if not is_full_name(words) or len(words) > 4 or looks_like_company(words):
            continue
        if span.label != "PERSON" and not (span.label in ("ORG", "WORK_OF_ART", "PRODUCT")
                                           and fold_word(words[-1]) in lone and _may_be_person(span, words)):
            continue
        cluster = person_key(span.surface)
        names.full[cluster].append(span.surface)
        names.counts[cluster] += 1
        for table, word in ((names.by_last, words[-1]), (names.by_first, words[0])):
            key = fold_word(word)
            if cluster not in table[key]:
                table[key].append(cluster)
    # "Van Gogh" beside "Theo van Gogh" is his surname, not a name of its own ("Van Morrison",
    # with no longer name ending so, stays one); so is "S Best" of a team sheet beside "Simon
    # Best": the short forms link to the full name (``linking``).
    for cluster, forms in list(names.full.items()):
        words = name_tokens(forms[0])
        surname = particle_surname(words)
        if (surname and any(c != cluster for c in names.by_last.get(surname, ()))) or spelled_out(names, words):
            del names.full[cluster]
            del names.counts[cluster]
            for table in (names.by_last, names.by_first):
                for key in list(table):
                    if cluster in table[key]:
                        table[key].remove(cluster)
                    if not table[key]:
                        del table[key]
    return names


def _may_be_person(span, words: list[str]) -> bool:
    """Whether a name tagged otherwise may still be a person's full name: not when the words
    around it made it an organization ("parts maker Robert Bosch", then "Bosch" tagged
    PERSON), nor when it ends like a newspaper's or a firm's name ("Daily Telegraph")."""
    return not getattr(span, "model_label", "") and not (
        words[-1].lower() in lex.ORG_NAME_ENDINGS or any(w.lower() in lex.ORG_HEAD_NOUNS for w in words))


def _initial(word: str) -> str | None:
    """The folded letter of an initial ("S", "S."), else None."""
    letter = word.rstrip(".")
    return letter.lower() if len(letter) == 1 and letter.isalpha() and letter.isupper() else None


def spelled_out(names: ArticleNames, words: list[str]) -> str | None:
    """The one cluster of the article whose given name an initial abbreviates ("S Best" of a
    "Simon Best"; not of a "Guy Best" too), else None."""
    letter = _initial(words[0]) if len(words) == 2 else None
    if letter is None:
        return None
    found = [c for c in names.by_last.get(fold_word(words[-1]), ())
             if len(c.split()[0]) > 1 and c.split()[0].startswith(letter)]
    return found[0] if len(found) == 1 else None


def canonical_name(forms: Iterable[str]) -> str:
    """The most frequent form, the longest among equally frequent ones (full names only are
    passed, so "Vladimir Putin" wins over a rarer "Vladimir V. Putin")."""
    counts = Counter(forms)
    return max(counts, key=lambda f: (counts[f], len(name_tokens(f)), len(f), f))


def looks_like_company(words: list[str]) -> bool:
    """An acronym ("EU") or a name ending in a company suffix ("Leadplex LLC")."""
    if len(words) == 1:
        return bool(ACRONYM.match(words[0])) and words[0].isupper()
    return words[-1].lower().rstrip(".") in lex.COMPANY_SUFFIXES


def group_slug(surface: str) -> str:
    """Plural-insensitive slug for a group ("Democrats" -> "democrat")."""
    slug = slugify(surface)
    if slug.endswith("s") and len(slug) > 4 and not slug.endswith(("ss", "us", "is")):
        slug = slug[:-1]
    return slug


def initials(name: str) -> str:
    """The upper-case initials of a name's words, function words left out ("European Union"
    -> "EU", "Entertainment and Leisure Software Publishers Association" -> "ELSPA")."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w.lower() not in lex.INITIALS_SKIP).upper()


def defines_acronym(name: str, candidate: str) -> bool:
    """Whether ``candidate``, written in brackets after ``name``, is its acronym written as a
    word ("Nato" after "North Atlantic Treaty Organisation"); upper-case acronyms are
    matched by shape alone (:data:`ACRONYM`)."""
    return bool(WORD_ACRONYM.match(candidate)) and initials(name) == candidate.upper()
