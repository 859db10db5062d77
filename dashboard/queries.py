"""Pure filtering, search and aggregation over a dataset, in SQL (DuckDB and SQLite FTS5).

Every function takes a DuckDB cursor on which :func:`open_dataset` made the dataset's views
(and, for search, the read-only SQLite connection to its ``search.sqlite``) plus plain values,
and returns a small DataFrame: the rows a page draws, never a whole table.

Filters work at the sentence level. Within one facet the chosen values are alternatives
(any of them); different facets must all hold for the same sentence. An actor or place
keeps the sentences that mention it (a "North Korean" group counts as North Korea; a country
also counts its institutions, ``inst:RU:...`` for ``country:RU``), a topic keeps sentences
tagged with it, a source keeps the sentences of its articles, and the text query keeps
sentences that the FTS5 index matches (every word and quoted phrase, porter-stemmed). The date
range keeps what was *reported* in it (sentences, mentions and figures by their article's
publication date; undated articles drop out) but keeps *events* whose own period overlaps
it, whatever their publication date. An article stays when any of its sentences does.
"""
from __future__ import annotations

import io
import json
import math
import re
import sqlite3
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from data_prep.tables import ACTOR_KINDS, PLACE_KINDS, SCHEMA_VERSION, SEARCH_INDEX, TABLES

__all__ = [
    "ACTOR_KINDS", "PLACE_KINDS", "PRECISIONS", "FINE_PRECISIONS", "Filters", "Query", "Scope",
    "open_dataset", "open_search", "parse_query", "fts_query", "search_rowids", "register_hits",
    "facet_options", "search", "corpus_summary", "top_values", "mentions_over_time",
    "key_figures", "format_value", "figures_count", "figures_page", "figures_chart",
    "timeline_summary", "timeline_rows", "timeline_counts", "timeline_window",
    "publication_counts", "sentence_context", "MAP_POINTS", "place_points", "map_view", "country_color",
    "entity_ranking", "entity_count", "cooccurrence", "network_layout", "edge_sentences",
    "actor_profile", "READER_CHOICES", "article_choices", "article", "article_sentences", "article_mentions",
    "export_sql", "evidence_csv", "page_label",
]

# Coarse to fine: the timeline draws fine events last, on top of long ones.
PRECISIONS = ("decade", "year", "season", "quarter", "month", "week", "day")
FINE_PRECISIONS = ("month", "week", "day")


@dataclass(frozen=True)
class Filters:
    """The shared filters, by display name as the sidebar shows them; empty means no filter.

    An actor or place may also be given by entity id (``country:RU``, ``inst:RU:armed-forces``).
    """

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


# ---------------------------------------------------------------------------- opening

def _glob(directory: Path, name: str) -> str:
    return str(Path(directory) / name / "*.parquet").replace("'", "''")


def _part_number(path: str) -> int:
    match = re.search(r"part-(\d+)\.parquet$", path)
    return int(match.group(1)) if match else 0


def open_search(directory: Path) -> sqlite3.Connection | None:
    """The dataset's FTS5 index opened read-only (None when the dataset has none)."""
    path = Path(directory) / SEARCH_INDEX
    if not path.exists():
        return None
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _part_starts(directory: Path, con) -> pd.DataFrame:
    """file -> the search index rowid of its first sentence.

    The build (and bench.synthetic) index a part's sentences in one run of consecutive rowids
    in file order, so rowid = first rowid of the part + row number in the file.
    """
    files = con.execute(
        f"SELECT filename AS file, count(*) AS n FROM read_parquet('{_glob(directory, 'sentences')}', "
        "filename=true) GROUP BY filename").df()
    files["part"] = files["file"].map(_part_number)
    db = open_search(directory)
    first = {}
    if db is not None:
        with db:
            first = dict(db.execute("SELECT part, min(rowid) FROM sentences GROUP BY part").fetchall())
        db.close()
    files = files.sort_values("part").reset_index(drop=True)
    fallback = 1 + files["n"].cumsum().shift(fill_value=0)  # no index: any unique numbering
    files["first"] = [first.get(p, f) for p, f in zip(files["part"], fallback)]
    return files[["file", "first"]]


def open_dataset(con, directory: Path) -> dict:
    """Make the views ``articles``, ``sentences`` (with ``sid``, the search index rowid),
    ``mentions`` (with ``is_actor``, ``is_place``), ``events``, ``figures`` and the small table
    ``entities`` (entity_id, name, kind, country_code) on ``con``; returns the manifest.

    Raises ValueError for another schema version and FileNotFoundError for a missing table.
    """
    directory = Path(directory)
    manifest_file = directory / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.exists() else {}
    version = manifest.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:  # checked first: an older layout has no table folders
        raise ValueError(f"dataset schema version {version}, this app reads {SCHEMA_VERSION}: "
                         "rebuild it with this version of data_prep")
    for name in TABLES:
        folder = directory / name
        if not folder.is_dir() or not any(folder.glob("*.parquet")):
            raise FileNotFoundError(f"{folder} is missing")
    con.execute("SET TimeZone = 'UTC'")
    con.register("_part_starts", _part_starts(directory, con))
    con.execute("CREATE OR REPLACE TABLE part_starts AS SELECT * FROM _part_starts")
    con.unregister("_part_starts")
    con.execute(f"""CREATE OR REPLACE VIEW articles AS
        SELECT *, CAST(published AS DATE) AS published_day
        FROM read_parquet('{_glob(directory, 'articles')}')""")
    con.execute(f"""CREATE OR REPLACE VIEW sentences AS
        SELECT s.* EXCLUDE (filename, file_row_number), p.first + s.file_row_number AS sid
        FROM read_parquet('{_glob(directory, 'sentences')}', filename=true, file_row_number=true) s
        JOIN part_starts p ON p.file = s.filename""")
    actor_kinds = ", ".join(f"'{k}'" for k in ACTOR_KINDS)
    place_kinds = ", ".join(f"'{k}'" for k in PLACE_KINDS)
    con.execute(f"""CREATE OR REPLACE VIEW mentions AS
        SELECT *, kind IN ({actor_kinds}) AS is_actor,
               (kind IN ({place_kinds}) OR coalesce(starts_with(entity_id, 'country:'), false)) AS is_place
        FROM read_parquet('{_glob(directory, 'mentions')}')""")
    for name in ("events", "figures"):
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{_glob(directory, name)}')")
    # Display name and kind of each entity: its most frequent (ties: first A-Z).
    con.execute("""CREATE OR REPLACE TABLE entities AS
        WITH n AS (SELECT entity_id, name, kind, any_value(country_code) AS country_code,
                          count(*) AS c FROM mentions WHERE entity_id IS NOT NULL GROUP BY ALL)
        SELECT entity_id, first(name ORDER BY c DESC, name) AS name, first(kind ORDER BY c DESC, kind) AS kind,
               first(country_code ORDER BY c DESC) AS country_code
        FROM n GROUP BY entity_id""")
    return manifest


