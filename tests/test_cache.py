"""The per-article cache: keys, round trips, and what a key ignores."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from data_prep.cache import ArticleCache, article_key, pipeline_version
from data_prep.pipeline import ArticleRows
from data_prep.records import Article

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = Article("a1", "Floods hit Lisbon.", title="Floods",
                  published=datetime(2023, 3, 8, tzinfo=timezone.utc), origin="in.jsonl:1")


def test_pipeline_version_is_a_short_stable_digest():
    assert pipeline_version() == pipeline_version() and len(pipeline_version()) == 16


@pytest.mark.parametrize("change, same", [
    ({"origin": "moved.jsonl:40"}, True),  # moving an article does not make it new
    ({"text": "Floods hit Porto."}, False),
    ({"title": "Storm"}, False),
    ({"article_id": "a2"}, False),
    ({"published": None}, False),
    ({"source": "Wire"}, False),
])
def test_key_follows_content_not_origin(change, same):
    assert (article_key(replace(ARTICLE, **change), "v1") == article_key(ARTICLE, "v1")) is same


def test_key_changes_with_the_pipeline():
    assert article_key(ARTICLE, "v1") != article_key(ARTICLE, "v2")


def test_round_trip_and_missing_keys(tmp_path):
    rows = ArticleRows(("a1", "T", None, None, None, None, "o", "text", ["war"]),
                       [("a1", 0, 0, 4, None, "text", [])], [], [], [])
    with ArticleCache(tmp_path / "c") as cache:
        cache.put([("k1", rows)])
        assert cache.known(["k1", "k2"]) == {"k1"}
        assert list(cache.get(["k1", "k1"])) == [rows, rows]
        with pytest.raises(KeyError, match="k2"):
            list(cache.get(["k2"]))
        assert cache.last_pipeline() is None
        cache.set_pipeline("v9")
    with ArticleCache(tmp_path / "c") as again:  # it is on disk
        assert again.known(["k1"]) == {"k1"} and again.last_pipeline() == "v9"


def test_many_keys_in_one_lookup(tmp_path):
    rows = ArticleRows(("x",) * 9, [], [], [], [])
    with ArticleCache(tmp_path / "c") as cache:
        cache.put((f"k{i}", rows) for i in range(1200))  # more than one SQL batch
        assert len(cache.known(f"k{i}" for i in range(0, 2400, 2))) == 600


@pytest.mark.slow
def test_many_builds_can_open_a_new_cache_at_once(tmp_path):
    """Opening a new cache switches it to WAL, which SQLite refuses at once (no busy wait)
    while another process is opening it: the setup takes turns. Six processes open each of
    ten new caches at the same moment."""
    script = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from data_prep.cache import ArticleCache
        root, start = Path(sys.argv[1]), float(sys.argv[2])
        for n in range(10):
            time.sleep(max(0.0, start + 0.3 * n - time.time()))
            ArticleCache(root / f"cache{n}").close()
    """)
    start = time.time() + 8  # after every process has imported the package
    runs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), str(start)], cwd=ROOT,
                             stderr=subprocess.PIPE, text=True) for _ in range(6)]
    failures = [run.stderr.read() for run in runs if run.wait() != 0]
    assert not failures, failures[0]
