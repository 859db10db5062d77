"""Compare two built datasets table by table, row by row: ``python scripts/compare_datasets.py A B``.

Used to show that a change which should not alter the output (a refactor, a parallel or an
incremental build) writes the same tables. Rows are compared in a canonical order (sorted by
every column), so two datasets holding the same rows in another part order still match.
Reads both layouts: ``NAME.parquet`` files and ``NAME/`` folders of parts. Exit 0 when every
table is identical, 1 otherwise, with the first differing rows printed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

TABLES = ("articles", "sentences", "mentions", "events", "figures")


def read(dataset: Path, name: str) -> pd.DataFrame:
    """One table of either layout, columns as written."""
    folder = dataset / name
    path = folder if folder.is_dir() else dataset / f"{name}.parquet"
    return pq.read_table(path).to_pandas()


def canonical(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in an order that depends only on their values (lists compared as strings)."""
    keys = frame.map(lambda v: repr(list(v)) if hasattr(v, "__len__") and not isinstance(v, str)
                     else repr(v))
    order = keys.sort_values(list(keys.columns)).index
    return frame.loc[order].reset_index(drop=True)


def differences(a: pd.DataFrame, b: pd.DataFrame) -> str | None:
    """None when equal, else a short description of the first difference."""
    if list(a.columns) != list(b.columns):
        return f"columns differ: {list(a.columns)} vs {list(b.columns)}"
    if len(a) != len(b):
        return f"{len(a)} rows vs {len(b)} rows"
    a, b = canonical(a), canonical(b)
    for column in a.columns:
        left, right = a[column].map(repr), b[column].map(repr)
        unequal = left != right
        if unequal.any():
            i = unequal.idxmax()
            return (f"{int(unequal.sum())} rows differ in {column!r}; first: "
                    f"{a.loc[i].to_dict()} vs {b.loc[i].to_dict()}")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    failed = False
    for name in TABLES:
        a, b = read(args.a, name), read(args.b, name)
        problem = differences(a, b)
        print(f"{name:10s} {len(a):>8,} rows  {'identical' if problem is None else 'DIFFERENT: ' + problem}")
        failed |= problem is not None
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
