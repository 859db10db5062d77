"""The I/O boundary: one DuckDB connection per dataset, a cursor per script run, small caches.

The connection (the dataset's compact tables, see ``queries.open_dataset``) is cached with ``st.cache_resource``
keyed by the directory as a string and the modification time of its ``manifest.json`` (so a
rebuild is picked up without a restart). ``st.cache_data`` holds only small results keyed by
those plain values and ``Filters.key()``.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from dashboard import queries, uploads
from dashboard.queries import Filters, Scope

__all__ = ["ROOT", "COUNTRIES_GEOJSON", "dataset_dir", "is_default_dir", "dataset_stamp",
           "connection", "cursor", "scoped", "sentence_set", "query", "options", "country_outlines",
           "country_names", "network", "places", "unmapped"]

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES_GEOJSON = ROOT / "data_prep" / "data" / "countries-110m.geojson"


def dataset_dir(upload_id: str | None = None) -> Path:
    """The dataset directory: an uploaded dataset's when ``upload_id`` names a built one, else
    ``$NEWS_DATA_DIR``, else the seed dataset ``make run`` builds."""
    uploaded = uploads.dataset_path(uploads.default_root(), upload_id) if upload_id else None
    return uploaded or Path(os.environ.get("NEWS_DATA_DIR") or ROOT / "data" / "seed")


def is_default_dir(directory: Path) -> bool:
    """True when ``directory`` is the seed location used without ``NEWS_DATA_DIR``."""
    return not os.environ.get("NEWS_DATA_DIR") and directory == ROOT / "data" / "seed"


def dataset_stamp(directory: Path) -> float:
    """The manifest's modification time (0 when missing), part of every cache key."""
    try:
        return (directory / "manifest.json").stat().st_mtime
    except OSError:
        return 0.0


@st.cache_resource(show_spinner="Opening the dataset…", max_entries=2)
def connection(path: str, stamp: float) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the dataset's tables (see ``queries.open_dataset``).

    Raises FileNotFoundError naming a missing table, ValueError for another schema version.
    """
    del stamp  # only part of the cache key
    con = duckdb.connect(config={"threads": 2})
    queries.open_dataset(con, Path(path), broad_max=0)
    # The broad filter values' summaries (several seconds on 100,000 articles) are made on a
    # cursor of their own while pages already query; each is used once complete.
    # Not a daemon: DuckDB aborts the process if a query runs while the interpreter exits.
    threading.Thread(target=_summarize_broad, args=(con.cursor(), path), daemon=False,
                     name="summarize-broad").start()
    return con


def _summarize_broad(cur: duckdb.DuckDBPyConnection, path: str) -> None:
    try:
        queries.summarize_broad(cur)
    except duckdb.Error as error:  # e.g. the connection was closed: pages keep the general queries
        logging.getLogger(__name__).warning("summaries of broad filters for %s stopped: %s", path, error)


def cursor(path: str, stamp: float) -> duckdb.DuckDBPyConnection:
    """A cursor of its own for this script run (a DuckDB connection is not shared by threads)."""
    return connection(path, stamp).cursor()


def scoped(path: str, stamp: float, filters: Filters
           ) -> tuple[duckdb.DuckDBPyConnection, sqlite3.Connection | None, Scope]:
    """A fresh cursor, the search index and the scope of ``filters`` (search matches and the
    filtered sentences registered; the sentences found once per filters, see ``sentence_set``)."""
    cur = cursor(path, stamp)
    db = queries.open_search(Path(path))
    # Keyed by the sentence-level filters only: a new date range or source reuses the set.
    by_sentence = Filters(actors=filters.actors, topics=filters.topics, places=filters.places, q=filters.q)
    sids = sentence_set(path, stamp, by_sentence.key()) if not by_sentence.is_empty() else None
    return cur, db, queries.register_hits(cur, db, filters, sids=sids)


@st.cache_data(show_spinner=False, max_entries=32)
def sentence_set(path: str, stamp: float, key: tuple):
    """The sids passing the sentence-level filters of ``key`` (None when none applies): every
    query of a view reads them instead of finding them again (at most 8 bytes a sentence)."""
    cur = cursor(path, stamp)
    db = queries.open_search(Path(path))
    scope = queries.register_hits(cur, db, Filters.from_key(key), materialize=False)
    return queries.scope_sids(cur, scope)


@st.cache_data(show_spinner=False, max_entries=512)
def query(path: str, stamp: float, key: tuple, name: str, *args, **kwargs):
    """``queries.<name>(cursor, scope, *args, **kwargs)`` for the filters whose key is ``key``.

    Only for functions that return what a page draws (a few hundred rows at most).
    """
    cur, _, scope = scoped(path, stamp, Filters.from_key(key))
    return getattr(queries, name)(cur, scope, *args, **kwargs)


@st.cache_data(show_spinner=False, max_entries=4)
def options(path: str, stamp: float) -> dict[str, list[str]]:
    """The values each sidebar facet offers, from the whole dataset."""
    return queries.facet_options(cursor(path, stamp))


@st.cache_data(show_spinner=False, max_entries=32)
def network(path: str, stamp: float, key: tuple, top_n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Co-occurrence nodes (with layout) and edges for the filtered view."""
    cur, _, scope = scoped(path, stamp, Filters.from_key(key))
    nodes, edges = queries.cooccurrence(cur, scope, top_n=top_n)
    return queries.network_layout(nodes, edges), edges


@st.cache_data(show_spinner=False, max_entries=32)
def places(path: str, stamp: float, key: tuple) -> pd.DataFrame:
    """Map points for the filtered view, with country names from the outline file."""
    cur, _, scope = scoped(path, stamp, Filters.from_key(key))
    return queries.place_points(cur, scope, country_names())


@st.cache_data(show_spinner=False, max_entries=64)
def unmapped(path: str, stamp: float, key: tuple) -> pd.DataFrame:
    """Places of the filtered view that have no coordinates, with country names."""
    cur, _, scope = scoped(path, stamp, Filters.from_key(key))
    return queries.unmapped_places(cur, scope, country_names())


@st.cache_data(show_spinner=False)
def country_outlines(path: str = str(COUNTRIES_GEOJSON)) -> dict | None:
    """The Natural Earth country outlines shipped in the repo (None if the file is absent)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def country_names() -> dict[str, str]:
    """ISO alpha-2 code -> country name, from the outline file."""
    outlines = country_outlines() or {"features": []}
    return {f["properties"].get("iso_a2"): f["properties"].get("name")
            for f in outlines["features"] if f.get("properties", {}).get("iso_a2")}
