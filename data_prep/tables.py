"""The dataset contract: table schemas, the atomic writer and the manifest.

A dataset is a directory of Parquet files plus ``manifest.json``. It is written into a
temporary sibling directory and swapped in only when complete, so a failed or interrupted
build never leaves a half-written dataset where a good one was.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["SCHEMA_VERSION", "ACTOR_KINDS", "PLACE_KINDS", "SCHEMAS", "TABLES", "to_table", "write_dataset", "read_table",
           "recover_interrupted_swap"]

SCHEMA_VERSION = 1

# Mention kinds that count as actors (a nationality carries its country's id) and as places.
ACTOR_KINDS = ("person", "organization", "country", "group")
PLACE_KINDS = ("country", "place")

_EVIDENCE = [
    ("article_id", pa.string()),
    ("sentence_id", pa.int32()),
    ("start", pa.int32()),
    ("end", pa.int32()),
]
_STR_LIST = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", pa.string()), ("title", pa.string()),
        ("published", pa.timestamp("us", tz="UTC")), ("source", pa.string()),
        ("author", pa.string()), ("url", pa.string()), ("origin", pa.string()),
        ("text", pa.string()), ("topics", _STR_LIST),
    ]),
    "sentences": pa.schema(_EVIDENCE + [
        ("section", pa.string()), ("text", pa.string()), ("topics", _STR_LIST),
    ]),
    "mentions": pa.schema(_EVIDENCE + [
        ("surface", pa.string()), ("kind", pa.string()), ("entity_id", pa.string()),
        ("name", pa.string()), ("country_code", pa.string()), ("lat", pa.float64()),
        ("lon", pa.float64()), ("confidence", pa.float64()),
    ]),
    "events": pa.schema(_EVIDENCE + [
        ("surface", pa.string()), ("date", pa.timestamp("us")), ("date_end", pa.timestamp("us")),
        ("precision", pa.string()), ("relative", pa.bool_()),
        ("actors", _STR_LIST), ("places", _STR_LIST),
    ]),
    "figures": pa.schema(_EVIDENCE + [
        ("surface", pa.string()), ("value", pa.float64()), ("unit", pa.string()),
        ("of", pa.string()), ("approximate", pa.bool_()),
        ("actors", _STR_LIST), ("places", _STR_LIST),
    ]),
}
TABLES = tuple(SCHEMAS)


def to_table(name: str, rows: list[Mapping] | pd.DataFrame) -> pa.Table:
    """Rows (dicts or a DataFrame) as an Arrow table of the named schema, in schema column order.

    Raises ValueError naming the table when a column is missing.
    """
    schema = SCHEMAS[name]
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    missing = [f.name for f in schema if f.name not in frame.columns]
    if missing and len(frame):
        raise ValueError(f"table {name!r} is missing columns {missing}")
    if not len(frame):
        return schema.empty_table()
    frame = frame[[f.name for f in schema]]
    return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)


def recover_interrupted_swap(out: Path) -> None:
    """Put the previous dataset back if a build died between the two renames of its swap."""
    backup = out.with_name(out.name + ".previous")
    if backup.exists() and not out.exists():
        os.replace(backup, out)
    elif backup.exists():
        shutil.rmtree(backup, ignore_errors=True)


def write_dataset(out: Path, tables: Mapping[str, pa.Table], manifest: dict) -> None:
    """Write all tables and the manifest to ``out``, replacing any previous dataset atomically."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted_swap(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        for name, table in tables.items():
            pq.write_table(table, tmp / f"{name}.parquet")
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n",
                                           encoding="utf-8")
        backup = out.with_name(out.name + ".previous")
        if out.exists():
            os.replace(out, backup)
        os.replace(tmp, out)
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def read_table(directory: Path, name: str) -> pd.DataFrame:
    """One table of a dataset as a DataFrame."""
    return pq.read_table(Path(directory) / f"{name}.parquet").to_pandas()
