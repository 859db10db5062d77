"""The full-text index of the sentences: SQLite FTS5, written by the build into the dataset.

``sentences`` holds each sentence once (with the dataset part it came from, so that an
incremental build can drop a part's rows); ``sentences_fts`` is an external-content FTS5 index
over its ``text`` (porter stemming over unicode61 tokens), so ``highlight()``, ``snippet()``
and ``bm25()`` work on it. The rowid is shared by both tables.

    SELECT s.article_id, s.sentence_id, highlight(sentences_fts, 0, '[', ']')
    FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid
    WHERE sentences_fts MATCH 'missile' ORDER BY bm25(sentences_fts)
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

__all__ = ["open_index", "add_sentences", "drop_parts", "optimize", "search"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sentences (
    rowid INTEGER PRIMARY KEY,
    part INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    sentence_id INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_part ON sentences (part);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content='sentences', content_rowid='rowid', tokenize='porter unicode61'
);
"""


def open_index(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the index at ``path``."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")  # written in the build's private directory only
    db.execute("PRAGMA synchronous=OFF")
    db.executescript(_SCHEMA)
    return db


def add_sentences(db: sqlite3.Connection, part: int,
                  rows: Iterable[tuple[str, int, str]]) -> None:
    """Index ``(article_id, sentence_id, text)`` rows as belonging to ``part``."""
    with db:
        db.execute("BEGIN")
        start = db.execute("SELECT coalesce(max(rowid), 0) FROM sentences").fetchone()[0] + 1
        numbered = [(start + i, part, a, s, t) for i, (a, s, t) in enumerate(rows)]
        db.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", numbered)
        db.executemany("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)",
                       ((r[0], r[4]) for r in numbered))


def drop_parts(db: sqlite3.Connection, parts: Iterable[int]) -> None:
    """Remove the rows of ``parts`` from the table and the index."""
    parts = list(parts)
    if not parts:
        return
    marks = ",".join("?" * len(parts))
    with db:
        db.execute("BEGIN")
        # External content: the index learns what to forget from the old text itself.
        db.execute(f"INSERT INTO sentences_fts (sentences_fts, rowid, text) "
                   f"SELECT 'delete', rowid, text FROM sentences WHERE part IN ({marks})", parts)
        db.execute(f"DELETE FROM sentences WHERE part IN ({marks})", parts)


def optimize(db: sqlite3.Connection) -> None:
    """Merge the index into one segment (once the rows of a build are in; the next build's
    adds and drops work as before). FTS5 then finds a match by rowid through the doclist
    index: highlighting a page of 200 results of "said" on 100,000 articles took 23 ms on the
    index as written part by part, 2 ms merged; merging it took 1.8 s."""
    db.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('optimize')")


def search(db: sqlite3.Connection, query: str, *, limit: int = 20) -> list[tuple[str, int, str]]:
    """Best-ranked ``(article_id, sentence_id, highlighted text)`` for an FTS5 query."""
    return db.execute(
        "SELECT s.article_id, s.sentence_id, highlight(sentences_fts, 0, '[', ']') "
        "FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid "
        "WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts) LIMIT ?", (query, limit)
    ).fetchall()
