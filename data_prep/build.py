"""Run a build: files -> articles -> per-article rows (cached, on an engine) -> corpus-wide
linking -> the dataset.

Incremental by construction: an article's rows are cached under its content and the pipeline
version, so a rebuild parses only articles it has not seen. Articles and sentences are written
in parts of :data:`PART_ARTICLES` articles; a part whose articles are all still there, unchanged
and from the same place, is hard-linked from the previous dataset, and only new articles make
new parts. Mentions, events and figures depend on every article (entity linking across the
corpus) and are recomputed from the cached rows each build, which takes seconds.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import sys
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import search_index
from .cache import ArticleCache, article_key, pipeline_version
from .engines import default_workers, run_chunks
from .linking import link_entities
from .pipeline import STAGE_COLUMNS, ArticleFailure, ArticleRows
from .readers import InputError, find_inputs, iter_file
from .records import Article
from .resources import load_resources
from .tables import (ACTOR_KINDS, PLACE_KINDS, SCHEMA_VERSION, SEARCH_INDEX, DatasetWriter,
                     part_name, recover_interrupted_swap, table_path, to_table)

__all__ = ["BuildResult", "NoArticlesError", "read_inputs", "iter_inputs", "build",
           "default_cache_dir", "PART_ARTICLES"]

PART_ARTICLES = 1000  # articles per part of the articles and sentences tables
_CHUNK_ARTICLES = 8  # articles per task sent to a worker: small enough to keep all cores busy
_LOOKUP_BATCH = 64  # articles read before asking the cache which of them it knows
_PARTS_FILE = "parts.json"
# Positions in the stage rows (see pipeline.STAGE_COLUMNS) that the writer reads or replaces.
_ORIGIN = STAGE_COLUMNS["articles"].index("origin")
_INDEXED = tuple(STAGE_COLUMNS["sentences"].index(c) for c in ("article_id", "sentence_id", "text"))
_ONE_ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


class NoArticlesError(ValueError):
    """No input yielded a single article, so there is nothing to build."""


@dataclass
class BuildResult:
    """What a build did: table row counts, per-input summaries, errors, and how many articles
    were processed (parsed) and reused from the cache."""

    counts: dict[str, int]
    inputs: list[dict] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    processed: int = 0
    reused: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Entry:
    """An article of this build: its cache key and where it was read."""

    key: str
    origin: str

    @property
    def part_key(self) -> str:
        """Changes when the article or its origin does: a part is reused only if all match."""
        return hashlib.sha256(f"{self.key}\0{self.origin}".encode()).hexdigest()[:32]


def default_cache_dir(out: Path) -> Path:
    """The cache beside the dataset: ``data/seed`` caches in ``data/seed.cache``."""
    out = Path(out)
    return out.with_name(out.name + ".cache")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def iter_inputs(paths: Sequence[str | Path], errors: list[InputError], inputs: list[dict]
                ) -> Iterator[Article]:
    """Articles of all inputs as they are read; duplicate ids are errors (first one wins).

    Appends each input's summary to ``inputs`` once it is read, and problems to ``errors``.
    """
    seen: dict[str, str] = {}
    for path in find_inputs(paths):
        if not path.exists():
            errors.append(InputError(str(path), None, "no such file or folder"))
            continue
        before = len(errors)
        kept = 0
        for article in iter_file(path, errors):
            if article.article_id in seen and article.article_id == path.stem \
                    and path.suffix.lower() in _ONE_ARTICLE_SUFFIXES:
                # Two folders' index.html: an id taken from a file name is made unique, not dropped.
                digest = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:8]
                article = replace(article, article_id=f"{path.stem}-{digest}")
            if article.article_id in seen:
                line = article.origin.rsplit(":", 1)[-1]
                errors.append(InputError(str(path), int(line) if line.isdigit() else None,
                                         f"duplicate article id {article.article_id!r} "
                                         f"(first at {seen[article.article_id]}); skipped"))
                continue
            seen[article.article_id] = article.origin
            kept += 1
            yield article
        try:
            digest = _sha256(path)
        except OSError:
            digest = None  # unreadable: iter_file has already reported it
        inputs.append({"path": str(path), "sha256": digest, "articles": kept,
                       "errors": len(errors) - before})


def read_inputs(paths: Sequence[str | Path]) -> tuple[list[Article], list[dict], list[InputError]]:
    """All articles of all inputs at once, with per-input summaries and errors (small inputs)."""
    errors: list[InputError] = []
    inputs: list[dict] = []
    articles = list(iter_inputs(paths, errors, inputs))
    return articles, inputs, errors


def _sentence_entities(mention_rows: pd.DataFrame) -> dict[tuple[str, int], tuple[list[str], list[str]]]:
    """``(article_id, sentence_id) -> (actor ids, place ids)`` in order of first mention."""
    by_sentence: dict[tuple[str, int], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for aid, sid, kind, eid in mention_rows[
            ["article_id", "sentence_id", "kind", "entity_id"]].itertuples(index=False):
        actors, places = by_sentence[(aid, sid)]
        if kind in ACTOR_KINDS and eid not in actors:
            actors.append(eid)
        if kind in PLACE_KINDS and eid not in places:
            places.append(eid)
    return dict(by_sentence)


def _attach_entities(rows: pd.DataFrame, by_sentence: dict[tuple[str, int], tuple[list[str], list[str]]]
                     ) -> pd.DataFrame:
    """Add ``actors`` and ``places``: the entity ids mentioned in each row's sentence."""
    rows = rows.copy()
    empty: tuple[list[str], list[str]] = ([], [])
    found = [by_sentence.get(k, empty) for k in zip(rows["article_id"], rows["sentence_id"])]
    rows["actors"] = pd.Series([list(a) for a, _ in found], index=rows.index, dtype=object)
    rows["places"] = pd.Series([list(p) for _, p in found], index=rows.index, dtype=object)
    return rows


