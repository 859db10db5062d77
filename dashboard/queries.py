"""Pure filtering, search and aggregation over a dataset's tables (pandas, no Streamlit).

Filters work at the sentence level. Within one facet the chosen values are alternatives
(any of them); different facets must all hold for the same sentence. An actor or place
keeps the sentences that mention it (a "North Korean" group counts as North Korea), a
topic keeps sentences tagged with it, a source keeps the sentences of its articles, and
the text query keeps sentences containing every word and quoted phrase. The date range
keeps what was *reported* in it (sentences, mentions and figures by their article's
publication date; undated articles drop out) but keeps *events* whose own period overlaps
it, whatever their publication date. An article stays when any of its sentences does.
"""
from __future__ import annotations

import math
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from data_prep.tables import ACTOR_KINDS, PLACE_KINDS  # the contract (no NLP behind it)

__all__ = [
    "ACTOR_KINDS", "PLACE_KINDS", "PRECISIONS", "FINE_PRECISIONS", "Dataset", "Filters", "Query",
    "prepare", "facet_options", "sentence_mask", "apply_filters", "parse_query", "match_mask",
    "search", "corpus_summary", "top_values", "mentions_over_time", "key_figures", "format_value",
    "figures_table", "timeline_rows", "timeline_window", "publication_counts", "sentence_context",
    "place_points", "top_actor_by_place", "mentions_with_sentences", "country_color", "map_view", "entity_ranking", "cooccurrence",
    "network_layout", "edge_sentences", "actor_profile", "evidence_csv",
]

# Coarse to fine: the timeline draws fine events last, on top of long ones.
PRECISIONS = ("decade", "year", "season", "quarter", "month", "week", "day")
FINE_PRECISIONS = ("month", "week", "day")


@dataclass(frozen=True)
class Dataset:
    """The five tables plus join helpers made by ``prepare``.

    Every sentence-level table has ``srow``, the row of its sentence in ``sentences``;
    ``sentence_topics`` has one (srow, topic) row per tag; ``names`` maps entity_id to its
    display name over the whole corpus (it is not narrowed by filters).
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame
    sentence_topics: pd.DataFrame
    names: Mapping[str, str] = field(default_factory=dict)
    manifest: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class Filters:
    """The shared filters, by display name as the sidebar shows them; empty means no filter."""

    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return self == Filters()

    def key(self) -> tuple:
        """A plain, hashable tuple identifying these filters (for cache keys)."""
        return (self.actors, self.topics, self.places, self.sources,
                self.date_from and self.date_from.isoformat(),
                self.date_to and self.date_to.isoformat(), self.q)

    @classmethod
    def from_key(cls, key: tuple) -> Filters:
        """The inverse of ``key``."""
        actors, topics, places, sources, date_from, date_to, q = key
        return cls(tuple(actors), tuple(topics), tuple(places), tuple(sources),
                   date.fromisoformat(date_from) if date_from else None,
                   date.fromisoformat(date_to) if date_to else None, q)


# ---------------------------------------------------------------------------- preparation

def _as_list(value) -> list:
    """A list-valued cell (list, numpy array or missing) as a plain list."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value)


