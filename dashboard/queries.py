"""Pure filtering, search and aggregation over a dataset, in SQL (DuckDB and SQLite FTS5).

Every function takes a DuckDB cursor on which :func:`open_dataset` loaded the dataset's compact
tables, a :class:`Scope` (the filters as SQL, and the read-only SQLite connection to the
dataset's ``search.sqlite``, where sentence texts are read by rowid) and plain values, and
returns a small DataFrame: the rows a page draws, never a whole table.

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
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from data_prep.tables import ACTOR_KINDS, PLACE_KINDS, SCHEMA_VERSION, SEARCH_INDEX, TABLES

__all__ = [
    "ACTOR_KINDS", "PLACE_KINDS", "PRECISIONS", "FINE_PRECISIONS", "Filters", "Query", "Scope",
    "open_dataset", "summarize_broad", "broad_key", "open_search", "parse_query", "fts_query", "search_rowids", "scope_sids", "register_hits",
    "RANK_LIMIT", "SEARCH_PAGE", "search_csv",
    "facet_options", "search", "corpus_summary", "top_values", "mentions_over_time",
    "key_figures", "format_value", "figures_count", "figures_page", "figures_chart",
    "timeline_summary", "timeline_rows", "timeline_counts", "timeline_window", "timeline_events",
    "publication_counts", "sentence_context", "MAP_POINTS", "place_points", "map_view", "country_color",
    "unmapped_places",
    "entity_ranking", "entity_count", "cooccurrence", "network_layout", "edge_sentences",
    "actor_profile", "READER_CHOICES", "article_choices", "article_count", "article", "article_sentences", "article_mentions",
    "export_sql", "evidence_csv", "page_label",
]

# Coarse to fine: the timeline draws fine events last, on top of long ones.
PRECISIONS = ("decade", "year", "season", "quarter", "month", "week", "day")
FINE_PRECISIONS = ("month", "week", "day")

# A single filter value whose sentences are at least this share of all sentences is "broad":
# its views are summarized like the unfiltered ones (at most BROAD_MAX values, the broadest;
# see summarize_broad), since answering them from the tables costs 0.1-0.2 s on 100,000 articles.
BROAD_SHARE = 0.04
BROAD_MAX = 12


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


def _check_rowids(con, directory: Path, *, sample: int = 200) -> None:
    """Raise ValueError when the search index's rowids do not name the sentences of the parts
    (checked on a sample), so that search results can never point at the wrong sentence."""
    db = open_search(directory)
    if db is None:
        return
    rows = con.execute(f"SELECT s.sid, a.article_id, s.sentence_id FROM (SELECT * FROM sentences "
                       f"USING SAMPLE reservoir({int(sample)} ROWS) REPEATABLE (7)) s "
                       f"JOIN articles a USING (aid)").fetchall()
    with db:
        indexed = db.execute(f"SELECT rowid, article_id, sentence_id FROM sentences WHERE rowid IN "
                             f"({_ints(r[0] for r in rows)})").fetchall()
    db.close()
    if sorted(rows) != sorted(indexed):
        raise ValueError(f"{directory / SEARCH_INDEX} does not match the sentence parts: "
                         "rebuild the dataset")


def open_dataset(con, directory: Path, *, broad_share: float = BROAD_SHARE,
                 broad_max: int = BROAD_MAX) -> dict:
    """Load the dataset's compact query tables into ``con`` and return its manifest.

    Tables (integer keys: ``aid`` per article, ``sid`` per sentence = its search index rowid;
    no article or sentence text, which stays in the Parquet parts and ``search.sqlite``):
    ``articles`` (aid, metadata), ``sentences`` (sid, aid, sentence_id, start, end),
    ``topics`` (tid, topic), ``sentence_topics`` (sid, aid, tid), ``labels`` (lid: one per
    entity_id, name and kind, with is_actor and is_place), ``mentions`` (sid, aid, lid, start),
    ``entities`` (entity_id, display name), ``events`` and ``figures`` (their columns, sid, aid).
    Views over the parts: ``article_texts``, ``sentence_rows`` (with sid), ``mention_rows``.

    Summaries of what unfiltered views show are made too, and of the views of the broad single
    filter values (``broad_share``, ``broad_max``: see :func:`summarize_broad`, which can add
    them later when ``broad_max`` is 0).

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
    glob = {name: _glob(directory, name) for name in TABLES}
    con.execute(f"CREATE OR REPLACE VIEW article_texts AS SELECT article_id, text FROM read_parquet('{glob['articles']}')")
    con.execute(f"""CREATE OR REPLACE VIEW sentence_rows AS
        SELECT s.* EXCLUDE (filename, file_row_number), p.first + s.file_row_number AS sid
        FROM read_parquet('{glob['sentences']}', filename=true, file_row_number=true) s
        JOIN part_starts p ON p.file = s.filename""")
    actor_kinds = ", ".join(f"'{k}'" for k in ACTOR_KINDS)
    place_kinds = ", ".join(f"'{k}'" for k in PLACE_KINDS)
    con.execute(f"""CREATE OR REPLACE VIEW mention_rows AS
        SELECT *, kind IN ({actor_kinds}) AS is_actor,
               (kind IN ({place_kinds}) OR coalesce(starts_with(entity_id, 'country:'), false)) AS is_place
        FROM read_parquet('{glob['mentions']}')""")
    con.execute(f"""CREATE OR REPLACE TABLE articles AS
        SELECT (row_number() OVER () - 1)::INTEGER AS aid, * EXCLUDE (text),
               CAST(published AS DATE) AS published_day
        FROM read_parquet('{glob['articles']}')""")
    con.execute("""CREATE OR REPLACE TABLE sentences AS
        SELECT s.sid, a.aid, s.sentence_id, s.start, s."end"
        FROM sentence_rows s JOIN articles a USING (article_id) ORDER BY s.sid""")
    _check_rowids(con, directory)
    # Point lookups of a page of sentences by sid and of their articles by aid (an IN list
    # otherwise scans the whole table: 4 against 2 ms for 50 articles of 100,000).
    con.execute("CREATE INDEX sentences_sid ON sentences (sid)")
    con.execute("CREATE INDEX articles_aid ON articles (aid)")
    con.execute("""CREATE OR REPLACE TABLE topics AS
        SELECT (row_number() OVER (ORDER BY topic) - 1)::SMALLINT AS tid, topic
        FROM (SELECT DISTINCT unnest(topics) AS topic FROM sentence_rows)""")
    con.execute("""CREATE OR REPLACE TABLE sentence_topics AS
        SELECT x.sid, s.aid, t.tid FROM (SELECT sid, unnest(topics) AS topic FROM sentence_rows) x
        JOIN topics t USING (topic) JOIN sentences s USING (sid)""")
    # nid numbers the names in their sort order, so comparing nids compares names.
    con.execute("""CREATE OR REPLACE TABLE labels AS
        SELECT (row_number() OVER (ORDER BY entity_id, name, kind) - 1)::INTEGER AS lid, *,
               CASE WHEN name IS NOT NULL THEN (dense_rank() OVER (ORDER BY name) - 1)::INTEGER END AS nid,
               CASE WHEN entity_id IS NOT NULL THEN (dense_rank() OVER (ORDER BY entity_id) - 1)::INTEGER END AS eid
        FROM (SELECT entity_id, name, kind, first(country_code) AS country_code,
                     first(lat) AS lat, first(lon) AS lon, first(is_actor) AS is_actor,
                     first(is_place) AS is_place
              FROM mention_rows GROUP BY entity_id, name, kind)""")
    con.execute("""CREATE OR REPLACE TABLE mentions AS
        SELECT s.sid, s.aid, l.lid, m.start
        FROM mention_rows m JOIN articles a USING (article_id)
        JOIN sentences s ON s.aid = a.aid AND s.sentence_id = m.sentence_id
        JOIN labels l ON l.entity_id IS NOT DISTINCT FROM m.entity_id
             AND l.name IS NOT DISTINCT FROM m.name AND l.kind IS NOT DISTINCT FROM m.kind""")
    # Display name of each entity: its most frequent (ties: first A-Z).
    con.execute("""CREATE OR REPLACE TABLE entities AS
        SELECT l.entity_id, first(l.name ORDER BY c.n DESC, l.name) AS name
        FROM (SELECT lid, count(*) AS n FROM mentions GROUP BY lid) c JOIN labels l USING (lid)
        WHERE l.entity_id IS NOT NULL GROUP BY l.entity_id""")
    for name in ("events", "figures"):
        # A figure's kind (see _KIND_SQL) is stored, not derived in every query.
        kind = f", {_KIND_SQL.replace('f.unit', 't.unit')} AS kind" if name == "figures" else ""
        con.execute(f"""CREATE OR REPLACE TABLE {name} AS
            SELECT t.*, s.sid, s.aid{kind} FROM read_parquet('{glob[name]}') t
            JOIN articles a USING (article_id)
            JOIN sentences s ON s.aid = a.aid AND s.sentence_id = t.sentence_id""")
    # Each figure's rank within its kind, largest first, over the whole dataset (see figures_chart).
    con.execute(f"""CREATE OR REPLACE TABLE figures AS SELECT *,
        row_number() OVER (PARTITION BY kind ORDER BY {_LARGEST}) AS kind_rank FROM figures""")
    # The most frequent value of a histogram (ties: the smallest), as a deterministic mode().
    con.execute("""CREATE OR REPLACE MACRO most_often(h) AS CASE WHEN cardinality(h) > 0 THEN
        list_reduce(map_entries(h), lambda a, b: CASE WHEN b.value > a.value
                    OR (b.value = a.value AND b.key < a.key) THEN b ELSE a END).key END""")
    _index_names(con)
    _summarize(con)
    if broad_max > 0:
        summarize_broad(con, share=broad_share, most=broad_max)
    return manifest


