"""Tag sentences and articles with topics from an editable term taxonomy.

The taxonomy is one CSV file (default ``data/topics.csv``, UTF-8) with the header
``topic,description,terms`` and one row per topic:

- ``topic``: a short, unique display name ("Military aid"). Row order is the order in
  which a sentence's topics are reported.
- ``description``: one line for the people who edit the file; may be empty.
- ``terms``: words and phrases separated by ``;``, written as lowercase lemmas
  (dictionary forms: "air strike", not "air strikes"; "negotiate", not "negotiated").
  Quote the cell if it contains a comma.

Matching rules, in the order they matter when editing the file:

1. A term word matches a token whose lemma or lowercase text equals it. The text form
   lets a plural pick one sense: "forces" matches "Russian forces" but not "forced",
   and "marines" matches "the Marines" but not "marine life".
2. A phrase matches consecutive tokens ("peace talk" matches "peace talks"). Hyphens
   are ignored on both sides, so "lend-lease", "lend lease" and "Lend-Lease" are one.
3. Longer terms win. Where a phrase matches, the words inside it do not count again
   on their own: "war crime" gives Law and justice but not Crime, "greenhouse gas" gives
   Science and environment but not Energy. To give a phrase several topics, list it
   under each ("nuclear weapon" is under Nuclear and under Weapons and strikes).
4. A term written ``!phrase`` is an exclusion: it claims its words for no topic, so
   "!think tanks" under Weapons and strikes keeps "tanks" from firing there.

One matching term is enough for a sentence to get a topic, and a sentence can carry
several. So term choice is everything: a term must be unambiguous on its own or be a
phrase. Bare "strike" is not a term (air strike? workers' strike? a striker?): weapons
use "air strike", "missile strike", "airstrike"; workers use "strike action", "on strike".
Likewise "match" (verb "to match"), "military" (fits every war sentence) and "who"
are left out. The lists are general vocabulary, tuned on a mixed news corpus; no
article, place or person is special-cased.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from spacy.attrs import LEMMA, MORPH, ORTH, POS

from .nlp import lemma
from .records import Sentence

__all__ = ["Topic", "Taxonomy", "DEFAULT_TAXONOMY", "load_taxonomy", "sentence_topics",
           "article_topics"]

DEFAULT_TAXONOMY = Path(__file__).resolve().parent / "data" / "topics.csv"
_COLUMNS = ("topic", "description", "terms")


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic: its display ``name``, a ``description`` and its normalised ``terms``."""

    name: str
    description: str
    terms: tuple[str, ...]


def _words(term: str) -> tuple[str, ...]:
    """A term as the lemma sequence it matches: lowercase, hyphens dropped."""
    return tuple(term.lower().replace("-", " ").split())


@dataclass(frozen=True)
class Taxonomy:
    """Ordered topics plus the lookups ``sentence_topics`` uses.

    ``single`` maps a one-word term to the indices of its topics; ``phrases`` maps the
    first word of a longer term to ``(rest of the term, topic indices)``, longest first.
    """

    topics: tuple[Topic, ...]
    source: str = ""
    single: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_words: dict[tuple[str, ...], list[int]] = {}
        for index, topic in enumerate(self.topics):
            for term in topic.terms:
                # "!think tank" claims its words for no topic but the ones listing it plainly.
                ids = by_words.setdefault(_words(term.removeprefix("!")), [])
                if not term.startswith("!") and index not in ids:
                    ids.append(index)
        single: dict[str, tuple[int, ...]] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}
        for words, ids in by_words.items():
            if len(words) == 1:
                single[words[0]] = tuple(ids)
            elif words:
                phrases.setdefault(words[0], []).append((words[1:], tuple(ids)))
        # Frozen: the derived lookups are set once and exposed read-only.
        object.__setattr__(self, "single", MappingProxyType(single))
        object.__setattr__(self, "phrases", MappingProxyType(
            {first: tuple(sorted(rests, key=lambda r: -len(r[0])))
             for first, rests in phrases.items()}))

    def __reduce__(self):
        # The read-only lookups cannot be pickled: rebuild them (worker processes get a copy).
        return type(self), (self.topics, self.source)

    @property
    def names(self) -> tuple[str, ...]:
        """Topic names in taxonomy order."""
        return tuple(topic.name for topic in self.topics)