def _attach_srow(table: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the ``srow`` of its sentence; rows pointing at no sentence are dropped."""
    out = table.merge(keys, on=["article_id", "sentence_id"], how="inner", sort=False)
    return out.sort_values(["srow", "start"], kind="stable").reset_index(drop=True)


def _most_common(table: pd.DataFrame, key: str, value: str) -> pd.DataFrame:
    """For each ``key``, its most frequent ``value`` (ties: first in A-Z order)."""
    counts = table.groupby([key, value], sort=True).size().reset_index(name="n")
    counts = counts.sort_values("n", ascending=False, kind="stable")
    return counts.drop_duplicates(key)[[key, value]]


def prepare(tables: Mapping[str, pd.DataFrame], manifest: Mapping | None = None) -> Dataset:
    """A ``Dataset`` from raw tables: adds sentence rows, article metadata and mention roles."""
    articles = tables["articles"].reset_index(drop=True).copy()
    articles["published_day"] = (articles["published"].dt.tz_convert(None).dt.normalize()
                                 if len(articles) else pd.Series(dtype="datetime64[us]"))
    articles["topics"] = articles["topics"].map(_as_list)
    sentences = tables["sentences"].sort_values(["article_id", "sentence_id"]).reset_index(drop=True)
    sentences = sentences.merge(articles[["article_id", "title", "source", "published",
                                          "published_day"]], on="article_id", how="left")
    sentences["srow"] = np.arange(len(sentences))
    sentences["topics"] = sentences["topics"].map(_as_list)
    keys = sentences[["article_id", "sentence_id", "srow"]]
    mentions = _attach_srow(tables["mentions"], keys)
    mentions["is_actor"] = mentions["kind"].isin(ACTOR_KINDS)
    # A nationality with a country ("North Korean") counts as that country for places too.
    mentions["is_place"] = (mentions["kind"].isin(PLACE_KINDS)
                            | mentions["entity_id"].str.startswith("country:").fillna(False))
    events = _attach_srow(tables["events"], keys)
    figures = _attach_srow(tables["figures"], keys)
    for table in (events, figures):
        for column in ("actors", "places"):
            table[column] = table[column].map(_as_list)
    sentence_topics = (sentences[["srow", "topics"]].explode("topics")
                       .dropna().rename(columns={"topics": "topic"}).reset_index(drop=True))
    names = dict(_most_common(mentions, "entity_id", "name").itertuples(index=False))
    return Dataset(articles, sentences, mentions, events, figures, sentence_topics, names,
                   dict(manifest or {}))


def facet_options(ds: Dataset) -> dict[str, list[str]]:
    """The values each sidebar facet offers: actors and places by mentions, then A-Z."""
    def by_count(values: pd.Series) -> list[str]:
        counts = values.dropna().value_counts()
        return sorted(counts.index, key=lambda v: (-counts[v], v))

    m = ds.mentions
    return {
        "actor": by_count(m.loc[m["is_actor"], "name"]),
        "place": by_count(m.loc[m["is_place"], "name"]),
        "topic": by_count(ds.sentence_topics["topic"]),
        "source": sorted(ds.articles["source"].dropna().unique().tolist()),
    }


# ---------------------------------------------------------------------------- filters

def _rows_mask(rows: np.ndarray, size: int) -> np.ndarray:
    """A boolean array of ``size`` that is True at ``rows``."""
    mask = np.zeros(size, dtype=bool)
    mask[rows.astype(np.int64)] = True
    return mask


def sentence_mask(ds: Dataset, filters: Filters, *, by_published: bool = True) -> np.ndarray:
    """Which sentences pass ``filters`` (the date range by publication date if ``by_published``)."""
    n = len(ds.sentences)
    keep = np.ones(n, dtype=bool)
    m = ds.mentions
    if filters.actors:
        hit = m["is_actor"] & m["name"].isin(filters.actors)
        keep &= _rows_mask(m.loc[hit, "srow"].to_numpy(), n)
    if filters.places:
        hit = m["is_place"] & m["name"].isin(filters.places)
        keep &= _rows_mask(m.loc[hit, "srow"].to_numpy(), n)
    if filters.topics:
        tags = ds.sentence_topics
        keep &= _rows_mask(tags.loc[tags["topic"].isin(filters.topics), "srow"].to_numpy(), n)
    if filters.sources:
        keep &= ds.sentences["source"].isin(filters.sources).to_numpy(dtype=bool, na_value=False)
    if by_published and (filters.date_from or filters.date_to):
        day = ds.sentences["published_day"]
        ok = day.notna()
        if filters.date_from:
            ok &= day >= pd.Timestamp(filters.date_from)
        if filters.date_to:
            ok &= day <= pd.Timestamp(filters.date_to)
        keep &= ok.to_numpy(dtype=bool, na_value=False)
    if filters.q:
        query = parse_query(filters.q)
        if query.patterns and not query.error:
            keep &= match_mask(ds.sentences["text"], query)
    return keep


def _event_in_range(events: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Events whose period [date, date_end] overlaps the filter's date range."""
    ok = np.ones(len(events), dtype=bool)
    if filters.date_from:
        ok &= (events["date_end"].fillna(events["date"]) >= pd.Timestamp(filters.date_from)).to_numpy()
    if filters.date_to:
        ok &= (events["date"] <= pd.Timestamp(filters.date_to)).to_numpy()
    return ok


def apply_filters(ds: Dataset, filters: Filters) -> Dataset:
    """The dataset narrowed by ``filters`` (see the module docstring for the rules)."""
    if filters.is_empty():
        return ds
    keep = sentence_mask(ds, filters)
    dated = bool(filters.date_from or filters.date_to)
    keep_events = sentence_mask(ds, filters, by_published=False) if dated else keep

    def rows(table: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
        return table[mask[table["srow"].to_numpy()]] if len(table) else table

    sentences = ds.sentences[keep]
    events = rows(ds.events, keep_events)
    if dated and len(events):
        events = events[_event_in_range(events, filters)]
    articles = ds.articles[ds.articles["article_id"].isin(sentences["article_id"].unique())]
    return replace(ds, articles=articles, sentences=sentences, mentions=rows(ds.mentions, keep),
                   events=events, figures=rows(ds.figures, keep),
                   sentence_topics=rows(ds.sentence_topics, keep))


# ---------------------------------------------------------------------------- search

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')


@dataclass(frozen=True)
class Query:
    """A parsed search: lower-case words and quoted phrases, each matched as a whole word.

    ``error`` says why nothing can be searched; ``note`` says what was ignored.
    """

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    note: str | None = None
    error: str | None = None

    @property
    def parts(self) -> list[str]:
        """The words and phrases as the user would write them."""
        return list(self.terms) + [f'"{" ".join(p)}"' for p in self.phrases]

    @property
    def patterns(self) -> list[str]:
        """One case-insensitive regex per word or phrase (RE2- and ``re``-compatible)."""
        return [_pattern((t,)) for t in self.terms] + [_pattern(p) for p in self.phrases]


def _word_pattern(word: str, *, last: bool) -> str:
    """A word as regex; the last word of a term also matches its plural ("missile(s)")."""
    if not last or not word[-1].isalpha():
        return re.escape(word)
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return re.escape(word) + "(?:s|es)?"


def _pattern(words: Sequence[str]) -> str:
    """The regex for a word or a phrase (words separated by spaces or hyphens)."""
    inner = r"[\s\-]+".join(_word_pattern(w, last=i == len(words) - 1) for i, w in enumerate(words))
    return r"(?i)\b" + inner + r"\b"


def parse_query(text: str, *, max_chars: int = 200, max_parts: int = 12) -> Query:
    """Parse words and "quoted phrases"; bad input gives a ``Query`` with ``error``, never raises."""
    text = (text or "").strip()
    if not text:
        return Query()
    if len(text) > max_chars:
        return Query(error=f"The search is too long ({len(text)} characters; at most {max_chars}).")
    notes = []
    if text.count('"') % 2:
        cut = text.rfind('"')
        text = text[:cut] + " " + text[cut + 1:]
        notes.append("an unmatched quote was ignored")
    terms: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for phrase, bare in _TOKEN.findall(text):
        words = _WORD.findall((phrase or bare).lower())
        if phrase and len(words) > 1:
            phrases.append(tuple(words))
        else:
            terms.extend(words)
    terms = list(dict.fromkeys(terms))
    phrases = list(dict.fromkeys(phrases))
    if not terms and not phrases:
        return Query(error="The search has no words to look for (only punctuation?).")
    if len(terms) + len(phrases) > max_parts:
        notes.append(f"only the first {max_parts} words and phrases were used")
        terms = terms[:max_parts]
        phrases = phrases[: max(0, max_parts - len(terms))]
    return Query(tuple(terms), tuple(phrases), "; ".join(notes).capitalize() or None)


def match_mask(texts: pd.Series, query: Query) -> np.ndarray:
    """Which of ``texts`` contain every word and phrase of ``query``."""
    keep = np.ones(len(texts), dtype=bool)
    for pattern in query.patterns:
        keep &= texts.str.contains(pattern, regex=True).to_numpy(dtype=bool, na_value=False)
    return keep


def search(sentences: pd.DataFrame, query: Query, *, k1: float = 1.2, b: float = 0.75,
           limit: int = 200) -> pd.DataFrame:
    """Sentences containing all of ``query``, best first by a BM25 score over ``sentences``.

    Returns the matching rows with ``score`` added (empty when the query has an error).
    """
    if query.error or not query.patterns or not len(sentences):
        return sentences.iloc[0:0].assign(score=pd.Series(dtype=float))
    texts = sentences["text"]
    lengths = texts.str.len().to_numpy(dtype=float, na_value=0.0)
    avg = max(lengths.mean(), 1.0)
    n = len(sentences)
    keep = np.ones(n, dtype=bool)
    score = np.zeros(n)
    for pattern in query.patterns:
        tf = texts.str.count(pattern).to_numpy(dtype=float, na_value=0.0)
        present = tf > 0
        keep &= present
        df = present.sum()
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths / avg))
    out = sentences[keep].assign(score=score[keep])
    sort = ["score", "published"] if "published" in out else ["score"]
    return out.sort_values(sort, ascending=False, kind="stable", na_position="last").head(limit)


