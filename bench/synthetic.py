"""A large synthetic dataset from any built one, for benchmarks and scale tests.

    python -m bench.synthetic DATASET --articles 100000 --out DIR

Copy ``k`` of every source article gets the id ``s{k}~{article_id}`` and its publication and
event dates shifted by ``k * --shift-days`` days; every other value is kept, so entities,
figures and sentences repeat. The layout is the one ``data_prep`` writes: a folder of Parquet
parts per table, ``search.sqlite`` (through ``data_prep.search_index``) and ``manifest.json``,
which says ``"synthetic"``. Rows are written part by part, so memory stays near the size of
the source dataset whatever ``--articles`` is.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from data_prep import search_index
from data_prep.tables import SCHEMA_VERSION, SCHEMAS, SEARCH_INDEX, TABLES, DatasetWriter, table_path

__all__ = ["make_synthetic"]

PART_ARTICLES = 1000
DERIVED = ("mentions", "events", "figures")


def _read(directory: Path, name: str) -> pa.Table:
    return pq.read_table(table_path(directory, name), schema=SCHEMAS[name])


def _copy(table: pa.Table, copy: int, shift: timedelta, dates: tuple[str, ...]) -> pa.Table:
    """``table`` with copy ``copy``'s article ids and ``dates`` columns moved by ``shift``."""
    ids = pc.binary_join_element_wise(pa.scalar(f"s{copy}~"), table["article_id"], "")
    table = table.set_column(table.schema.get_field_index("article_id"), "article_id", ids)
    for column in dates:
        shifted = pc.add(table[column], pa.scalar(shift, pa.duration("us")))
        table = table.set_column(table.schema.get_field_index(column), column,
                                 shifted.cast(table.schema.field(column).type))
    return table


def _rows_of(table: pa.Table, ids: pa.Array) -> pa.Table:
    return table.filter(pc.is_in(table["article_id"], value_set=ids))


def make_synthetic(source: Path, out: Path, *, articles: int, shift_days: int = 14,
                   log=print) -> dict:
    """Write a dataset of ``articles`` articles made from ``source`` into ``out``; returns its manifest."""
    if articles < 1:
        raise ValueError("--articles must be at least 1")
    tables = {name: _read(source, name) for name in TABLES}
    source_ids = tables["articles"]["article_id"]
    if not len(source_ids):
        raise ValueError(f"{source} has no articles to copy")
    copies = math.ceil(articles / len(source_ids))
    counts = dict.fromkeys(TABLES, 0)
    started = time.monotonic()
    with DatasetWriter(out) as writer:
        index = search_index.open_index(writer.root / SEARCH_INDEX)
        part = 0
        for copy in range(copies):
            shift = timedelta(days=copy * shift_days)
            wanted = min(len(source_ids), articles - copy * len(source_ids))
            chosen = source_ids.slice(0, wanted)
            for first in range(0, wanted, PART_ARTICLES):
                part += 1
                ids = chosen.slice(first, PART_ARTICLES)
                arts = _copy(_rows_of(tables["articles"], ids), copy, shift, ("published",))
                sents = _copy(_rows_of(tables["sentences"], ids), copy, shift, ())
                writer.write_part("articles", part, arts)
                writer.write_part("sentences", part, sents)
                search_index.add_sentences(index, part, zip(sents["article_id"].to_pylist(),
                                                            sents["sentence_id"].to_pylist(),
                                                            sents["text"].to_pylist()))
                counts["articles"] += len(arts)
                counts["sentences"] += len(sents)
            for name in DERIVED:
                rows = _rows_of(tables[name], chosen)
                rows = _copy(rows, copy, shift, ("date", "date_end") if name == "events" else ())
                writer.write_part(name, copy + 1, rows)
                counts[name] += len(rows)
            if (copy + 1) % max(1, copies // 10) == 0 or copy + 1 == copies:
                log(f"copy {copy + 1}/{copies}: {counts['articles']:,} articles "
                    f"({time.monotonic() - started:.0f} s)")
        index.close()
        source_manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "generator": f"bench.synthetic (python {sys.version.split()[0]})",
            "pipeline": source_manifest.get("pipeline"),
            "synthetic": {"source": str(source), "source_articles": len(source_ids),
                          "copies": copies, "shift_days": shift_days,
                          "note": "rows of the source replicated with new article ids "
                                  "and shifted dates; not real articles"},
            "counts": counts,
            "errors": [],
        }
        writer.commit(manifest)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, help="a dataset built by data_prep")
    parser.add_argument("--articles", type=int, required=True, help="articles to write")
    parser.add_argument("--out", type=Path, required=True, help="the new dataset's directory")
    parser.add_argument("--shift-days", type=int, default=14,
                        help="days between the dates of one copy and the next (default 14)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    manifest = make_synthetic(args.dataset, args.out, articles=args.articles,
                              shift_days=args.shift_days)
    counts = ", ".join(f"{n:,} {name}" for name, n in manifest["counts"].items())
    print(f"wrote {args.out} in {time.monotonic() - started:.0f} s: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
