"""The engines give the same tables: one process, a pool of two, a Dask LocalCluster of two."""
from __future__ import annotations

import pytest

from data_prep.build import build
from data_prep.engines import _ordered, run_chunks
from data_prep.tables import TABLES, read_table
from scripts.compare_datasets import differences

from .test_incremental import write_articles


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_text):
    """Thirty small articles in one JSON-lines file."""
    root = tmp_path_factory.mktemp("engines")
    return [write_articles(root / "a.jsonl", range(30), seed_text)]


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory, corpus):
    """The dataset built in this process: what every engine must reproduce."""
    out = tmp_path_factory.mktemp("one") / "ds"
    build(corpus, out, workers=1, cache_dir=out.parent / "cache")
    return out


def assert_same(a, b):
    for name in TABLES:
        assert differences(read_table(a, name), read_table(b, name)) is None, name
        # not just the same rows: the same order
        assert read_table(a, name).equals(read_table(b, name)), name


@pytest.mark.slow
def test_two_worker_processes_build_the_same_tables(tmp_path, corpus, one_worker):
    result = build(corpus, tmp_path / "ds", workers=2, cache_dir=tmp_path / "cache")
    assert result.processed == 30
    assert_same(one_worker, tmp_path / "ds")


@pytest.mark.slow
def test_a_dask_local_cluster_builds_the_same_tables(tmp_path, corpus, one_worker):
    pytest.importorskip("distributed")
    result = build(corpus, tmp_path / "ds", workers=2, engine="dask", cache_dir=tmp_path / "cache")
    assert result.processed == 30
    assert_same(one_worker, tmp_path / "ds")


def test_ordered_keeps_input_order_with_a_bounded_window():
    from concurrent.futures import Future

    submitted = []

    def submit(chunk):
        submitted.append(chunk)
        future = Future()
        future.set_result([c * 10 for c in chunk])
        return future

    results = _ordered(submit, ([i] for i in range(5)), window=2)
    assert next(results) == [0]
    assert len(submitted) == 2  # never more than the window ahead of what was consumed
    assert list(results) == [[10], [20], [30], [40]]


@pytest.mark.parametrize("engine, workers, message", [
    ("spark", 1, "unknown engine"),
    ("local", -1, "at least 1"),
])
def test_bad_engine_settings_are_refused(engine, workers, message):
    with pytest.raises(ValueError, match=message):
        with run_chunks(engine, workers=workers):
            pass


@pytest.mark.slow
def test_workers_start_whatever_the_host_put_in_main(tmp_path, corpus, one_worker, monkeypatch):
    """Streamlit installs its page script as __main__; spawned workers must not run it."""
    import sys
    import types

    host = types.ModuleType("__main__")
    script = tmp_path / "page.py"
    script.write_text("raise SystemExit('a worker ran the host script')\n")
    host.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", host)
    build(corpus, tmp_path / "ds", workers=2, cache_dir=tmp_path / "cache")
    assert_same(one_worker, tmp_path / "ds")
    assert sys.modules["__main__"] is host


@pytest.mark.slow
def test_a_build_runs_on_a_running_cluster_given_its_address(tmp_path, corpus, one_worker):
    """What `--engine dask --scheduler tcp://...` does against `dask scheduler`/`dask worker`
    (a worker with two threads: its chunks share one model, one at a time)."""
    distributed = pytest.importorskip("distributed")
    from data_prep.engines import _plain_main

    with _plain_main(), distributed.LocalCluster(n_workers=1, threads_per_worker=2,
                                                 dashboard_address=None) as cluster:
        result = build(corpus, tmp_path / "ds", engine="dask", scheduler=cluster.scheduler_address,
                       cache_dir=tmp_path / "cache")
    assert result.processed == 30
    assert_same(one_worker, tmp_path / "ds")