def _index_names(con) -> None:
    """The sentences naming each actor and each place, for filtered views (see ``Scope.summaries``).

    ``names`` (nid, name); ``actor_sentences`` and ``place_sentences`` (nid, sid, aid, n): one
    row per name and sentence that names it as an actor (a place), with its n mentions there,
    in sid order. Counting these
    integer pairs is what the filtered top lists, network and profile do, instead of
    de-duplicating (name, sentence) strings over the mentions each time.
    """
    con.execute("""CREATE OR REPLACE TABLE names AS
        SELECT DISTINCT nid, name FROM labels WHERE nid IS NOT NULL ORDER BY nid""")
    for flag, table in (("is_actor", "actor_sentences"), ("is_place", "place_sentences")):
        con.execute(f"""CREATE OR REPLACE TABLE {table} AS
            SELECT l.nid, m.sid, m.aid, count(*)::INTEGER AS n FROM mentions m JOIN labels l USING (lid)
            WHERE l.{flag} AND l.nid IS NOT NULL GROUP BY l.nid, m.sid, m.aid ORDER BY m.sid, l.nid""")
    # The mentions of places with coordinates (the map's), a third of all mentions.
    con.execute("""CREATE OR REPLACE TABLE map_mentions AS
        SELECT m.lid, l.eid, m.sid, m.aid FROM mentions m JOIN labels l USING (lid)
        WHERE l.is_place AND l.lat IS NOT NULL AND l.lon IS NOT NULL ORDER BY m.sid""")
    # Each sentence's (place, person or organisation) pairs, for the map's most co-named actor.
    con.execute("""CREATE OR REPLACE TABLE place_actor_sentences AS
        WITH p AS (SELECT DISTINCT l.eid, m.sid, m.aid FROM mentions m JOIN labels l USING (lid)
                   WHERE l.is_place AND l.eid IS NOT NULL),
        a AS (SELECT DISTINCT l.nid, m.sid FROM mentions m JOIN labels l USING (lid)
              WHERE l.kind IN ('person', 'organization') AND l.nid IS NOT NULL)
        SELECT p.eid, a.nid, p.sid, p.aid FROM p JOIN a USING (sid) ORDER BY p.sid""")


# A name's kind in the rankings: its most frequent among the ``rows`` (name, kind), ties A-Z.
_NAME_KIND = """SELECT name, first(kind ORDER BY n DESC, kind) AS kind
    FROM (SELECT name, kind, count(*) AS n FROM {rows} GROUP BY ALL) GROUP BY name"""

# Summaries hold the unfiltered results this many rows deep; deeper requests take the general path.
SUMMARY_DEPTH = {"pairs": 50, "headlines": 100, "largest": 2000, "lanes": 12, "places": 2000,
                 "profile": 20}
CHART_POINTS = 2000  # figures_chart's default number of points


def _broad_filters(con, share: float, most: int) -> list[Filters]:
    """The single-value filters (actor, place, topic or source) whose scope holds at least
    ``share`` of the sentences, the ``most`` broadest first. A name's own sentences stand for
    its scope (a country's institutions add a few): the choice only decides what is summarized."""
    total = con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    if most <= 0 or not total:
        return []
    rows = con.execute("""
        SELECT * FROM (
            SELECT 'actors' AS facet, n.name AS value, count(*) AS n FROM actor_sentences s
                JOIN names n USING (nid) GROUP BY ALL
            UNION ALL SELECT 'places', n.name, count(*) FROM place_sentences s
                JOIN names n USING (nid) GROUP BY ALL
            UNION ALL SELECT 'topics', t.topic, count(*) FROM sentence_topics s
                JOIN topics t USING (tid) GROUP BY ALL
            UNION ALL SELECT 'sources', a.source, count(*) FROM sentences s
                JOIN articles a USING (aid) WHERE a.source IS NOT NULL GROUP BY ALL)
        WHERE n >= $least ORDER BY n DESC, facet, value LIMIT $most""",
                       {"least": share * total, "most": int(most)}).fetchall()
    return [Filters(**{facet: (value,)}) for facet, value, _ in rows]


def _store(con, table: str, sql: str, scope: Scope, skey: str, *, create: bool, **params) -> None:
    """Create ``table`` from ``sql`` (or add to it) with the summary key ``skey`` as first column."""
    head = f"CREATE OR REPLACE TABLE {table} AS" if create else f"INSERT INTO {table}"
    full = f"{head} SELECT CAST($skey AS VARCHAR) AS skey, * FROM ({sql})"
    _execute(con, full, scope, skey=skey, **params)


def _summarize(con) -> None:
    """Pre-aggregate, once per opening, what the unfiltered views show (see ``Scope.summary_key``;
    :func:`summarize_broad` adds the same for broad single filter values).

    Each summary is the general query's own result without its LIMIT (or as deep as
    SUMMARY_DEPTH), so a view read from it is the same frame; every table starts with ``skey``
    ("" unfiltered, else ``broad_key``): ``name_summary`` (per actor or place name: kind,
    mentions, sentences, articles, first sid), ``actor_pairs`` (co-occurrence among the top
    actors), ``place_summary`` and ``place_actors`` (map points and their most co-named actor),
    ``headline_figures``, ``largest_figures`` (ranked per kind as ``srank``) with
    ``figure_stats``, ``timeline_totals`` (per period and lane, for the default number of
    lanes), ``scope_counts`` and ``scope_sources`` (the corpus summary). ``broad_scopes``
    lists the broad keys summarized so far; ``profile_*`` the broad actors' profiles.
    """
    _summarize_scope(con, "", Scope(Filters()), create=True)
    con.execute("CREATE OR REPLACE TABLE broad_scopes (skey VARCHAR)")
    con.execute("""CREATE OR REPLACE TABLE profile_counts (name VARCHAR, mentions BIGINT,
        sentence_count BIGINT, articles BIGINT, figure_count BIGINT, sids BIGINT[])""")
    con.execute("CREATE OR REPLACE TABLE profile_tops (name VARCHAR, facet VARCHAR, value VARCHAR, sentences BIGINT)")
    con.execute("CREATE OR REPLACE TABLE profile_figures AS SELECT CAST(NULL AS VARCHAR) AS pname, * "
                "FROM figures LIMIT 0")


def summarize_broad(con, *, share: float = BROAD_SHARE, most: int = BROAD_MAX) -> list[str]:
    """Summarize the broad single filter values (at least ``share`` of the sentences, the
    ``most`` broadest) of a dataset opened on ``con``, one after the other; return their keys.

    A value's summaries are used once it is listed in ``broad_scopes``, which happens last, so
    this may run on a cursor of its own while other cursors query (the app does so in a thread).
    """
    done = []
    listed = {k for (k,) in con.execute("SELECT skey FROM broad_scopes").fetchall()}
    for filters in _broad_filters(con, share, most):
        key = broad_key(filters)
        if key in listed:
            continue
        for table in _SUMMARIES:  # what an interrupted run may have left of this value
            con.execute(f"DELETE FROM {table} WHERE skey = $k", {"k": key})
        if filters.actors:
            for table, column in (("profile_tops", "name"), ("profile_figures", "pname"), ("profile_counts", "name")):
                con.execute(f"DELETE FROM {table} WHERE {column} = $n", {"n": filters.actors[0]})
        scope = Scope(filters, sids=Scope(filters).by_sentence)
        if scope.sids:  # the scope's sentences found once, as the app does (see register_hits)
            con.register("scope_sids", pa.table({"sid": _sentence_sids(con, replace(scope, sids=False))}))
        _summarize_scope(con, key, scope, create=False)
        if scope.sids:
            con.unregister("scope_sids")
        if filters.actors:
            _profile_summary(con, filters.actors[0])
        con.execute("INSERT INTO broad_scopes VALUES ($k)", {"k": key})
        done.append(key)
    return done


_SUMMARIES = ("scope_counts", "scope_sources", "name_summary", "actor_pairs", "place_summary",
              "place_actors", "headline_figures", "figure_stats", "largest_figures", "timeline_totals")


def _summarize_scope(con, skey: str, scope: Scope, *, create: bool) -> None:
    """Add the summaries of one scope (see _summarize) under ``skey``."""
    def store(table: str, sql: str, **params) -> None:
        _store(con, table, sql, scope, skey, create=create, **params)

    store("scope_counts", _counts_sql(scope))  # first: timeline_summary reads it below
    store("scope_sources", _sources_sql(scope))
    # Per name from its (name, sentence) pairs; its kind is its most frequent among its
    # mentions in scope (ties A-Z), counted per label first.
    kinds = f"""SELECT nid, first(kind ORDER BY n DESC, kind) AS kind FROM (
                    SELECT l.nid, l.kind, sum(c.n) AS n FROM (SELECT lid, count(*) AS n
                    FROM {scope.table('mentions')} GROUP BY lid) c JOIN labels l USING (lid)
                    WHERE l.{{flag}} AND l.nid IS NOT NULL GROUP BY ALL) GROUP BY nid"""
    flags = " UNION ALL ".join(
        f"""SELECT '{flag}' AS flag, n.name, k.kind, sum(t.n)::BIGINT AS mentions, count(*) AS sentences,
                   count(DISTINCT t.aid) AS articles, min(t.sid) AS first
            FROM {scope.table(facet + '_sentences')} t JOIN names n USING (nid)
            JOIN ({kinds.format(flag=flag)}) k USING (nid) GROUP BY n.name, k.kind"""
        for flag, facet in (("is_actor", "actor"), ("is_place", "place")))
    store("name_summary", flags)
    # Integer pairs (nid order is name order) of the top actors' sentences in scope.
    store("actor_pairs", f"""WITH top AS (SELECT nid FROM name_summary JOIN names USING (name)
                     WHERE skey = $skey AND flag = 'is_actor'
                     ORDER BY sentences DESC, name LIMIT {SUMMARY_DEPTH['pairs']}),
        p AS (SELECT nid, sid FROM {scope.table('actor_sentences')} WHERE nid IN (SELECT nid FROM top)),
        e AS (SELECT a.nid AS x, b.nid AS y, count(*) AS weight FROM p a JOIN p b
              ON a.sid = b.sid AND a.nid < b.nid GROUP BY ALL)
        SELECT s.name AS source, t.name AS target, e.weight FROM e
        JOIN names s ON s.nid = e.x JOIN names t ON t.nid = e.y""")
    store("place_summary", _places_by_label(scope.table("map_mentions"), SUMMARY_DEPTH["places"]))
    shown = [e for (e,) in con.execute("SELECT entity_id FROM place_summary WHERE skey = $skey",
                                       {"skey": skey}).fetchall()]
    store("place_actors", _PLACE_ACTORS_BY_ID.format(pairs=scope.table("place_actor_sentences")),
          shown=shown)
    figures = scope.table("figures")
    store("headline_figures", f"""SELECT * FROM {figures}
        QUALIFY row_number() OVER (PARTITION BY sid ORDER BY {_HEADLINE}) = 1
        ORDER BY {_HEADLINE} LIMIT {SUMMARY_DEPTH['headlines']}""")
    # The chart's default points: each kind's largest, as deep as CHART_POINTS needs.
    store("figure_stats", f"""SELECT count(*) AS total, count(DISTINCT kind) AS kinds,
        greatest(1, {CHART_POINTS} // greatest(count(DISTINCT kind), 1)) AS depth FROM {figures}""")
    depth = _one(con, "SELECT depth FROM figure_stats WHERE skey = $skey", skey=skey)[0]
    store("largest_figures", f"""SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY kind
        ORDER BY {_LARGEST}) AS srank FROM {figures}) WHERE srank <= {int(depth)}""")
    totals = [f"SELECT '{lanes}' AS lanes, * FROM ({_timeline_totals(con, scope, lanes, SUMMARY_DEPTH['lanes'])})"
              for lanes in ("actor", "topic")]
    store("timeline_totals", " UNION ALL ".join(totals))