# ---------------------------------------------------------------------------- overview

def corpus_summary(ds: Dataset) -> dict:
    """Counts of every table, the publication date span and the articles per source."""
    published = ds.articles["published"].dropna()
    sources = ds.articles["source"].fillna("(no source)").value_counts()
    return {
        "articles": len(ds.articles), "sentences": len(ds.sentences),
        "mentions": len(ds.mentions), "events": len(ds.events), "figures": len(ds.figures),
        "first": published.min() if len(published) else None,
        "last": published.max() if len(published) else None,
        "publication_days": int(ds.articles["published_day"].nunique()),
        "sources": list(sources.items()),
    }


def _with_sample(counts: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """``counts`` (with an ``srow`` column) plus the evidence sentence of that row."""
    s = ds.sentences.set_index("srow")[["article_id", "sentence_id", "text"]]
    return counts.join(s, on="srow").rename(columns={"text": "sentence"})


def top_values(ds: Dataset, facet: str, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent actors, places or topics by sentences, with a sample sentence.

    Columns: name, sentences, srow (of the sample), article_id, sentence_id, sentence.
    """
    if facet == "topic":
        pairs = ds.sentence_topics.rename(columns={"topic": "name"})
    else:
        flag = {"actor": "is_actor", "place": "is_place"}[facet]
        pairs = ds.mentions.loc[ds.mentions[flag], ["srow", "name"]]
    pairs = pairs.drop_duplicates()
    if not len(pairs):
        return pd.DataFrame(columns=["name", "sentences", "srow", "article_id", "sentence_id",
                                     "sentence"])
    counts = (pairs.groupby("name", sort=False).agg(sentences=("srow", "size"), srow=("srow", "first"))
              .reset_index().sort_values(["sentences", "name"], ascending=[False, True]).head(n))
    return _with_sample(counts.reset_index(drop=True), ds)


def mentions_over_time(ds: Dataset) -> pd.DataFrame:
    """Mentions per publication period (day, week or month by the span); empty if under 2 dates.

    A single publication date supports no trend, so the caller shows none.
    """
    day = ds.mentions[["srow"]].join(ds.sentences.set_index("srow")["published_day"], on="srow")
    day = day["published_day"].dropna()
    if day.nunique() < 2:
        return pd.DataFrame(columns=["period", "mentions"])
    span = (day.max() - day.min()).days
    freq = "D" if span <= 92 else "W" if span <= 730 else "M"
    period = day.dt.to_period(freq).dt.start_time
    out = period.value_counts().sort_index().rename_axis("period").reset_index(name="mentions")
    out.attrs["freq"] = {"D": "day", "W": "week", "M": "month"}[freq]
    return out


# ---------------------------------------------------------------------------- figures

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _is_currency(unit: str | None) -> bool:
    """ISO currency codes are three capital letters."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


def format_value(value: float, unit: str | None, of: str | None = None, *,
                 approximate: bool = False) -> str:
    """A figure as a reader writes it: "$56.2 billion", "~12,000 troops", "5%"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    unit = unit if isinstance(unit, str) else None
    of = of if isinstance(of, str) else None
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"
    if _is_currency(unit) or unit == "count":
        for scale, word in _SCALES:
            if abs(value) >= scale:
                number = f"{value / scale:.4g} {word}"
                break
    if _is_currency(unit):
        sign = _CURRENCY_SIGNS.get(unit)
        text = f"{sign}{number}" if sign else f"{number} {unit}"
    elif unit == "percent":
        text = f"{number}%"
    elif unit in (None, "", "count"):
        text = number
    else:
        text = f"{number} {unit}"
    if of:
        text = f"{text} {of}"
    return ("~" if approximate else "") + text


def figures_table(ds: Dataset) -> pd.DataFrame:
    """Every figure with display value, actor and place names, sentence and article metadata."""
    f = ds.figures
    s = ds.sentences.set_index("srow")[["text", "start", "title", "published"]]
    out = f.join(s.rename(columns={"text": "sentence", "start": "sentence_start"}), on="srow")
    names = ds.names
    out["actor_names"] = [[names.get(e, e) for e in ids] for ids in out["actors"]]
    out["place_names"] = [[names.get(e, e) for e in ids] for ids in out["places"]]
    out["display"] = [format_value(v, u, o, approximate=a) for v, u, o, a in
                      zip(out["value"], out["unit"], out["of"], out["approximate"])]
    out["kind"] = [("money" if _is_currency(u) else u or "number") for u in out["unit"]]
    return out.reset_index(drop=True)


def key_figures(ds: Dataset, *, n: int = 6) -> pd.DataFrame:
    """Up to ``n`` headline figures, one per sentence: money, then counts of something; largest first."""
    table = figures_table(ds)
    if not len(table):
        return table
    rank = np.select([table["kind"].eq("money"), table["of"].notna()], [0, 1], 2)
    table = table.assign(rank=rank).sort_values(["rank", "value"], ascending=[True, False])
    return table.drop_duplicates("srow").head(n).reset_index(drop=True)


# ---------------------------------------------------------------------------- timeline

def timeline_rows(ds: Dataset, *, lanes: str = "actor", max_lanes: int = 12) -> pd.DataFrame:
    """One bar per event and lane: start at ``date``, finish the day after ``date_end``.

    ``lanes`` is "actor" or "topic"; lanes past ``max_lanes`` merge into "(other)", events
    with none go to "(none)". Columns include ``event`` (a stable id) and ``sentence``.
    """
    ev = ds.events.copy()
    ev["event"] = ev["article_id"] + ":" + ev["sentence_id"].astype(str) + ":" + ev["start"].astype(str)
    if lanes == "actor":
        names = ds.names
        ev["lane"] = [[names.get(e, e) for e in ids] for ids in ev["actors"]]
        ev = ev.explode("lane")
    else:
        ev = ev.merge(ds.sentence_topics.rename(columns={"topic": "lane"}), on="srow", how="left")
    ev["lane"] = ev["lane"].fillna("(none)")
    top = ev["lane"].value_counts().index[:max_lanes]
    ev.loc[~ev["lane"].isin(top), "lane"] = "(other)"
    ev = ev.drop_duplicates(["event", "lane"])
    ev["finish"] = ev["date_end"].fillna(ev["date"]) + pd.Timedelta(days=1)
    s = ds.sentences.set_index("srow")[["text", "title"]]
    ev = ev.join(s, on="srow").rename(columns={"text": "sentence"})
    return ev.sort_values(["date", "lane"]).reset_index(drop=True)


def timeline_window(rows: pd.DataFrame, *,
                    share: float = 0.95) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The chart's initial date range: the latest ``share`` of the finely dated events.

    A few events in 1054 or "by 2060" should not squeeze the war's months into a sliver;
    the user can still zoom out to them. Events dated to a day, week or month decide when
    there are at least 10 of them, else all events do. None when there are no events.
    """
    if not len(rows):
        return None
    if "precision" in rows:
        fine = rows[rows["precision"].isin(FINE_PRECISIONS)]
        rows = fine if len(fine) >= 10 else rows
    start = rows["date"].quantile(1 - share)
    end = rows["finish"].quantile(share) if len(rows) >= 20 else rows["finish"].max()
    pad = max((end - start) * 0.02, pd.Timedelta(days=1))
    return start - pad, end + pad


def publication_counts(ds: Dataset) -> pd.DataFrame:
    """Articles per publication day (the secondary, "when was it reported" view)."""
    day = ds.articles["published_day"].dropna()
    return day.value_counts().sort_index().rename_axis("published").reset_index(name="articles")


def sentence_context(ds: Dataset, article_id: str, sentence_id: int, *, around: int = 1) -> pd.DataFrame:
    """The sentence and ``around`` neighbours each side, from the given (usually full) dataset."""
    s = ds.sentences
    near = s[(s["article_id"] == article_id)
             & s["sentence_id"].between(sentence_id - around, sentence_id + around)]
    return near.assign(focus=near["sentence_id"] == sentence_id)


# ---------------------------------------------------------------------------- map

_PALETTE = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
            (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
            (57, 59, 121), (173, 73, 74)]


def country_color(code: str | None) -> list[int]:
    """A stable RGBA colour for a country code (the same on every run and machine)."""
    if not code:
        return [120, 120, 120, 200]
    return [*_PALETTE[zlib.crc32(code.encode()) % len(_PALETTE)], 200]


def top_actor_by_place(ds: Dataset) -> pd.Series:
    """entity_id of each place -> the person or organisation most often named in its sentences."""
    m = ds.mentions
    places = m.loc[m["is_place"], ["entity_id", "srow"]].drop_duplicates()
    actors = m.loc[m["kind"].isin(["person", "organization"]), ["name", "srow"]].drop_duplicates()
    pairs = places.merge(actors, on="srow")
    if pairs.empty:
        return pd.Series(dtype=object, name="actor")
    counts = (pairs.groupby(["entity_id", "name"]).size().reset_index(name="n")
              .sort_values(["n", "name"], ascending=[False, True]))
    return counts.drop_duplicates("entity_id").set_index("entity_id")["name"].rename("actor")


def place_points(ds: Dataset, country_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per place or country with coordinates, sized by mentions, with a sample sentence.

    Columns: entity_id, name, kind, country_code, country, lat, lon, mentions, articles,
    srow, article_id, sentence_id, sentence, color, radius, actor (the person or organisation
    named most often with it, "" if none) and actor_color.
    """
    m = ds.mentions[ds.mentions["is_place"] & ds.mentions["lat"].notna() & ds.mentions["lon"].notna()]
    columns = ["entity_id", "name", "kind", "country_code", "country", "lat", "lon", "mentions",
               "articles", "srow", "article_id", "sentence_id", "sentence", "color", "radius",
               "actor", "actor_color"]
    if not len(m):
        return pd.DataFrame(columns=columns)
    g = (m.groupby("entity_id", sort=False)
         .agg(name=("name", "first"), kind=("kind", "first"), country_code=("country_code", "first"),
              lat=("lat", "first"), lon=("lon", "first"), mentions=("srow", "size"),
              articles=("article_id", "nunique"), srow=("srow", "first"))
         .reset_index())
    g.loc[g["entity_id"].str.startswith("country:"), "kind"] = "country"
    names = dict(country_names or {})
    g["country"] = [names.get(c, c) if isinstance(c, str) else "" for c in g["country_code"]]
    g = _with_sample(g, ds)
    g["sentence"] = g["sentence"].str.slice(0, 240)
    g["color"] = [country_color(c if isinstance(c, str) else None) for c in g["country_code"]]
    g["actor"] = g["entity_id"].map(top_actor_by_place(ds)).fillna("")
    g["actor_color"] = [country_color(a or None) for a in g["actor"]]  # the palette takes any key
    # Screen pixels (the same at every zoom), area in proportion to mentions, at most 30.
    g["radius"] = 4.0 + 26.0 * np.sqrt(g["mentions"].astype(float) / g["mentions"].max())
    return g.sort_values("mentions", ascending=False).reset_index(drop=True)[columns]


def map_view(points: pd.DataFrame) -> dict[str, float]:
    """A view (latitude, longitude, zoom) framing ``points``; the whole world when there are none."""
    if not len(points):
        return {"latitude": 20.0, "longitude": 0.0, "zoom": 1.0}
    lat, lon = points["lat"].astype(float), points["lon"].astype(float)
    span = max(lat.max() - lat.min(), (lon.max() - lon.min()) / 2, 1.0)
    zoom = float(np.clip(math.log2(180 / span) + 0.3, 1.0, 8.0))
    return {"latitude": float((lat.max() + lat.min()) / 2),
            "longitude": float((lon.max() + lon.min()) / 2), "zoom": round(zoom, 1)}


# ---------------------------------------------------------------------------- actors

def mentions_with_sentences(ds: Dataset, *, actors: bool = True) -> pd.DataFrame:
    """Actor (or place) mentions, each with its sentence's text as ``sentence``, for export."""
    m = ds.mentions[ds.mentions["is_actor" if actors else "is_place"]]
    return m.merge(ds.sentences[["srow", "text"]].rename(columns={"text": "sentence"}), on="srow")


def entity_ranking(ds: Dataset, *, actors: bool = True) -> pd.DataFrame:
    """Actors (or places) by mentions, with sentences, articles and a sample sentence."""
    m = ds.mentions[ds.mentions["is_actor" if actors else "is_place"]]
    if not len(m):
        return pd.DataFrame(columns=["name", "kind", "mentions", "sentences", "articles",
                                     "srow", "article_id", "sentence_id", "sentence"])
    g = (m.groupby("name", sort=False)
         .agg(mentions=("srow", "size"), sentences=("srow", "nunique"),
              articles=("article_id", "nunique"), srow=("srow", "first"))
         .reset_index().sort_values(["mentions", "name"], ascending=[False, True]))
    g = g.merge(_most_common(m, "name", "kind"), on="name", how="left")
    g = g[["name", "kind", "mentions", "sentences", "articles", "srow"]]
    return _with_sample(g.reset_index(drop=True), ds)


def cooccurrence(ds: Dataset, *, top_n: int = 25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (the ``top_n`` actors by sentences) and edges between actors named in one sentence.

    Edge columns: source, target, weight (shared sentences), srows (those sentences' rows).
    """
    pairs = ds.mentions.loc[ds.mentions["is_actor"], ["srow", "name"]].drop_duplicates()
    counts = pairs["name"].value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable").head(top_n)
    nodes = counts.rename_axis("name").reset_index(name="sentences")
    pairs = pairs[pairs["name"].isin(nodes["name"])]
    both = pairs.merge(pairs, on="srow")
    both = both[both["name_x"] < both["name_y"]]
    if not len(both):
        return nodes, pd.DataFrame(columns=["source", "target", "weight", "srows"])
    edges = (both.groupby(["name_x", "name_y"])["srow"].agg(["size", list]).reset_index()
             .set_axis(["source", "target", "weight", "srows"], axis=1)
             .sort_values(["weight", "source", "target"], ascending=[False, True, True]))
    return nodes, edges.reset_index(drop=True)


def network_layout(nodes: pd.DataFrame, edges: pd.DataFrame, *, iterations: int = 120,
                   seed: int = 7) -> pd.DataFrame:
    """``nodes`` with x, y from a small deterministic force layout (Fruchterman-Reingold)."""
    n = len(nodes)
    out = nodes.copy()
    if n == 0:
        return out.assign(x=pd.Series(dtype=float), y=pd.Series(dtype=float))
    angle = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.c_[np.cos(angle), np.sin(angle)] + np.random.default_rng(seed).normal(0, 0.01, (n, 2))
    index = {name: i for i, name in enumerate(nodes["name"])}
    known = edges[edges["source"].isin(index) & edges["target"].isin(index)] if len(edges) else edges
    src = np.array([index[a] for a in known.get("source", [])], dtype=np.int64)
    dst = np.array([index[b] for b in known.get("target", [])], dtype=np.int64)
    strength = 1 + np.log(np.asarray(known.get("weight", []), dtype=float))
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        force = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(axis=1)
        d = pos[src] - pos[dst]
        pull = d * (np.linalg.norm(d, axis=1) / k * strength)[:, None]
        np.add.at(force, src, -pull)
        np.add.at(force, dst, pull)
        length = np.maximum(np.linalg.norm(force, axis=1), 1e-9)
        pos += force / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.97
    out["x"], out["y"] = pos[:, 0], pos[:, 1]
    return out


def edge_sentences(ds: Dataset, edges: pd.DataFrame, source: str, target: str) -> pd.DataFrame:
    """The sentences backing the edge between two actors (in either order)."""
    a, b = sorted((source, target))
    row = edges[(edges["source"] == a) & (edges["target"] == b)]
    if not len(row):
        return ds.sentences.iloc[0:0]
    return ds.sentences[ds.sentences["srow"].isin(row["srows"].iat[0])]


def actor_profile(ds: Dataset, name: str) -> dict[str, pd.DataFrame]:
    """One actor's sentences, and the places, topics, other actors and figures in them."""
    m = ds.mentions
    srows = m.loc[m["is_actor"] & (m["name"] == name), "srow"].unique()
    in_rows = m["srow"].isin(srows)
    places = (m[in_rows & m["is_place"] & (m["name"] != name)].groupby("name")["srow"].nunique()
              .sort_values(ascending=False).rename_axis("place").reset_index(name="sentences"))
    others = (m[in_rows & m["is_actor"] & (m["name"] != name)].groupby("name")["srow"].nunique()
              .sort_values(ascending=False).rename_axis("actor").reset_index(name="sentences"))
    topics = (ds.sentence_topics[ds.sentence_topics["srow"].isin(srows)]["topic"].value_counts()
              .rename_axis("topic").reset_index(name="sentences"))
    figures = figures_table(replace(ds, figures=ds.figures[ds.figures["srow"].isin(srows)]))
    sentences = ds.sentences[ds.sentences["srow"].isin(srows)]
    return {"sentences": sentences, "places": places, "actors": others, "topics": topics,
            "figures": figures}


# ---------------------------------------------------------------------------- export

def evidence_csv(table: pd.DataFrame, columns: Sequence[str] | None = None) -> bytes:
    """``table`` as UTF-8 CSV, list cells joined with "; " (keep the evidence columns in ``columns``)."""
    out = (table[list(columns)] if columns else table).copy()
    for column in out.columns:
        present = out[column].dropna()
        is_list = len(present) and isinstance(present.iat[0], (list, tuple, np.ndarray))
        if out[column].dtype == object and is_list:
            out[column] = out[column].map(lambda v: "; ".join(map(str, _as_list(v))))
    return out.to_csv(index=False).encode("utf-8")
