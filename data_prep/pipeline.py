"""The per-article work: ``(articles, pipeline) -> rows``, the same in one process, a process
pool or on Dask workers.

Rows are plain tuples in table-schema column order (no spaCy objects), so they are cheap to
send between processes and to keep in the cache. Everything that depends on more than one
article (entity linking, the ``actors``/``places`` columns) happens later, in ``build``.
"""
from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from . import dates, figures, mentions, topics
from .resources import Resources, load_resources
from .records import Article, Sentence
from .segment import WINDOW_CHARS, parse_articles
from .tables import SCHEMAS

__all__ = ["ArticleRows", "ArticleFailure", "Pipeline", "load_pipeline", "process_articles",
           "STAGE_COLUMNS"]

# A table's columns as its stage returns them: all but those that linking adds later.
STAGE_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(f.name for f in schema if f.name not in ("actors", "places"))
    for name, schema in SCHEMAS.items()
}


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """What one article contributes to each table, before corpus-wide linking.

    ``article`` is one row of ``articles``; the lists hold rows of ``sentences``, ``mentions``,
    ``events`` and ``figures``; every row is a tuple in :data:`STAGE_COLUMNS` order.
    """

    article: tuple
    sentences: list[tuple]
    mentions: list[tuple]
    events: list[tuple]
    figures: list[tuple]


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article the stages could not process: where it was read, and why."""

    origin: str
    message: str


@dataclass(frozen=True)
class Pipeline:
    """What the per-article stages use, loaded once per process (or per worker)."""

    nlp: Language
    resources: Resources


@lru_cache(maxsize=1)
def load_pipeline() -> Pipeline:
    """The model and the stages' resources, loaded once in this process."""
    from .nlp import load_model

    # The gazetteer's tables and the model's are large and live as long as the process: loading
    # them with the collector on runs full collections over the growing heap, and every later
    # full collection would walk them again (together about 0.9 s of a whole-corpus build).
    # Collect once, then freeze them out of the collector's generations.
    gc.disable()
    try:
        pipeline = Pipeline(nlp=load_model(), resources=load_resources())
    finally:
        gc.enable()
    gc.collect()
    gc.freeze()
    return pipeline


def _tuples(name: str, rows: Sequence[dict]) -> list[tuple]:
    columns = STAGE_COLUMNS[name]
    return [tuple(row[c] for c in columns) for row in rows]


class _Accumulator:
    """Rows of one article gathered over its windows (one window for any normal article)."""

    def __init__(self, article: Article):
        self.article = article
        self.topics: list[list[str]] = []
        self.rows: dict[str, list[tuple]] = {"sentences": [], "mentions": [], "events": [],
                                              "figures": []}

    def add(self, sentences: list[Sentence], pipeline: Pipeline) -> None:
        article, resources = self.article, pipeline.resources
        per_sentence = topics.sentence_topics(sentences, resources.taxonomy)
        self.topics.extend(per_sentence)
        self.rows["sentences"].extend(
            (s.article_id, s.sentence_id, s.start, s.end, s.section, s.text, t, s.heading)
            for s, t in zip(sentences, per_sentence))
        mention_rows = mentions.extract_mentions(article, sentences, resources)
        self.rows["mentions"].extend(_tuples("mentions", mention_rows))
        self.rows["events"].extend(_tuples("events", dates.extract_events(article, sentences, resources)))
        self.rows["figures"].extend(_tuples("figures", figures.extract_figures(article, sentences, resources, mention_rows)))

    def done(self) -> ArticleRows:
        a = self.article
        row = (a.article_id, a.title, a.published, a.source, a.author, a.url, a.origin, a.text,
               topics.article_topics(self.topics))
        return ArticleRows(row, **self.rows)


def process_articles(articles: Sequence[Article], pipeline: Pipeline
                     ) -> list[ArticleRows | ArticleFailure]:
    """The rows of each article, in order. Long articles are extracted window by window so
    that their parses are let go as they are used.

    An exception on one article does not lose the others: the chunk is processed again one
    article at a time, and the article that fails becomes an :class:`ArticleFailure`.
    """
    try:
        return _process(articles, pipeline)
    except Exception as exc:  # a bug met on hostile text: find the article, keep the others
        if len(articles) == 1:
            return [ArticleFailure(articles[0].origin, f"could not be processed: "
                                                       f"{type(exc).__name__}: {exc}")]
    return [result for article in articles for result in process_articles([article], pipeline)]


def _process(articles: Sequence[Article], pipeline: Pipeline) -> list[ArticleRows]:
    results: list[ArticleRows] = []
    current: _Accumulator | None = None
    for article, sentences in parse_articles(articles, pipeline.nlp, window_chars=WINDOW_CHARS):
        if current is None or current.article is not article:
            if current is not None:
                results.append(current.done())
            current = _Accumulator(article)
        current.add(sentences, pipeline)
    if current is not None:
        results.append(current.done())
    return results
