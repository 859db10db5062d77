"""A large synthetic dataset from any built one, for benchmarks and scale tests.

    python -m bench.synthetic DATASET --articles 100000 --out DIR

Copy ``k`` of every source article gets the id ``s{k}~{article_id}`` and its publication and
event dates shifted by ``k * --shift-days`` days; every other value is kept, so entities,
figures and sentences repeat. The layout is the one ``data_prep`` writes: a folder of Parquet
parts per table, ``search.sqlite`` (through ``data_prep.search_index``) and ``manifest.json``,
which says ``"synthetic"``. Every table is written in parts of 1,000 articles, one part at a
time, so memory stays near the size of the source dataset whatever ``--articles`` is.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from data_prep import search_index
from data_prep.tables import SCHEMA_VERSION, SCHEMAS, SEARCH_INDEX, TABLES, DatasetWriter, table_path

__all__ = ["make_synthetic"]

PART_ARTICLES = 1000


def _read(directory: Path, name: str) -> pa.Table:
    return pq.read_table(table_path(directory, name), schema=SCHEMAS[name])


class _Rows:
    """One source table, its rows grouped by the source article they belong to."""

    def __init__(self, table: pa.Table, source_ids: pa.Array):
        self.table = table
        index = pc.index_in(table["article_id"], value_set=source_ids).to_numpy(zero_copy_only=False)
        self.order = np.argsort(index, kind="stable")
        counts = np.bincount(index, minlength=len(source_ids))
        self.starts = np.concatenate([[0], np.cumsum(counts)])

    def take(self, segments: list[tuple[int, int, int]], shift_days: int,
             dates: tuple[str, ...]) -> pa.Table:
        """The rows of source articles [first, last) for each (copy, first, last), as those copies."""
        rows = [self.order[self.starts[a]:self.starts[b]] for _, a, b in segments]
        copies = [np.full(len(r), k, dtype=np.int64) for r, (k, _, _) in zip(rows, segments)]
        rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        copy = np.concatenate(copies) if copies else np.zeros(0, dtype=np.int64)
        table = self.table.take(pa.array(rows))
        ids = pc.binary_join_element_wise("s", pc.cast(pa.array(copy), pa.string()), "~",
                                          table["article_id"], "")
        table = table.set_column(table.schema.get_field_index("article_id"), "article_id", ids)
        shift = pa.array(copy * shift_days * 86_400_000_000, type=pa.duration("us"))
        for column in dates:
            field = table.schema.field(column)
            table = table.set_column(table.schema.get_field_index(column), column,
                                     pc.add(table[column], shift).cast(field.type))
        return table


def _segments(first: int, last: int, n: int) -> list[tuple[int, int, int]]:
    """Global article slots [first, last) as (copy, first source article, end) runs."""
    out = []
    slot = first
    while slot < last:
        copy, start = divmod(slot, n)
        end = min(n, start + (last - slot))
        out.append((copy, start, end))
        slot += end - start
    return out


_DATES = {"articles": ("published",), "events": ("date", "date_end")}


def make_synthetic(source: Path, out: Path, *, articles: int, shift_days: int = 14,
                   log=print) -> dict:
    """Write a dataset of ``articles`` articles made from ``source`` into ``out``; returns its manifest."""
    if articles < 1:
        raise ValueError("--articles must be at least 1")
    tables = {name: _read(source, name) for name in TABLES}
    source_ids = tables["articles"]["article_id"]
    n = len(source_ids)
    if not n:
        raise ValueError(f"{source} has no articles to copy")
    rows = {name: _Rows(table, source_ids) for name, table in tables.items()}
    copies = math.ceil(articles / n)
    parts = math.ceil(articles / PART_ARTICLES)
    counts = dict.fromkeys(TABLES, 0)
    started = time.monotonic()
    with DatasetWriter(out) as writer:
        index = search_index.open_index(writer.root / SEARCH_INDEX)
        for part in range(1, parts + 1):
            segments = _segments((part - 1) * PART_ARTICLES, min(articles, part * PART_ARTICLES), n)
            for name in TABLES:
                table = rows[name].take(segments, shift_days, _DATES.get(name, ()))
                writer.write_part(name, part, table)
                counts[name] += len(table)
                if name == "sentences":
                    search_index.add_sentences(index, part, zip(table["article_id"].to_pylist(),
                                                                table["sentence_id"].to_pylist(),
                                                                table["text"].to_pylist()))
            if part % max(1, parts // 10) == 0 or part == parts:
                log(f"part {part}/{parts}: {counts['articles']:,} articles "
                    f"({time.monotonic() - started:.0f} s)")
        search_index.optimize(index)
        index.close()
        source_manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "generator": f"bench.synthetic (python {sys.version.split()[0]})",
            "pipeline": source_manifest.get("pipeline"),
            "synthetic": {"source": str(source), "source_articles": n,
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
