"""The dataset contract: table schemas, the layout, the atomic writer and the manifest.

A dataset is a directory holding one folder per table of Parquet parts
(``articles/part-000001.parquet``...; pyarrow and DuckDB read a folder as one table, parts in
name order), ``search.sqlite`` (the FTS5 index of the sentences) and ``manifest.json``. It is
written into a temporary sibling directory and swapped in only when complete, so a failed or
interrupted build never leaves a half-written dataset where a good one was. Parts that did not
change are hard-linked from the previous dataset instead of written again.
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

__all__ = ["SCHEMA_VERSION", "ACTOR_KINDS", "PLACE_KINDS", "SCHEMAS", "TABLES", "to_table",
           "DatasetWriter", "write_dataset", "read_table", "table_path", "part_name",
           "recover_interrupted_swap", "SEARCH_INDEX"]

# 2: one folder of parts per table and search.sqlite (1 was one file per table).
SCHEMA_VERSION = 3
SEARCH_INDEX = "search.sqlite"

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
        ("heading", pa.bool_()),
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


def _remove_abandoned(out: Path) -> None:
    """Delete what killed builds left beside ``out`` (their process is gone); a build that is
    still running elsewhere keeps its directory."""
    for path in out.parent.glob(f".{out.name}.building-*"):
        pid = path.name.removeprefix(f".{out.name}.building-").split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def part_name(number: int) -> str:
    """File name of part ``number``; names sort in part order."""
    return f"part-{number:06d}.parquet"


def table_path(directory: Path, name: str) -> Path:
    """The folder of table ``name`` in a dataset."""
    return Path(directory) / name


class DatasetWriter:
    """Write a dataset beside ``out`` and swap it in on :meth:`commit`; on any exit without
    commit the partial directory is removed and ``out`` is untouched.

        with DatasetWriter(out) as writer:
            writer.write_part("articles", 1, table)
            writer.link_part("sentences", 2, previous / "sentences" / part_name(2))
            writer.commit(manifest)
    """

    def __init__(self, out: Path):
        self.out = Path(out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        recover_interrupted_swap(self.out)
        _remove_abandoned(self.out)
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.building-{os.getpid()}-",
                                          dir=self.out.parent))
        for name in TABLES:
            (self.root / name).mkdir()

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, *exc) -> None:
        if self.root.exists():
            shutil.rmtree(self.root, ignore_errors=True)

    def write_part(self, name: str, number: int, table: pa.Table) -> None:
        """Write rows of table ``name`` as part ``number``."""
        pq.write_table(table, self.root / name / part_name(number))

    def link_part(self, name: str, number: int, source: Path) -> None:
        """Reuse a previous dataset's part file: a hard link, or a copy where links fail."""
        target = self.root / name / part_name(number)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)

    def commit(self, manifest: dict) -> None:
        """Write the manifest, then replace ``out`` with the new dataset in two renames."""
        for name in TABLES:  # a table without rows is still a readable (empty) table
            if not any((self.root / name).iterdir()):
                self.write_part(name, 0, SCHEMAS[name].empty_table())
        (self.root / "manifest.json").write_text(
            json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
        backup = self.out.with_name(self.out.name + ".previous")
        if self.out.exists():
            os.replace(self.out, backup)
        os.replace(self.root, self.out)
        shutil.rmtree(backup, ignore_errors=True)


def write_dataset(out: Path, tables: Mapping[str, pa.Table], manifest: dict) -> None:
    """Write all tables (one part each) and the manifest to ``out``, replacing any previous
    dataset atomically."""
    with DatasetWriter(out) as writer:
        for name, table in tables.items():
            writer.write_part(name, 1, table)
        writer.commit(manifest)


def read_table(directory: Path, name: str) -> pd.DataFrame:
    """One table of a dataset as a DataFrame (all its parts, in order)."""
    return pq.read_table(table_path(directory, name), schema=SCHEMAS[name]).to_pandas()