def _stage_table(name: str, rows: list[tuple]) -> pa.Table:
    return to_table(name, pd.DataFrame.from_records(rows, columns=list(STAGE_COLUMNS[name])))


def _previous_parts(out: Path, pipeline: str) -> dict[int, list[str]]:
    """The parts of the dataset at ``out`` (number -> part keys) if this pipeline wrote it."""
    try:
        saved = json.loads((out / _PARTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if saved.get("pipeline") != pipeline or saved.get("schema_version") != SCHEMA_VERSION:
        return {}
    parts = {int(n): keys for n, keys in saved.get("parts", {}).items()}
    return {n: keys for n, keys in parts.items()
            if all((table_path(out, t) / part_name(n)).exists() for t in ("articles", "sentences"))}


def _plan_parts(entries: list[_Entry], previous: dict[int, list[str]]
                ) -> tuple[dict[int, list[_Entry]], set[int]]:
    """Parts of this build (number -> entries, in part order) and the previous parts reused.

    A previous part is reused when every article in it is still here, unchanged and from the
    same place; the other articles fill new parts numbered after the previous ones.
    """
    by_part_key = {e.part_key: e for e in entries}
    reused = {n for n, keys in previous.items() if all(k in by_part_key for k in keys)}
    plan = {n: [by_part_key[k] for k in previous[n]] for n in reused}
    covered = {k for n in reused for k in previous[n]}
    fresh = [e for e in entries if e.part_key not in covered]
    first = max(previous, default=0) + 1
    for i in range(0, len(fresh), PART_ARTICLES):
        plan[first + i // PART_ARTICLES] = fresh[i:i + PART_ARTICLES]
    return dict(sorted(plan.items())), reused


def _process(paths, cache: ArticleCache, pipeline: str, engine: str, workers: int,
             scheduler: str | None, errors: list[InputError], inputs: list[dict],
             progress) -> tuple[list[_Entry], int]:
    """Read every input, process the articles the cache does not know, store their rows.

    Returns the build's entries in input order and how many articles were processed.
    """
    entries: list[_Entry] = []
    pending_keys: deque[list[str]] = deque()  # keys of the chunks in flight, in order
    queued: set[str] = set()

    def uncached_chunks() -> Iterator[list[Article]]:
        batch: list[tuple[str, Article]] = []

        def missing() -> Iterator[list[Article]]:
            known = cache.known(k for k, _ in batch)
            todo = [(k, a) for k, a in batch if k not in known and k not in queued]
            queued.update(k for k, _ in todo)
            for i in range(0, len(todo), _CHUNK_ARTICLES):
                chunk = todo[i:i + _CHUNK_ARTICLES]
                pending_keys.append([k for k, _ in chunk])
                yield [a for _, a in chunk]

        for article in iter_inputs(paths, errors, inputs):
            key = article_key(article, pipeline)
            entries.append(_Entry(key, article.origin))
            batch.append((key, article))
            if len(batch) >= _LOOKUP_BATCH:
                yield from missing()
                batch = []
        yield from missing()

    chunks = uncached_chunks()
    first = next(chunks, None)
    processed = 0
    if first is None:  # nothing new: no model, no workers
        return entries, 0
    failed: set[str] = set()
    bar = progress() if progress else None
    with run_chunks(engine, workers=workers, scheduler=scheduler) as run:
        for results in run(itertools.chain([first], chunks)):
            done = []
            for key, result in zip(pending_keys.popleft(), results):
                if isinstance(result, ArticleFailure):
                    failed.add(key)
                    errors.append(_failure_error(result))
                else:
                    done.append((key, result))
            cache.put(done)
            processed += len(done)
            if bar is not None:
                bar.update(len(results))
    if bar is not None:
        bar.close()
    return [e for e in entries if e.key not in failed], processed


def _failure_error(failure: ArticleFailure) -> InputError:
    """The input error for an article the stages failed on ("path:line" or "path#record")."""
    path, _, line = failure.origin.rpartition(":")
    if path and line.isdigit():
        return InputError(path, int(line), failure.message)
    return InputError(failure.origin, None, failure.message)


def _open_search_index(writer: DatasetWriter, out: Path, reused: set[int],
                       previous: dict[int, list[str]]):
    """Open the new dataset's search index: the previous one, copied and stripped of dropped
    parts, when parts are reused; else a new one. Returns the connection."""
    target = writer.root / SEARCH_INDEX
    old = out / SEARCH_INDEX
    if reused and old.exists():
        shutil.copyfile(old, target)
        db = search_index.open_index(target)
        search_index.drop_parts(db, set(previous) - reused)
        return db
    return search_index.open_index(target)


def build(paths: Sequence[str | Path], out: Path, *, workers: int | None = None,
          engine: str = "local", scheduler: str | None = None, cache_dir: Path | None = None,
          progress: Callable[[], object] | None = None) -> BuildResult:
    """Read inputs, extract every table and write the dataset to ``out`` atomically.

    ``workers`` processes (default: every core) run the per-article work, locally or on Dask
    (``engine="dask"``: the cluster at ``scheduler``, or a LocalCluster). ``cache_dir``
    defaults to :func:`default_cache_dir`. ``progress``, if given, returns a tqdm-like bar
    that is updated with the number of articles processed.

    Raises NoArticlesError (and leaves ``out`` untouched) when no input yields an article.
    """
    out = Path(out)
    recover_interrupted_swap(out)
    workers = workers or default_workers()
    pipeline = pipeline_version()
    errors: list[InputError] = []
    inputs: list[dict] = []
    notes: list[str] = []
    with ArticleCache(cache_dir or default_cache_dir(out)) as cache:
        last = cache.last_pipeline()
        if last is not None and last != pipeline:
            notes.append(f"the pipeline changed since this cache was last used ({last} -> "
                         f"{pipeline}): every article is processed again")
        entries, processed = _process(paths, cache, pipeline, engine, workers, scheduler,
                                      errors, inputs, progress)
        if not entries:
            raise NoArticlesError("no article could be read from the inputs"
                                  + "".join(f"\n  {e}" for e in errors))
        cache.set_pipeline(pipeline)
        previous = _previous_parts(out, pipeline)
        plan, reused = _plan_parts(entries, previous)
        derived: dict[str, list[tuple]] = {"mentions": [], "events": [], "figures": []}
        counts = {"articles": len(entries), "sentences": 0}
        with DatasetWriter(out) as writer:
            index = _open_search_index(writer, out, reused, previous)
            for number, part in plan.items():
                rows: list[ArticleRows] = list(cache.get([e.key for e in part]))
                for name in derived:
                    derived[name].extend(r for a in rows for r in getattr(a, name))
                counts["sentences"] += sum(len(a.sentences) for a in rows)
                if number in reused:
                    for name in ("articles", "sentences"):
                        writer.link_part(name, number, table_path(out, name) / part_name(number))
                    continue
                # origin is where the article was read this time, not when it was cached
                articles = [a.article[:_ORIGIN] + (e.origin,) + a.article[_ORIGIN + 1:]
                            for a, e in zip(rows, part)]
                sentences = [s for a in rows for s in a.sentences]
                writer.write_part("articles", number, _stage_table("articles", articles))
                writer.write_part("sentences", number, _stage_table("sentences", sentences))
                search_index.add_sentences(index, number,
                                           (tuple(s[i] for i in _INDEXED) for s in sentences))
            search_index.optimize(index)
            index.close()
            linked = link_entities(_stage_table("mentions", derived.pop("mentions")).to_pandas(),
                                   load_resources())
            writer.write_part("mentions", 1, to_table("mentions", linked))
            counts["mentions"] = len(linked)
            by_sentence = _sentence_entities(linked)  # once for both tables
            for name in ("events", "figures"):
                frame = pd.DataFrame.from_records(derived.pop(name), columns=list(STAGE_COLUMNS[name]))
                writer.write_part(name, 1, to_table(name, _attach_entities(frame, by_sentence)))
                counts[name] = len(frame)
            (writer.root / _PARTS_FILE).write_text(json.dumps({
                "schema_version": SCHEMA_VERSION, "pipeline": pipeline,
                "parts": {str(n): [e.part_key for e in part] for n, part in plan.items()},
            }), encoding="utf-8")
            manifest = {
                "schema_version": SCHEMA_VERSION,
                "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "generator": f"data_prep (python {sys.version.split()[0]})",
                "pipeline": pipeline,
                "engine": engine,
                "workers": workers,
                "processed": processed,
                "reused": len(entries) - processed,
                "parts": {"new": len(plan) - len(reused), "reused": len(reused)},
                "inputs": inputs,
                "counts": {name: int(counts[name]) for name in
                           ("articles", "sentences", "mentions", "events", "figures")},
                "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in errors],
                "notes": notes,
            }
            writer.commit(manifest)
    return BuildResult(counts=manifest["counts"], inputs=inputs, errors=errors,
                       processed=processed, reused=len(entries) - processed, notes=notes)