# ---------------------------------------------------------------------------- filters

_ACTOR_MATCH = """(m.name = ANY(${p}) OR m.entity_id = ANY(${p})
    OR (starts_with(m.entity_id, 'inst:') AND split_part(m.entity_id, ':', 2) IN (
        SELECT split_part(entity_id, ':', 2) FROM entities
        WHERE starts_with(entity_id, 'country:') AND (name = ANY(${p}) OR entity_id = ANY(${p})))))"""


@dataclass(frozen=True)
class Scope:
    """SQL for the rows of each table that pass ``filters``, with its named parameters.

    ``hits`` says that the cursor has the search matches registered as ``q_hits(sid)``
    (see :func:`register_hits`); without it the text query is ignored.
    """

    filters: Filters
    hits: bool = False

    def params(self) -> dict:
        f = self.filters
        out = {}
        if f.actors:
            out["actors"] = list(f.actors)
        if f.places:
            out["places"] = list(f.places)
        if f.topics:
            out["topics"] = list(f.topics)
        if f.sources:
            out["sources"] = list(f.sources)
        if f.date_from:
            out["date_from"] = f.date_from
        if f.date_to:
            out["date_to"] = f.date_to
        return out

    def _article_conditions(self, *, by_published: bool) -> list[str]:
        f = self.filters
        out = []
        if f.sources:
            out.append("source = ANY($sources)")
        if by_published and f.date_from:
            out.append("published_day >= $date_from")
        if by_published and f.date_to:
            out.append("published_day <= $date_to")
        return out

    def _sentence_conditions(self) -> list[str]:
        """Conditions on ``s`` (a sentences row) beyond the article-level ones."""
        f = self.filters
        out = []
        if f.actors:
            out.append("(s.article_id, s.sentence_id) IN (SELECT article_id, sentence_id FROM "
                       f"mentions m WHERE m.is_actor AND {_ACTOR_MATCH.format(p='actors')})")
        if f.places:
            out.append("(s.article_id, s.sentence_id) IN (SELECT article_id, sentence_id FROM "
                       "mentions m WHERE m.is_place AND (m.name = ANY($places) OR m.entity_id = ANY($places)))")
        if f.topics:
            out.append("list_has_any(s.topics, $topics)")
        if self.hits and f.q:
            out.append("s.sid IN (SELECT sid FROM q_hits)")
        return out

    def where(self, alias: str, *, by_published: bool = True) -> str:
        """A condition on the rows of ``alias`` (any table with article_id and sentence_id)."""
        parts = []
        articles = self._article_conditions(by_published=by_published)
        if articles:
            parts.append(f"{alias}.article_id IN (SELECT article_id FROM articles WHERE "
                         + " AND ".join(articles) + ")")
        sentences = self._sentence_conditions()
        if sentences:
            inner = " AND ".join(sentences)
            if alias == "s":
                parts.append(inner)
            else:
                parts.append(f"({alias}.article_id, {alias}.sentence_id) IN (SELECT s.article_id, "
                             f"s.sentence_id FROM sentences s WHERE {inner})")
        return " AND ".join(parts) or "true"

    def table(self, name: str) -> str:
        """A subquery of the rows of table ``name`` in scope (events: by their own dates)."""
        if name == "articles":
            sentences = self._sentence_conditions()
            cond = self._article_conditions(by_published=True)
            if sentences:
                cond.append("article_id IN (SELECT s.article_id FROM sentences s WHERE "
                            + " AND ".join(sentences) + ")")
            return f"(SELECT * FROM articles WHERE {' AND '.join(cond) or 'true'})"
        alias = "s" if name == "sentences" else "t"
        if name == "events":
            cond = [self.where(alias, by_published=False)]
            if self.filters.date_from:
                cond.append("coalesce(t.date_end, t.date) >= CAST($date_from AS TIMESTAMP)")
            if self.filters.date_to:
                cond.append("t.date < CAST($date_to AS TIMESTAMP) + INTERVAL 1 DAY")
            return f"(SELECT * FROM events t WHERE {' AND '.join(cond)})"
        return f"(SELECT * FROM {name} {alias} WHERE {self.where(alias)})"


def _run(cur, sql: str, scope: Scope | None = None, **params) -> pd.DataFrame:
    """Execute ``sql`` with the scope's parameters (only those the SQL uses) and ``params``."""
    values = {**(scope.params() if scope else {}), **params}
    used = {k: v for k, v in values.items() if f"${k}" in sql}
    return cur.execute(sql, used).df()


