"""Cached loading at the I/O boundary: the dataset directory, its tables, filtered views.

Caches are keyed by plain values: the directory as a string, the modification time of its
``manifest.json`` (so a rebuild is picked up without a restart) and ``Filters.key()``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import queries
from data_prep.tables import SCHEMA_VERSION, TABLES, read_table, table_path  # the contract; no NLP imports
from dashboard.queries import Dataset, Filters

__all__ = ["ROOT", "COUNTRIES_GEOJSON", "TABLES", "dataset_dir", "is_default_dir", "dataset_stamp",
           "load", "filtered", "options", "country_outlines", "country_names", "network", "places"]

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES_GEOJSON = ROOT / "data_prep" / "data" / "countries-110m.geojson"


def dataset_dir() -> Path:
    """The dataset directory: ``$NEWS_DATA_DIR``, else the seed dataset ``make run`` builds."""
    return Path(os.environ.get("NEWS_DATA_DIR") or ROOT / "data" / "seed")


def is_default_dir(directory: Path) -> bool:
    """True when ``directory`` is the seed location used without ``NEWS_DATA_DIR``."""
    return not os.environ.get("NEWS_DATA_DIR") and directory == ROOT / "data" / "seed"


def dataset_stamp(directory: Path) -> float:
    """The manifest's modification time (0 when missing), part of every cache key."""
    try:
        return (directory / "manifest.json").stat().st_mtime
    except OSError:
        return 0.0


@st.cache_data(show_spinner="Loading the dataset…", max_entries=4)
def load(path: str, stamp: float) -> Dataset:
    """Read and prepare all tables of the dataset at ``path``.

    Raises FileNotFoundError naming the missing table.
    """
    del stamp  # only part of the cache key
    directory = Path(path)
    manifest_file = directory / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.exists() else {}
    version = manifest.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:  # checked first: an older layout has no table folders
        raise ValueError(f"dataset schema version {version}, this app reads {SCHEMA_VERSION}: "
                         "rebuild it with this version of data_prep")
    tables = {}
    for name in TABLES:
        folder = table_path(directory, name)
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is missing")
        tables[name] = read_table(directory, name)
    return queries.prepare(tables, manifest)


@st.cache_data(show_spinner=False, max_entries=32)
def _filtered(path: str, stamp: float, key: tuple) -> Dataset:
    """The dataset narrowed by the filters whose ``key()`` is ``key``."""
    return queries.apply_filters(load(path, stamp), Filters.from_key(key))


def filtered(path: str, stamp: float, filters: Filters) -> Dataset:
    """The dataset narrowed by ``filters`` (the loaded dataset itself when there are none)."""
    if filters.is_empty():
        return load(path, stamp)
    return _filtered(path, stamp, filters.key())


@st.cache_data(show_spinner=False, max_entries=4)
def options(path: str, stamp: float) -> dict[str, list[str]]:
    """The values each sidebar facet offers, from the whole dataset."""
    return queries.facet_options(load(path, stamp))


@st.cache_data(show_spinner=False, max_entries=32)
def network(path: str, stamp: float, key: tuple, top_n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Co-occurrence nodes (with layout) and edges for the filtered view."""
    ds = filtered(path, stamp, Filters.from_key(key))
    nodes, edges = queries.cooccurrence(ds, top_n=top_n)
    return queries.network_layout(nodes, edges), edges


@st.cache_data(show_spinner=False, max_entries=32)
def places(path: str, stamp: float, key: tuple) -> pd.DataFrame:
    """Map points for the filtered view, with country names from the outline file."""
    ds = filtered(path, stamp, Filters.from_key(key))
    return queries.place_points(ds, country_names())


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
