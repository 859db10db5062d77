"""The FTS5 sentence index: ranked, stemmed, highlighted, and parts that can be dropped."""
from __future__ import annotations

import sqlite3

import pytest

from data_prep.search_index import add_sentences, drop_parts, open_index, optimize, search


@pytest.fixture()
def index(tmp_path):
    db = open_index(tmp_path / "search.sqlite")
    add_sentences(db, 1, [("a1", 0, "Missiles struck Kursk overnight."),
                          ("a1", 1, "The missile was an ATACMS.")])
    add_sentences(db, 2, [("b1", 0, "Aid reached Kharkiv; no missiles fell.")])
    yield db
    db.close()


def test_stemmed_words_phrases_and_highlight(index):
    assert {r[:2] for r in search(index, "missile")} == {("a1", 0), ("a1", 1), ("b1", 0)}
    assert search(index, '"struck Kursk"') == [("a1", 0, "Missiles [struck Kursk] overnight.")]
    assert search(index, "kharkiv AND aid")[0][:2] == ("b1", 0)


def test_dropping_a_part_forgets_its_sentences(index):
    drop_parts(index, [1])
    assert [r[:2] for r in search(index, "missile")] == [("b1", 0)]
    assert index.execute("SELECT count(*) FROM sentences").fetchone() == (1,)
    index.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")


def test_a_malformed_query_raises_sqlite_error(index):
    with pytest.raises(sqlite3.OperationalError):
        search(index, '"unbalanced')


def _segments(db) -> int:
    return db.execute("SELECT count(DISTINCT segid) FROM sentences_fts_idx").fetchone()[0]


def test_optimize_merges_the_parts_into_one_segment_and_keeps_every_result(index):
    before = sorted(search(index, "missile")), search(index, '"struck Kursk"')
    assert _segments(index) == 2  # one per part added
    optimize(index)
    assert _segments(index) == 1
    assert (sorted(search(index, "missile")), search(index, '"struck Kursk"')) == before
    assert index.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'missile' "
                         "AND rowid IN (3, 1)").fetchall() == [(1,), (3,)]
    drop_parts(index, [2])  # the next build's drops and adds work on the merged index
    add_sentences(index, 3, [("c1", 0, "A missile again.")])
    assert sorted(r[:2] for r in search(index, "missile")) == [("a1", 0), ("a1", 1), ("c1", 0)]
    index.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
