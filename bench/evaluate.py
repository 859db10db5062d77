"""Benchmark: precision, recall and F1 of the mentions, events and figures tables against hand labels.

    python -m bench.evaluate --corpus ../shared/corpus/articles.jsonl [--labels bench/labels]

The labelled articles (one ``bench/labels/<article_id>.json`` each, see the README there) are copied
from the corpus into a temporary JSON-lines file, built with ``data_prep.build.build`` and scored.
Scores are micro-averaged: true positives, system items and labels are summed over the articles
before dividing. Each side is first reduced to distinct items per article, and a system item can
match at most one label (a maximum one-to-one matching), so repeats neither help nor hurt.

Matching rules
--------------
mentions
    Items are distinct (normalised name, kind) per article. Names are normalised by folding case,
    diacritics and punctuation, dropping a possessive "'s", a leading "the", a leading honorific
    (Mr, Ms, Dr, ...) and a trailing administrative word ("oblast", "region", "province", ...).
    A system name matches a label when it equals the label's name or one of its ``aliases``, or
    when one is a word-suffix of the other ("Putin" / "Vladimir Putin"), or when one is the
    acronym of the other ("EU" / "European Union"). The system side offers its canonical name and
    the surfaces of its mentions in the article, so a place written "Mykolaiv" that the
    gazetteer names "Mykolayiv" matches a label "Mykolaiv" (the item is still one per name).
    A system country or group also matches a label
    country or group with the same country code, whatever the names. The kinds must be equal.
mentions (entity only)
    The same with kind ignored: items are distinct normalised names.
events
    Items are distinct (date, precision) per article and must be equal.
events (month)
    Items are distinct months ("YYYY-MM" of the first day) per article; precision is ignored.
figures
    Items are distinct (value, unit) per article. Units must be equal after folding common
    spellings ("%" -> percent, "hours" -> hour, "$" -> USD); values must agree within 1% relative.
figures (no durations)
    The same with duration units (second ... year) left out on both sides, for a system that
    treats durations as dates rather than figures.

Institutions
    A label with an ``institution`` role slug (kind organization, e.g. "Armed forces of Russia",
    country RU, institution "armed-forces") matches exactly the system mentions whose
    ``entity_id`` is ``inst:<country_code>:<institution>``, whatever their names; a system
    ``inst:`` mention matches only such a label (unmatched, it is a false positive like any other
    organization). System ``inst:`` mentions are distinct per entity id.

Headline scores (``headline`` in the report, printed as a second table)
    places with country
        Labels of kind country or place against system mentions of kind country or place: the
        names match as above (or, between countries, the codes) and the country codes are equal
        (both null for continents). The figure judged is the recall.
    actors
        Labels and system mentions of kind person, organization (institutions included), country
        and group, matched as in "mentions": precision and recall.
    events (date value)
        Distinct dates (the first day) per article, precision ignored: the recall.
    short lines (entities / events / figures / all)
        Recall on the labels marked ``in_short_line`` (names, dates and numbers in datelines,
        bylines and short heading-like lines of the text), each counted as found when the
        maximum matching of its score ("mentions", "events", "figures") pairs it with a system
        item. ``system`` is not meaningful there (0).

Held out (``held_out`` in the report)
    The same scores and headline for the articles listed in ``bench/labels/held_out.txt``: a
    round labelled blind and never used to develop the extraction, so the accuracy to expect on
    text the project has not seen (the other rounds were read while writing the rules).
"""
from __future__ import annotations

import argparse
import json
import math
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from dashboard.provenance import ACCURACY_FILE  # the About page shows the scores written there

__all__ = [
    "LabelledEntity", "Counts", "fold_name", "names_match", "entity_matches", "fold_unit",
    "max_matching", "score_mentions", "score_events", "score_figures", "evaluate",
    "load_labels", "write_subset", "markdown_table", "institution_id", "score_places",
    "score_actors", "score_event_dates", "score_short_line_entities", "score_short_line_events",
    "score_short_line_figures", "headline_table", "HEADLINE",
]