def _parse_terms(raw: str) -> tuple[str, ...]:
    """Normalised, de-duplicated terms of a ``;``-separated cell (exclusions keep their "!")."""
    terms = (" ".join(t.lower().split()) for t in raw.split(";"))
    return tuple(dict.fromkeys(t for t in terms if _words(t.removeprefix("!"))))


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and validate a taxonomy CSV (the packaged one by default).

    Raises ``ValueError`` naming the file and line of a bad row: missing topic name,
    no terms, or a topic name used twice (case-insensitive).
    """
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    # utf-8-sig: spreadsheet programs often save the file with a byte-order mark.
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: line 1: missing column(s) {', '.join(missing)}; "
                             f"expected header {','.join(_COLUMNS)}")
        topics: list[Topic] = []
        seen: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            name = " ".join((row["topic"] or "").split())
            if not name:
                raise ValueError(f"{path}: line {line}: missing topic name")
            terms = _parse_terms(row["terms"] or "")
            if not any(not t.startswith("!") for t in terms):
                raise ValueError(f"{path}: line {line}: topic {name!r} has no terms")
            if name.casefold() in seen:
                raise ValueError(f"{path}: line {line}: duplicate topic {name!r} "
                                 f"(first on line {seen[name.casefold()]})")
            seen[name.casefold()] = line
            topics.append(Topic(name, (row["description"] or "").strip(), terms))
    if not topics:
        raise ValueError(f"{path}: no topics")
    return Taxonomy(tuple(topics), source=str(path))


def _token_words(lemma: str, lower: str) -> tuple[tuple[str, str], ...]:
    """(lemma, lowercase text) of one token, hyphens dropped and hyphenated tokens split."""
    lemma = lemma.lower()
    if "-" not in lower:
        return ((lemma, lower),)
    # A bare hyphen joins nothing; a token kept whole ("e-mail") is matched part by part.
    lowers = lower.replace("-", " ").split()
    lemmas = lemma.replace("-", " ").split()
    return tuple(zip(lemmas if len(lemmas) == len(lowers) else lowers, lowers))


# (word, POS, morphology, lemma set by the model) ids -> _token_words: they decide the lemma (the
# lemmatizer caches by the first three), read for a whole Doc as one array; news repeats its
# vocabulary, so most tokens cost one lookup and no Token object.
_WORDS: dict[tuple[int, int, int, int], tuple[tuple[str, str], ...]] = {}
_WORDS_MAX = 500_000
_KEY_ATTRS = [ORTH, POS, MORPH, LEMMA]


def _doc_words(doc) -> list[tuple[tuple[str, str], ...]]:
    """:func:`_token_words` of every token of ``doc``, in order."""
    out = []
    for i, key in enumerate(map(tuple, doc.to_array(_KEY_ATTRS).tolist())):
        words = _WORDS.get(key)
        if words is None:
            token = doc[i]
            words = _token_words(lemma(token), token.lower_)
            if len(_WORDS) < _WORDS_MAX:
                _WORDS[key] = words
        out.append(words)
    return out


def _phrase_at(tokens: list[tuple[str, str]], i: int, taxonomy: Taxonomy):
    """The longest phrase starting at token ``i`` as ``(length, topic indices)``, or None."""
    best = None
    for word in dict.fromkeys(tokens[i]):
        for rest, ids in taxonomy.phrases.get(word, ()):
            end = i + 1 + len(rest)
            if best is not None and end - i <= best[0]:
                break  # candidates are sorted longest first
            if end <= len(tokens) and all(
                    w in tokens[i + 1 + k] for k, w in enumerate(rest)):
                best = (end - i, ids)
                break
    return best


def _match(tokens: list[tuple[str, str]], taxonomy: Taxonomy) -> set[int]:
    """Indices of the topics whose terms occur in ``tokens``, longest term first."""
    single, phrases = taxonomy.single, taxonomy.phrases
    found: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        lemma, lower = tokens[i]
        if lemma in phrases or lower in phrases:
            hit = _phrase_at(tokens, i, taxonomy)
            if hit is not None:
                found.update(hit[1])
                i += hit[0]  # a phrase claims its words ("war crime" is not also "crime")
                continue
        ids = single.get(lemma)
        if ids:
            found.update(ids)
        if lower != lemma and (ids := single.get(lower)):
            found.update(ids)
        i += 1
    return found


def sentence_topics(sentences: Iterable[Sentence], taxonomy: Taxonomy) -> list[list[str]]:
    """Topic names of each sentence, in taxonomy order (an empty list when none match)."""
    names = taxonomy.names
    by_doc: dict[int, list] = {}  # a paragraph's Doc holds several sentences
    out = []
    for s in sentences:
        doc = s.span.doc
        words = by_doc.get(id(doc))
        if words is None:
            words = by_doc[id(doc)] = _doc_words(doc)
        tokens = [w for token_words in words[s.span.start:s.span.end] for w in token_words]
        out.append([names[i] for i in sorted(_match(tokens, taxonomy))])
    return out


def article_topics(per_sentence: list[list[str]]) -> list[str]:
    """Every topic of an article, most sentences first (ties: first seen first)."""
    counts = Counter(name for topics in per_sentence for name in topics)
    return [name for name, _ in sorted(counts.items(), key=lambda item: -item[1])]