# ---------------------------------------------------------------------------- filters

# The facets whose single values may be summarized at opening (see _broad_filters).
BROAD_FACETS = ("actors", "places", "topics", "sources")


def broad_key(filters: Filters, *, hits: bool = True) -> str | None:
    """"actors:Russia" when ``filters`` is one value of one facet and nothing else (the text
    query counts only with ``hits``), else None."""
    if filters.date_from or filters.date_to or (hits and filters.q):
        return None
    set_facets = [(facet, getattr(filters, facet)) for facet in BROAD_FACETS if getattr(filters, facet)]
    if len(set_facets) != 1 or len(set_facets[0][1]) != 1:
        return None
    facet, (value,) = set_facets[0]
    return f"{facet}:{value}"


_ACTOR_MATCH = """(l.name = ANY(${p}) OR l.entity_id = ANY(${p})
    OR (starts_with(l.entity_id, 'inst:') AND split_part(l.entity_id, ':', 2) IN (
        SELECT split_part(entity_id, ':', 2) FROM labels
        WHERE starts_with(entity_id, 'country:') AND (name = ANY(${p}) OR entity_id = ANY(${p})))))"""


@dataclass(frozen=True)
class Scope:
    """SQL for the rows of each table that pass ``filters``, with its named parameters.

    ``hits`` says that the cursor has the search matches registered as ``q_hits(sid)``
    (see :func:`register_hits`); without it the text query is ignored. ``sids`` says that it
    also has the sentences passing the sentence-level filters (actor, place, topic, search)
    registered as ``scope_sids(sid)``, found once instead of in every query. ``db``, the search
    index, is where sentence texts are read from (else from the Parquet parts). ``summaries``
    lets unfiltered views read the tables :func:`open_dataset` pre-aggregated and filtered
    views read its per-name sentence tables (same results; False forces the general queries,
    for tests). ``broad`` holds the keys (see :func:`broad_key`) of the single filter values
    that :func:`open_dataset` summarized too, as it did the unfiltered views.
    """

    filters: Filters
    hits: bool = False
    db: sqlite3.Connection | None = field(default=None, compare=False, repr=False)
    summaries: bool = True
    sids: bool = False
    broad: frozenset[str] = frozenset()

    @property
    def unfiltered(self) -> bool:
        """True when ``summaries`` may answer: no filter applies, so every row is in scope."""
        f = self.filters
        return self.summaries and not (f.actors or f.places or f.topics or f.sources
                                       or f.date_from or f.date_to or (self.hits and f.q))

    @property
    def summary_key(self) -> str | None:
        """The key of the summaries that answer for this scope: "" when unfiltered, a broad
        value's key when that one value is the only filter, else None."""
        if self.unfiltered:
            return ""
        key = broad_key(self.filters, hits=self.hits)
        return key if self.summaries and key in self.broad else None

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

    @property
    def by_sentence(self) -> bool:
        """True when a sentence-level filter (actor, place, topic, search) applies."""
        f = self.filters
        return bool(f.actors or f.places or f.topics or (self.hits and f.q))

    def _sentence_conditions(self, alias: str) -> list[str]:
        """Conditions on ``alias.sid`` beyond the article-level ones."""
        f = self.filters
        if self.sids and self.by_sentence:
            return [f"{alias}.sid IN (SELECT sid FROM scope_sids)"]
        out = []
        if f.actors:
            out.append(f"{alias}.sid IN (SELECT sid FROM mentions WHERE lid IN (SELECT lid FROM "
                       f"labels l WHERE l.is_actor AND {_ACTOR_MATCH.format(p='actors')}))")
        if f.places:
            out.append(f"{alias}.sid IN (SELECT sid FROM mentions WHERE lid IN (SELECT lid FROM "
                       "labels l WHERE l.is_place AND (l.name = ANY($places) OR l.entity_id = ANY($places))))")
        if f.topics:
            out.append(f"{alias}.sid IN (SELECT sid FROM sentence_topics WHERE tid IN "
                       "(SELECT tid FROM topics WHERE topic = ANY($topics)))")
        if self.hits and f.q:
            out.append(f"{alias}.sid IN (SELECT sid FROM q_hits)")
        return out

    def where(self, alias: str, *, by_published: bool = True, sentences: bool = True) -> str:
        """A condition on the rows of ``alias`` (any table with sid and aid; only sid when
        ``sentences`` is False: the article-level filters, on the sentence's article)."""
        parts = []
        articles = self._article_conditions(by_published=by_published)
        if articles:
            aids = f"SELECT aid FROM articles WHERE {' AND '.join(articles)}"
            parts.append(f"{alias}.aid IN ({aids})" if sentences else
                         f"{alias}.sid IN (SELECT sid FROM sentences WHERE aid IN ({aids}))")
        if sentences:
            parts += self._sentence_conditions(alias)
        return " AND ".join(parts) or "true"

    def table(self, name: str) -> str:
        """A subquery of the rows of table ``name`` in scope (events: by their own dates)."""
        if name == "articles":
            cond = self._article_conditions(by_published=True)
            sentences = self._sentence_conditions("t")
            if sentences:
                cond.append("aid IN (SELECT t.aid FROM sentences t WHERE " + " AND ".join(sentences) + ")")
            return f"(SELECT * FROM articles WHERE {' AND '.join(cond) or 'true'})"
        if name == "events":
            cond = [self.where("t", by_published=False)]
            if self.filters.date_from:
                cond.append("coalesce(t.date_end, t.date) >= CAST($date_from AS TIMESTAMP)")
            if self.filters.date_to:
                cond.append("t.date < CAST($date_to AS TIMESTAMP) + INTERVAL 1 DAY")
            return f"(SELECT * FROM events t WHERE {' AND '.join(cond)})"
        return f"(SELECT * FROM {name} t WHERE {self.where('t')})"


def _execute(cur, sql: str, scope: Scope | None = None, **params):
    """Execute ``sql`` with the scope's parameters (only those the SQL uses) and ``params``."""
    values = {**(scope.params() if scope else {}), **params}
    return cur.execute(sql, {k: v for k, v in values.items() if f"${k}" in sql})


def _run(cur, sql: str, scope: Scope | None = None, **params) -> pd.DataFrame:
    """The rows of ``sql`` (see :func:`_execute`) as a frame."""
    return _execute(cur, sql, scope, **params).df()


def _one(cur, sql: str, scope: Scope | None = None, **params):
    rows = _execute(cur, sql, scope, **params).fetchall()  # fetched to the end: DuckDB 2 refuses new work on an unfinished result
    return rows[0] if rows else None


def _texts(cur, scope: Scope | None, sids) -> dict[int, str]:
    """sid -> sentence text: from the search index by rowid, else from the Parquet parts."""
    wanted = sorted({int(x) for x in sids})
    if not wanted:
        return {}
    if scope is not None and scope.db is not None:
        rows = scope.db.execute(f"SELECT rowid, text FROM sentences WHERE rowid IN ({_ints(wanted)})").fetchall()
        return dict(rows)
    rows = _run(cur, "SELECT sid, text FROM sentence_rows WHERE sid IN (SELECT unnest($sids))", sids=wanted)
    return dict(zip(rows["sid"], rows["text"]))


def _sentence_rows(cur, scope: Scope | None, sids) -> pd.DataFrame:
    """Sentences by sid, in sid order: sid, article_id, sentence_id, start, end, text, title,
    published, source."""
    wanted = sorted({int(x) for x in sids})
    # Two lookups put together in Arrow here (a join would scan every article; a pandas merge
    # costs 2 ms more for a page of 50). A few hundred sentences through their sid index, more
    # by a hash join (cheaper than as many index probes).
    if len(wanted) <= 500:
        rows = cur.sql(f"""SELECT sid, aid, sentence_id, start, "end" FROM sentences
                           WHERE sid IN ({_ints(wanted)}) ORDER BY sid""").to_arrow_table()
    else:
        rows = cur.sql("""SELECT s.sid, s.aid, s.sentence_id, s.start, s."end" FROM sentences s
                          JOIN (SELECT unnest($sids::BIGINT[]) AS sid) USING (sid) ORDER BY sid""",
                       params={"sids": wanted}).to_arrow_table()
    aids = pc.unique(rows.column("aid"))
    meta = cur.sql(f"""SELECT aid, article_id, title, published, source FROM articles
                       WHERE aid IN ({_ints(aids.to_pylist())})""").to_arrow_table()
    article = pc.index_in(rows.column("aid"), value_set=meta.column("aid"))
    rows = pa.table({"sid": rows.column("sid"), "article_id": meta.column("article_id").take(article),
                     "sentence_id": rows.column("sentence_id"), "start": rows.column("start"),
                     "end": rows.column("end"), "title": meta.column("title").take(article),
                     "published": meta.column("published").take(article),
                     "source": meta.column("source").take(article)}).to_pandas()
    texts = _texts(cur, scope, wanted)
    rows.insert(5, "text", rows["sid"].map(texts))
    return rows