def _one(cur, sql: str, scope: Scope | None = None, **params):
    values = {**(scope.params() if scope else {}), **params}
    used = {k: v for k, v in values.items() if f"${k}" in sql}
    return cur.execute(sql, used).fetchone()


def facet_options(cur) -> dict[str, list[str]]:
    """The values each sidebar facet offers: actors and places by mentions, then A-Z."""
    def by_count(condition: str) -> list[str]:
        return _run(cur, f"SELECT name FROM mentions WHERE {condition} AND name IS NOT NULL "
                         "GROUP BY name ORDER BY count(*) DESC, name")["name"].tolist()

    topics = _run(cur, "SELECT topic FROM (SELECT unnest(topics) AS topic FROM sentences) "
                       "GROUP BY topic ORDER BY count(*) DESC, topic")
    sources = _run(cur, "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source")
    return {"actor": by_count("is_actor"), "place": by_count("is_place"),
            "topic": topics["topic"].tolist(), "source": sources["source"].tolist()}


# ---------------------------------------------------------------------------- search

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')


@dataclass(frozen=True)
class Query:
    """A parsed search: lower-case words and quoted phrases.

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


def fts_query(query: Query) -> str:
    """The FTS5 MATCH expression for ``query``: every word and phrase as a quoted string.

    Quoting makes any user text a plain token sequence (no FTS5 operators or syntax errors);
    the index's porter stemmer matches "missile" with "missiles".
    """
    def quoted(words: Sequence[str]) -> str:
        return '"' + " ".join(words).replace('"', '""') + '"'

    return " ".join([quoted((t,)) for t in query.terms] + [quoted(p) for p in query.phrases])


def _searchable(query: Query) -> bool:
    return not query.error and bool(query.terms or query.phrases)


def search_rowids(db: sqlite3.Connection | None, query: Query) -> np.ndarray:
    """The rowids (``sentences.sid``) of every sentence matching ``query``."""
    if db is None or not _searchable(query):
        return np.zeros(0, dtype=np.int64)
    rows = db.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?",
                      (fts_query(query),)).fetchall()
    return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))


def register_hits(cur, db: sqlite3.Connection | None, filters: Filters) -> Scope:
    """Register the matches of ``filters.q`` on ``cur`` as ``q_hits`` and return the scope."""
    query = parse_query(filters.q)
    if not _searchable(query):
        return Scope(filters, hits=False)
    cur.register("q_hits", pa.table({"sid": search_rowids(db, query)}))
    return Scope(filters, hits=True)


_OPEN, _CLOSE = "\x02", "\x03"  # highlight() markers; the readers turn control characters to spaces


def search(db: sqlite3.Connection | None, cur, query: Query, scope: Scope, *,
           limit: int = 200) -> tuple[int, pd.DataFrame]:
    """Sentences matching ``query`` within the scope's other filters, best first (bm25).

    Returns the number of matches and up to ``limit`` rows: sid, article_id, sentence_id,
    start, end, text, marked (``text`` with matches between \\x02 and \\x03), score (higher is
    better), title, published, source.
    """
    columns = ["sid", "article_id", "sentence_id", "start", "end", "text", "marked", "score",
               "title", "published", "source"]
    if db is None or not _searchable(query):
        return 0, pd.DataFrame(columns=columns)
    match = fts_query(query)
    others = Scope(Filters(**{**scope.filters.__dict__, "q": ""}))
    if others.filters.is_empty():
        total = db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?",
                           (match,)).fetchone()[0]
        ranked = db.execute(
            f"SELECT rowid, highlight(sentences_fts, 0, '{_OPEN}', '{_CLOSE}'), -bm25(sentences_fts) "
            "FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit)).fetchall()
    else:
        # Matches in the index, narrowed by the other filters in DuckDB, ranked back in SQLite.
        cur.register("q_hits", pa.table({"sid": search_rowids(db, query)}))
        kept = _run(cur, f"SELECT s.sid FROM sentences s WHERE s.sid IN (SELECT sid FROM q_hits) "
                         f"AND {others.where('s')}", others)["sid"]
        total = len(kept)
        ranked = db.execute(
            f"SELECT rowid, highlight(sentences_fts, 0, '{_OPEN}', '{_CLOSE}'), -bm25(sentences_fts) "
            "FROM sentences_fts WHERE sentences_fts MATCH ? AND rowid IN "
            "(SELECT value FROM json_each(?)) ORDER BY rank LIMIT ?",
            (match, json.dumps(kept.astype(int).tolist()), limit)).fetchall()
    if not ranked:
        return total, pd.DataFrame(columns=columns)
    found = pd.DataFrame(ranked, columns=["sid", "marked", "score"])
    cur.register("ranked", found[["sid"]])
    rows = _run(cur, """SELECT s.sid, s.article_id, s.sentence_id, s.start, s."end", s.text,
                               a.title, a.published, a.source
                        FROM sentences s JOIN articles a USING (article_id)
                        WHERE s.sid IN (SELECT sid FROM ranked)""")
    cur.unregister("ranked")
    out = found.merge(rows, on="sid")
    return total, out[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------- overview

def corpus_summary(cur, scope: Scope) -> dict:
    """Counts of every table, the publication date span and the articles per source."""
    counts = {name: _one(cur, f"SELECT count(*) FROM {scope.table(name)}", scope)[0]
              for name in ("sentences", "mentions", "events", "figures")}
    articles = scope.table("articles")
    n, first, last, days = _one(cur, f"SELECT count(*), min(published), max(published), "
                                     f"count(DISTINCT published_day) FROM {articles}", scope)
    sources = _run(cur, f"SELECT coalesce(source, '(no source)') AS source, count(*) AS n "
                        f"FROM {articles} GROUP BY 1 ORDER BY n DESC, source LIMIT 20", scope)
    return {"articles": n, **counts,
            "first": pd.Timestamp(first) if first is not None else None,
            "last": pd.Timestamp(last) if last is not None else None,
            "publication_days": days, "sources": list(sources.itertuples(index=False, name=None))}


def _sample_sentences(cur, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (with article_id, sentence_id) plus the text of that sentence as ``sentence``."""
    if not len(table):
        return table.assign(sentence=pd.Series(dtype=object))
    cur.register("wanted", table[["article_id", "sentence_id"]].drop_duplicates())
    texts = _run(cur, "SELECT s.article_id, s.sentence_id, s.text AS sentence FROM sentences s "
                      "WHERE (s.article_id, s.sentence_id) IN (SELECT article_id, sentence_id FROM wanted)")
    cur.unregister("wanted")
    return table.merge(texts, on=["article_id", "sentence_id"], how="left")


