"""The per-article function: plain rows in schema order, the same for long articles cut
into windows."""
from __future__ import annotations

import pickle

from data_prep.pipeline import STAGE_COLUMNS, load_pipeline, process_articles
from data_prep.records import Article


def test_rows_are_plain_tuples_in_schema_order(seed_text):
    (rows,) = process_articles([Article("seed", seed_text)], load_pipeline())
    assert rows.article[0] == "seed" and len(rows.article) == len(STAGE_COLUMNS["articles"])
    for name in ("sentences", "mentions", "events", "figures"):
        table = getattr(rows, name)
        assert table and all(len(r) == len(STAGE_COLUMNS[name]) for r in table), name
    assert pickle.loads(pickle.dumps(rows)) == rows  # what crosses to and from workers


def test_a_long_article_is_extracted_in_every_window(monkeypatch):
    from data_prep import pipeline

    window = 2_000  # as if WINDOW_CHARS were this small, to keep the test fast
    monkeypatch.setattr(pipeline, "WINDOW_CHARS", window)
    paragraph = "Troops advanced near Kharkiv on Monday, officials said. " * 3
    text = "\n\n".join([paragraph] * (3 * window // len(paragraph)))
    (rows,) = process_articles([Article("long", text, origin="x:1")], load_pipeline())
    assert [s[1] for s in rows.sentences] == list(range(len(rows.sentences)))
    starts = [m[2] for m in rows.mentions if m[4] == "Kharkiv"]
    assert min(starts) < window and max(starts) > 2 * window
    assert all(text[m[2]:m[3]] == m[4] for m in rows.mentions)


def test_an_article_that_breaks_a_stage_is_reported_and_the_others_kept(monkeypatch, tmp_path):
    import json

    from data_prep import dates
    from data_prep.build import build
    from data_prep.pipeline import ArticleFailure
    from data_prep.tables import read_table

    real = dates.extract_events

    def fragile(article, sentences, resources):
        if "Odesa" in article.text:
            raise ValueError("a bug this text meets")
        return real(article, sentences, resources)

    monkeypatch.setattr(dates, "extract_events", fragile)
    articles = [Article("a", "Talks in Geneva."), Article("b", "Strikes on Odesa.", origin="f:2"),
                Article("c", "Rain in Oslo.")]
    results = process_articles(articles, load_pipeline())
    assert [type(r).__name__ for r in results] == ["ArticleRows", "ArticleFailure", "ArticleRows"]
    assert results[1] == ArticleFailure("f:2", "could not be processed: ValueError: a bug this text meets")

    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": a.article_id, "text": a.text}) + "\n" for a in articles))
    result = build([path], tmp_path / "ds", workers=1)
    assert [(e.line, e.message.split(":")[0]) for e in result.errors] == [(2, "could not be processed")]
    assert read_table(tmp_path / "ds", "articles").article_id.tolist() == ["a", "c"]
