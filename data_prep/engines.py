"""Where the per-article work runs: in this process, in a pool of local processes, or on a
Dask cluster. Each engine maps :func:`data_prep.pipeline.process_articles` over chunks of
articles and yields the results in input order, keeping only a few chunks in flight so that
memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from .pipeline import ArticleRows, load_pipeline, process_articles
from .records import Article

__all__ = ["ENGINES", "default_workers", "run_chunks"]

ENGINES = ("local", "dask")
Chunk = list[Article]


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ordered(submit: Callable[[Chunk], Future], chunks: Iterable[Chunk], window: int
             ) -> Iterator[list[ArticleRows]]:
    """Results of ``submit`` over ``chunks`` in order, at most ``window`` chunks in flight."""
    in_flight: deque[Future] = deque()
    for chunk in chunks:
        in_flight.append(submit(chunk))
        if len(in_flight) >= window:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


# spaCy does not promise that one model may parse in several threads at once: a Dask worker
# started with several threads runs its chunks one after another.
_MODEL_LOCK = threading.Lock()


def _process_here(chunk: Chunk) -> list[ArticleRows]:
    with _MODEL_LOCK:
        return process_articles(chunk, load_pipeline())


def _warm_up() -> None:
    load_pipeline()  # once per worker process, before its first chunk


@contextmanager
def _plain_main():
    """A blank ``__main__`` while workers start: spawned processes re-run the parent's main
    module, and hosts such as Streamlit (and its AppTest) put their page script there."""
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved


@contextmanager
def _local(workers: int):
    if workers <= 1:
        yield lambda chunks: (_process_here(chunk) for chunk in chunks)
        return
    # spawn: a fresh interpreter per worker; forking a parent that runs threads can deadlock.
    context = multiprocessing.get_context("spawn")
    with _plain_main(), ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up) as pool:
        yield lambda chunks: _ordered(lambda c: pool.submit(_process_here, c), chunks, 2 * workers)


def _worker_plugin():
    """A Dask worker plugin that loads the model and resources once when a worker starts."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadPipeline(WorkerPlugin):
        name = "data_prep-pipeline"

        def setup(self, worker) -> None:
            load_pipeline()

    return LoadPipeline()


@contextmanager
def _dask(workers: int, scheduler: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("--engine dask needs Dask's distributed package: "
                           "pip install 'news-dashboard[dask]'") from None

    cluster = None
    if scheduler is None:
        with _plain_main():
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        client.register_plugin(_worker_plugin())
        size = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        yield lambda chunks: _ordered(
            lambda c: client.submit(_process_here, c, pure=False), chunks, 2 * max(size, 1))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def run_chunks(engine: str = "local", *, workers: int | None = None, scheduler: str | None = None):
    """A context giving a function ``chunks -> results`` that runs on the chosen engine.

    ``engine`` is "local" (``workers`` processes; 1 runs in this process) or "dask" (the
    cluster at ``scheduler``, or a LocalCluster of ``workers`` processes when None).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    workers = workers or default_workers()
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    runner = _dask(workers, scheduler) if engine == "dask" else _local(workers)
    with runner as run:
        yield run