def _with_sample(cur, scope: Scope, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (with ``first``, a sid) plus that sentence's article_id, sentence_id and text."""
    if not len(table):
        return table.drop(columns="first").assign(article_id=pd.Series(dtype=object),
                                                  sentence_id=pd.Series(dtype="int64"),
                                                  sentence=pd.Series(dtype=object))
    rows = _sentence_rows(cur, scope, table["first"]).set_index("sid")
    out = table.drop(columns="first")
    out["article_id"] = table["first"].map(rows["article_id"]).to_numpy()
    out["sentence_id"] = table["first"].map(rows["sentence_id"]).to_numpy()
    out["sentence"] = table["first"].map(rows["text"]).to_numpy()
    return out


def facet_options(cur) -> dict[str, list[str]]:
    """The values each sidebar facet offers: actors and places by mentions, then A-Z."""
    def by_count(flag: str) -> list[str]:
        return _run(cur, f"""SELECT l.name FROM (SELECT lid, count(*) AS n FROM mentions GROUP BY lid) c
                             JOIN labels l USING (lid) WHERE l.{flag} AND l.name IS NOT NULL
                             GROUP BY l.name ORDER BY sum(c.n) DESC, l.name""")["name"].tolist()

    topics = _run(cur, "SELECT t.topic FROM sentence_topics s JOIN topics t USING (tid) "
                       "GROUP BY t.topic ORDER BY count(*) DESC, t.topic")
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
    """The rowids (``sentences.sid``) of every sentence matching ``query``, ascending."""
    if db is None or not _searchable(query):
        return np.zeros(0, dtype=np.int64)
    # One comma-separated string parsed by numpy: a row per match through Python costs 4x more
    # (94 against 25 ms for the 341,093 matches of "said" on 100,000 articles).
    (listed,) = db.execute("SELECT group_concat(rowid) FROM sentences_fts WHERE sentences_fts MATCH ?",
                           (fts_query(query),)).fetchone()
    if not listed:
        return np.zeros(0, dtype=np.int64)
    # FTS5 gives them in rowid order; sorted anyway (a linear pass then), as SQL does not promise it.
    return np.sort(np.fromstring(listed, dtype=np.int64, sep=","), kind="stable")


def scope_sids(cur, scope: Scope) -> np.ndarray | None:
    """The sids (ascending) of the sentences that pass the scope's sentence-level filters, or
    None when there are none (the article-level ones, source and dates, stay as conditions)."""
    return _sentence_sids(cur, scope) if scope.by_sentence else None


def _sentence_sids(cur, scope: Scope) -> np.ndarray:
    """scope_sids for a scope with a sentence-level filter (also used by summarize_broad, which
    may run in a thread beside the app's views)."""
    plain = Scope(scope.filters, hits=scope.hits, db=scope.db, summaries=scope.summaries)
    sql = f"SELECT t.sid FROM sentences t WHERE {' AND '.join(plain._sentence_conditions('t'))} ORDER BY t.sid"
    return _run(cur, sql, plain)["sid"].to_numpy()


def register_hits(cur, db: sqlite3.Connection | None, filters: Filters, *,
                  sids: np.ndarray | None = None, materialize: bool = True) -> Scope:
    """Register the matches of ``filters.q`` on ``cur`` as ``q_hits`` and, with ``materialize``,
    the sentences that pass the sentence-level filters as ``scope_sids`` (``sids`` when given,
    as :func:`scope_sids` found them before for the same filters); return the scope."""
    query = parse_query(filters.q)
    hits = _searchable(query)
    if hits and (sids is None or not materialize):  # given sids already hold the matches
        cur.register("q_hits", pa.table({"sid": search_rowids(db, query)}))
    key = broad_key(filters, hits=hits)
    broad = frozenset() if key is None else frozenset(
        k for (k,) in cur.execute("SELECT skey FROM broad_scopes WHERE skey = $k", {"k": key}).fetchall())
    scope = Scope(filters, hits=hits, db=db, broad=broad)
    if not materialize or not scope.by_sentence:
        return scope
    if sids is None:
        sids = scope_sids(cur, scope)
    cur.register("scope_sids", pa.table({"sid": np.asarray(sids, dtype=np.int64)}))
    return Scope(filters, hits=hits, db=db, sids=True, broad=broad)


def _ints(values) -> str:
    """Integers as an SQL list literal (safe: each is formatted from an int)."""
    return ",".join(str(int(v)) for v in values) or "NULL"


_OPEN, _CLOSE = "\x02", "\x03"  # highlight() markers; the readers turn control characters to spaces
RANK_LIMIT = 20_000
SEARCH_PAGE = 50  # ranked rows the Text page shows (and highlights and looks up) at once


def _rank(db: sqlite3.Connection, match: str, candidates: np.ndarray, limit: int,
          every_match: bool, *, offset: int = 0) -> list[tuple[int, float]]:
    """Rows ``offset`` to ``offset + limit`` of ``candidates`` (ascending rowids of matches)
    ranked by bm25, best first (ties: lower rowid first), in one query.

    ``every_match`` says that the candidates are all the matches from the first of them on.
    Else FTS5 walks the matches between the first and the last candidate and SQLite keeps the
    candidates: a byte per rowid of that span, 1 for a candidate, read with ``substr`` (twice
    as fast as ``+rowid IN`` a list, whose every test is a b-tree search; FTS5's own rowid
    lookups cost more still). bm25 is computed only for the rows kept, and the sort is on the
    score (``ORDER BY rank`` would make FTS5 score every match first).
    """
    score = ("SELECT rowid, -bm25(sentences_fts) AS score FROM sentences_fts "
             "WHERE sentences_fts MATCH ? AND rowid >= ?")
    order = "ORDER BY score DESC, rowid LIMIT ? OFFSET ?"
    first, last = int(candidates[0]), int(candidates[-1])
    if every_match:
        return db.execute(f"{score} {order}", (match, first, limit, offset)).fetchall()
    kept = np.zeros(last - first + 1, dtype=np.uint8)
    kept[candidates - first] = 1
    return db.execute(f"{score} AND rowid <= ? AND substr(?, rowid - ? + 1, 1) = x'01' {order}",
                      (match, first, last, kept.tobytes(), first, limit, offset)).fetchall()


def _marked(db: sqlite3.Connection, match: str, sids: Sequence[int]) -> dict[int, str]:
    """rowid -> the sentence with its matches between \\x02 and \\x03 (FTS5's highlight()),
    for a page of rows: FTS5 finds each by rowid (about 10 µs in an index merged into one
    segment, as the build leaves it; up to 0.1 ms in one written in many)."""
    if not len(sids):
        return {}
    return dict(db.execute(
        f"SELECT rowid, highlight(sentences_fts, 0, '{_OPEN}', '{_CLOSE}') FROM sentences_fts "
        f"WHERE sentences_fts MATCH ? AND rowid IN ({_ints(sids)})", (match,)).fetchall())


def _latest_matches(db: sqlite3.Connection, cur, query: Query, scope: Scope, others: Scope,
                    rank_limit: int) -> tuple[int, np.ndarray]:
    """The number of matches within the scope's other filters and the latest ``rank_limit``
    of them (ascending rowids; with no other filter only the first of those)."""
    match = fts_query(query)
    if scope.sids and scope.hits and parse_query(scope.filters.q) == query:
        # The scope's sentence set (found once per filters) already is the matches within the
        # other sentence filters: count them and take the latest in DuckDB, not in the index.
        # Fetching them all and sorting (already in order: a linear pass) beats ORDER BY ... LIMIT
        # in DuckDB (2 against 7 ms for the 341,093 matches of "said").
        sids = _execute(cur, f"SELECT t.sid FROM scope_sids t WHERE {scope.where('t', sentences=False)}",
                        scope).fetchnumpy()["sid"]
        sids = np.sort(np.asarray(sids, dtype=np.int64), kind="stable")
        return len(sids), sids[-rank_limit:]
    if others.filters.is_empty():
        total = db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?",
                           (match,)).fetchone()[0]
        first = db.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? "
                           "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                           (match, min(total, rank_limit) - 1)).fetchone() if total else None
        return total, np.array([first[0]] if first else [], dtype=np.int64)
    # Matches in the index, narrowed by the other filters in DuckDB, ranked back in SQLite.
    cur.register("q_hits", pa.table({"sid": search_rowids(db, query)}))
    hits = _run(cur, f"SELECT t.sid FROM sentences t WHERE t.sid IN (SELECT sid FROM q_hits) "
                     f"AND {others.where('t')} ORDER BY t.sid", others)["sid"].to_numpy()
    return len(hits), hits[-rank_limit:]


def search(db: sqlite3.Connection | None, cur, query: Query, scope: Scope, *, offset: int = 0,
           limit: int = SEARCH_PAGE, rank_limit: int = RANK_LIMIT,
           highlight: bool = True) -> tuple[int, pd.DataFrame]:
    """Sentences matching ``query`` within the scope's other filters, best first (bm25).

    Returns the number of matches and the ranked rows ``offset`` to ``offset + limit``: sid,
    article_id, sentence_id, start, end, text, marked (``text`` with matches between \\x02
    and \\x03; None without ``highlight``), score (higher is better), title, published,
    source. Past ``rank_limit`` matches only the latest ``rank_limit`` (highest rowids) are
    ranked: bm25 over every match of a very common word costs seconds.
    ``attrs["ranked_among"]`` says how many were.
    """
    columns = ["sid", "article_id", "sentence_id", "start", "end", "text", "marked", "score",
               "title", "published", "source"]
    if db is None or not _searchable(query):
        return 0, pd.DataFrame(columns=columns)
    match = fts_query(query)
    others = Scope(Filters(**{**scope.filters.__dict__, "q": ""}), db=db)
    total, candidates = _latest_matches(db, cur, query, scope, others, rank_limit)
    if not total:
        return 0, pd.DataFrame(columns=columns)
    ranked = _rank(db, match, candidates, limit, others.filters.is_empty(), offset=offset)
    sids = np.array([sid for sid, _ in ranked], dtype=np.int64)
    rows = _sentence_rows(cur, scope, sids)
    # The rows (in sid order) put in rank order by position: 0.6 ms against 2 for a merge.
    out = rows.iloc[np.searchsorted(rows["sid"].to_numpy(), sids)].reset_index(drop=True)
    out.insert(6, "marked", out["sid"].map(_marked(db, match, sids.tolist()) if highlight else {}))
    out.insert(7, "score", [score for _, score in ranked])
    out.attrs["ranked_among"] = min(total, rank_limit)
    return total, out


def search_csv(db: sqlite3.Connection | None, cur, query: Query, scope: Scope, *,
               rank_limit: int = RANK_LIMIT) -> bytes:
    """Every ranked match of ``query`` in scope (at most ``rank_limit``), best first, as CSV:
    article_id, sentence_id, start, end, score, title, sentence."""
    _, rows = search(db, cur, query, scope, limit=rank_limit, rank_limit=rank_limit, highlight=False)
    return rows.assign(sentence=rows["text"])[
        ["article_id", "sentence_id", "start", "end", "score", "title", "sentence"]
    ].to_csv(index=False).encode("utf-8")


# ---------------------------------------------------------------------------- overview

def _counts_sql(scope: Scope) -> str:
    """SQL: one row of counts in scope (sentences, mentions, events, figures, articles), the
    publication span (first, last, days) and the events' span (event_first, event_last)."""
    counts = ", ".join(f"(SELECT count(*) FROM {scope.table(name)}) AS {name}"
                       for name in ("sentences", "mentions", "figures"))
    return f"""SELECT {counts}, e.*, a.* FROM
        (SELECT count(*) AS events, min(date) AS event_first, max(coalesce(date_end, date)) AS event_last
         FROM {scope.table('events')}) e,
        (SELECT count(*) AS articles, min(published) AS first, max(published) AS last,
                count(DISTINCT published_day) AS days FROM {scope.table('articles')}) a"""