def _split_first(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its ``first`` (article_id, sentence_id) pair as two columns."""
    first = [tuple(f.values()) if isinstance(f, dict) else tuple(f) for f in table["first"]]
    return table.drop(columns="first").assign(article_id=[f[0] for f in first],
                                              sentence_id=[int(f[1]) for f in first])


def top_values(cur, scope: Scope, facet: str, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent actors, places or topics by sentences, with a sample sentence.

    Columns: name, sentences, article_id, sentence_id (of the sample), sentence.
    """
    if facet == "topic":
        pairs = (f"SELECT DISTINCT unnest(topics) AS name, article_id, sentence_id "
                 f"FROM {scope.table('sentences')}")
    else:
        flag = {"actor": "is_actor", "place": "is_place"}[facet]
        pairs = (f"SELECT DISTINCT name, article_id, sentence_id FROM {scope.table('mentions')} "
                 f"WHERE {flag} AND name IS NOT NULL")
    top = _run(cur, f"""SELECT name, count(*) AS sentences,
                               min((article_id, sentence_id)) AS first
                        FROM ({pairs}) GROUP BY name ORDER BY sentences DESC, name LIMIT {int(n)}""",
               scope)
    if not len(top):
        return pd.DataFrame(columns=["name", "sentences", "article_id", "sentence_id", "sentence"])
    return _sample_sentences(cur, _split_first(top))


def _period(span_days: int) -> str:
    """The date_trunc part that gives at most a few hundred bins over ``span_days``."""
    for part, limit in (("day", 92), ("week", 730), ("month", 25 * 366), ("year", 300 * 366)):
        if span_days <= limit:
            return part
    return "decade"


_STEPS = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1),
          "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1),
          "decade": pd.DateOffset(years=10)}


def mentions_over_time(cur, scope: Scope) -> pd.DataFrame:
    """Mentions per publication period (day, week or month by the span); empty if under 2 dates.

    A single publication date supports no trend, so the caller shows none.
    """
    days = (f"SELECT a.published_day AS day FROM {scope.table('mentions')} m "
            f"JOIN articles a ON a.article_id = m.article_id WHERE a.published_day IS NOT NULL")
    n, first, last = _one(cur, f"SELECT count(DISTINCT day), min(day), max(day) FROM ({days})", scope)
    if n < 2:
        out = pd.DataFrame(columns=["period", "mentions"])
        return out
    part = _period((last - first).days)
    out = _run(cur, f"SELECT date_trunc('{part}', day) AS period, count(*) AS mentions "
                    f"FROM ({days}) GROUP BY 1 ORDER BY 1", scope)
    out["period"] = pd.to_datetime(out["period"])
    out.attrs["freq"] = part
    return out


# ---------------------------------------------------------------------------- figures

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_KIND_SQL = ("CASE WHEN regexp_full_match(coalesce(f.unit, ''), '[A-Z]{3}') THEN 'money' "
             "ELSE coalesce(nullif(f.unit, ''), 'number') END")


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


def _names(cur, ids: set[str]) -> dict[str, str]:
    """entity_id -> display name for ``ids``."""
    if not ids:
        return {}
    rows = _run(cur, "SELECT entity_id, name FROM entities WHERE entity_id = ANY($ids)", ids=sorted(ids))
    return dict(zip(rows["entity_id"], rows["name"]))


def _with_figure_columns(cur, table: pd.DataFrame) -> pd.DataFrame:
    """Figures rows plus actor_names, place_names, display and kind."""
    ids = {e for column in ("actors", "places") for ids in table[column] for e in (ids if ids is not None else [])}
    names = _names(cur, ids)
    table["actors"] = [list(v) if v is not None else [] for v in table["actors"]]
    table["places"] = [list(v) if v is not None else [] for v in table["places"]]
    table["actor_names"] = [[names.get(e, e) for e in ids] for ids in table["actors"]]
    table["place_names"] = [[names.get(e, e) for e in ids] for ids in table["places"]]
    table["display"] = [format_value(v, u, o, approximate=bool(a)) for v, u, o, a in
                        zip(table["value"], table["unit"], table["of"], table["approximate"])]
    return table


_FIGURE_ROWS = """SELECT f.*, {kind} AS kind, s.text AS sentence, s.start AS sentence_start,
                         a.title, a.published
                  FROM {figures} f
                  JOIN sentences s ON s.article_id = f.article_id AND s.sentence_id = f.sentence_id
                  JOIN articles a ON a.article_id = f.article_id"""


def figures_count(cur, scope: Scope) -> int:
    """How many figures are in scope."""
    return _one(cur, f"SELECT count(*) FROM {scope.table('figures')}", scope)[0]


