"""Incremental builds: what a rebuild processes, what the dataset then holds, and that a
killed build loses nothing. Small real builds (the real model) on articles made from the seed."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from data_prep import build as build_module
from data_prep.build import build
from data_prep.tables import TABLES, read_table
from scripts.compare_datasets import differences

from .conftest import ROOT


def write_articles(path, ids, seed_text, *, tag=""):
    """JSON lines, one article per id: a paragraph of the seed that depends on the id."""
    paragraphs = [p for p in seed_text.split("\n") if len(p) > 200]
    with path.open("w", encoding="utf-8") as fh:
        for n in ids:
            text = f"{paragraphs[n % len(paragraphs)]}{tag}"
            fh.write(json.dumps({"id": f"art-{n}", "text": text, "published": "2024-11-17"}) + "\n")
    return path


def tables(out):
    return {name: read_table(out, name) for name in TABLES}


def assert_same_tables(a, b):
    for name in TABLES:
        assert differences(read_table(a, name), read_table(b, name)) is None, name


def manifest(out):
    return json.loads((out / "manifest.json").read_text())


def test_rebuild_adding_and_removing(tmp_path, seed_text):
    first = write_articles(tmp_path / "first.jsonl", range(6), seed_text)
    out = tmp_path / "ds"
    assert build([first], out, workers=1).processed == 6

    again = build([first], out, workers=1)
    assert (again.processed, again.reused) == (0, 6)
    assert manifest(out)["parts"] == {"new": 0, "reused": 1}

    second = write_articles(tmp_path / "second.jsonl", range(6, 9), seed_text)
    grown = build([first, second], out, workers=1)
    assert (grown.processed, grown.reused) == (3, 6)
    assert manifest(out)["parts"] == {"new": 1, "reused": 1}  # the old part is linked, not rewritten
    assert sorted(tables(out)["articles"].article_id) == sorted(f"art-{n}" for n in range(9))

    fresh = tmp_path / "fresh"
    build([first, second], fresh, workers=1, cache_dir=tmp_path / "fresh-cache")
    assert_same_tables(out, fresh)

    shrunk = build([second], out, workers=1)
    assert shrunk.processed == 0
    articles = tables(out)["articles"]
    assert sorted(articles.article_id) == ["art-6", "art-7", "art-8"]
    for name in ("sentences", "mentions", "events", "figures"):
        assert set(tables(out)[name].article_id) <= set(articles.article_id), name
    (origin,) = {o.rsplit(":", 1)[0] for o in articles.origin}
    assert origin == str(second)


def test_an_edited_article_is_processed_again(tmp_path, seed_text):
    path = write_articles(tmp_path / "a.jsonl", range(3), seed_text)
    out = tmp_path / "ds"
    build([path], out, workers=1)
    write_articles(path, range(3), seed_text, tag=" Talks resumed in Geneva.")
    result = build([path], out, workers=1)
    assert result.processed == 3
    assert "Geneva" in set(tables(out)["mentions"].surface)


def test_a_changed_pipeline_processes_everything_and_says_so(tmp_path, seed_text, monkeypatch):
    path = write_articles(tmp_path / "a.jsonl", range(4), seed_text)
    out = tmp_path / "ds"
    build([path], out, workers=1)
    monkeypatch.setattr(build_module, "pipeline_version", lambda: "another-version")
    result = build([path], out, workers=1)
    assert result.processed == 4 and result.reused == 0
    assert any("pipeline changed" in note for note in result.notes)
    assert manifest(out)["pipeline"] == "another-version"


def test_search_index_follows_the_articles(tmp_path, seed_text):
    from data_prep.search_index import open_index, search

    first = write_articles(tmp_path / "first.jsonl", range(3), seed_text)
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"id": "zeb", "text": "Zebras crossed the Limpopo river."}) + "\n")
    out = tmp_path / "ds"
    build([first, second], out, workers=1)
    db = open_index(out / "search.sqlite")
    assert [r[0] for r in search(db, "zebra")] == ["zeb"]  # porter: "zebra" finds "Zebras"
    assert search(db, '"Limpopo river"')[0][2] == "Zebras crossed the [Limpopo river]."
    db.close()
    build([first], out, workers=1)  # zeb's input removed: its sentences leave the index
    db = open_index(out / "search.sqlite")
    assert search(db, "zebra") == []
    n_sentences = db.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert n_sentences == len(read_table(out, "sentences"))
    db.close()


def _cached_rows(cache) -> int:
    try:
        with sqlite3.connect(f"file:{cache / 'articles.sqlite'}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM rows").fetchone()[0]
    except sqlite3.Error:
        return 0


# When to kill: as the workers start, halfway through processing, while the dataset is written.
KILL_MOMENTS = {
    "starting": lambda tmp, cache: (cache / "articles.sqlite").exists(),
    "processing": lambda tmp, cache: _cached_rows(cache) >= 40,
    "writing": lambda tmp, cache: any(tmp.glob(".ds.building-*")),
}


@pytest.fixture(scope="module")
def kill_inputs(tmp_path_factory, seed_text):
    """(small input, big input, a dataset built from both from scratch)."""
    root = tmp_path_factory.mktemp("kill")
    small = write_articles(root / "small.jsonl", range(2), seed_text)
    big = write_articles(root / "big.jsonl", range(2, 120), seed_text)
    fresh = root / "fresh"
    build([small, big], fresh, workers=1, cache_dir=root / "fresh-cache")
    return small, big, fresh


@pytest.mark.parametrize("moment", list(KILL_MOMENTS))
@pytest.mark.slow
def test_a_killed_build_leaves_the_previous_dataset_and_a_usable_cache(tmp_path, kill_inputs, moment):
    small, big, fresh = kill_inputs
    out, cache = tmp_path / "ds", tmp_path / "cache"
    build([small], out, workers=1, cache_dir=cache)
    before = tables(out)
    run = subprocess.Popen([sys.executable, "-m", "data_prep", "build", str(small), str(big),
                            "--out", str(out), "--cache", str(cache), "--workers", "2"],
                           cwd=ROOT, start_new_session=True)
    reached = KILL_MOMENTS[moment]
    while run.poll() is None and not reached(tmp_path, cache):
        time.sleep(0.002)
    finished = run.poll() is not None
    os.killpg(run.pid, signal.SIGKILL)  # the build and its workers, at once
    run.wait()
    if finished:  # the build won the race (the writing phase is short): then it is whole
        assert moment == "writing", "the build ended before the moment to kill it"
        assert_same_tables(out, fresh)
    else:
        after = tables(out)
        for name in TABLES:
            assert differences(before[name], after[name]) is None, name
    # The cache still works: the next build finishes, equals a build from scratch, and
    # clears what the killed one left behind.
    result = build([small, big], out, workers=1, cache_dir=cache)
    assert result.processed + result.reused == 120
    assert_same_tables(out, fresh)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "ds"]


@pytest.mark.slow
def test_two_builds_share_a_cache_at_once(tmp_path, seed_text):
    path = write_articles(tmp_path / "a.jsonl", range(12), seed_text)
    cache = tmp_path / "cache"
    runs = [subprocess.Popen([sys.executable, "-m", "data_prep", "build", str(path),
                              "--out", str(tmp_path / f"ds{i}"), "--cache", str(cache),
                              "--workers", "1"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for i in range(2)]
    for run in runs:
        assert run.wait() == 0, run.stderr.read()
    assert_same_tables(tmp_path / "ds0", tmp_path / "ds1")
    assert build([path], tmp_path / "ds2", workers=1, cache_dir=cache).processed == 0


def test_the_dashboard_opens_and_searches_a_dataset_grown_and_shrunk_in_place(tmp_path, seed_text,
                                                                              monkeypatch):
    """Reused, dropped and new parts keep the search index's rowids naming the right sentences."""
    import duckdb

    from dashboard import queries

    monkeypatch.setattr(build_module, "PART_ARTICLES", 2)  # several parts from a few articles
    first = write_articles(tmp_path / "first.jsonl", range(4), seed_text)
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"id": "zeb", "text": "Zebras crossed the Limpopo river."}) + "\n")
    out = tmp_path / "ds"
    build([first], out, workers=1)
    write_articles(first, [0, 1, 9, 3], seed_text)  # part 2 loses art-2: dropped, rewritten
    build([first, second], out, workers=1)
    assert manifest(out)["parts"] == {"new": 2, "reused": 1}
    con = duckdb.connect()
    queries.open_dataset(con, out)  # checks the rowids against the parts
    cur = con.cursor()
    db = queries.open_search(out)
    scope = queries.register_hits(cur, db, queries.Filters(q="zebras"))
    hits = cur.execute("SELECT sid FROM q_hits").fetchall()
    (text,) = db.execute(f"SELECT text FROM sentences WHERE rowid = {hits[0][0]}").fetchone()
    assert len(hits) == 1 and text == "Zebras crossed the Limpopo river."
    assert scope is not None
