"""Run the stages: files -> articles -> sentences -> mentions, events, figures, topics -> tables."""
from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from . import dates, figures, mentions, topics
from .nlp import load_model
from .readers import InputError, find_inputs, read_file
from .records import Article, Sentence
from .segment import parse_articles
from .tables import ACTOR_KINDS, PLACE_KINDS, SCHEMA_VERSION, SCHEMAS, to_table, write_dataset

__all__ = ["BuildResult", "NoArticlesError", "extract", "read_inputs", "build"]

_ONE_ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


class NoArticlesError(ValueError):
    """No input yielded a single article, so there is nothing to build."""


@dataclass
class BuildResult:
    """What a build produced: the tables as DataFrames, per-input summaries and errors."""

    tables: dict[str, pd.DataFrame]
    inputs: list[dict] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def _article_row(article: Article, article_topics: list[str]) -> dict:
    return {
        "article_id": article.article_id, "title": article.title,
        "published": article.published, "source": article.source, "author": article.author,
        "url": article.url, "origin": article.origin, "text": article.text,
        "topics": article_topics,
    }


def _sentence_rows(sentences: Sequence[Sentence], per_sentence: list[list[str]]) -> list[dict]:
    return [
        {"article_id": s.article_id, "sentence_id": s.sentence_id, "start": s.start, "end": s.end,
         "section": s.section, "text": s.text, "topics": t}
        for s, t in zip(sentences, per_sentence)
    ]


def _attach_entities(rows: pd.DataFrame, mention_rows: pd.DataFrame) -> pd.DataFrame:
    """Add ``actors`` and ``places``: the entity ids mentioned in each row's sentence."""
    rows = rows.copy()
    if rows.empty:
        rows["actors"] = pd.Series(dtype=object)
        rows["places"] = pd.Series(dtype=object)
        return rows
    by_sentence: dict[tuple[str, int], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    if not mention_rows.empty:
        for aid, sid, kind, eid in mention_rows[
                ["article_id", "sentence_id", "kind", "entity_id"]].itertuples(index=False):
            actors, places = by_sentence[(aid, sid)]
            if kind in ACTOR_KINDS and eid not in actors:
                actors.append(eid)
            if kind in PLACE_KINDS and eid not in places:
                places.append(eid)
    keys = list(zip(rows["article_id"], rows["sentence_id"]))
    rows["actors"] = [list(by_sentence[k][0]) if k in by_sentence else [] for k in keys]
    rows["places"] = [list(by_sentence[k][1]) if k in by_sentence else [] for k in keys]
    return rows


def _stage_columns(name: str) -> list[str]:
    """A table's columns as its stage returns them: all but the ones ``_attach_entities`` adds."""
    return [f.name for f in SCHEMAS[name] if f.name not in ("actors", "places")]


def extract(
    articles: Iterable[Article], *, progress: Callable[[Iterable], Iterable] | None = None
) -> dict[str, pd.DataFrame]:
    """All tables for the given articles (the model runs once per paragraph)."""
    from .linking import link_entities
    from .resources import load_resources

    nlp = load_model()
    resources = load_resources()
    article_rows, sentence_rows, mention_rows, event_rows, figure_rows = [], [], [], [], []
    parsed = parse_articles(articles, nlp)
    for article, sentences in (progress(parsed) if progress else parsed):
        per_sentence = topics.sentence_topics(sentences, resources.taxonomy)
        article_rows.append(_article_row(article, topics.article_topics(per_sentence)))
        sentence_rows.extend(_sentence_rows(sentences, per_sentence))
        mention_rows.extend(mentions.extract_mentions(article, sentences, resources))
        event_rows.extend(dates.extract_events(article, sentences, resources))
        figure_rows.extend(figures.extract_figures(article, sentences, resources))

    def frame(name: str, rows: list[dict]) -> pd.DataFrame:
        return to_table(name, rows).to_pandas()

    mention_frame = link_entities(frame("mentions", mention_rows), resources)
    events = pd.DataFrame(event_rows, columns=_stage_columns("events"))
    figs = pd.DataFrame(figure_rows, columns=_stage_columns("figures"))
    return {
        "articles": frame("articles", article_rows),
        "sentences": frame("sentences", sentence_rows),
        "mentions": mention_frame,
        "events": _attach_entities(events, mention_frame),
        "figures": _attach_entities(figs, mention_frame),
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_inputs(paths: Sequence[str | Path]) -> tuple[list[Article], list[dict], list[InputError]]:
    """Articles of all inputs (duplicate ids are errors, first one wins), per-input summaries."""
    articles: list[Article] = []
    inputs: list[dict] = []
    errors: list[InputError] = []
    seen: dict[str, str] = {}
    for path in find_inputs(paths):
        if not path.exists():
            errors.append(InputError(str(path), None, "no such file or folder"))
            continue
        before = len(errors)
        kept = 0
        for article in read_file(path, errors):
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
            articles.append(article)
            kept += 1
        try:
            digest = _sha256(path)
        except OSError:
            digest = None  # unreadable: read_file has already reported it
        inputs.append({"path": str(path), "sha256": digest, "articles": kept,
                       "errors": len(errors) - before})
    return articles, inputs, errors


def build(paths: Sequence[str | Path], out: Path, *,
          progress: Callable[[int], Callable[[Iterable], Iterable]] | None = None) -> BuildResult:
    """Read inputs, extract every table and write the dataset to ``out`` atomically.

    ``progress``, given the number of articles, returns a wrapper for the article stream.

    Raises NoArticlesError (and leaves ``out`` untouched) when no input yields an article.
    """
    articles, inputs, errors = read_inputs(paths)
    if not articles:
        raise NoArticlesError("no article could be read from the inputs"
                         + "".join(f"\n  {e}" for e in errors))
    tables = extract(articles, progress=progress(len(articles)) if progress else None)
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "generator": f"data_prep (python {sys.version.split()[0]})",
        "inputs": inputs,
        "counts": {name: int(len(frame)) for name, frame in tables.items()},
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in errors],
    }
    write_dataset(out, {name: to_table(name, frame) for name, frame in tables.items()}, manifest)
    return BuildResult(tables=tables, inputs=inputs, errors=errors)
