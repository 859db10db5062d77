"""bench.synthetic: a bigger dataset made by replicating a built one."""
from __future__ import annotations

import json
import sqlite3

import pandas as pd

from bench.synthetic import make_synthetic
from data_prep.tables import read_table


def test_synthetic_dataset_replicates_rows_with_new_ids_and_shifted_dates(dashboard_dataset, tmp_path):
    out = tmp_path / "syn"
    manifest = make_synthetic(dashboard_dataset, out, articles=10, shift_days=7, log=lambda _: None)
    articles = read_table(out, "articles")
    source = read_table(dashboard_dataset, "articles")
    assert len(articles) == 10 and articles["article_id"].is_unique
    assert manifest["synthetic"]["copies"] == 3
    assert json.loads((out / "manifest.json").read_text())["counts"]["articles"] == 10
    a1 = articles.set_index("article_id")
    assert a1.loc["s2~a1", "published"] - a1.loc["s0~a1", "published"] == pd.Timedelta(days=14)
    events = read_table(out, "events").set_index("article_id")
    shifted = events.loc["s1~a1"].sort_values("start")["date"].iloc[0]
    assert shifted == read_table(dashboard_dataset, "events").query("article_id == 'a1'")["date"].min() + pd.Timedelta(days=7)
    for name in ("sentences", "mentions", "figures"):
        table = read_table(out, name)
        assert set(table["article_id"]) <= set(articles["article_id"])
    sentences = read_table(out, "sentences")
    assert len(sentences) == 2 * 10 + 4 + 3  # copies 0 and 1 whole (10 sentences), a1 and a2 of copy 2
    assert len(source) == 4
    db = sqlite3.connect(out / "search.sqlite")
    assert db.execute("SELECT count(*) FROM sentences").fetchone()[0] == len(sentences)
    hits = db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'missiles'").fetchone()[0]
    assert hits == 2 * 3  # two sentences per copy