def _sources_sql(scope: Scope) -> str:
    """SQL: the 20 sources with most articles in scope (source, n)."""
    return (f"SELECT coalesce(source, '(no source)') AS source, count(*) AS n "
            f"FROM {scope.table('articles')} GROUP BY 1 ORDER BY n DESC, source LIMIT 20")


def _counts(cur, scope: Scope) -> dict:
    """The row of _counts_sql as a dict, from the summaries when they answer."""
    key = scope.summary_key
    cursor = (_execute(cur, "SELECT * EXCLUDE (skey) FROM scope_counts WHERE skey = $skey", skey=key)
              if key is not None else _execute(cur, _counts_sql(scope), scope))
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchall()[0]))


def corpus_summary(cur, scope: Scope) -> dict:
    """Counts of every table, the publication date span and the articles per source."""
    c = _counts(cur, scope)
    key = scope.summary_key
    sources = (_run(cur, "SELECT source, n FROM scope_sources WHERE skey = $skey ORDER BY n DESC, source",
                    skey=key) if key is not None else _run(cur, _sources_sql(scope), scope))
    return {"articles": c["articles"], **{name: c[name] for name in ("sentences", "mentions", "events", "figures")},
            "first": pd.Timestamp(c["first"]) if c["first"] is not None else None,
            "last": pd.Timestamp(c["last"]) if c["last"] is not None else None,
            "publication_days": c["days"], "sources": list(sources.itertuples(index=False, name=None))}


