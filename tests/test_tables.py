"""The dataset writer: schema order, and a failed write never replaces a good dataset."""
from __future__ import annotations

import json

import pyarrow as pa
import pytest

from data_prep import tables
from data_prep.tables import read_table, recover_interrupted_swap, to_table, write_dataset


def small_dataset(marker: str) -> dict[str, pa.Table]:
    row = {"article_id": marker, "title": None, "published": None, "source": None, "author": None,
           "url": None, "origin": "x:1", "text": "Text.", "topics": []}
    return {"articles": to_table("articles", [row])}


def test_to_table_orders_columns_and_rejects_missing():
    table = to_table("figures", [{
        "of": "troops", "value": 12000.0, "unit": "count", "approximate": True, "surface": "12,000",
        "article_id": "a", "sentence_id": 0, "start": 0, "end": 6, "actors": [], "places": []}])
    assert table.schema.names[:4] == ["article_id", "sentence_id", "start", "end"]
    with pytest.raises(ValueError, match="figures"):
        to_table("figures", [{"article_id": "a"}])
    assert to_table("events", []).num_rows == 0


def test_write_replaces_previous_dataset(tmp_path):
    out = tmp_path / "ds"
    write_dataset(out, small_dataset("old"), {"n": 1})
    write_dataset(out, small_dataset("new"), {"n": 2})
    assert read_table(out, "articles").article_id.tolist() == ["new"]
    assert json.loads((out / "manifest.json").read_text()) == {"n": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]  # no temporary leftovers


def test_failed_write_keeps_the_last_good_dataset(tmp_path, monkeypatch):
    out = tmp_path / "ds"
    write_dataset(out, small_dataset("good"), {"n": 1})

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-write

    monkeypatch.setattr(tables.pq, "write_table", crash)
    with pytest.raises(KeyboardInterrupt):
        write_dataset(out, small_dataset("half"), {"n": 2})
    assert read_table(out, "articles").article_id.tolist() == ["good"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def test_recover_after_death_between_renames(tmp_path):
    out = tmp_path / "ds"
    write_dataset(out, small_dataset("good"), {})
    out.rename(tmp_path / "ds.previous")  # the state a kill between the two renames leaves
    recover_interrupted_swap(out)
    assert read_table(out, "articles").article_id.tolist() == ["good"]