LABELS_DIR = Path(__file__).parent / "labels"
RESULTS_DIR = Path(__file__).parent / "results"

_ADMIN_WORDS = frozenset({"oblast", "region", "province", "governorate", "krai", "prefecture"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mx"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "de", "on", "in"})
_NATIONAL_KINDS = frozenset({"country", "group"})
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_UNIT_ALIASES = {
    "%": "percent", "pct": "percent", "per cent": "percent", "percentage": "percent",
    "$": "USD", "usd": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "chf": "CHF", "swiss franc": "CHF", "swiss francs": "CHF",
    "rub": "RUB", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "uah": "UAH", "hryvnia": "UAH", "hryvnias": "UAH",
    "tonne": "tonnes", "t": "tonnes", "metric tons": "tonnes",
    "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "people": "count", "persons": "count",
}
_UNIT_ALIASES.update({f"{u}s": u for u in DURATION_UNITS})


@dataclass(frozen=True)
class LabelledEntity:
    """An entity as compared: ``aliases`` are further names a label accepts, or the other
    surfaces of a system entity in the article ("Mykolaiv" for GeoNames' "Mykolayiv")."""

    name: str
    kind: str | None
    country_code: str | None = None
    aliases: tuple[str, ...] = ()
    entity_id: str | None = None  # the system's entity id, or the label's "inst:<CC>:<role>"
    in_short_line: bool = False

    @property
    def institution(self) -> str | None:
        """The ``inst:<CC>:<role>`` id of an institution, else None."""
        return self.entity_id if self.entity_id and self.entity_id.startswith("inst:") else None


@dataclass
class Counts:
    """True positives, system items and labels, summed over articles."""

    tp: int = 0
    system: int = 0
    labels: int = 0

    def add(self, other: Counts) -> None:
        """Add another article's counts to these."""
        self.tp += other.tp
        self.system += other.system
        self.labels += other.labels

    def scores(self) -> dict[str, float | int]:
        """Counts with precision, recall and F1 (0.0 where a denominator is 0)."""
        precision = self.tp / self.system if self.system else 0.0
        recall = self.tp / self.labels if self.labels else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": self.tp, "system": self.system, "labels": self.labels,
                "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


@dataclass
class Outcome:
    """One article's counts for one score, with the unmatched items for inspection."""

    counts: Counts
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)


# --- names -------------------------------------------------------------------------------------

def fold_name(name: str | None) -> str:
    """``name`` folded for comparison: no case, diacritics, punctuation, "the", honorific, "oblast".

    >>> fold_name("the Élysée Palace"), fold_name("Mr. Wang"), fold_name("Donetsk oblast")
    ('elysee palace', 'wang', 'donetsk')
    >>> fold_name("Ukraine’s"), fold_name("Sergey V. Lavrov")
    ('ukraine', 'sergey v lavrov')
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’`]s\b", "", text)
    tokens = re.sub(r"[^\w\s]|_", " ", text).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _ADMIN_WORDS:
        tokens = tokens[:-1]
    return " ".join(tokens)


def _is_acronym(short: list[str], long: list[str]) -> bool:
    if len(short) != 1 or len(long) < 2 or not 2 <= len(short[0]) <= 6:
        return False
    initials = "".join(t[0] for t in long if t not in _ACRONYM_SKIP)
    return short[0] == initials


def names_match(a: str, b: str) -> bool:
    """Folded names are equal, one is a word-suffix of the other, or one is the other's acronym.

    >>> names_match("Putin", "Vladimir Putin"), names_match("EU", "the European Union")
    (True, True)
    >>> names_match("Hunter Biden", "Joe Biden"), names_match("", "Biden")
    (False, False)
    """
    fa, fb = fold_name(a).split(), fold_name(b).split()
    if not fa or not fb:
        return False
    short, long = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    return long[len(long) - len(short):] == short or _is_acronym(short, long)


def entity_matches(system: LabelledEntity, label: LabelledEntity, *, use_kind: bool = True) -> bool:
    """Whether a system entity counts as the labelled one (see the module docstring)."""
    if use_kind and system.kind and label.kind and system.kind != label.kind:
        return False
    if system.institution or label.institution:
        return system.institution == label.institution
    if (system.country_code and system.country_code == label.country_code
            and _national(system.kind) and _national(label.kind)):
        return True
    return any(names_match(mine, name) for mine in (system.name, *system.aliases)
               for name in (label.name, *label.aliases))


def _national(kind: str | None) -> bool:
    # In the entity-only score kinds are merged into a "|"-joined set of the kinds seen.
    return kind is not None and any(k in _NATIONAL_KINDS for k in kind.split("|"))


# --- matching ----------------------------------------------------------------------------------

def max_matching(system: Sequence, labels: Sequence, matches: Callable[[object, object], bool]
                 ) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of system items to labels as (system index, label index).

    >>> max_matching([1, 2], [2, 1, 3], lambda s, l: s == l)
    [(0, 1), (1, 0)]
    """
    edges = [[j for j, label in enumerate(labels) if matches(item, label)] for item in system]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(system)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _outcome(system: Sequence, labels: Sequence, matches: Callable[[object, object], bool],
             describe: Callable[[object], object] = lambda x: x) -> Outcome:
    pairs = max_matching(system, labels, matches)
    used_s, used_l = {i for i, _ in pairs}, {j for _, j in pairs}
    return Outcome(
        Counts(tp=len(pairs), system=len(system), labels=len(labels)),
        missed=[describe(x) for j, x in enumerate(labels) if j not in used_l],
        spurious=[describe(x) for i, x in enumerate(system) if i not in used_s],
    )


def _rows(frame: pd.DataFrame | None, article_id: str) -> pd.DataFrame:
    if frame is None or frame.empty:
        return pd.DataFrame()
    return frame[frame["article_id"] == article_id]


# --- mentions ----------------------------------------------------------------------------------

def institution_id(country_code: str | None, role: str | None) -> str | None:
    """The contract's entity id of an institution: ``inst:RU:armed-forces``.

    >>> institution_id("RU", "armed-forces"), institution_id(None, "police")
    ('inst:RU:armed-forces', None)
    """
    return f"inst:{country_code}:{role}" if country_code and role else None


def _label_entities(label: Mapping) -> list[LabelledEntity]:
    return [LabelledEntity(e["name"], e["kind"], e.get("country_code"), tuple(e.get("aliases", ())),
                           institution_id(e.get("country_code"), e.get("institution")),
                           bool(e.get("in_short_line")))
            for e in label.get("entities", [])]


def _system_entities(rows: pd.DataFrame) -> list[LabelledEntity]:
    """Distinct (folded name, kind) of system mention rows; the surface stands in for a missing name."""
    found: dict[tuple[str, str], LabelledEntity] = {}
    for row in rows.itertuples(index=False):
        name = row.name if isinstance(row.name, str) and row.name.strip() else row.surface
        code = row.country_code if isinstance(row.country_code, str) else None
        entity_id = getattr(row, "entity_id", None)
        entity_id = entity_id if isinstance(entity_id, str) and entity_id else None
        inst = entity_id if entity_id and entity_id.startswith("inst:") else None
        key = (inst, row.kind) if inst else (fold_name(name), row.kind)
        entity = found.setdefault(key, LabelledEntity(name, row.kind, code, entity_id=entity_id))
        surface = row.surface if isinstance(row.surface, str) else ""
        if fold_name(surface) and fold_name(surface) != fold_name(name) and surface not in entity.aliases:
            found[key] = replace(entity, aliases=(*entity.aliases, surface))
    return list(found.values())


def _merge_kinds(entities: Iterable[LabelledEntity]) -> list[LabelledEntity]:
    """Distinct folded names, kinds joined with "|" (for the entity-only score)."""
    merged: dict[str, LabelledEntity] = {}
    for e in entities:
        key = e.institution or fold_name(e.name)
        if key in merged:
            old = merged[key]
            kinds = "|".join(sorted(set(old.kind.split("|")) | {e.kind}))
            merged[key] = LabelledEntity(old.name, kinds, old.country_code or e.country_code,
                                         tuple(dict.fromkeys(old.aliases + e.aliases)),
                                         old.entity_id or e.entity_id,
                                         old.in_short_line or e.in_short_line)
        else:
            merged[key] = e
    return list(merged.values())


def _describe_entity(e: LabelledEntity) -> str:
    extra = f", {e.institution}" if e.institution else ""
    return f"{e.name} ({e.kind}{', ' + e.country_code if e.country_code else ''}{extra})"


def score_mentions(mentions: pd.DataFrame | None, label: Mapping, *, use_kind: bool = True) -> Outcome:
    """One article's mention score against its label (``use_kind=False``: the entity-only score)."""
    system = _system_entities(_rows(mentions, label["article_id"]))
    labels = _label_entities(label)
    if not use_kind:
        system, labels = _merge_kinds(system), _merge_kinds(labels)
    return _outcome(system, labels, lambda s, l: entity_matches(s, l, use_kind=use_kind),
                    _describe_entity)


PLACE_KINDS = frozenset({"country", "place"})
ACTOR_KINDS = frozenset({"person", "organization", "country", "group"})


def score_places(mentions: pd.DataFrame | None, label: Mapping) -> Outcome:
    """Place mentions (kind country or place) with the right country: names (or, between
    countries, codes) match as in "mentions", either kind of the two, and the codes are equal."""
    system = [e for e in _system_entities(_rows(mentions, label["article_id"])) if e.kind in PLACE_KINDS]
    labels = [e for e in _label_entities(label) if e.kind in PLACE_KINDS]

    def matches(s: LabelledEntity, l: LabelledEntity) -> bool:
        return (s.country_code or None) == (l.country_code or None) and entity_matches(s, l, use_kind=False)

    return _outcome(system, labels, matches, _describe_entity)


def score_actors(mentions: pd.DataFrame | None, label: Mapping) -> Outcome:
    """Actors (person, organization with institutions, country, group), matched as in "mentions"."""
    system = [e for e in _system_entities(_rows(mentions, label["article_id"])) if e.kind in ACTOR_KINDS]
    labels = [e for e in _label_entities(label) if e.kind in ACTOR_KINDS]
    return _outcome(system, labels, entity_matches, _describe_entity)


def _short_line_outcome(system: Sequence, labels: Sequence, short: Sequence[bool],
                        matches: Callable[[object, object], bool],
                        describe: Callable[[object], object] = lambda x: x) -> Outcome:
    """Recall on the labels flagged in ``short``, under the maximum matching of all labels."""
    found = {j for _, j in max_matching(system, labels, matches)}
    flagged = [j for j, s in enumerate(short) if s]
    return Outcome(Counts(tp=sum(j in found for j in flagged), system=0, labels=len(flagged)),
                   missed=[describe(labels[j]) for j in flagged if j not in found])


def score_short_line_entities(mentions: pd.DataFrame | None, label: Mapping) -> Outcome:
    """Recall of entity labels marked ``in_short_line`` (matched as in "mentions")."""
    system = _system_entities(_rows(mentions, label["article_id"]))
    labels = _label_entities(label)
    return _short_line_outcome(system, labels, [e.in_short_line for e in labels], entity_matches,
                               _describe_entity)


# --- events ------------------------------------------------------------------------------------

def _day(value: object) -> str | None:
    when = pd.Timestamp(value) if value is not None else pd.NaT
    return None if pd.isna(when) else when.strftime("%Y-%m-%d")


def score_events(events: pd.DataFrame | None, label: Mapping, *, month_only: bool = False) -> Outcome:
    """One article's event score: distinct (date, precision), or distinct months with ``month_only``."""
    rows = _rows(events, label["article_id"])
    if month_only:
        system = sorted({d[:7] for d in map(_day, rows.get("date", [])) if d})
        labels = sorted({e["date"][:7] for e in label.get("events", [])})
    else:
        system = sorted({(d, str(p)) for d, p in zip(map(_day, rows.get("date", [])),
                                                     rows.get("precision", [])) if d})
        labels = sorted({(e["date"], e["precision"]) for e in label.get("events", [])})
    return _outcome(system, labels, lambda s, l: s == l)


def score_event_dates(events: pd.DataFrame | None, label: Mapping) -> Outcome:
    """One article's events as distinct dates (first day), precision ignored."""
    rows = _rows(events, label["article_id"])
    system = sorted({d for d in map(_day, rows.get("date", [])) if d})
    labels = sorted({e["date"] for e in label.get("events", [])})
    return _outcome(system, labels, lambda s, l: s == l)


def score_short_line_events(events: pd.DataFrame | None, label: Mapping) -> Outcome:
    """Recall of the distinct (date, precision) of event labels marked ``in_short_line``."""
    rows = _rows(events, label["article_id"])
    system = {(d, str(p)) for d, p in zip(map(_day, rows.get("date", [])), rows.get("precision", [])) if d}
    short = sorted({(e["date"], e["precision"]) for e in label.get("events", []) if e.get("in_short_line")})
    return Outcome(Counts(tp=sum(s in system for s in short), system=0, labels=len(short)),
                   missed=[s for s in short if s not in system])


# --- figures -----------------------------------------------------------------------------------

def fold_unit(unit: object) -> str:
    """A unit in the labels' vocabulary: "%" -> "percent", "hours" -> "hour", "usd" -> "USD".

    >>> fold_unit("%"), fold_unit("Hours"), fold_unit("EUR"), fold_unit(None)
    ('percent', 'hour', 'EUR', '')
    """
    if not isinstance(unit, str) or not unit.strip():
        return ""
    text = unit.strip()
    return _UNIT_ALIASES.get(text.casefold(), text)


def _value_close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.01, abs_tol=1e-9)