def top_values(cur, scope: Scope, facet: str, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent actors, places or topics by sentences, with a sample sentence.

    Columns: name, sentences, article_id, sentence_id (of the sample), sentence.
    """
    if facet == "topic":
        top = _run(cur, f"""SELECT t.topic AS name, count(*) AS sentences, min(x.sid) AS first
            FROM {scope.table('sentence_topics')} x JOIN topics t USING (tid)
            GROUP BY t.topic ORDER BY sentences DESC, name LIMIT {int(n)}""", scope)
    else:
        flag = {"actor": "is_actor", "place": "is_place"}[facet]
        if scope.summary_key is not None:
            return _with_sample(cur, scope, _run(cur, f"""SELECT name, sentences, first FROM name_summary
                WHERE skey = $skey AND flag = '{flag}' ORDER BY sentences DESC, name LIMIT {int(n)}""",
                                                 skey=scope.summary_key))
        top = _run(cur, f"""SELECT * FROM ({_named_sentences(scope, facet)})
            ORDER BY sentences DESC, name LIMIT {int(n)}""", scope)
    return _with_sample(cur, scope, top)


def _named_sentences(scope: Scope, facet: str) -> str:
    """SQL: per actor (``facet`` "actor") or place name, the sentences in scope naming it
    (name, sentences, first sid). Through the per-name sentence tables unless
    ``scope.summaries`` is off; the same counts either way."""
    if scope.summaries:
        return (f"SELECT n.name, c.sentences, c.first FROM (SELECT nid, count(*) AS sentences, "
                f"min(sid) AS first FROM {scope.table(facet + '_sentences')} GROUP BY nid) c "
                f"JOIN names n USING (nid)")
    flag = {"actor": "is_actor", "place": "is_place"}[facet]
    return f"""SELECT name, count(*) AS sentences, min(sid) AS first FROM (
                SELECT DISTINCT l.name, m.sid FROM {scope.table('mentions')} m JOIN labels l USING (lid)
                WHERE l.{flag} AND l.name IS NOT NULL) GROUP BY name"""


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
    per_day = (f"SELECT a.published_day AS day, count(*) AS n FROM {scope.table('mentions')} m "
               f"JOIN articles a USING (aid) WHERE a.published_day IS NOT NULL GROUP BY 1")
    days = _run(cur, per_day, scope)
    if len(days) < 2:
        return pd.DataFrame(columns=["period", "mentions"])
    day = pd.to_datetime(days["day"])
    part = _period((day.max() - day.min()).days)
    if part == "decade":
        days["period"] = pd.to_datetime((day.dt.year // 10 * 10).astype(str) + "-01-01")
    else:
        days["period"] = day.dt.to_period({"day": "D", "week": "W", "month": "M", "year": "Y"}[part]).dt.start_time
    out = days.groupby("period", as_index=False)["n"].sum().rename(columns={"n": "mentions"})
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


def _with_figure_columns(cur, scope: Scope, table: pd.DataFrame) -> pd.DataFrame:
    """Figures rows plus sentence, actor_names, place_names, display."""
    table["sentence"] = table["sid"].map(_texts(cur, scope, table["sid"]))
    ids = {e for column in ("actors", "places") for ids in table[column] for e in (ids if ids is not None else [])}
    names = _names(cur, ids)
    table["actors"] = [list(v) if v is not None else [] for v in table["actors"]]
    table["places"] = [list(v) if v is not None else [] for v in table["places"]]
    table["actor_names"] = [[names.get(e, e) for e in ids] for ids in table["actors"]]
    table["place_names"] = [[names.get(e, e) for e in ids] for ids in table["places"]]
    table["display"] = [format_value(v, u, o, approximate=bool(a)) for v, u, o, a in
                        zip(table["value"], table["unit"], table["of"], table["approximate"])]
    return table


def _figure_rows(selected: str, order: str) -> str:
    """SQL: the (few) figures ``selected`` with their sentence's start and their article."""
    return (f"SELECT f.* EXCLUDE (kind_rank), s.start AS sentence_start, a.title, a.published FROM ({selected}) f "
            f"JOIN sentences s USING (sid) JOIN articles a ON a.aid = f.aid ORDER BY {order}")


_LARGEST = "value DESC NULLS LAST, sid, start"
_HEADLINE = "(kind <> 'money'), (of IS NULL), value DESC NULLS LAST, sid, start"


def figures_count(cur, scope: Scope) -> int:
    """How many figures are in scope."""
    return _one(cur, f"SELECT count(*) FROM {scope.table('figures')}", scope)[0]


def figures_page(cur, scope: Scope, *, offset: int = 0, limit: int = 200) -> pd.DataFrame:
    """One page of figures, largest value first, with display value, names and sentence."""
    page = (f"SELECT * FROM {scope.table('figures')} ORDER BY {_LARGEST} "
            f"LIMIT {int(limit)} OFFSET {int(offset)}")
    return _with_figure_columns(cur, scope, _run(cur, _figure_rows(page, _LARGEST), scope))


def figures_chart(cur, scope: Scope, *, max_points: int = 2000) -> tuple[pd.DataFrame, bool]:
    """Figures for the chart: all of them, or the largest of each kind up to ``max_points``.

    Returns the rows and whether they were cut to the largest.
    """
    near = SUMMARY_DEPTH["largest"]
    key = scope.summary_key
    # Per kind: figures in scope, and those among the kind's ``near`` largest of the dataset.
    per_kind_sql = (f"SELECT kind, count(*) AS n, count(*) FILTER (WHERE kind_rank <= {near}) AS near "
                    f"FROM {scope.table('figures')} f GROUP BY kind")
    if key is not None:
        total, kinds, depth = _one(cur, "SELECT total, kinds, depth FROM figure_stats WHERE skey = $skey",
                                   skey=key)
    else:
        per = _run(cur, per_kind_sql, scope)
        total, kinds = int(per["n"].sum()), len(per)
    cut = total > max_points
    per_kind = max(1, max_points // max(kinds, 1))
    if cut and key is not None and per_kind <= depth:
        chosen = (f"SELECT * EXCLUDE (skey, srank) FROM largest_figures "
                  f"WHERE skey = $skey AND srank <= {per_kind}")
        return _with_figure_columns(cur, scope, _run(cur, _figure_rows(chosen, _LARGEST), skey=key)), cut
    if key is not None:  # summarized counts, but deeper than the summary: the general path
        per = _run(cur, per_kind_sql, scope)
    if cut and scope.summaries and (per["near"] >= np.minimum(per["n"], per_kind)).all():
        # Each kind's largest in scope are among its largest in the dataset: rank only those.
        chosen = (f"SELECT * FROM {scope.table('figures')} f WHERE kind_rank <= {near} QUALIFY "
                  f"row_number() OVER (PARTITION BY kind ORDER BY {_LARGEST}) <= {per_kind}")
        return _with_figure_columns(cur, scope, _run(cur, _figure_rows(chosen, _LARGEST), scope)), cut
    chosen = f"SELECT * FROM {scope.table('figures')}"
    if cut:
        chosen += f" QUALIFY row_number() OVER (PARTITION BY kind ORDER BY {_LARGEST}) <= {per_kind}"
    return _with_figure_columns(cur, scope, _run(cur, _figure_rows(chosen, _LARGEST), scope)), cut


def key_figures(cur, scope: Scope, *, n: int = 6) -> pd.DataFrame:
    """Up to ``n`` headline figures, one per sentence: money, then counts of something; largest first."""
    if scope.summary_key is not None and n <= SUMMARY_DEPTH["headlines"]:
        headline = (f"SELECT * EXCLUDE (skey) FROM headline_figures WHERE skey = $skey "
                    f"ORDER BY {_HEADLINE} LIMIT {int(n)}")
        return _with_figure_columns(cur, scope, _run(cur, _figure_rows(headline, _HEADLINE),
                                                     skey=scope.summary_key))
    figures = f"SELECT * FROM {scope.table('figures')}"
    if scope.summaries:
        # The first figure of each sentence among the best few hundred is its first overall:
        # when they hold n sentences, they answer (else the whole scope is ranked below).
        best = f"SELECT * FROM ({figures}) ORDER BY {_HEADLINE} LIMIT {64 * int(n)}"
        headline = (f"SELECT * FROM ({best}) QUALIFY row_number() OVER (PARTITION BY sid ORDER BY "
                    f"{_HEADLINE}) = 1 ORDER BY {_HEADLINE} LIMIT {int(n)}")
        rows = _run(cur, _figure_rows(headline, _HEADLINE), scope)
        if len(rows) == n:
            return _with_figure_columns(cur, scope, rows)
    headline = (f"SELECT * FROM ({figures}) "
                f"QUALIFY row_number() OVER (PARTITION BY sid ORDER BY {_HEADLINE}) = 1 "
                f"ORDER BY {_HEADLINE} LIMIT {int(n)}")
    return _with_figure_columns(cur, scope, _run(cur, _figure_rows(headline, _HEADLINE), scope))


# ---------------------------------------------------------------------------- timeline

def _event_lanes(scope: Scope, lanes: str) -> str:
    """SQL: one row per (event, lane name or NULL) of the events in scope."""
    events = scope.table("events")
    key = "t.article_id || ':' || t.sentence_id || ':' || t.start"
    if lanes == "actor":
        return f"""SELECT t.* EXCLUDE (eid), {key} AS event, e.name AS lane FROM (
                       SELECT *, unnest(CASE WHEN len(actors) > 0 THEN actors ELSE [NULL] END) AS eid
                       FROM {events}) t
                   LEFT JOIN entities e ON e.entity_id = t.eid"""
    return f"""SELECT t.*, {key} AS event, p.topic AS lane FROM {events} t
               LEFT JOIN sentence_topics x USING (sid) LEFT JOIN topics p USING (tid)"""


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
    if scope.summary_key is not None:
        n, first, last = _one(cur, "SELECT events, event_first, event_last FROM scope_counts "
                                   "WHERE skey = $skey", skey=scope.summary_key)
    else:
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
    rows = _run(cur, f"""WITH laned AS ({_laned(scope, lanes, max_lanes)}),
        chosen AS (SELECT DISTINCT event FROM laned ORDER BY event LIMIT {int(limit)})
        SELECT l.*, a.title FROM laned l JOIN articles a ON a.aid = l.aid
        WHERE l.event IN (SELECT event FROM chosen)
        ORDER BY l.date, l.lane""", scope)
    rows["sentence"] = rows["sid"].map(_texts(cur, scope, rows["sid"]))
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
    if scope.summary_key is not None and lanes in ("actor", "topic") and max_lanes == SUMMARY_DEPTH["lanes"]:
        out = _run(cur, "SELECT period, lane, events FROM timeline_totals WHERE skey = $skey "
                        "AND lanes = $lanes ORDER BY period, lane", skey=scope.summary_key, lanes=lanes)
    else:
        out = _run(cur, _timeline_totals(cur, scope, lanes, max_lanes, part=part), scope)
    out["period"] = pd.to_datetime(out["period"])
    out["period_end"] = out["period"] + _STEPS[part]
    out.attrs["freq"] = part
    return out[["period", "period_end", "lane", "events"]]


def _timeline_totals(cur, scope: Scope, lanes: str, max_lanes: int, *, part: str | None = None) -> str:
    """SQL: events per period (``part``, else chosen from the span in scope) and lane."""
    if part is None:
        summary = timeline_summary(cur, scope)
        span = (summary["last"] - summary["first"]).days if summary["events"] else 0
        part = _period(span)
    laned = _lane_dates(scope, lanes, max_lanes) if scope.summaries else _laned(scope, lanes, max_lanes)
    return f"""SELECT date_trunc('{part}', date) AS period, lane, count(*) AS events
                 FROM ({laned}) GROUP BY ALL ORDER BY period, lane"""


def _lane_dates(scope: Scope, lanes: str, max_lanes: int) -> str:
    """SQL: the rows of _laned with only sid, start, date and lane (an event is its sentence
    and start), for counting: the same rows without carrying every column through DISTINCT."""
    events = scope.table("events")
    if lanes == "actor":
        raw = f"""SELECT DISTINCT t.sid, t.start, t.date, e.name AS lane FROM (
                      SELECT sid, start, date,
                             unnest(CASE WHEN len(actors) > 0 THEN actors ELSE [NULL] END) AS eid
                      FROM {events}) t
                  LEFT JOIN entities e ON e.entity_id = t.eid"""
    else:
        raw = f"""SELECT DISTINCT t.sid, t.start, t.date, p.topic AS lane FROM {events} t
                  LEFT JOIN sentence_topics x USING (sid) LEFT JOIN topics p USING (tid)"""
    return f"""WITH raw AS ({raw}),
        top AS (SELECT lane FROM raw WHERE lane IS NOT NULL GROUP BY lane
                ORDER BY count(*) DESC, lane LIMIT {int(max_lanes)})
        SELECT DISTINCT sid, start, date, CASE WHEN lane IS NULL THEN '(none)'
               WHEN lane IN (SELECT lane FROM top) THEN lane ELSE '(other)' END AS lane FROM raw"""


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


def timeline_events(cur, scope: Scope, *, offset: int = 0, limit: int = 200) -> pd.DataFrame:
    """One page of the events in scope in the CSV's order (date, sentence, position), with
    actor_names, place_names, sentence and the article's title."""
    rows = _run(cur, f"""SELECT t.*, a.title FROM (SELECT * FROM {scope.table('events')} t
                             ORDER BY t.date, t.sid, t.start LIMIT {int(limit)} OFFSET {int(offset)}) t
                         JOIN articles a ON a.aid = t.aid ORDER BY t.date, t.sid, t.start""", scope)
    rows["sentence"] = rows["sid"].map(_texts(cur, scope, rows["sid"]))
    ids = {e for column in ("actors", "places") for ids in rows[column] for e in (ids if ids is not None else [])}
    names = _names(cur, ids)
    for column in ("actors", "places"):
        rows[column[:-1] + "_names"] = [[names.get(e, e) for e in (ids if ids is not None else [])]
                                        for ids in rows[column]]
    return rows.reset_index(drop=True)


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


def sentence_context(cur, article_id: str, sentence_id: int, *, around: int = 1,
                     scope: Scope | None = None) -> pd.DataFrame:
    """The sentence and ``around`` neighbours each side (of the whole dataset), with ``focus``."""
    sids = _run(cur, """SELECT s.sid FROM sentences s JOIN articles a USING (aid)
                        WHERE a.article_id = $a AND s.sentence_id BETWEEN $lo AND $hi""",
                a=article_id, lo=int(sentence_id) - around, hi=int(sentence_id) + around)["sid"]
    out = _sentence_rows(cur, scope, sids)
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

# Per place: the person or organisation named with it in most sentences (ties: first A-Z).
_PLACE_ACTORS = """WITH p AS (SELECT DISTINCT l.entity_id, m.sid FROM {mentions} m JOIN labels l USING (lid)
                                 WHERE l.is_place AND {shown}),
        a AS (SELECT DISTINCT l.name, m.sid FROM {mentions} m JOIN labels l USING (lid)
              WHERE l.kind IN ('person', 'organization'))
    SELECT entity_id, first(name ORDER BY n DESC, name) AS actor FROM (
        SELECT p.entity_id, a.name, count(*) AS n FROM p JOIN a USING (sid) GROUP BY ALL)
    GROUP BY entity_id"""


# Per place (entity): its most frequent name, kind, country and coordinates (most_often, the
# rule of _places_by_label too), mentions, articles and first sentence among {mentions}.
_PLACES = """WITH p AS (SELECT l.entity_id, l.name, l.kind, l.country_code, l.lat, l.lon, m.sid, m.aid
                       FROM {mentions} m JOIN labels l USING (lid)
                       WHERE l.is_place AND l.lat IS NOT NULL AND l.lon IS NOT NULL)
    SELECT entity_id, most_often(histogram(name)) AS name, most_often(histogram(kind)) AS kind,
           most_often(histogram(country_code)) AS country_code, most_often(histogram(lat)) AS lat,
           most_often(histogram(lon)) AS lon, count(*) AS mentions,
           count(DISTINCT aid) AS articles, min(sid) AS first
    FROM p GROUP BY entity_id"""

# _PLACE_ACTORS on integer ids (eid, nid: nid order is name order), for filtered views.
_PLACE_ACTORS_BY_ID = """WITH shown AS (SELECT DISTINCT eid, entity_id FROM labels WHERE entity_id = ANY($shown)),
        best AS (SELECT eid, first(nid ORDER BY n DESC, nid) AS nid FROM (
                 SELECT eid, nid, count(*) AS n FROM {pairs} WHERE eid IN (SELECT eid FROM shown)
                 GROUP BY ALL) GROUP BY eid)
    SELECT s.entity_id, n.name AS actor FROM best JOIN names n USING (nid) JOIN shown s USING (eid)"""


def _places_by_label(mentions: str, limit: int) -> str:
    """SQL: the ``limit`` most mentioned places of _PLACES among ``mentions`` (rows of
    ``map_mentions``), counted per label first (few rows) and then per entity; the same rows
    as _PLACES with its order and limit."""
    def most_often(column: str) -> str:
        return f"""LEFT JOIN (SELECT entity_id, first({column} ORDER BY n DESC, {column}) AS {column}
                   FROM (SELECT entity_id, {column}, sum(n) AS n FROM x WHERE {column} IS NOT NULL
                         GROUP BY ALL) GROUP BY entity_id) USING (entity_id)"""

    columns = ("name", "kind", "country_code", "lat", "lon")
    return f"""WITH c AS (SELECT m.lid, count(*) AS n, min(m.sid) AS first FROM {mentions} m GROUP BY m.lid),
        x AS (SELECT l.entity_id, l.eid, {', '.join('l.' + c for c in columns)}, c.n, c.first
              FROM c JOIN labels l USING (lid)),
        top AS (SELECT entity_id, any_value(eid) AS eid, sum(n)::BIGINT AS mentions, min(first) AS first
                FROM x GROUP BY entity_id ORDER BY mentions DESC, entity_id LIMIT {int(limit)}),
        articles AS (SELECT m.eid, count(DISTINCT m.aid) AS articles FROM {mentions} m
                     WHERE m.eid IN (SELECT eid FROM top) GROUP BY m.eid)
    SELECT entity_id, {', '.join(columns)}, top.mentions, articles.articles, top.first
    FROM top LEFT JOIN articles USING (eid) {' '.join(most_often(c) for c in columns)}
    ORDER BY mentions DESC, entity_id"""


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
    key = scope.summary_key if limit <= SUMMARY_DEPTH["places"] else None
    if key is not None:
        g = _run(cur, f"SELECT * EXCLUDE (skey) FROM place_summary WHERE skey = $skey "
                      f"ORDER BY mentions DESC, entity_id LIMIT {int(limit)}", skey=key)
    elif scope.summaries:
        g = _run(cur, _places_by_label(scope.table("map_mentions"), limit), scope)
    else:
        g = _run(cur, f"SELECT entity_id, name, kind, country_code, lat, lon, mentions, articles, first "
                      f"FROM ({_PLACES.format(mentions=mentions)}) ORDER BY mentions DESC, entity_id "
                      f"LIMIT {int(limit)}", scope)
    if not len(g):
        return pd.DataFrame(columns=columns)
    g = _with_sample(cur, scope, g)
    g.loc[g["entity_id"].str.startswith("country:"), "kind"] = "country"
    names = dict(country_names or {})
    g["country"] = [names.get(c, c) if isinstance(c, str) else "" for c in g["country_code"]]
    g["sentence"] = g["sentence"].str.slice(0, 240)
    g["color"] = [country_color(c if isinstance(c, str) else None) for c in g["country_code"]]
    if key is not None:
        actors = _run(cur, "SELECT entity_id, actor FROM place_actors WHERE skey = $skey "
                           "AND entity_id = ANY($shown)", skey=key, shown=g["entity_id"].tolist())
    elif scope.summaries:
        actors = _run(cur, _PLACE_ACTORS_BY_ID.format(pairs=scope.table("place_actor_sentences")), scope,
                      shown=g["entity_id"].tolist())
    else:
        actors = _run(cur, _PLACE_ACTORS.format(mentions=mentions, shown="l.entity_id = ANY($shown)"),
                      scope, shown=g["entity_id"].tolist())
    named = dict(zip(actors["entity_id"], actors["actor"]))
    g["actor"] = [named.get(e) or "" for e in g["entity_id"]]  # "" where no actor is co-named
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


def unmapped_places(cur, scope: Scope, country_names: Mapping[str, str] | None = None, *,
                    limit: int = MAP_POINTS) -> pd.DataFrame:
    """Places the map cannot draw (the text names them, the gazetteer has no point for them),
    the ``limit`` most mentioned, with their country when known and a sample sentence; name and
    country are each place's most frequent (ties: the smallest), as on the map.

    Columns: entity_id, name, country, mentions, articles, article_id, sentence_id, sentence.
    """
    g = _run(cur, f"""SELECT l.entity_id, most_often(histogram(l.name)) AS name,
               most_often(histogram(l.country_code)) AS country_code,
               count(*) AS mentions, count(DISTINCT m.aid) AS articles, min(m.sid) AS first
        FROM {scope.table('mentions')} m JOIN labels l USING (lid)
        WHERE m.lid IN (SELECT lid FROM labels WHERE is_place AND (lat IS NULL OR lon IS NULL))
        GROUP BY l.entity_id ORDER BY mentions DESC, l.entity_id LIMIT {int(limit)}""", scope)
    g = _with_sample(cur, scope, g)
    names = dict(country_names or {})
    g["country"] = [names.get(c, c) if isinstance(c, str) else "" for c in g["country_code"]]
    g["sentence"] = g["sentence"].str.slice(0, 240)
    return g[["entity_id", "name", "country", "mentions", "articles", "article_id", "sentence_id",
              "sentence"]].reset_index(drop=True)


# ---------------------------------------------------------------------------- actors

def entity_count(cur, scope: Scope, *, actors: bool = True) -> int:
    """How many distinct actors (or places) are in scope."""
    flag = "is_actor" if actors else "is_place"
    return _one(cur, f"""SELECT count(DISTINCT l.name) FROM (SELECT DISTINCT lid FROM {scope.table('mentions')}) m
                         JOIN labels l USING (lid) WHERE l.{flag}""", scope)[0]


def entity_ranking(cur, scope: Scope, *, actors: bool = True, offset: int = 0,
                   limit: int = 200) -> pd.DataFrame:
    """Actors (or places) by mentions (one page), with sentences, articles and a sample sentence."""
    flag = "is_actor" if actors else "is_place"
    if scope.summary_key is not None:
        g = _run(cur, f"""SELECT name, kind, mentions, sentences, articles, first FROM name_summary
                           WHERE skey = $skey AND flag = '{flag}' ORDER BY mentions DESC, name
                           LIMIT {int(limit)} OFFSET {int(offset)}""", skey=scope.summary_key)
    elif scope.summaries:
        # Mentions counted per label, then per name (nid order is name order); sentences and
        # articles from the per-name sentence tables, for the page's names only.
        g = _run(cur, f"""
        WITH c AS (SELECT l.nid, l.name, l.kind, m.n FROM (SELECT lid, count(*) AS n
                   FROM {scope.table('mentions')} GROUP BY lid) m
                   JOIN labels l USING (lid) WHERE l.{flag} AND l.nid IS NOT NULL),
        top AS (SELECT nid, name, sum(n)::BIGINT AS mentions, first(kind ORDER BY n DESC, kind) AS kind
                FROM (SELECT nid, name, kind, sum(n) AS n FROM c GROUP BY ALL) GROUP BY nid, name
                ORDER BY mentions DESC, nid LIMIT {int(limit)} OFFSET {int(offset)}),
        p AS (SELECT nid, count(*) AS sentences, count(DISTINCT aid) AS articles, min(sid) AS first
              FROM {scope.table(('actor' if actors else 'place') + '_sentences')}
              WHERE nid IN (SELECT nid FROM top) GROUP BY nid)
        SELECT top.name, top.kind, top.mentions, p.sentences, p.articles, p.first
        FROM top JOIN p USING (nid) ORDER BY mentions DESC, name""", scope)
    else:
        g = _run(cur, f"""
        WITH m AS (SELECT l.name, l.kind, m.sid, m.aid FROM {scope.table('mentions')} m
                   JOIN labels l USING (lid) WHERE l.{flag} AND l.name IS NOT NULL),
        top AS (SELECT name, count(*) AS mentions FROM m GROUP BY name
                ORDER BY mentions DESC, name LIMIT {int(limit)} OFFSET {int(offset)}),
        kinds AS ({_NAME_KIND.format(rows="(SELECT * FROM m WHERE name IN (SELECT name FROM top))")})
        SELECT name, k.kind, count(*) AS mentions, count(DISTINCT sid) AS sentences,
               count(DISTINCT aid) AS articles, min(sid) AS first
        FROM m JOIN kinds k USING (name) WHERE name IN (SELECT name FROM top) GROUP BY name, k.kind
        ORDER BY mentions DESC, name""", scope)
    if not len(g):
        return pd.DataFrame(columns=["name", "kind", "mentions", "sentences", "articles",
                                     "article_id", "sentence_id", "sentence"])
    return _with_sample(cur, scope, g)


def cooccurrence(cur, scope: Scope, *, top_n: int = 25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (the ``top_n`` actors by sentences) and edges between actors named in one sentence.

    Edge columns: source, target, weight (shared sentences).
    """
    pairs = (f"SELECT DISTINCT l.name, m.sid FROM {scope.table('mentions')} m JOIN labels l USING (lid) "
             f"WHERE l.is_actor AND l.name IS NOT NULL")
    key = scope.summary_key if top_n <= SUMMARY_DEPTH["pairs"] else None
    if key is not None:
        nodes = _run(cur, f"SELECT name, sentences FROM name_summary WHERE skey = $skey AND flag = 'is_actor' "
                          f"ORDER BY sentences DESC, name LIMIT {int(top_n)}", skey=key)
    else:
        nodes = _run(cur, f"SELECT name, sentences FROM ({_named_sentences(scope, 'actor')}) "
                          f"ORDER BY sentences DESC, name LIMIT {int(top_n)}", scope)
    if not len(nodes):
        return nodes, pd.DataFrame(columns=["source", "target", "weight"])
    if key is not None:
        return nodes, _run(cur, "SELECT source, target, weight FROM actor_pairs WHERE skey = $skey AND "
                                "source = ANY($top) AND target = ANY($top) ORDER BY weight DESC, source, target",
                           skey=key, top=nodes["name"].tolist())
    if scope.summaries:  # integer pairs (nid order is name order)
        return nodes, _run(cur, f"""WITH p AS (SELECT nid, sid FROM {scope.table('actor_sentences')}
                                           WHERE nid IN (SELECT nid FROM names WHERE name = ANY($top))),
            e AS (SELECT a.nid AS x, b.nid AS y, count(*) AS weight FROM p a JOIN p b
                  ON a.sid = b.sid AND a.nid < b.nid GROUP BY ALL)
            SELECT s.name AS source, t.name AS target, e.weight FROM e
            JOIN names s ON s.nid = e.x JOIN names t ON t.nid = e.y
            ORDER BY weight DESC, source, target""", scope, top=nodes["name"].tolist())
    edges = _run(cur, f"""WITH p AS ({pairs} AND l.name = ANY($top))
        SELECT a.name AS source, b.name AS target, count(*) AS weight
        FROM p a JOIN p b ON a.sid = b.sid AND a.name < b.name
        GROUP BY ALL ORDER BY weight DESC, source, target""", scope, top=nodes["name"].tolist())
    return nodes, edges


def network_layout(nodes: pd.DataFrame, edges: pd.DataFrame, *, iterations: int = 120,
                   seed: int = 7) -> pd.DataFrame:
    """``nodes`` with x, y from a small deterministic force layout (Fruchterman-Reingold);
    nodes without a link go on a ring just around the linked ones."""
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
    # Repulsion alone sends an unlinked node far off, and the chart, scaled to fit it, would
    # squeeze the linked ones into a corner.
    linked = np.zeros(n, dtype=bool)
    linked[src], linked[dst] = True, True
    if linked.sum() >= 2 and not linked.all():
        centre = pos[linked].mean(axis=0)
        radius = max(np.linalg.norm(pos[linked] - centre, axis=1).max(), k / 10)
        ring = np.linspace(0, 2 * np.pi, (~linked).sum(), endpoint=False) + np.pi / 4
        pos[~linked] = centre + 1.25 * radius * np.c_[np.cos(ring), np.sin(ring)]
    out["x"], out["y"] = pos[:, 0], pos[:, 1]
    return out


def _naming(scope: Scope, names: Sequence[str]) -> str:
    """SQL: sid and aid of the sentences in scope that name every actor of ``$n0``, ``$n1``…"""
    conds = [f"t.sid IN (SELECT sid FROM mentions WHERE lid IN "
             f"(SELECT lid FROM labels WHERE is_actor AND name = $n{i}))" for i in range(len(names))]
    return f"SELECT t.sid, t.aid FROM sentences t WHERE {scope.where('t')} AND {' AND '.join(conds)}"


def edge_sentences(cur, scope: Scope, source: str, target: str, *,
                   limit: int = 20) -> tuple[int, pd.DataFrame]:
    """How many sentences in scope name both actors, and the first ``limit`` of them."""
    sql = _naming(scope, [source, target])
    names = {"n0": source, "n1": target}
    total = _one(cur, f"SELECT count(*) FROM ({sql})", scope, **names)[0]
    sids = _run(cur, f"{sql} ORDER BY t.sid LIMIT {int(limit)}", scope, **names)["sid"]
    return total, _sentence_rows(cur, scope, sids)


def _profile_tops(scope: Scope, own: str, limit: int) -> dict[str, str]:
    """SQL per column ("place", "actor", "topic"): the ``limit`` places, other actors and topics
    of the sentences ``own`` (a query of sids) naming the actor ``$n0``, by sentences."""
    def named_with(facet: str, flag: str, column: str) -> str:
        """The actors or places named in the actor's sentences, by sentences."""
        if scope.summaries:
            sql = (f"SELECT n.name AS {column}, c.sentences FROM (SELECT nid, count(*) AS sentences "
                   f"FROM {facet}_sentences WHERE sid IN ({own}) AND nid IS DISTINCT FROM "
                   f"(SELECT nid FROM names WHERE name = $n0) GROUP BY nid) c JOIN names n USING (nid)")
        else:
            sql = (f"SELECT l.name AS {column}, count(DISTINCT m.sid) AS sentences FROM mentions m "
                   f"JOIN labels l USING (lid) WHERE m.sid IN ({own}) AND l.name <> $n0 AND l.{flag} "
                   f"GROUP BY l.name")
        return f"SELECT * FROM ({sql}) ORDER BY sentences DESC, {column} LIMIT {int(limit)}"

    return {"place": named_with("place", "is_place", "place"),
            "actor": named_with("actor", "is_actor", "actor"),
            "topic": f"""SELECT p.topic, count(*) AS sentences FROM sentence_topics x JOIN topics p USING (tid)
                         WHERE x.sid IN (SELECT sid FROM ({own}))
                         GROUP BY p.topic ORDER BY sentences DESC, p.topic LIMIT {int(limit)}"""}


def _profile_figures(own: str) -> str:
    """SQL: the 50 largest figures of the sentences ``own``."""
    return f"SELECT * FROM figures WHERE sid IN (SELECT sid FROM ({own})) ORDER BY {_LARGEST} LIMIT 50"


def _profile_summary(con, name: str) -> None:
    """Add the unfiltered profile of the actor ``name`` (see actor_profile), as deep as
    SUMMARY_DEPTH["profile"], to ``profile_counts`` (name, mentions, sentence_count, articles,
    figure_count, sids: the first 15), ``profile_tops`` (name, facet, value, sentences) and
    ``profile_figures`` (pname, the figure's columns); the counts last (they say it is there)."""
    own = "SELECT sid FROM profile_sids"
    sids = con.execute("SELECT t.sid FROM actor_sentences t WHERE t.nid = (SELECT nid FROM names "
                       "WHERE name = $n0) ORDER BY t.sid", {"n0": name}).fetchnumpy()["sid"]
    con.register("profile_sids", pa.table({"sid": np.asarray(sids, dtype=np.int64)}))
    for facet, sql in _profile_tops(Scope(Filters()), own, SUMMARY_DEPTH["profile"]).items():
        con.execute(f"INSERT INTO profile_tops SELECT $n0, '{facet}', * FROM ({sql})", {"n0": name})
    con.execute(f"INSERT INTO profile_figures SELECT $n0, * FROM ({_profile_figures(own)})", {"n0": name})
    con.execute(f"""INSERT INTO profile_counts SELECT $n0, sum(t.n), count(*), count(DISTINCT t.aid),
        (SELECT count(*) FROM figures WHERE sid IN ({own})), list(t.sid ORDER BY t.sid)[:15]
        FROM actor_sentences t WHERE t.nid = (SELECT nid FROM names WHERE name = $n0)""", {"n0": name})
    con.unregister("profile_sids")


def actor_profile(cur, scope: Scope, name: str, *, limit: int = 20) -> dict:
    """One actor in scope: its counts, and the top places, topics, other actors, figures and
    first sentences of the sentences that name it."""
    params = {"n0": name}
    key = scope.summary_key
    # Unfiltered, or filtered by this actor alone (its sentences are in that scope): the same
    # sentences, so a summarized profile answers.
    summarized = key in ("", f"actors:{name}") and limit <= SUMMARY_DEPTH["profile"]
    counts = _one(cur, "SELECT mentions, sentence_count, articles, figure_count, sids FROM profile_counts "
                       "WHERE name = $n0", **params) if summarized else None
    if counts is not None:
        tops = {facet: _run(cur, f"SELECT value AS {facet}, sentences FROM profile_tops WHERE name = $n0 "
                                 f"AND facet = '{facet}' ORDER BY sentences DESC, value LIMIT {int(limit)}",
                            **params) for facet in ("place", "actor", "topic")}
        largest = f"SELECT * EXCLUDE (pname) FROM profile_figures WHERE pname = $n0"
        figures = _run(cur, _figure_rows(largest, _LARGEST), **params)
        n_figures, sids = counts[3], pd.Series(counts[4], dtype="int64")
        counts = counts[:3]
    else:
        # The sentences naming the actor, found once and registered on this cursor (as q_hits
        # is): a list parameter of 100,000+ sids costs more to pass than the query it feeds.
        if scope.summaries:  # through the per-name sentence tables (same rows, see _index_names)
            naming = (f"SELECT t.sid, t.aid, t.n FROM actor_sentences t WHERE t.nid = "
                      f"(SELECT nid FROM names WHERE name = $n0) AND {scope.where('t')}")
        else:
            naming = _naming(scope, [name])
        own_rows = _run(cur, f"{naming} ORDER BY t.sid", scope, **params)
        own_sids = own_rows["sid"]
        cur.register("profile_sids", pa.table({"sid": own_sids.to_numpy()}))
        own = "SELECT sid FROM profile_sids"
        tops = {facet: _run(cur, sql, scope, **params)
                for facet, sql in _profile_tops(scope, own, limit).items()}
        figures = _run(cur, _figure_rows(_profile_figures(own), _LARGEST), scope, **params)
        n_figures = _one(cur, f"SELECT count(*) FROM figures WHERE sid IN (SELECT sid FROM ({own}))",
                         scope, **params)[0]
        sids = own_sids[:15]
        if scope.summaries:  # the actor's mentions are in its sentences: count them there
            counts = (int(own_rows["n"].sum()), len(own_rows), own_rows["aid"].nunique())
        else:
            counts = _one(cur, f"""SELECT count(*), count(DISTINCT m.sid), count(DISTINCT m.aid)
                                   FROM {scope.table('mentions')} m JOIN labels l USING (lid)
                                   WHERE l.is_actor AND l.name = $n0""", scope, **params)
    return {"sentences": _sentence_rows(cur, scope, sids), "places": tops["place"], "actors": tops["actor"],
            "topics": tops["topic"], "figures": _with_figure_columns(cur, scope, figures),
            "figure_count": int(n_figures), "mentions": int(counts[0] or 0),
            "sentence_count": int(counts[1]), "articles": int(counts[2])}


# ---------------------------------------------------------------------------- text

READER_CHOICES = 200


def _titled(scope: Scope, title: str) -> str:
    """SQL: the articles in scope whose title contains ``$title`` (any case; all when empty)."""
    found = "contains(lower(coalesce(title, '')), lower($title))" if title.strip() else "true"
    return f"SELECT * FROM {scope.table('articles')} WHERE {found}"


def article_choices(cur, scope: Scope, *, title: str = "", offset: int = 0,
                    limit: int = READER_CHOICES) -> pd.DataFrame:
    """One page of the articles in scope whose title contains ``title`` (any case), newest
    first: article_id, title, published, source."""
    return _run(cur, f"SELECT article_id, title, published, source FROM ({_titled(scope, title)}) "
                     f"ORDER BY published DESC NULLS LAST, article_id "
                     f"LIMIT {int(limit)} OFFSET {int(offset)}", scope, title=title.strip())


def article_count(cur, scope: Scope, *, title: str = "") -> int:
    """How many articles in scope have ``title`` in their title (all of them when empty)."""
    return _one(cur, f"SELECT count(*) FROM ({_titled(scope, title)})", scope, title=title.strip())[0]


def article(cur, article_id: str) -> dict | None:
    """One article's row (with its text) as a dict (None if there is no such article)."""
    rows = _run(cur, "SELECT * FROM articles WHERE article_id = $a", a=article_id)
    if not len(rows):
        return None
    row = rows.iloc[0].to_dict()
    row["topics"] = list(row["topics"]) if row["topics"] is not None else []
    row["text"] = _one(cur, "SELECT text FROM article_texts WHERE article_id = $a", a=article_id)[0]
    return row


def article_sentences(cur, article_id: str) -> pd.DataFrame:
    """An article's sentences in order (sid, sentence_id, start, end)."""
    return _run(cur, """SELECT s.sid, s.sentence_id, s.start, s."end" FROM sentences s
                        JOIN articles a USING (aid) WHERE a.article_id = $a ORDER BY s.sentence_id""",
                a=article_id)


def article_mentions(cur, article_id: str) -> pd.DataFrame:
    """An article's mentions in text order."""
    return _run(cur, "SELECT * FROM mention_rows WHERE article_id = $a ORDER BY start, \"end\" DESC",
                a=article_id)


# ---------------------------------------------------------------------------- export

_SENTENCE_JOIN = "JOIN sentence_rows s USING (sid)"


def export_sql(kind: str, scope: Scope, **extra) -> tuple[str, dict]:
    """The SQL (and parameters) of one CSV download: evidence columns first.

    ``kind``: "events", "figures", "actor_mentions", "place_mentions" or "article_mentions"
    (``article_id=``).
    """
    evidence = "t.article_id, t.sentence_id, t.start, t.\"end\", t.surface"
    if kind == "events":
        sql = (f"SELECT {evidence}, t.date, t.date_end, t.precision, t.relative, "
               f"array_to_string(t.actors, '; ') AS actors, array_to_string(t.places, '; ') AS places, "
               f"s.text AS sentence FROM {scope.table('events')} t {_SENTENCE_JOIN} "
               f"ORDER BY t.date, t.sid, t.start")
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
               f"FROM mention_rows t JOIN sentence_rows s USING (article_id, sentence_id) "
               f"WHERE t.{flag} AND s.sid IN (SELECT sid FROM {scope.table('sentences')}) "
               f"ORDER BY s.sid, t.start")
    elif kind == "article_mentions":
        sql = (f"SELECT {evidence}, t.kind, t.entity_id, t.name, s.text AS sentence "
               f"FROM mention_rows t JOIN sentence_rows s USING (article_id, sentence_id) "
               f"WHERE t.article_id = $article_id ORDER BY t.start")
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
