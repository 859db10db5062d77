"""The per-article function: plain rows in schema order, the same for long articles cut
into windows."""
from __future__ import annotations

import pickle

from data_prep.pipeline import STAGE_COLUMNS, load_pipeline, process_articles
from data_prep.records import Article
from data_prep.segment import WINDOW_CHARS


def test_rows_are_plain_tuples_in_schema_order(seed_text):
    (rows,) = process_articles([Article("seed", seed_text)], load_pipeline())
    assert rows.article[0] == "seed" and len(rows.article) == len(STAGE_COLUMNS["articles"])
    for name in ("sentences", "mentions", "events", "figures"):
        table = getattr(rows, name)
        assert table and all(len(r) == len(STAGE_COLUMNS[name]) for r in table), name
    assert pickle.loads(pickle.dumps(rows)) == rows  # what crosses to and from workers


def test_a_long_article_is_extracted_in_every_window():
    paragraph = "Troops advanced near Kharkiv on Monday, officials said. " * 8
    text = "\n\n".join([paragraph] * (3 * WINDOW_CHARS // len(paragraph)))
    (rows,) = process_articles([Article("long", text, origin="x:1")], load_pipeline())
    assert [s[1] for s in rows.sentences] == list(range(len(rows.sentences)))
    starts = [m[2] for m in rows.mentions if m[4] == "Kharkiv"]
    assert min(starts) < WINDOW_CHARS and max(starts) > 2 * WINDOW_CHARS
    assert all(text[m[2]:m[3]] == m[4] for m in rows.mentions)