def _distinct_figures(pairs: Iterable[tuple[object, object]], *, durations: bool) -> list[tuple[float, str]]:
    found: dict[tuple[float, str], None] = {}
    for value, unit in pairs:
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if math.isnan(number):
            continue
        folded = fold_unit(unit)
        if durations or folded not in DURATION_UNITS:
            found.setdefault((round(number, 6), folded), None)
    return list(found)


def score_figures(figures: pd.DataFrame | None, label: Mapping, *, durations: bool = True) -> Outcome:
    """One article's figure score: distinct (value, unit), values within 1% (``durations=False``
    leaves duration units out on both sides)."""
    rows = _rows(figures, label["article_id"])
    system = _distinct_figures(zip(rows.get("value", []), rows.get("unit", [])), durations=durations)
    labels = _distinct_figures(((f["value"], f["unit"]) for f in label.get("figures", [])),
                               durations=durations)
    return _outcome(system, labels, lambda s, l: s[1] == l[1] and _value_close(s[0], l[0]))


def score_short_line_figures(figures: pd.DataFrame | None, label: Mapping) -> Outcome:
    """Recall of the distinct (value, unit) of figure labels marked ``in_short_line``."""
    rows = _rows(figures, label["article_id"])
    system = _distinct_figures(zip(rows.get("value", []), rows.get("unit", [])), durations=True)
    entries = label.get("figures", [])
    labels = _distinct_figures(((f["value"], f["unit"]) for f in entries), durations=True)
    short = set(_distinct_figures(((f["value"], f["unit"]) for f in entries if f.get("in_short_line")),
                                  durations=True))
    return _short_line_outcome(system, labels, [l in short for l in labels],
                               lambda s, l: s[1] == l[1] and _value_close(s[0], l[0]))