def figures_page(cur, scope: Scope, *, offset: int = 0, limit: int = 200) -> pd.DataFrame:
    """One page of figures, largest value first, with display value, names and sentence."""
    sql = _FIGURE_ROWS.format(kind=_KIND_SQL, figures=scope.table("figures"))
    rows = _run(cur, f"{sql} ORDER BY f.value DESC NULLS LAST, f.article_id, f.start "
                     f"LIMIT {int(limit)} OFFSET {int(offset)}", scope)
    return _with_figure_columns(cur, rows)


def figures_chart(cur, scope: Scope, *, max_points: int = 2000) -> tuple[pd.DataFrame, bool]:
    """Figures for the chart: all of them, or the largest of each kind up to ``max_points``.

    Returns the rows and whether they were cut to the largest.
    """
    sql = _FIGURE_ROWS.format(kind=_KIND_SQL, figures=scope.table("figures"))
    total, kinds = _one(cur, f"SELECT count(*), count(DISTINCT {_KIND_SQL}) FROM {scope.table('figures')} f", scope)
    cut = total > max_points
    per_kind = max(1, max_points // max(kinds, 1))
    rows = _run(cur, f"SELECT * FROM ({sql}) QUALIFY row_number() OVER "
                     f"(PARTITION BY kind ORDER BY value DESC NULLS LAST, article_id, start) <= {per_kind}"
                if cut else sql, scope)
    return _with_figure_columns(cur, rows), cut


def key_figures(cur, scope: Scope, *, n: int = 6) -> pd.DataFrame:
    """Up to ``n`` headline figures, one per sentence: money, then counts of something; largest first."""
    sql = _FIGURE_ROWS.format(kind=_KIND_SQL, figures=scope.table("figures"))
    rows = _run(cur, f"""SELECT * FROM ({sql})
        QUALIFY row_number() OVER (PARTITION BY article_id, sentence_id
                                   ORDER BY (kind <> 'money'), (of IS NULL), value DESC) = 1
        ORDER BY (kind <> 'money'), (of IS NULL), value DESC NULLS LAST LIMIT {int(n)}""", scope)
    return _with_figure_columns(cur, rows)


# ---------------------------------------------------------------------------- timeline

def _event_lanes(scope: Scope, lanes: str) -> str:
    """SQL: one row per (event, lane name or NULL) of the events in scope."""
    events = scope.table("events")
    key = "t.article_id || ':' || t.sentence_id || ':' || t.start"
    if lanes == "actor":
        return f"""SELECT t.*, {key} AS event, e.name AS lane FROM (
                       SELECT *, unnest(CASE WHEN len(actors) > 0 THEN actors ELSE [NULL] END) AS eid
                       FROM {events}) t
                   LEFT JOIN entities e ON e.entity_id = t.eid"""
    return f"""SELECT t.*, {key} AS event, t.topic AS lane FROM (
                   SELECT ev.*, unnest(CASE WHEN len(s.topics) > 0 THEN s.topics ELSE [NULL] END) AS topic
                   FROM {events} ev JOIN sentences s
                     ON s.article_id = ev.article_id AND s.sentence_id = ev.sentence_id) t"""


def _laned(scope: Scope, lanes: str, max_lanes: int) -> str:
    """SQL: events with ``lane`` merged past the top ``max_lanes`` into "(other)"."""
    return f"""WITH raw AS (SELECT DISTINCT ON (event, lane) * FROM ({_event_lanes(scope, lanes)})),
        top AS (SELECT lane FROM raw WHERE lane IS NOT NULL GROUP BY lane
                ORDER BY count(*) DESC, lane LIMIT {int(max_lanes)})
        SELECT DISTINCT ON (event, lane2) * EXCLUDE (lane2), lane2 AS lane FROM (
            SELECT raw.* EXCLUDE (lane), CASE WHEN raw.lane IS NULL THEN '(none)'
                   WHEN raw.lane IN (SELECT lane FROM top) THEN raw.lane ELSE '(other)' END AS lane2
            FROM raw)"""


def timeline_summary(cur, scope: Scope) -> dict:
    """Events in scope: how many, and the first and last day."""
    n, first, last = _one(cur, f"SELECT count(*), min(date), max(coalesce(date_end, date)) "
                               f"FROM {scope.table('events')}", scope)
    return {"events": n, "first": pd.Timestamp(first) if first is not None else None,
            "last": pd.Timestamp(last) if last is not None else None}


def timeline_rows(cur, scope: Scope, *, lanes: str = "actor", max_lanes: int = 12,
                  limit: int = 1500) -> pd.DataFrame:
    """One bar per event and lane (at most ``limit`` events): start at ``date``, finish the day
    after ``date_end``.

    ``lanes`` is "actor" or "topic"; lanes past ``max_lanes`` merge into "(other)", events
    with none go to "(none)". Columns include ``event`` (a stable id), ``sentence``, ``title``.
    """
    drop = "eid" if lanes == "actor" else "topic"
    rows = _run(cur, f"""WITH laned AS ({_laned(scope, lanes, max_lanes)}),
        chosen AS (SELECT DISTINCT event FROM laned ORDER BY event LIMIT {int(limit)})
        SELECT l.* EXCLUDE ({drop}), s.text AS sentence, a.title
        FROM laned l JOIN sentences s ON s.article_id = l.article_id AND s.sentence_id = l.sentence_id
        JOIN articles a ON a.article_id = l.article_id
        WHERE l.event IN (SELECT event FROM chosen)
        ORDER BY l.date, l.lane""", scope)
    if len(rows):
        rows["finish"] = rows["date_end"].fillna(rows["date"]) + pd.Timedelta(days=1)
    else:
        rows["finish"] = pd.Series(dtype="datetime64[us]")
    return rows.reset_index(drop=True)


def timeline_counts(cur, scope: Scope, *, lanes: str = "actor", max_lanes: int = 12) -> pd.DataFrame:
    """Events per period (by ``date``) and lane, the period chosen from the span of dates.

    Columns: period (start), period_end (start of the next), lane, events; ``attrs["freq"]``.
    """
    summary = timeline_summary(cur, scope)
    if not summary["events"]:
        return pd.DataFrame(columns=["period", "period_end", "lane", "events"])
    part = _period((summary["last"] - summary["first"]).days)
    out = _run(cur, f"""SELECT date_trunc('{part}', date) AS period, lane, count(*) AS events
                        FROM ({_laned(scope, lanes, max_lanes)}) GROUP BY ALL ORDER BY period, lane""",
               scope)
    out["period"] = pd.to_datetime(out["period"])
    out["period_end"] = out["period"] + _STEPS[part]
    out.attrs["freq"] = part
    return out[["period", "period_end", "lane", "events"]]


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


def publication_counts(cur, scope: Scope) -> pd.DataFrame:
    """Articles per publication day, week or month (by the span): the "when reported" view."""
    articles = scope.table("articles")
    n, first, last = _one(cur, f"SELECT count(DISTINCT published_day), min(published_day), "
                               f"max(published_day) FROM {articles}", scope)
    if not n:
        return pd.DataFrame(columns=["published", "articles"])
    part = "day" if n <= 400 else _period((last - first).days)
    out = _run(cur, f"SELECT date_trunc('{part}', published_day) AS published, count(*) AS articles "
                    f"FROM {articles} WHERE published_day IS NOT NULL GROUP BY 1 ORDER BY 1", scope)
    out["published"] = pd.to_datetime(out["published"])
    out.attrs["freq"] = part
    return out


def sentence_context(cur, article_id: str, sentence_id: int, *, around: int = 1) -> pd.DataFrame:
    """The sentence and ``around`` neighbours each side (of the whole dataset), with ``focus``."""
    out = _run(cur, """SELECT s.article_id, s.sentence_id, s.start, s."end", s.text, a.title, a.published
                       FROM sentences s JOIN articles a USING (article_id)
                       WHERE s.article_id = $a AND s.sentence_id BETWEEN $lo AND $hi
                       ORDER BY s.sentence_id""",
               a=article_id, lo=int(sentence_id) - around, hi=int(sentence_id) + around)
    return out.assign(focus=out["sentence_id"] == int(sentence_id))


# ---------------------------------------------------------------------------- map

_PALETTE = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
            (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
            (57, 59, 121), (173, 73, 74)]


def country_color(code: str | None) -> list[int]:
    """A stable RGBA colour for a country code (the same on every run and machine)."""
    if not code:
        return [120, 120, 120, 200]
    return [*_PALETTE[zlib.crc32(code.encode()) % len(_PALETTE)], 200]


MAP_POINTS = 2000


def place_points(cur, scope: Scope, country_names: Mapping[str, str] | None = None, *,
                 limit: int = MAP_POINTS) -> pd.DataFrame:
    """One row per place or country (the ``limit`` most mentioned) with coordinates, sized by
    mentions, with a sample sentence and the person or organisation most named with it.

    Columns: entity_id, name, kind, country_code, country, lat, lon, mentions, articles,
    article_id, sentence_id, sentence, color, radius, actor ("" if none) and actor_color.
    """
    columns = ["entity_id", "name", "kind", "country_code", "country", "lat", "lon", "mentions",
               "articles", "article_id", "sentence_id", "sentence", "color", "radius",
               "actor", "actor_color"]
    mentions = scope.table("mentions")
    g = _run(cur, f"""WITH p AS (SELECT * FROM {mentions} WHERE is_place AND lat IS NOT NULL AND lon IS NOT NULL)
        SELECT entity_id, first(name ORDER BY article_id, sentence_id, start) AS name,
               first(kind ORDER BY article_id, sentence_id, start) AS kind,
               first(country_code ORDER BY article_id, sentence_id, start) AS country_code,
               first(lat ORDER BY article_id, sentence_id, start) AS lat,
               first(lon ORDER BY article_id, sentence_id, start) AS lon,
               count(*) AS mentions, count(DISTINCT article_id) AS articles,
               min((article_id, sentence_id)) AS first
        FROM p GROUP BY entity_id ORDER BY mentions DESC, entity_id LIMIT {int(limit)}""", scope)
    if not len(g):
        return pd.DataFrame(columns=columns)
    g = _sample_sentences(cur, _split_first(g))
    g.loc[g["entity_id"].str.startswith("country:"), "kind"] = "country"
    names = dict(country_names or {})
    g["country"] = [names.get(c, c) if isinstance(c, str) else "" for c in g["country_code"]]
    g["sentence"] = g["sentence"].str.slice(0, 240)
    g["color"] = [country_color(c if isinstance(c, str) else None) for c in g["country_code"]]
    cur.register("shown_places", g[["entity_id"]])
    actors = _run(cur, f"""WITH p AS (SELECT DISTINCT entity_id, article_id, sentence_id FROM {mentions}
                                     WHERE is_place AND entity_id IN (SELECT entity_id FROM shown_places)),
            a AS (SELECT DISTINCT name, article_id, sentence_id FROM {mentions}
                  WHERE kind IN ('person', 'organization'))
        SELECT entity_id, first(name ORDER BY n DESC, name) AS actor FROM (
            SELECT p.entity_id, a.name, count(*) AS n FROM p JOIN a USING (article_id, sentence_id)
            GROUP BY ALL) GROUP BY entity_id""", scope)
    cur.unregister("shown_places")
    g["actor"] = g["entity_id"].map(dict(zip(actors["entity_id"], actors["actor"]))).fillna("")
    g["actor_color"] = [country_color(a or None) for a in g["actor"]]  # the palette takes any key
    # Screen pixels (the same at every zoom), area in proportion to mentions, at most 30.
    g["radius"] = 4.0 + 26.0 * np.sqrt(g["mentions"].astype(float) / g["mentions"].max())
    return g.sort_values(["mentions", "entity_id"], ascending=[False, True]).reset_index(drop=True)[columns]


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

def entity_count(cur, scope: Scope, *, actors: bool = True) -> int:
    """How many distinct actors (or places) are in scope."""
    flag = "is_actor" if actors else "is_place"
    return _one(cur, f"SELECT count(DISTINCT name) FROM {scope.table('mentions')} WHERE {flag}", scope)[0]


def entity_ranking(cur, scope: Scope, *, actors: bool = True, offset: int = 0,
                   limit: int = 200) -> pd.DataFrame:
    """Actors (or places) by mentions (one page), with sentences, articles and a sample sentence."""
    flag = "is_actor" if actors else "is_place"
    g = _run(cur, f"""
        WITH m AS (SELECT name, kind, article_id, sentence_id FROM {scope.table('mentions')}
                   WHERE {flag} AND name IS NOT NULL),
        k AS (SELECT name, first(kind ORDER BY n DESC, kind) AS kind FROM
              (SELECT name, kind, count(*) AS n FROM m GROUP BY ALL) GROUP BY name)
        SELECT m.name, k.kind, count(*) AS mentions,
               count(DISTINCT (m.article_id, m.sentence_id)) AS sentences,
               count(DISTINCT m.article_id) AS articles, min((m.article_id, m.sentence_id)) AS first
        FROM m JOIN k USING (name) GROUP BY m.name, k.kind
        ORDER BY mentions DESC, m.name LIMIT {int(limit)} OFFSET {int(offset)}""", scope)
    if not len(g):
        return pd.DataFrame(columns=["name", "kind", "mentions", "sentences", "articles",
                                     "article_id", "sentence_id", "sentence"])
    return _sample_sentences(cur, _split_first(g))


def cooccurrence(cur, scope: Scope, *, top_n: int = 25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (the ``top_n`` actors by sentences) and edges between actors named in one sentence.

    Edge columns: source, target, weight (shared sentences).
    """
    nodes = _run(cur, f"""SELECT name, count(DISTINCT (article_id, sentence_id)) AS sentences
        FROM {scope.table('mentions')} WHERE is_actor AND name IS NOT NULL
        GROUP BY name ORDER BY sentences DESC, name LIMIT {int(top_n)}""", scope)
    if not len(nodes):
        return nodes, pd.DataFrame(columns=["source", "target", "weight"])
    edges = _run(cur, f"""WITH p AS (SELECT DISTINCT name, article_id, sentence_id FROM {scope.table('mentions')}
                                     WHERE is_actor AND name = ANY($top))
        SELECT a.name AS source, b.name AS target, count(*) AS weight
        FROM p a JOIN p b ON a.article_id = b.article_id AND a.sentence_id = b.sentence_id AND a.name < b.name
        GROUP BY ALL ORDER BY weight DESC, source, target""", scope, top=nodes["name"].tolist())
    return nodes, edges


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


def _sentences_naming(scope: Scope, names: Sequence[str]) -> str:
    """SQL: the sentences in scope that name every actor of ``$n0``, ``$n1``…"""
    conds = [f"""(s.article_id, s.sentence_id) IN (SELECT article_id, sentence_id FROM mentions m
                 WHERE m.is_actor AND m.name = $n{i})""" for i in range(len(names))]
    return (f"SELECT s.*, a.title, a.published FROM sentences s JOIN articles a USING (article_id) "
            f"WHERE {scope.where('s')} AND {' AND '.join(conds)}")


def edge_sentences(cur, scope: Scope, source: str, target: str, *,
                   limit: int = 20) -> tuple[int, pd.DataFrame]:
    """How many sentences in scope name both actors, and the first ``limit`` of them."""
    sql = _sentences_naming(scope, [source, target])
    names = {"n0": source, "n1": target}
    total = _one(cur, f"SELECT count(*) FROM ({sql})", scope, **names)[0]
    rows = _run(cur, f"{sql} ORDER BY s.article_id, s.sentence_id LIMIT {int(limit)}", scope, **names)
    return total, rows


def actor_profile(cur, scope: Scope, name: str, *, limit: int = 20) -> dict:
    """One actor in scope: its counts, and the top places, topics, other actors, figures and
    first sentences of the sentences that name it."""
    own = _sentences_naming(scope, [name])
    keys = f"SELECT article_id, sentence_id FROM ({own})"
    params = {"n0": name}
    around = f"SELECT * FROM mentions WHERE (article_id, sentence_id) IN ({keys}) AND name <> $n0"
    places = _run(cur, f"SELECT name AS place, count(DISTINCT (article_id, sentence_id)) AS sentences "
                       f"FROM ({around}) WHERE is_place GROUP BY name ORDER BY sentences DESC, name "
                       f"LIMIT {int(limit)}", scope, **params)
    others = _run(cur, f"SELECT name AS actor, count(DISTINCT (article_id, sentence_id)) AS sentences "
                       f"FROM ({around}) WHERE is_actor GROUP BY name ORDER BY sentences DESC, name "
                       f"LIMIT {int(limit)}", scope, **params)
    topics = _run(cur, f"SELECT topic, count(*) AS sentences FROM (SELECT unnest(topics) AS topic "
                       f"FROM ({own})) GROUP BY topic ORDER BY sentences DESC, topic LIMIT {int(limit)}",
                  scope, **params)
    figures_sql = _FIGURE_ROWS.format(kind=_KIND_SQL, figures="figures")
    figures = _run(cur, f"SELECT * FROM ({figures_sql}) WHERE (article_id, sentence_id) IN ({keys}) "
                        f"ORDER BY value DESC NULLS LAST LIMIT 50", scope, **params)
    n_figures = _one(cur, f"SELECT count(*) FROM figures WHERE (article_id, sentence_id) IN ({keys})",
                     scope, **params)[0]
    sentences = _run(cur, f"{own} ORDER BY s.article_id, s.sentence_id LIMIT 15", scope, **params)
    counts = _one(cur, f"""SELECT count(*), count(DISTINCT (article_id, sentence_id)), count(DISTINCT article_id)
                           FROM {scope.table('mentions')} WHERE is_actor AND name = $n0""", scope, **params)
    return {"sentences": sentences, "places": places, "actors": others, "topics": topics,
            "figures": _with_figure_columns(cur, figures), "figure_count": n_figures,
            "mentions": counts[0], "sentence_count": counts[1], "articles": counts[2]}


# ---------------------------------------------------------------------------- text

READER_CHOICES = 200


def article_choices(cur, scope: Scope, *, limit: int = READER_CHOICES) -> pd.DataFrame:
    """The newest ``limit`` articles in scope: article_id, title, published, source."""
    return _run(cur, f"SELECT article_id, title, published, source FROM {scope.table('articles')} "
                     f"ORDER BY published DESC NULLS LAST, article_id LIMIT {int(limit)}", scope)


def article(cur, article_id: str) -> dict | None:
    """One article's row as a dict (None if there is no such article)."""
    rows = _run(cur, "SELECT * FROM articles WHERE article_id = $a", a=article_id)
    if not len(rows):
        return None
    row = rows.iloc[0].to_dict()
    row["topics"] = list(row["topics"]) if row["topics"] is not None else []
    return row


def article_sentences(cur, article_id: str) -> pd.DataFrame:
    """An article's sentences in order."""
    return _run(cur, "SELECT * FROM sentences WHERE article_id = $a ORDER BY sentence_id", a=article_id)


def article_mentions(cur, article_id: str) -> pd.DataFrame:
    """An article's mentions in text order."""
    return _run(cur, "SELECT * FROM mentions WHERE article_id = $a ORDER BY start, \"end\" DESC",
                a=article_id)


# ---------------------------------------------------------------------------- export

_SENTENCE_JOIN = ("JOIN sentences s ON s.article_id = t.article_id AND s.sentence_id = t.sentence_id")


def export_sql(kind: str, scope: Scope, **extra) -> tuple[str, dict]:
    """The SQL (and parameters) of one CSV download: evidence columns first.

    ``kind``: "events", "figures", "actor_mentions", "place_mentions", "article_mentions"
    (``article_id=``) or "search" (``rowids=``, the ranked matches).
    """
    evidence = "t.article_id, t.sentence_id, t.start, t.\"end\", t.surface"
    if kind == "events":
        sql = (f"SELECT {evidence}, t.date, t.date_end, t.precision, t.relative, "
               f"array_to_string(t.actors, '; ') AS actors, array_to_string(t.places, '; ') AS places, "
               f"s.text AS sentence FROM {scope.table('events')} t {_SENTENCE_JOIN} "
               f"ORDER BY t.date, t.article_id, t.start")
    elif kind == "figures":
        sql = (f"SELECT {evidence}, t.value, t.unit, t.of, t.approximate, "
               f"array_to_string(list_transform(t.actors, lambda x: coalesce(nm.m[x], x)), '; ') AS actor_names, "
               f"array_to_string(list_transform(t.places, lambda x: coalesce(nm.m[x], x)), '; ') AS place_names, "
               f"s.text AS sentence FROM {scope.table('figures')} t {_SENTENCE_JOIN} "
               f"CROSS JOIN (SELECT map(list(entity_id), list(name)) AS m FROM entities) nm "
               f"ORDER BY t.value DESC NULLS LAST")
    elif kind in ("actor_mentions", "place_mentions"):
        flag = "is_actor" if kind == "actor_mentions" else "is_place"
        more = "" if kind == "actor_mentions" else ", t.country_code, t.lat, t.lon"
        sql = (f"SELECT {evidence}, t.name, t.kind, t.entity_id{more}, s.text AS sentence "
               f"FROM {scope.table('mentions')} t {_SENTENCE_JOIN} WHERE t.{flag} "
               f"ORDER BY t.article_id, t.sentence_id, t.start")
    elif kind == "article_mentions":
        sql = (f"SELECT {evidence}, t.kind, t.entity_id, t.name, s.text AS sentence "
               f"FROM mentions t {_SENTENCE_JOIN} WHERE t.article_id = $article_id ORDER BY t.start")
        return sql, {"article_id": extra["article_id"]}
    else:
        raise ValueError(f"unknown export {kind!r}")
    return sql, scope.params()


def evidence_csv(cur, sql: str, params: Mapping | None = None) -> bytes:
    """The rows of ``sql`` as UTF-8 CSV, written batch by batch from DuckDB."""
    used = {k: v for k, v in (params or {}).items() if f"${k}" in sql}
    reader = cur.sql(sql, params=used).to_arrow_reader(50_000)
    out = io.BytesIO()
    with pacsv.CSVWriter(out, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
    return out.getvalue()


def page_label(offset: int, shown: int, total: int) -> str:
    """ "1-200 of 48,312" for a page of rows."""
    if not total:
        return "0 rows"
    return f"{offset + 1:,}-{offset + shown:,} of {total:,}"