# --- whole evaluation --------------------------------------------------------------------------

SCORES: dict[str, tuple[str, Callable[[pd.DataFrame | None, Mapping], Outcome]]] = {
    "mentions": ("mentions", score_mentions),
    "mentions (entity only)": ("mentions", lambda t, l: score_mentions(t, l, use_kind=False)),
    "events": ("events", score_events),
    "events (month)": ("events", lambda t, l: score_events(t, l, month_only=True)),
    "figures": ("figures", score_figures),
    "figures (no durations)": ("figures", lambda t, l: score_figures(t, l, durations=False)),
}


# The figures the project is judged on, with the measure that is the headline of each.
HEADLINE: dict[str, tuple[str, Callable[[pd.DataFrame | None, Mapping], Outcome], str]] = {
    "places with country": ("mentions", score_places, "recall"),
    "actors": ("mentions", score_actors, "precision and recall"),
    "events (date value)": ("events", score_event_dates, "recall"),
    "short lines: entities": ("mentions", score_short_line_entities, "recall"),
    "short lines: events": ("events", score_short_line_events, "recall"),
    "short lines: figures": ("figures", score_short_line_figures, "recall"),
}


def evaluate(tables: Mapping[str, pd.DataFrame], labels: Mapping[str, Mapping]) -> dict:
    """Micro-averaged scores of ``tables`` against ``labels`` (article id -> label), with per-article
    counts and the missed and spurious items of each article. ``headline`` holds the judged
    figures (see the module docstring) and ``headline_articles`` each article's share of them."""
    totals = {name: Counts() for name in SCORES}
    heads = {name: Counts() for name in HEADLINE}
    articles: dict[str, dict] = {}
    head_articles: dict[str, dict] = {}
    for article_id in sorted(labels):
        label = labels[article_id]
        per_article: dict = {}
        for name, (table, score) in SCORES.items():
            outcome = score(tables.get(table), label)
            totals[name].add(outcome.counts)
            per_article[name] = {**outcome.counts.scores(), "missed": outcome.missed,
                                 "spurious": outcome.spurious}
        articles[article_id] = per_article
        head_articles[article_id] = {}
        for name, (table, score, _) in HEADLINE.items():
            outcome = score(tables.get(table), label)
            heads[name].add(outcome.counts)
            head_articles[article_id][name] = {**outcome.counts.scores(), "missed": outcome.missed,
                                               "spurious": outcome.spurious}
    short_all = Counts()
    for name in HEADLINE:
        if name.startswith("short lines"):
            short_all.add(heads[name])
    headline = {name: {**counts.scores(), "judged": HEADLINE[name][2]} for name, counts in heads.items()}
    headline["short lines: all"] = {**short_all.scores(), "judged": "recall"}
    return {"scores": {name: counts.scores() for name, counts in totals.items()},
            "headline": headline, "articles": articles, "headline_articles": head_articles}


def markdown_table(scores: Mapping[str, Mapping]) -> str:
    """The overall scores as a markdown table."""
    lines = ["| score | labels | system | matched | precision | recall | F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, s in scores.items():
        lines.append(f"| {name} | {s['labels']} | {s['system']} | {s['tp']} | "
                     f"{s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    return "\n".join(lines)


def headline_table(headline: Mapping[str, Mapping]) -> str:
    """The headline figures as a markdown table (``judged`` names the measure that counts)."""
    lines = ["| headline | judged on | labels | system | matched | precision | recall |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for name, s in headline.items():
        precision = f"{s['precision']:.3f}" if s["system"] else "–"
        lines.append(f"| {name} | {s.get('judged', '')} | {s['labels']} | {s['system'] or '–'} | "
                     f"{s['tp']} | {precision} | {s['recall']:.3f} |")
    return "\n".join(lines)


def load_labels(directory: Path) -> dict[str, dict]:
    """Every ``*.json`` label file in ``directory`` by article id.

    Raises ValueError when a file's ``article_id`` differs from its file name.
    """
    labels = {}
    for path in sorted(Path(directory).glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        if label.get("article_id") != path.stem:
            raise ValueError(f"{path}: article_id {label.get('article_id')!r} does not match the file name")
        labels[path.stem] = label
    return labels


def load_held_out(path: Path) -> list[str]:
    """The ids of the held-out articles listed in ``path`` (one per line, ``#`` comments), or
    ``[]`` when there is no such file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def held_out_scores(tables: Mapping[str, pd.DataFrame], labels: Mapping[str, Mapping],
                    held_out: Sequence[str]) -> dict | None:
    """The scores and headline of the held-out articles alone, or None when none is labelled.

    Raises ValueError when a listed article has no label file.
    """
    unknown = sorted(set(held_out) - set(labels))
    if unknown:
        raise ValueError(f"held-out articles without a label file: {', '.join(unknown)}")
    if not held_out:
        return None
    report = evaluate(tables, {a: labels[a] for a in held_out})
    return {"articles_scored": len(held_out), "scores": report["scores"], "headline": report["headline"]}


def write_subset(corpus: Path, article_ids: Iterable[str], out: Path) -> list[str]:
    """Copy the corpus lines of ``article_ids`` to ``out`` unchanged; return the ids not found."""
    wanted = set(article_ids)
    found = set()
    with Path(corpus).open(encoding="utf-8") as src, Path(out).open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            article_id = json.loads(line).get("id")
            if article_id in wanted and article_id not in found:
                dst.write(line if line.endswith("\n") else line + "\n")
                found.add(article_id)
    return sorted(wanted - found)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="JSON lines with the labelled articles")
    parser.add_argument("--labels", type=Path, default=LABELS_DIR)
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "evaluate.json")
    parser.add_argument("--summary", type=Path, default=ACCURACY_FILE,
                        help="the overall scores the dashboard's About page shows (committed)")
    parser.add_argument("--held-out", type=Path, default=LABELS_DIR / "held_out.txt",
                        help="ids of the labelled articles never used to develop the extraction, "
                             "scored apart as well")
    args = parser.parse_args(argv)

    # Imported here so the scoring functions stay importable without the model installed.
    from data_prep.build import build
    from data_prep.cache import pipeline_version
    from data_prep.tables import TABLES, read_table

    labels = load_labels(args.labels)
    if not labels:
        raise SystemExit(f"no label files in {args.labels}")
    held_out = [a for a in load_held_out(args.held_out) if a in labels]  # a --labels subset may leave some out
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "labelled.jsonl"
        missing = write_subset(args.corpus, labels, subset)
        if missing:
            raise SystemExit(f"labelled articles not in {args.corpus}: {', '.join(missing)}")
        dataset = Path(tmp) / "dataset"
        build([subset], dataset, cache_dir=Path(tmp) / "cache")
        tables = {name: read_table(dataset, name) for name in TABLES}
        report = evaluate(tables, labels)
        report["held_out"] = held_out_scores(tables, labels, held_out)
    report = {"evaluated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "corpus": str(args.corpus), "labels": str(args.labels), "articles_scored": len(labels),
              "pipeline": pipeline_version(), **report}
    print(markdown_table(report["scores"]))
    print()
    print(headline_table(report["headline"]))
    if report["held_out"]:
        print(f"\nheld out ({report['held_out']['articles_scored']} articles never developed on):")
        print(headline_table(report["held_out"]["headline"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n",
                        encoding="utf-8")
    summary = {key: report[key] for key in ("evaluated_at", "articles_scored", "pipeline", "scores", "headline",
                                            "held_out")}
    args.summary.parent.mkdir(parents=True, exist_ok=True)
    args.summary.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} and {args.summary}")


if __name__ == "__main__":
    main()
